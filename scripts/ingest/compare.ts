/**
 * The comparison groups and the difference-in-differences.
 *
 * Similar areas: every unit outside the footprints, reweighted so that, within each region, its
 * 2011 residents fall into IMD 2019 deciles in the same proportions as the Big Local residents.
 * Because the weights are linear in the Big Local residents of each (region, decile) cell, the
 * similar-areas group is exactly the sum of the 150 per-area comparators, which is what lets the
 * bootstrap resample areas and their comparators together.
 */
import { randomInt, randomLcg, quantileSorted } from 'd3';
import { InputError } from './read-tables.ts';
import { addCounts, emptyCounts, type ComparisonUnit } from './units.ts';
import type { LadInfo } from './inputs.ts';
import {
  HEALTH_MEASURES,
  healthChange,
  healthShares,
  round,
  type HealthChange,
  type HealthCounts,
  type HealthMeasure,
  type HealthShares,
  type Interval,
} from '../../src/data/schema.ts';

export const BOOTSTRAP_REPLICATES = 2000;
/** The report's publication date, 11 December 2023: any fixed seed would do; this one is memorable. */
export const BOOTSTRAP_SEED = 20231211;

export interface Year2 {
  counts2011: HealthCounts;
  counts2021: HealthCounts;
}

const emptyYear2 = (): Year2 => ({ counts2011: emptyCounts(), counts2021: emptyCounts() });
const addYear2 = (into: Year2, add: Year2, weight = 1) => {
  addCounts(into.counts2011, add.counts2011, weight);
  addCounts(into.counts2021, add.counts2021, weight);
  return into;
};
export const sumUnits = (units: Iterable<Year2>): Year2 => {
  const total = emptyYear2();
  for (const u of units) addYear2(total, u);
  return total;
};

/** Counts rounded to 4 decimals so that floating-point noise never reaches the committed files. */
function tidy(y: Year2): HealthChange {
  const r = (c: HealthCounts): HealthCounts => ({
    residents: round(c.residents),
    very_good: round(c.very_good),
    good: round(c.good),
    fair: round(c.fair),
    bad: round(c.bad),
    very_bad: round(c.very_bad),
  });
  return healthChange(r(y.counts2011), r(y.counts2021));
}

export function regionOf(unit: ComparisonUnit, lads: Map<string, LadInfo>, ladFile: string): LadInfo {
  const info = lads.get(unit.lad);
  if (!info) throw new InputError(ladFile, null, 'LAD21CD', `district ${unit.lad} (of LSOA ${unit.id}) is not in the district-to-region lookup`);
  return info;
}

export interface ComparatorModel {
  /** Comparator counts for a set of Big Local units: the similar areas matched to exactly their mix. */
  comparatorFor(units: ComparisonUnit[]): Year2;
}

export function buildComparatorModel(pool: ComparisonUnit[], lads: Map<string, LadInfo>, ladFile: string): ComparatorModel {
  const cells = new Map<string, { residents2011: number; counts: Year2 }>();
  const add = (key: string, u: ComparisonUnit) => {
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { residents2011: 0, counts: emptyYear2() }));
    cell.residents2011 += u.counts2011.residents;
    addYear2(cell.counts, u);
  };
  for (const u of pool) {
    add(`${regionOf(u, lads, ladFile).regionCode}|${u.imdDecile}`, u);
    // Fallback cell for a decile with no comparator units in a region: the same decile nationally.
    add(`*|${u.imdDecile}`, u);
  }
  return {
    comparatorFor(units) {
      const want = new Map<string, number>();
      for (const u of units) {
        const key = `${regionOf(u, lads, ladFile).regionCode}|${u.imdDecile}`;
        want.set(key, (want.get(key) ?? 0) + u.counts2011.residents);
      }
      const out = emptyYear2();
      for (const [key, residents] of [...want].sort()) {
        const cell = cells.get(key) ?? cells.get(`*|${key.split('|')[1]}`);
        if (!cell || cell.residents2011 === 0) throw new Error(`no comparator units at all in IMD decile ${key.split('|')[1]}`);
        addYear2(out, cell.counts, residents / cell.residents2011);
      }
      return out;
    },
  };
}

export interface AreaFigures {
  code: string;
  units: ComparisonUnit[];
  own: Year2;
  comparator: Year2;
}


/**
 * Big Local change minus similar-areas change, with a percentile interval from resampling the
 * areas (each with its own comparator) with replacement.
 */
export function differenceInDifferences(
  areas: AreaFigures[],
  replicates = BOOTSTRAP_REPLICATES,
  seed = BOOTSTRAP_SEED,
): Record<HealthMeasure, Interval> {
  const estimateOf = (sample: AreaFigures[]) => {
    const own = sumUnits(sample.map((a) => a.own));
    const comp = sumUnits(sample.map((a) => a.comparator));
    // Each year's shares once per sample, not once per measure: 2,000 replicates × 7 measures.
    const [o11, o21, c11, c21] = [own.counts2011, own.counts2021, comp.counts2011, comp.counts2021].map(healthShares) as [HealthShares, HealthShares, HealthShares, HealthShares];
    return Object.fromEntries(HEALTH_MEASURES.map((m) => [m, o21[m] - o11[m] - (c21[m] - c11[m])])) as Record<HealthMeasure, number>;
  };
  const point = estimateOf(areas);
  const draw = randomInt.source(randomLcg(seed / 2 ** 32))(0, areas.length);
  const samples: Record<HealthMeasure, number[]> = Object.fromEntries(HEALTH_MEASURES.map((m) => [m, []])) as never;
  const sample: AreaFigures[] = new Array(areas.length);
  for (let b = 0; b < replicates; b++) {
    for (let i = 0; i < areas.length; i++) sample[i] = areas[draw()]!;
    const est = estimateOf(sample);
    for (const m of HEALTH_MEASURES) samples[m].push(est[m]);
  }
  return Object.fromEntries(
    HEALTH_MEASURES.map((m) => {
      const sorted = samples[m].sort((a, b) => a - b);
      return [m, { estimate: round(point[m]), lower: round(quantileSorted(sorted, 0.025)!), upper: round(quantileSorted(sorted, 0.975)!) }];
    }),
  ) as Record<HealthMeasure, Interval>;
}

export { tidy as toHealthChange };
