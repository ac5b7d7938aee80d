/**
 * How far the difference in differences holds: the same estimate under other comparators, other
 * footprints and without fast-growing units (specifications), and the estimate's place among
 * placebo sets of similar neighbourhoods that got no Big Local money.
 *
 * Pure functions of the comparison units; the ingest supplies the units, the areas' units and the
 * adjacency of units. Everything random is drawn from a seeded generator, so the same inputs give
 * the same figures.
 *
 * Speed: an estimate only adds up counts. Each area's own and comparator counts are packed into one
 * row of a Float64Array, and a bootstrap replicate adds 150 rows, in the same order and with the
 * same shares as `differenceInDifferences` in compare.ts, so the two agree to the last bit.
 */
import { quantileSorted, randomInt, randomLcg } from 'd3';
import {
  FAST_GROWTH_PCT,
  GROWTH_BAND_EDGES,
  HEALTH_MEASURES,
  NEAREST_NEIGHBOURS,
  ROBUSTNESS_MEASURES,
  healthShares,
  round,
  shareOf,
  type GrowthBand,
  type HealthCounts,
  type HealthMeasure,
  type Interval,
  type Robustness,
  type RobustnessMeasure,
  type RobustnessRow,
  type SpecificationGroup,
} from '../../src/data/schema.ts';
import { FIELDS, addCountsAt, countsAt } from './packed-counts.ts';
import { PlaceboComparator, PlaceboPool, placeboEstimates, placeboRank, placeboTarget } from './placebo.ts';
import { BOOTSTRAP_REPLICATES, BOOTSTRAP_SEED, sumUnits, type AreaFigures, type Year2 } from './compare.ts';
import type { ComparisonUnit } from './units.ts';

// ---------------------------------------------------------------------------------------------
// Packed counts and the bootstrap

/** Own 2011, own 2021, comparator 2011, comparator 2021: six counts each. */
const ROW = 4 * FIELDS.length;

export type Estimates = Record<HealthMeasure, number>;

function packYear2(row: Float64Array, offset: number, y: Year2) {
  // The row is still zero here, so adding is writing.
  addCountsAt(row, offset, y.counts2011);
  addCountsAt(row, offset + FIELDS.length, y.counts2021);
}

/** One row per area: its own counts, then its comparator's. */
export function packAreas(areas: Pick<AreaFigures, 'own' | 'comparator'>[]): Float64Array {
  const packed = new Float64Array(areas.length * ROW);
  areas.forEach((a, i) => {
    packYear2(packed, i * ROW, a.own);
    packYear2(packed, i * ROW + 2 * FIELDS.length, a.comparator);
  });
  return packed;
}


/**
 * The difference in differences of summed rows (own change minus comparator change), for each of
 * `measures`. Each share is worked out as healthShares works it out (its categories added in the
 * same order, then rounded), but only for the measures asked for: a bootstrap asks this of every
 * replicate.
 */
function estimateOfSum<M extends HealthMeasure>(sum: Float64Array, measures: readonly M[]): Record<M, number> {
  const out = {} as Record<M, number>;
  for (const m of measures) {
    const fields = FIELDS_OF[m];
    out[m] = shareIn(sum, 1, fields) - shareIn(sum, 0, fields) - (shareIn(sum, 3, fields) - shareIn(sum, 2, fields));
  }
  return out;
}

/** One measure's share in block `k` of a summed row; `fields` as in FIELDS_OF (residents, then its categories). */
function shareIn(sum: Float64Array, k: number, fields: readonly number[]): number {
  const o = k * FIELDS.length;
  let n = sum[o + fields[1]!]!;
  for (let j = 2; j < fields.length; j++) n += sum[o + fields[j]!]!;
  return shareOf(n, sum[o]!);
}

/** The point estimate of the areas in `rows` (indices into `packed`; all areas when omitted). */
export function estimateOf(packed: Float64Array, rows?: ArrayLike<number>): Estimates {
  const sum = new Float64Array(ROW);
  const n = rows ? rows.length : packed.length / ROW;
  for (let i = 0; i < n; i++) {
    const base = (rows ? rows[i]! : i) * ROW;
    for (let f = 0; f < ROW; f++) sum[f]! += packed[base + f]!;
  }
  return estimateOfSum(sum, HEALTH_MEASURES);
}

/** The counts (offsets within a year of a packed row) each measure's share is made of: residents, then its categories. */
const FIELDS_OF: Record<HealthMeasure, readonly number[]> = {
  very_good: [0, 1],
  good: [0, 2],
  fair: [0, 3],
  bad: [0, 4],
  very_bad: [0, 5],
  very_good_or_good: [0, 1, 2],
  bad_or_very_bad: [0, 4, 5],
};

