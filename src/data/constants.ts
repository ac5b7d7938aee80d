/**
 * The plain half of the data contract: constants, types and pure helpers with no zod import, so
 * browser code (chart modules redrawn by src/client/view.ts) can use them without bundling the
 * validator. `schema.ts` re-exports everything here and checks at compile time that these types
 * equal the ones its zod schemas infer.
 */

/** The five census answers to "How is your health in general?", in the census order. */
export const HEALTH_CATEGORIES = ['very_good', 'good', 'fair', 'bad', 'very_bad'] as const;
export type HealthCategory = (typeof HEALTH_CATEGORIES)[number];

/** Every share the site reports: the five categories and the two combined ones. */
export const HEALTH_MEASURES = [...HEALTH_CATEGORIES, 'very_good_or_good', 'bad_or_very_bad'] as const;
export type HealthMeasure = (typeof HEALTH_MEASURES)[number];

export const MEASURE_LABELS: Record<HealthMeasure, string> = {
  very_good: 'Very good health',
  good: 'Good health',
  fair: 'Fair health',
  bad: 'Bad health',
  very_bad: 'Very bad health',
  very_good_or_good: 'Very good or good health',
  bad_or_very_bad: 'Bad or very bad health',
};

export const CENSUS_YEARS = [2011, 2021] as const;
export type CensusYear = (typeof CENSUS_YEARS)[number];

export const GROUP_IDS = ['england', 'big_local', 'similar_areas'] as const;
export type GroupId = (typeof GROUP_IDS)[number];
export const GROUP_LABELS: Record<GroupId, string> = {
  england: 'England',
  big_local: 'Big Local areas',
  similar_areas: 'Similar areas',
};

export const CONFIDENCE_LEVELS = ['high', 'medium', 'low', 'official', 'unknown'] as const;
export type FootprintConfidence = (typeof CONFIDENCE_LEVELS)[number];

/** Residents by general health in one census. Weighted groups (similar areas) hold fractional counts. */
export interface HealthCounts {
  residents: number;
  very_good: number;
  good: number;
  fair: number;
  bad: number;
  very_bad: number;
}

/** Percentages of all usual residents (crude, not age-standardised). */
export type HealthShares = Record<HealthMeasure, number>;

/** One place's health in both censuses, with the shares and their change already computed. */
export interface HealthChange {
  counts2011: HealthCounts;
  counts2021: HealthCounts;
  pct2011: HealthShares;
  pct2021: HealthShares;
  /** 2021 share minus 2011 share, in percentage points. */
  changePp: Record<HealthMeasure, number>;
}

export interface Interval {
  estimate: number;
  lower: number;
  upper: number;
}

export interface Summary {
  groups: Record<GroupId, HealthChange>;
  /**
   * Big Local change minus similar-areas change, per measure, with the site's 95% interval: from
   * the placebo test (robustness.json `intervals`), as `interval` says.
   */
  differenceInDifferences: Record<HealthMeasure, Interval>;
  /** How the interval of `differenceInDifferences` was found. */
  interval: { method: 'placebo'; sets: number };
  /** The percentile bootstrap over areas, which the placebo test widens: its intervals and settings. */
  bootstrapDifferenceInDifferences: Record<HealthMeasure, Interval>;
  bootstrap: { replicates: number; seed: number; resampled: 'areas' };
  footprints: {
    source: string;
    areas: number;
    units: number;
    lsoa21: number;
    byConfidence: Partial<Record<FootprintConfidence, number>>;
  };
  england: { units: number; lsoa11: number; lsoa21: number };
}

/** A Big Local area as the site knows it: a footprint of whole comparison units. */
export interface BigLocalArea {
  code: string;
  name: string;
  ladCode: string;
  ladName: string;
  regionCode: string;
  regionName: string;
  wave: number | null;
  confidence: FootprintConfidence;
  method: string;
  evidence: string;
  sourceUrls: string[];
  lsoa21: string[];
  units: string[];
  /** A point inside the footprint, [lon, lat], for map markers. */
  marker: [number, number];
  health: HealthChange;
  /** Units outside every footprint, weighted to this area's IMD-decile mix within its region. */
  comparator: HealthChange;
}

/** A local authority district or region. For a region, regionCode equals code. */
export interface Place {
  code: string;
  name: string;
  regionCode: string;
  regionName: string;
  units: number;
  bigLocalAreas: string[];
  health: HealthChange;
}

/**
 * Residents growing faster than this (per cent, 2011 to 2021) mark a neighbourhood or area whose
 * change in health shares may reflect who lives there now (new housing, younger arrivals) more
 * than anyone's health. One threshold for the pipeline's `exclude-fast-growth` specification and
 * the site's fast-growth flags.
 */
export const FAST_GROWTH_PCT = 40;

/**
 * Lower edges, in per cent, of the bands of population change the comparison pool is cut into
 * (below the first: neighbourhoods that shrank); the last is the fast-growth threshold.
 */
export const GROWTH_BAND_EDGES = [0, 10, 20, FAST_GROWTH_PCT] as const;

/** The comparison pool's neighbourhoods grouped by how much their residents changed, 2011 to 2021. */
export interface GrowthBand {
  /** Per cent; null for the open ends. */
  fromPct: number | null;
  toPct: number | null;
  units: number;
  residents2011: number;
  residents2021: number;
  veryGood2011: number;
  veryGood2021: number;
  /** Change in the very good share, percentage points. */
  veryGoodChangePp: number;
}

