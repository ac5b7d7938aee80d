/**
 * Small, fixed fixture data for the chart tests and previews (not used by pages). Built with the
 * schema's own healthChange(), so it has exactly the shape the pipeline writes.
 */
import {
  healthChange,
  type BigLocalArea,
  type GrowthBand,
  type HealthCategory,
  type HealthChange,
  type HealthCounts,
  type Interval,
  type Place,
  type Robustness,
  type RobustnessMeasure,
  type RobustnessRow,
  type Summary,
} from '../data/constants.ts';

type Shares = Record<HealthCategory, number>;

/** Counts for `residents` people split by the given percentages (which should sum to 100). */
export function countsFromShares(s: Shares, residents = 100_000): HealthCounts {
  return {
    residents,
    very_good: (s.very_good * residents) / 100,
    good: (s.good * residents) / 100,
    fair: (s.fair * residents) / 100,
    bad: (s.bad * residents) / 100,
    very_bad: (s.very_bad * residents) / 100,
  };
}

export function change(s2011: Shares, s2021: Shares, residents = 100_000): HealthChange {
  return healthChange(countsFromShares(s2011, residents), countsFromShares(s2021, residents));
}

export const ENGLAND = change(
  { very_good: 47.2, good: 34.2, fair: 13.1, bad: 4.2, very_bad: 1.3 },
  { very_good: 48.5, good: 33.7, fair: 12.6, bad: 4.0, very_bad: 1.2 },
  56_000_000,
);
export const BIG_LOCAL = change(
  { very_good: 40.1, good: 33.9, fair: 16.8, bad: 6.9, very_bad: 2.3 },
  { very_good: 41.0, good: 33.0, fair: 16.8, bad: 6.8, very_bad: 2.4 },
  1_200_000,
);
export const SIMILAR = change(
  { very_good: 41.0, good: 34.0, fair: 16.3, bad: 6.5, very_bad: 2.2 },
  { very_good: 42.6, good: 33.1, fair: 15.8, bad: 6.3, very_bad: 2.2 },
  9_000_000,
);

const iv = (estimate: number, lower: number, upper: number): Interval => ({ estimate, lower, upper });

export function makeSummary(
  groups: Summary['groups'] = { england: ENGLAND, big_local: BIG_LOCAL, similar_areas: SIMILAR },
): Summary {
  const differenceInDifferences = {
    very_good: iv(-0.7, -1.2, -0.2),
    good: iv(0.0, -0.4, 0.4),
    fair: iv(0.5, 0.1, 0.9),
    bad: iv(0.1, -0.2, 0.4),
    very_bad: iv(0.1, -0.1, 0.3),
    very_good_or_good: iv(-0.4, -1.0, 0.2),
    bad_or_very_bad: iv(0.2, -0.2, 0.6),
  };
  // The bootstrap's intervals, narrower, as in the real data.
  const narrower = (i: Interval) => iv(i.estimate, i.estimate - (i.estimate - i.lower) * 0.8, i.estimate + (i.upper - i.estimate) * 0.8);
  return {
    groups,
    differenceInDifferences,
    interval: { method: 'placebo', sets: 400 },
    bootstrapDifferenceInDifferences: Object.fromEntries(Object.entries(differenceInDifferences).map(([m, i]) => [m, narrower(i)])) as Summary['differenceInDifferences'],
    bootstrap: { replicates: 2000, seed: 20240501, resampled: 'areas' },
    footprints: { source: 'fixture', areas: 150, units: 900, lsoa21: 1000, byConfidence: { high: 100, medium: 50 } },
    england: { units: 30000, lsoa11: 32844, lsoa21: 33755 },
  };
}

/** A deterministic pseudo-random sequence (LCG), so fixtures never change between runs. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const NAMES = [
  'Whitley Bay',
  'Ramsey Million',
  'Northfleet North',
  'Grange Park',
  'Dover Town',
  'Barrowcliff & Northstead',
  'Blackpool Revoe',
  'Hanwell',
  'Ewanrigg',
  'Three Parishes',
];

export function makeArea(
  i: number,
  name: string,
  health: HealthChange,
  comparator: HealthChange,
): BigLocalArea {
  return {
    code: `area-${String(i).padStart(3, '0')}`,
    name,
    ladCode: `E0600000${i % 10}`,
    ladName: `District ${i % 10}`,
    regionCode: 'E12000001',
    regionName: 'North East',
    wave: 1 + (i % 3),
    confidence: 'high',
    method: 'fixture',
    evidence: 'fixture',
    sourceUrls: [],
    lsoa21: [],
    units: [],
    marker: [-1.5, 54.9],
    health,
    comparator,
  };
}

/**
 * n areas whose very-good-health change spreads from about −5 to +4 pp, with comparators that
 * move a little differently. Area 0 has a hostile name to test escaping.
 */
export function makeAreas(n = 150, seed = 7): BigLocalArea[] {
  const rnd = lcg(seed);
  return Array.from({ length: n }, (_, i) => {
    const base = 36 + rnd() * 10;
    const d = -5 + rnd() * 9;
    const dc = d * 0.4 + (rnd() - 0.5) * 3;
    const bad = 5 + rnd() * 4;
    const db = (rnd() - 0.5) * 2;
    const mk = (vg: number, bv: number): Shares => ({
      very_good: vg,
      good: 34,
      fair: 100 - vg - 34 - bv,
      bad: bv * 0.75,
      very_bad: bv * 0.25,
    });
    const name = i === 0 ? '<script>alert("x")</script> & Sons' : `${NAMES[i % NAMES.length]} ${Math.floor(i / NAMES.length) + 1}`;
    return makeArea(
      i,
      name,
      change(mk(base, bad), mk(base + d, bad + db), 8000),
      change(mk(base + 1, bad), mk(base + 1 + dc, bad + db * 0.5), 400_000),
    );
  });
}