/**
 * The estimate with a percentile bootstrap interval for each of `measures`: the areas are
 * resampled with replacement, each with its own comparator. Draws exactly as compare.ts's
 * `differenceInDifferences`, so, given the same areas, seed and replicates, the figures are
 * identical. A replicate adds up only the counts the measures need (for the robustness checks'
 * two, 16 of a row's 24): each count's sum is the same whichever others are summed beside it.
 */
export function bootstrapInterval<M extends HealthMeasure = HealthMeasure>(
  packed: Float64Array,
  replicates = BOOTSTRAP_REPLICATES,
  seed = BOOTSTRAP_SEED,
  measures: readonly M[] = HEALTH_MEASURES as readonly HealthMeasure[] as readonly M[],
): Record<M, Interval> {
  const n = packed.length / ROW;
  const point = estimateOf(packed);
  const draw = randomInt.source(randomLcg(seed / 2 ** 32))(0, n);
  const within = [...new Set(measures.flatMap((m) => FIELDS_OF[m]))].sort((a, b) => a - b);
  const offsets = Int32Array.from([0, 1, 2, 3].flatMap((k) => within.map((f) => k * FIELDS.length + f)));
  const samples = Object.fromEntries(measures.map((m) => [m, new Float64Array(replicates)])) as Record<M, Float64Array>;
  const sum = new Float64Array(ROW);
  for (let b = 0; b < replicates; b++) {
    sum.fill(0);
    for (let i = 0; i < n; i++) {
      const base = draw() * ROW;
      for (let k = 0; k < offsets.length; k++) {
        const f = offsets[k]!;
        sum[f]! += packed[base + f]!;
      }
    }
    const est = estimateOfSum(sum, measures);
    for (const m of measures) samples[m][b] = est[m];
  }
  return Object.fromEntries(
    measures.map((m) => {
      const sorted = Array.from(samples[m]).sort((a, b) => a - b);
      return [m, { estimate: round(point[m]), lower: round(quantileSorted(sorted, 0.025)!), upper: round(quantileSorted(sorted, 0.975)!) }];
    }),
  ) as Record<M, Interval>;
}

// ---------------------------------------------------------------------------------------------
// Comparators built from cells of the pool

export interface StudyUnit extends ComparisonUnit {
  region: string;
}

/** A cell key for a unit, and the coarser key to fall back on when a cell has no pool units. */
export interface CellScheme {
  key(u: StudyUnit): string;
  fallback(u: StudyUnit): string;
}

interface Cell {
  residents2011: number;
  counts: Float64Array;
}

/** The cell of every pool unit. */
const NATIONAL = 'national';

/**
 * Pool totals per cell, worked out once. `comparatorFor` reweights them to a set of Big Local units'
 * 2011 residents per cell, optionally leaving some pool units out (a placebo area's own units).
 */
export class CellComparator implements Comparator {
  private cells = new Map<string, Cell>();
  constructor(
    pool: StudyUnit[],
    private scheme: CellScheme,
  ) {
    for (const u of pool) {
      this.add(scheme.key(u), u, 1);
      this.add(`fallback:${scheme.fallback(u)}`, u, 1);
      this.add(NATIONAL, u, 1);
    }
  }

  private add(key: string, u: StudyUnit, sign: number, into = this.cells) {
    let cell = into.get(key);
    if (!cell) into.set(key, (cell = { residents2011: 0, counts: new Float64Array(2 * FIELDS.length) }));
    cell.residents2011 += sign * u.counts2011.residents;
    addCountsAt(cell.counts, 0, u.counts2011, sign);
    addCountsAt(cell.counts, FIELDS.length, u.counts2021, sign);
  }

  /**
   * The cells less some pool units (a placebo set's own units), for `comparatorFor`: only the
   * cells those units are in are copied.
   */
  without(units: StudyUnit[]): Map<string, Cell> {
    const less = new Map<string, Cell>();
    for (const u of units) {
      for (const key of [this.scheme.key(u), `fallback:${this.scheme.fallback(u)}`, NATIONAL]) {
        if (!less.has(key)) {
          const c = this.cells.get(key)!;
          less.set(key, { residents2011: c.residents2011, counts: Float64Array.from(c.counts) });
        }
        this.add(key, u, -1, less);
      }
    }
    return less;
  }

