/**
 * What the comparison is made of: counts for two censuses, summed and tidied, an area's figures,
 * and the bootstrap's settings.
 *
 * Similar areas: every unit outside the footprints, reweighted so that, within each region, its
 * 2011 residents fall into IMD 2019 deciles in the same proportions as the Big Local residents
 * (robustness.ts `CellComparator` with `REGION_DECILE`, the one comparator every estimate uses).
 * Because the weights are linear in the Big Local residents of each (region, decile) cell, the
 * similar-areas group is exactly the sum of the 150 per-area comparators, which is what lets the
 * bootstrap (robustness.ts `bootstrapInterval`) resample areas and their comparators together.
 */
import { InputError } from './read-tables.ts';
import { addCounts, emptyCounts, type ComparisonUnit } from './units.ts';
import type { LadInfo } from './inputs.ts';
import { healthChange, round, type HealthChange, type HealthCounts } from '../../src/data/schema.ts';

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

export interface AreaFigures {
  code: string;
  units: ComparisonUnit[];
  own: Year2;
  comparator: Year2;
}


export { tidy as toHealthChange };