export function makePlace(code: string, name: string, health: HealthChange): Place {
  return { code, name, regionCode: 'E12000001', regionName: 'North East', units: 120, bigLocalAreas: [], health };
}

/** Deterministic, roughly normal draws (sum of uniforms from a small LCG): no Math.random in tests. */
function pseudoNormalDraws(n: number, mean: number, sd: number, seed: number): number[] {
  let state = seed >>> 0;
  const uniform = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return Array.from({ length: n }, () => {
    let sum = 0;
    for (let k = 0; k < 12; k++) sum += uniform();
    return Math.round((mean + (sum - 6) * sd) * 10_000) / 10_000;
  });
}

type SpecFixture = [specification: string, label: string, group: RobustnessRow['group'], areas: number, vg: [number, number, number], bad: [number, number, number]];

const SPEC_FIXTURES: SpecFixture[] = [
  ['main', 'Main comparison: similar areas by region and deprivation decile', 'comparator', 150, [0.1, -0.25, 0.45], [0.07, -0.06, 0.2]],
  ['baseline-matched', 'Similar areas also matched on 2011 very good health (five bands within region and decile)', 'comparator', 150, [-0.03, -0.37, 0.3], [0.08, -0.05, 0.2]],
  ['district-decile', 'Similar areas in the same district and deprivation decile', 'comparator', 150, [0.22, -0.12, 0.54], [0.07, -0.06, 0.2]],
  ['exclude-low-confidence', 'Without the footprints of low confidence', 'footprints', 129, [-0.02, -0.39, 0.35], [0.11, -0.03, 0.25]],
  ['high-confidence-only', 'Only the footprints of high confidence', 'footprints', 19, [0.1, -0.9, 1.15], [0.16, -0.27, 0.59]],
  ['exclude-fast-growth', 'Without neighbourhoods whose residents grew by more than 40%', 'growth', 150, [0.19, -0.16, 0.52], [0.04, -0.09, 0.17]],
];

/** Bands of population change in a pool, the very good share rising with growth as in the real data. */
export function makeGrowthBands(changes: number[] = [-0.27, 1.3, 2.1, 3.1, 4.4]): GrowthBand[] {
  const edges = [null, 0, 10, 20, 40, null];
  return changes.map((c, i) => ({
    fromPct: edges[i] ?? null,
    toPct: edges[i + 1] ?? null,
    units: 1000 * (5 - i),
    residents2011: 1_500_000 * (5 - i),
    residents2021: 1_500_000 * (5 - i) * (1 + 0.05 * i),
    veryGood2011: 45,
    veryGood2021: 45 + c,
    veryGoodChangePp: c,
  }));
}

/**
 * A small robustness.json: six specifications per measure and 400 placebo sets (very good health's
 * centred on zero, bad health's centred below the real value, as in the real data).
 */
export function makeRobustness(): Robustness {
  const specifications: RobustnessRow[] = SPEC_FIXTURES.flatMap(([specification, label, group, areas, vg, bad]) =>
    (['very_good', 'bad_or_very_bad'] as const).map((measure) => {
      const [estimate, lower, upper] = measure === 'very_good' ? vg : bad;
      // The bootstrap's own edges: narrower than the site's, as in the real data.
      return { specification, label, group, measure, estimate, lower, upper, areas, bootstrapLower: estimate - (estimate - lower) * 0.8, bootstrapUpper: estimate + (upper - estimate) * 0.8 };
    }),
  );
  const draws: Record<RobustnessMeasure, number[]> = {
    very_good: pseudoNormalDraws(400, 0, 0.2, 11),
    bad_or_very_bad: pseudoNormalDraws(400, -0.05, 0.065, 12),
  };
  const measureOf = (m: RobustnessMeasure, real: number) => {
    const d = draws[m];
    const mean = d.reduce((a, b) => a + b, 0) / d.length;
    const sd = Math.sqrt(d.reduce((a, b) => a + (b - mean) ** 2, 0) / (d.length - 1));
    const below = d.filter((v) => v < real).length + d.filter((v) => v === real).length / 2;
    const sorted = [...d].sort((a, b) => a - b);
    const median = sorted[Math.floor(d.length / 2)]!;
    const p = d.filter((v) => Math.abs(v - median) >= Math.abs(real - median)).length / d.length;
    return { real, mean, sd, percentile: (100 * below) / d.length, p, interval: { estimate: real, lower: real - 2 * sd, upper: real + 2 * sd } };
  };
  return {
    specifications,
    placebo: {
      sets: 400,
      seed: 7,
      measures: { very_good: measureOf('very_good', 0.1), bad_or_very_bad: measureOf('bad_or_very_bad', 0.07) },
      draws,
    },
    coverage: { sets: 400, replicates: 99, excludesZeroPct: { very_good: 12, bad_or_very_bad: 14 } },
    growthBands: makeGrowthBands(),
    intervals: { method: 'placebo', sets: 400, ...makeSummary().differenceInDifferences },
    areaDifferences: {
      very_good: { mean: -0.02, median: -0.31, above: 66, below: 84, equal: 0 },
      bad_or_very_bad: { mean: 0.08, median: 0.2, above: 92, below: 58, equal: 0 },
    },
  };
}