  /** The comparator's counts for `units`; `less` (from `without`) replaces the cells it holds. */
  comparatorFor(units: StudyUnit[], less: Map<string, Cell> = new Map()): Year2 {
    const want = new Map<string, { residents: number; fallback: string }>();
    for (const u of units) {
      const key = this.scheme.key(u);
      const w = want.get(key);
      if (w) w.residents += u.counts2011.residents;
      else want.set(key, { residents: u.counts2011.residents, fallback: `fallback:${this.scheme.fallback(u)}` });
    }
    const out = new Float64Array(2 * FIELDS.length);
    for (const [key, { residents, fallback }] of [...want].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const pick = (k: string) => less.get(k) ?? this.cells.get(k);
      let cell = pick(key);
      if (!cell || cell.residents2011 <= 0) cell = pick(fallback);
      // A small world (the tests' fixtures) can empty both: the whole pool is the last resort.
      if (!cell || cell.residents2011 <= 0) cell = pick(NATIONAL);
      if (!cell || cell.residents2011 <= 0) throw new Error(`no comparator units for cell ${key}, nor ${fallback}, nor at all`);
      const w = residents / cell.residents2011;
      for (let f = 0; f < out.length; f++) out[f]! += cell.counts[f]! * w;
    }
    return { counts2011: countsAt(out, 0), counts2021: countsAt(out, FIELDS.length) };
  }

}

/** What gives a set of Big Local units their comparator's counts: cells of the pool, or nearest neighbours. */
export interface Comparator {
  comparatorFor(units: StudyUnit[]): Year2;
}

/**
 * Nearest neighbours instead of cells: each Big Local unit is matched with the `k` pool units of
 * its region closest to it on IMD 2019 score and 2011 very-good share (each measured in standard
 * deviations across the pool, so that neither dominates), and their counts, scaled to the unit's
 * 2011 residents, are its comparator. Finer than a decile: a unit near the top of its decile is
 * matched with units near the top too. Ties go to the smaller unit id, so the match is stable.
 */
const veryGoodShare2011 = (u: StudyUnit) => (u.counts2011.residents > 0 ? (100 * u.counts2011.very_good) / u.counts2011.residents : 0);

export class NearestNeighbourComparator implements Comparator {
  /** Each region's pool units in id order, with their standardised score and share side by side. */
  private byRegion = new Map<string, { units: StudyUnit[]; score: Float64Array; share: Float64Array }>();
  private scoreSd: number;
  private shareSd: number;
  constructor(
    pool: StudyUnit[],
    private k = NEAREST_NEIGHBOURS,
  ) {
    const sd = (xs: number[]) => {
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      return Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, xs.length - 1)) || 1;
    };
    this.scoreSd = sd(pool.map((u) => u.imdScore));
    this.shareSd = sd(pool.map(veryGoodShare2011));
    const lists = new Map<string, StudyUnit[]>();
    for (const u of [...pool].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
      const list = lists.get(u.region);
      if (list) list.push(u);
      else lists.set(u.region, [u]);
    }
    for (const [region, units] of lists) {
      this.byRegion.set(region, {
        units,
        score: Float64Array.from(units, (u) => u.imdScore / this.scoreSd),
        share: Float64Array.from(units, (u) => veryGoodShare2011(u) / this.shareSd),
      });
    }
  }

  /** The `k` pool units of `unit`'s region nearest to it, nearest first. */
  neighboursOf(unit: StudyUnit): StudyUnit[] {
    const region = this.byRegion.get(unit.region);
    if (!region) throw new Error(`no comparator units in region ${unit.region}`);
    const x = unit.imdScore / this.scoreSd;
    const y = veryGoodShare2011(unit) / this.shareSd;
    // The k best so far, kept sorted by distance: candidates come in id order, so an equal distance never displaces.
    const k = Math.min(this.k, region.units.length);
    const dist = new Float64Array(k);
    const index = new Int32Array(k);
    let n = 0;
    for (let c = 0; c < region.units.length; c++) {
      const dx = region.score[c]! - x;
      const dy = region.share[c]! - y;
      const d = dx * dx + dy * dy;
      if (n === k && d >= dist[k - 1]!) continue;
      let i = n === k ? k - 1 : n++;
      while (i > 0 && dist[i - 1]! > d) {
        dist[i] = dist[i - 1]!;
        index[i] = index[i - 1]!;
        i--;
      }
      dist[i] = d;
      index[i] = c;
    }
    return Array.from(index.subarray(0, n), (c) => region.units[c]!);
  }

  comparatorFor(units: StudyUnit[]): Year2 {
    const out = new Float64Array(2 * FIELDS.length);
    for (const unit of units) {
      const near = this.neighboursOf(unit);
      const residents = near.reduce((s, u) => s + u.counts2011.residents, 0);
      if (residents <= 0) throw new Error(`the nearest comparator units of ${unit.id} have no residents`);
      const w = unit.counts2011.residents / residents;
      for (const u of near) {
        addCountsAt(out, 0, u.counts2011, w);
        addCountsAt(out, FIELDS.length, u.counts2021, w);
      }
    }
    return { counts2011: countsAt(out, 0), counts2021: countsAt(out, FIELDS.length) };
  }
}

/** Region × IMD decile, falling back to the decile nationally: the site's main comparator. */
export const REGION_DECILE: CellScheme = {
  key: (u) => `${u.region}|${u.imdDecile}`,
  fallback: (u) => `*|${u.imdDecile}`,
};