/** Pool units each Big Local neighbourhood is matched with by the `nearest-neighbours` comparator. */
export const NEAREST_NEIGHBOURS = 10;

/** The measures the robustness checks and the placebo test are run for. */
export const ROBUSTNESS_MEASURES = ['very_good', 'bad_or_very_bad'] as const;
export type RobustnessMeasure = (typeof ROBUSTNESS_MEASURES)[number];
export const SPECIFICATION_GROUPS = ['comparator', 'footprints', 'growth'] as const;
export type SpecificationGroup = (typeof SPECIFICATION_GROUPS)[number];

/** The difference in differences under one specification, for one measure (robustness.csv's row). */
export interface RobustnessRow {
  /** Stable id, e.g. `main`, `baseline-matched`, `exclude-low-confidence`. */
  specification: string;
  label: string;
  group: SpecificationGroup;
  measure: RobustnessMeasure;
  estimate: number;
  /** The 95% interval, widened as the site's interval is (see `Robustness['intervals']`). */
  lower: number;
  upper: number;
  /** Big Local areas in the estimate. */
  areas: number;
  /** The percentile bootstrap's own edges, before widening. */
  bootstrapLower: number;
  bootstrapUpper: number;
}

/** Where the real estimate falls among the placebo sets, for one measure. */
export interface PlaceboMeasure {
  real: number;
  mean: number;
  sd: number;
  /** Share of placebo sets below the real value (ties half), in per cent. */
  percentile: number;
  /** Two-sided: the share of sets at least as far from the placebo median. */
  p: number;
  /** The real estimate less the placebo sets' 2.5–97.5% spread of errors around their mean. */
  interval: Interval;
}

/** data/processed/robustness.json: how far the difference in differences holds. */
export interface Robustness {
  specifications: RobustnessRow[];
  placebo: {
    sets: number;
    seed: number;
    measures: Record<RobustnessMeasure, PlaceboMeasure>;
    /** Each set's difference in differences, in draw order. */
    draws: Record<RobustnessMeasure, number[]>;
  };
  /** The area bootstrap's interval run on placebo sets, where the truth is no effect. */
  coverage: { sets: number; replicates: number; excludesZeroPct: Record<RobustnessMeasure, number> };
  /**
   * The site's 95% interval for every measure: the real estimate less the placebo sets' 97.5th and
   * 2.5th percentile errors. Wider than the area bootstrap's, which the coverage check found too narrow.
   */
  /** How the very good share moved in the comparison pool, by how much residents changed. */
  growthBands: GrowthBand[];
  intervals: { [K in 'method' | 'sets' | HealthMeasure]: K extends 'method' ? 'placebo' : K extends 'sets' ? number : Interval };
  /** Each area's own change less its comparator's: how the 150 differences spread. */
  areaDifferences: Record<RobustnessMeasure, { mean: number; median: number; above: number; below: number; equal: number }>;
}

/**
 * Properties of each LSOA 2021 polygon in data/processed/geo/lsoa/<LAD>.topo.json. The values are
 * those of the comparison unit the LSOA belongs to (a unit can hold several LSOAs).
 */
export interface LsoaProperties {
  lsoa21: string;
  name: string;
  /** The LSOA's district. A district's file also holds the LSOAs of its areas that lie next door. */
  lad: string;
  unit: string;
  area: string | null;
  residents2021: number;
  very_good_2011: number;
  very_good_2021: number;
  very_good_change: number;
  bad_or_very_bad_2011: number;
  bad_or_very_bad_2021: number;
  bad_or_very_bad_change: number;
}

/** Percentages are stored to 4 decimals: enough for 2-decimal display, stable across runs. */
export function round(value: number, decimals = 4): number {
  const f = 10 ** decimals;
  const r = Math.round(value * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

/** n as a percentage of total, to 4 decimals; 0 when there is no one. */
export const shareOf = (n: number, total: number): number => (total > 0 ? round((100 * n) / total) : 0);

/** Shares of residents in each measure, in percent. */
export function healthShares(counts: HealthCounts): HealthShares {
  // shareOf written out, with no closure: the ingest calls this for every unit, several times over,
  // and under tsx every closure made is also named at run time.
  const total = counts.residents;
  return {
    very_good: shareOf(counts.very_good, total),
    good: shareOf(counts.good, total),
    fair: shareOf(counts.fair, total),
    bad: shareOf(counts.bad, total),
    very_bad: shareOf(counts.very_bad, total),
    very_good_or_good: shareOf(counts.very_good + counts.good, total),
    bad_or_very_bad: shareOf(counts.bad + counts.very_bad, total),
  };
}

export function healthChange(counts2011: HealthCounts, counts2021: HealthCounts): HealthChange {
  const pct2011 = healthShares(counts2011);
  const pct2021 = healthShares(counts2021);
  const changePp = Object.fromEntries(
    HEALTH_MEASURES.map((m) => [m, round(pct2021[m] - pct2011[m])]),
  ) as HealthChange['changePp'];
  return { counts2011, counts2021, pct2011, pct2021, changePp };
}

/** Every share card the site makes (chart pages and the story, areas and method pages): a PNG of this size. */
export const SHARE_CARD_SIZE = { width: 1200, height: 630 } as const;