/** District × IMD decile, falling back to region × decile. */
export const DISTRICT_DECILE: CellScheme = {
  key: (u) => `${u.lad}|${u.imdDecile}`,
  fallback: (u) => `${u.region}|${u.imdDecile}`,
};

/**
 * Region × IMD decile × a band of 2011 very-good share, falling back to region × decile: the
 * comparator then also matches how healthy the neighbourhoods were to begin with.
 * `bands` are the upper edges of the bands, in per cent.
 */
export function baselineMatched(bands: number[]): CellScheme {
  const band = (u: StudyUnit) => {
    const share = healthShares(u.counts2011).very_good;
    const i = bands.findIndex((edge) => share < edge);
    return i < 0 ? bands.length : i;
  };
  return { key: (u) => `${u.region}|${u.imdDecile}|${band(u)}`, fallback: REGION_DECILE.key };
}

/** The edges that cut the units' 2011 very-good shares into `n` bands of equal counts. */
export function shareBands(units: StudyUnit[], n: number): number[] {
  const shares = units.map((u) => healthShares(u.counts2011).very_good).sort((a, b) => a - b);
  return Array.from({ length: n - 1 }, (_, i) => quantileSorted(shares, (i + 1) / n)!);
}

// ---------------------------------------------------------------------------------------------
// Population change

export interface PopulationChange {
  residents2011: number;
  residents2021: number;
  /** Per cent; null when there was nobody in 2011. */
  changePct: number | null;
}

export function populationChange(counts2011: Pick<HealthCounts, 'residents'>, counts2021: Pick<HealthCounts, 'residents'>): PopulationChange {
  const a = counts2011.residents;
  const b = counts2021.residents;
  return { residents2011: round(a), residents2021: round(b), changePct: a > 0 ? round((100 * (b - a)) / a, 2) : null };
}

/**
 * The pool's units in bands of population change (edges in per cent; below the first, those that
 * shrank), with their pooled very-good shares each year: how much change in who lives somewhere
 * moves a share by itself. A unit with nobody in 2011 is left out.
 */
export function growthBands(pool: Year2[], edges: readonly number[] = GROWTH_BAND_EDGES): GrowthBand[] {
  const bands = [null, ...edges].map((from, i) => ({ from, to: i < edges.length ? edges[i]! : null, units: 0, a: emptyYear(), b: emptyYear() }));
  for (const u of pool) {
    if (u.counts2011.residents <= 0) continue;
    const change = (100 * (u.counts2021.residents - u.counts2011.residents)) / u.counts2011.residents;
    // Band i holds changes from edges[i-1] (inclusive) up to edges[i].
    let i = 0;
    while (i < edges.length && change >= edges[i]!) i++;
    const band = bands[i]!;
    band.units++;
    band.a.residents += u.counts2011.residents;
    band.a.veryGood += u.counts2011.very_good;
    band.b.residents += u.counts2021.residents;
    band.b.veryGood += u.counts2021.very_good;
  }
  return bands.map((x) => {
    const share = (y: { residents: number; veryGood: number }) => (y.residents > 0 ? (100 * y.veryGood) / y.residents : 0);
    return {
      fromPct: x.from,
      toPct: x.to,
      units: x.units,
      residents2011: round(x.a.residents),
      residents2021: round(x.b.residents),
      veryGood2011: round(share(x.a)),
      veryGood2021: round(share(x.b)),
      veryGoodChangePp: round(share(x.b) - share(x.a)),
    };
  });
}
const emptyYear = () => ({ residents: 0, veryGood: 0 });

/** Residents grew by more than `pct` per cent between the censuses. */
export const grewFasterThan = (u: Year2, pct: number) =>
  u.counts2011.residents > 0 && (100 * (u.counts2021.residents - u.counts2011.residents)) / u.counts2011.residents > pct;

// ---------------------------------------------------------------------------------------------
// Specifications


export interface StudyArea {
  code: string;
  name: string;
  confidence: string;
  units: StudyUnit[];
}

export interface RobustnessInputs {
  /** Every comparison unit outside the footprints (and not partly inside one). */
  pool: StudyUnit[];
  areas: StudyArea[];
  /** Ids of pool units that share a boundary with a footprint; omitted: no such specification. */
  nextToFootprint?: Set<string>;
  /** The areas' units under the other unit rule (most of the unit's residents inside). */
  residentsRuleAreas?: StudyArea[];
}

export interface Specification {
  id: string;
  label: string;
  group: SpecificationGroup;
  /** Areas with their own and comparator counts. */
  areas: { code: string; own: Year2; comparator: Year2 }[];
}

const withComparator = (areas: StudyArea[], model: Comparator) =>
  areas.filter((a) => a.units.length > 0).map((a) => ({ code: a.code, own: sumUnits(a.units), comparator: model.comparatorFor(a.units) }));

/**
 * Every specification except leave-one-out (see `leaveOneOut`), in a stable order. The first is
 * the site's main comparison, `main`.
 */
export function specifications(inputs: RobustnessInputs): Specification[] {
  const { pool, areas } = inputs;
  const main = new CellComparator(pool, REGION_DECILE);
  const specs: Specification[] = [
    { id: 'main', label: 'Main comparison: similar areas by region and deprivation decile', group: 'comparator', areas: withComparator(areas, main) },
    {
      id: 'baseline-matched',
      label: 'Similar areas also matched on 2011 very good health (five bands within region and decile)',
      group: 'comparator',
      areas: withComparator(areas, new CellComparator(pool, baselineMatched(shareBands(pool, 5)))),
    },
    { id: 'district-decile', label: 'Similar areas in the same district and deprivation decile', group: 'comparator', areas: withComparator(areas, new CellComparator(pool, DISTRICT_DECILE)) },
    {
      id: 'nearest-neighbours',
      label: `Similar areas: for each neighbourhood, the ${NEAREST_NEIGHBOURS} in its region closest on deprivation score and 2011 very good health`,
      group: 'comparator',
      areas: withComparator(areas, new NearestNeighbourComparator(pool)),
    },
  ];
  if (inputs.nextToFootprint) {
    const far = pool.filter((u) => !inputs.nextToFootprint!.has(u.id));
    specs.push({
      id: 'exclude-adjacent',
      label: 'Similar areas not bordering a Big Local footprint (no spill-over)',
      group: 'comparator',
      areas: withComparator(areas, new CellComparator(far, REGION_DECILE)),
    });
  }
  specs.push(
    {
      id: 'exclude-low-confidence',
      label: 'Without the footprints of low confidence',
      group: 'footprints',
      areas: withComparator(areas.filter((a) => a.confidence !== 'low'), main),
    },
    {
      id: 'high-confidence-only',
      // "(or official)" only where some footprints are official: beside approximate ones alone it
      // reads as though official boundaries existed.
      label: `Only the footprints of high confidence${areas.some((a) => a.confidence === 'official') ? ' (or official)' : ''}`,
      group: 'footprints',
      areas: withComparator(areas.filter((a) => a.confidence === 'high' || a.confidence === 'official'), main),
    },
  );
  if (inputs.residentsRuleAreas) {
    specs.push({
      id: 'residents-rule',
      label: 'A neighbourhood counts as inside a footprint when most of its residents live inside it',
      group: 'footprints',
      areas: withComparator(inputs.residentsRuleAreas, main),
    });
  }
  const slow = (u: StudyUnit) => !grewFasterThan(u, FAST_GROWTH_PCT);
  specs.push({
    id: 'exclude-fast-growth',
    label: `Without neighbourhoods whose residents grew by more than ${FAST_GROWTH_PCT}%`,
    group: 'growth',
    areas: withComparator(
      areas.map((a) => ({ ...a, units: a.units.filter(slow) })),
      new CellComparator(pool.filter(slow), REGION_DECILE),
    ),
  });
  // An interval needs areas to resample: a specification left with fewer than two is left out.
  return specs.filter((s) => s.areas.length >= 2);
}

export interface LeaveOneOut {
  /** Per measure: the area whose removal moves the estimate most down, and most up. */
  smallest: Record<HealthMeasure, { code: string; estimate: number }>;
  largest: Record<HealthMeasure, { code: string; estimate: number }>;
}

/** Every estimate with one area left out, keeping the extremes per measure. */
export function leaveOneOut(spec: Specification): LeaveOneOut {
  const packed = packAreas(spec.areas);
  const n = spec.areas.length;
  const rows = new Int32Array(n - 1);
  const smallest = {} as LeaveOneOut['smallest'];
  const largest = {} as LeaveOneOut['largest'];
  for (let skip = 0; skip < n; skip++) {
    for (let i = 0, j = 0; i < n; i++) if (i !== skip) rows[j++] = i;
    const est = estimateOf(packed, rows);
    const code = spec.areas[skip]!.code;
    for (const m of HEALTH_MEASURES) {
      if (!smallest[m] || est[m] < smallest[m].estimate) smallest[m] = { code, estimate: est[m] };
      if (!largest[m] || est[m] > largest[m].estimate) largest[m] = { code, estimate: est[m] };
    }
  }
  return { smallest, largest };
}

// ---------------------------------------------------------------------------------------------
// Does the interval hold its 95%?

export interface Coverage {
  sets: number;
  replicates: number;
  /** Per measure, the share of placebo sets (in per cent) whose interval excludes zero: nominally 5. */
  excludesZeroPct: Record<RobustnessMeasure, number>;
}

/** Row offsets of the counts the coverage check reads: residents, very good, bad and very bad. */
const AT = { residents: 0, very_good: 1, bad: 4, very_bad: 5 } as const;

/** One step of the coverage check's generator (a 32-bit linear congruential one, as d3's randomLcg is not). */
const LCG_A = 1664525;
const LCG_C = 1013904223;

/**
 * The generator's state `steps` steps on, in O(log steps): the step x → a·x + c (mod 2³²) composed
 * with itself by squaring. Lets the coverage check stop a set early and still give every later set
 * the very draws it would have had.
 */
export function lcgJump(state: number, steps: number): number {
  let a = LCG_A;
  let c = LCG_C;
  let accA = 1;
  let accC = 0;
  for (let k = steps; k > 0; k = Math.floor(k / 2)) {
    if (k % 2 === 1) {
      accA = Math.imul(accA, a);
      accC = (Math.imul(accC, a) + c) | 0;
    }
    c = (Math.imul(c, a) + c) | 0;
    a = Math.imul(a, a);
  }
  return (Math.imul(accA, state) + accC) | 0;
}

/**
 * The site's interval (a percentile bootstrap over areas) run on each placebo set, where the truth
 * is no effect at all: how often it wrongly excludes zero. A thousand sets of bootstraps is the
 * ingest's costliest step, so it adds up only the counts the two measures need, draws with an
 * inline generator, and uses `replicates` (fewer than the site's 2,000) per set: the percentile
 * interval's edges then move a little from set to set, but not its width on average.
 *
 * Most sets are settled long before their last replicate: once enough replicates fall on each side
 * of zero, neither edge of the interval can exclude it (see `settled`). Such a set stops there and
 * the generator jumps over the draws it would have used, so the count is exactly the one the full
 * run gives (`settleEarly: false` runs it in full, for the tests).
 */
export function coverage(placebo: { packed: Float64Array }[], replicates: number, seed: number, settleEarly = true): Coverage {
  const hits = { very_good: 0, bad_or_very_bad: 0 };
  const vg = new Float64Array(replicates);
  const bvb = new Float64Array(replicates);
  // d3 reads any array-like; its types ask for an array.
  const q = (xs: Float64Array, p: number) => quantileSorted(xs as unknown as number[], p)!;
  // d3's quantileSorted(xs, p) lies between xs[⌊(n−1)p⌋] and the value after it. So the 2.5th
  // percentile cannot be above zero once `low` replicates are at or below zero (the sorted ones at
  // ⌊(n−1)p⌋ and after it are then both ≤ 0), nor the 97.5th below zero once `high` are at or above.
  // Rounding keeps to that side: x₀ + (x₁ − x₀)·t stays within [x₀, x₁] in floating point too.
  const low = Math.floor((replicates - 1) * 0.025) + 2;
  const high = replicates - Math.floor((replicates - 1) * 0.975);
  // Offsets of own 2011, own 2021, comparator 2011 and comparator 2021 within a row.
  const blocks = [0, FIELDS.length, 2 * FIELDS.length, 3 * FIELDS.length];
  let state = seed | 0;
  for (const { packed } of placebo) {
    const n = packed.length / ROW;
    // Each area's residents, very good and bad-or-very-bad, for each of the four blocks, side by side.
    const lean = new Float64Array(n * 12);
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < 4; k++) {
        const o = i * ROW + blocks[k]!;
        lean[i * 12 + 3 * k] = packed[o + AT.residents]!;
        lean[i * 12 + 3 * k + 1] = packed[o + AT.very_good]!;
        lean[i * 12 + 3 * k + 2] = packed[o + AT.bad]! + packed[o + AT.very_bad]!;
      }
    }
    // Replicates at or below zero, and at or above, per measure.
    let vgLow = 0, vgHigh = 0, bvbLow = 0, bvbHigh = 0;
    let settled = false;
    for (let b = 0; b < replicates; b++) {
      // The twelve sums in locals rather than an array: the loop below runs once per area per
      // replicate of every set, and the sums then stay in registers. Each is added up in the same
      // order, so to the same value.
      let r0 = 0, g0 = 0, x0 = 0, r1 = 0, g1 = 0, x1 = 0, r2 = 0, g2 = 0, x2 = 0, r3 = 0, g3 = 0, x3 = 0;
      for (let i = 0; i < n; i++) {
        state = (Math.imul(state, LCG_A) + LCG_C) | 0;
        const at = Math.floor(((state >>> 0) / 4294967296) * n) * 12;
        r0 += lean[at]!; g0 += lean[at + 1]!; x0 += lean[at + 2]!;
        r1 += lean[at + 3]!; g1 += lean[at + 4]!; x1 += lean[at + 5]!;
        r2 += lean[at + 6]!; g2 += lean[at + 7]!; x2 += lean[at + 8]!;
        r3 += lean[at + 9]!; g3 += lean[at + 10]!; x3 += lean[at + 11]!;
      }
      // Own 2021 less own 2011, less the same for the comparator, as shares in per cent.
      const v = (vg[b] = (100 * g1) / r1 - (100 * g0) / r0 - ((100 * g3) / r3 - (100 * g2) / r2));
      const w = (bvb[b] = (100 * x1) / r1 - (100 * x0) / r0 - ((100 * x3) / r3 - (100 * x2) / r2));
      if (!settleEarly) continue;
      if (v <= 0) vgLow++;
      if (v >= 0) vgHigh++;
      if (w <= 0) bvbLow++;
      if (w >= 0) bvbHigh++;
      if (vgLow >= low && vgHigh >= high && bvbLow >= low && bvbHigh >= high) {
        state = lcgJump(state, (replicates - b - 1) * n);
        settled = true;
        break;
      }
    }
    if (settled) continue;
    for (const [xs, m] of [[vg, 'very_good'], [bvb, 'bad_or_very_bad']] as const) {
      xs.sort();
      if (q(xs, 0.025) > 0 || q(xs, 0.975) < 0) hits[m]++;
    }
  }
  const pct = (h: number) => round((100 * h) / placebo.length, 1);
  return { sets: placebo.length, replicates, excludesZeroPct: { very_good: pct(hits.very_good), bad_or_very_bad: pct(hits.bad_or_very_bad) } };
}

/**
 * The site's 95% interval, from the placebo distribution instead of the bootstrap: every effect
 * the placebo sets cannot tell from no effect at all. A set of 150 pretend areas shows what the
 * method gives where there was no Big Local money: its spread counts every source of noise
 * (including neighbourhoods close together moving together, which resampling whole areas misses),
 * and its centre shows any lean of the method itself (the pretend sets need not average zero). An
 * effect θ is kept when the estimate less θ falls within the placebo sets' middle 95%, so the
 * interval runs from the estimate less their 97.5th percentile to the estimate less their 2.5th.
 * On the placebo sets themselves it wrongly excludes zero 5% of the time, by construction.
 */
export function placeboInterval(estimate: number, draws: number[]): Interval {
  const sorted = [...draws].sort((a, b) => a - b);
  return { estimate: round(estimate), lower: round(estimate - quantileSorted(sorted, 0.975)!), upper: round(estimate - quantileSorted(sorted, 0.025)!) };
}

// ---------------------------------------------------------------------------------------------
// The whole report (data/processed/robustness.json)

/** Placebo sets drawn, and the seed: fixed, so every run gives the same sets. */
export const PLACEBO_SETS = 1000;
export const PLACEBO_SEED = 20231212;
/** Bootstrap replicates per placebo set in the coverage check (the site's interval uses 2,000). */
export const COVERAGE_REPLICATES = 199;

const median = (xs: number[]) => quantileSorted([...xs].sort((a, b) => a - b), 0.5)!;

/** Rows of robustness.csv for one specification: its interval per measure (of those it has). */
function rowsOf(spec: Pick<Specification, 'id' | 'label' | 'group' | 'areas'>, intervals: Partial<Record<HealthMeasure, Interval>>): Omit<RobustnessRow, 'bootstrapLower' | 'bootstrapUpper'>[] {
  return ROBUSTNESS_MEASURES.filter((m) => intervals[m]).map((m) => ({
    specification: spec.id,
    label: spec.label,
    group: spec.group,
    measure: m,
    ...intervals[m]!,
    areas: spec.areas.length,
  }));
}

export interface ReportInputs extends RobustnessInputs {
  /** Unit id → ids of the units sharing a boundary with it. */
  adjacency: Map<string, string[]>;
}

/**
 * Every specification with its bootstrap interval, the two leave-one-out extremes, the placebo
 * test and the coverage check. `step` times each part (the ingest prints them).
 */
export function robustnessReport(inputs: ReportInputs, step: <T>(label: string, fn: () => T) => T = (_l, fn) => fn()): Robustness {
  const specs = step('robustness: specifications', () => specifications(inputs));
  const main = specs.find((s) => s.id === 'main');
  if (!main) throw new Error('the robustness checks need at least two Big Local areas');
  const bootstrapRows = step(`robustness: ${specs.length + 2} bootstraps`, () => {
    const out = specs.flatMap((s) => rowsOf(s, bootstrapInterval(packAreas(s.areas), undefined, undefined, ROBUSTNESS_MEASURES)));
    // Leaving out the one area that moves each measure most, down and up (with three or more).
    if (main.areas.length < 3) return out;
    const loo = leaveOneOut(main);
    const nameOf = new Map(inputs.areas.map((a) => [a.code, a.name]));
    for (const [end, picks] of [['lowest', loo.smallest], ['highest', loo.largest]] as const) {
      for (const m of ROBUSTNESS_MEASURES) {
        const left = main.areas.filter((a) => a.code !== picks[m].code);
        const spec = {
          id: `leave-one-out-${end}`,
          label: `Leaving out ${nameOf.get(picks[m].code) ?? picks[m].code}, the area whose absence ${end === 'lowest' ? 'lowers' : 'raises'} it most`,
          group: 'footprints' as const,
          areas: left,
        };
        out.push(rowsOf(spec, bootstrapInterval(packAreas(left), undefined, undefined, [m])).find((r) => r.measure === m)!);
      }
    }
    return out;
  });

  const pool = step('placebo: pool and adjacency', () => new PlaceboPool(inputs.pool, inputs.adjacency));
  const sets = step(`placebo: ${PLACEBO_SETS} sets drawn`, () => pool.draw(inputs.areas.map((a) => placeboTarget(a.units)), PLACEBO_SETS, PLACEBO_SEED));
  const placebo = step('placebo: each set compared', () => placeboEstimates(new PlaceboComparator(pool, REGION_DECILE), sets));
  const cover = step(`coverage: ${COVERAGE_REPLICATES} replicates per set`, () => coverage(placebo, COVERAGE_REPLICATES, PLACEBO_SEED));

  const real = estimateOf(packAreas(main.areas));
  const draws = Object.fromEntries(ROBUSTNESS_MEASURES.map((m) => [m, placebo.map((p) => round(p.estimates[m]))])) as Record<RobustnessMeasure, number[]>;
  if (placebo.length === 0) throw new Error('no placebo set could be drawn: the comparison pool is too small');
  const measures = Object.fromEntries(
    ROBUSTNESS_MEASURES.map((m) => {
      const d = placebo.map((p) => p.estimates[m]);
      const mean = d.reduce((a, b) => a + b, 0) / d.length;
      const sd = Math.sqrt(d.reduce((a, b) => a + (b - mean) ** 2, 0) / (d.length - 1));
      return [m, { real: round(real[m]), mean: round(mean), sd: round(sd), ...placeboRank(real[m], d), interval: placeboInterval(real[m], d) }];
    }),
  ) as Robustness['placebo']['measures'];

  // The site's interval: the placebo sets' spread around the real estimate, for every measure.
  const intervals = Object.fromEntries(HEALTH_MEASURES.map((m) => [m, placeboInterval(real[m], placebo.map((p) => p.estimates[m]))])) as Record<HealthMeasure, Interval>;
  const rows = calibrateRows(bootstrapRows, intervals);

  const areaDifferences = Object.fromEntries(
    ROBUSTNESS_MEASURES.map((m) => {
      const diffs = main.areas.map((a) => {
        const [o11, o21, c11, c21] = [a.own.counts2011, a.own.counts2021, a.comparator.counts2011, a.comparator.counts2021].map((c) => healthShares(c)[m]);
        return round(o21! - o11! - (c21! - c11!));
      });
      return [m, {
        mean: round(diffs.reduce((a, b) => a + b, 0) / diffs.length),
        median: round(median(diffs)),
        above: diffs.filter((d) => d > 0).length,
        below: diffs.filter((d) => d < 0).length,
        equal: diffs.filter((d) => d === 0).length,
      }];
    }),
  ) as Robustness['areaDifferences'];

  return {
    specifications: rows,
    placebo: { sets: PLACEBO_SETS, seed: PLACEBO_SEED, measures, draws },
    coverage: cover,
    growthBands: growthBands(inputs.pool),
    intervals: { method: 'placebo', sets: PLACEBO_SETS, ...intervals },
    areaDifferences,
  };
}

/**
 * Every specification's bootstrap interval widened as the main one is by the placebo test: each
 * side stretched by the main specification's ratio of the placebo interval's side to the
 * bootstrap's, so the main row equals the site's interval and every row allows for what resampling
 * whole areas misses (neighbourhoods close together moving together). The bootstrap's own edges
 * are kept beside them.
 */
export function calibrateRows(rows: Omit<RobustnessRow, 'bootstrapLower' | 'bootstrapUpper'>[], intervals: Record<HealthMeasure, Interval>): RobustnessRow[] {
  const stretch = Object.fromEntries(
    ROBUSTNESS_MEASURES.map((m) => {
      const main = rows.find((r) => r.specification === 'main' && r.measure === m);
      if (!main) throw new Error(`no main row for ${m}`);
      const side = (placebo: number, boot: number) => (boot === main.estimate ? 1 : (placebo - main.estimate) / (boot - main.estimate));
      return [m, { lower: side(intervals[m].lower, main.lower), upper: side(intervals[m].upper, main.upper) }];
    }),
  ) as Record<RobustnessMeasure, { lower: number; upper: number }>;
  return rows.map((r) => ({
    ...r,
    lower: round(r.estimate + stretch[r.measure].lower * (r.lower - r.estimate)),
    upper: round(r.estimate + stretch[r.measure].upper * (r.upper - r.estimate)),
    bootstrapLower: r.lower,
    bootstrapUpper: r.upper,
  }));
}
