/**
 * The contract between the ingest pipeline (scripts/ingest) and the pages (src/).
 *
 * The pipeline builds these objects, validates them with the schemas below and writes them to
 * data/processed/. Pages import the JSON through `src/data/load.ts`, which validates again, so a
 * stale or hand-edited file fails the build instead of showing a wrong number.
 */
import { z } from 'zod';

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

const count = z.number().nonnegative();
/** Residents by general health in one census. Weighted groups (similar areas) hold fractional counts. */
export const HealthCountsSchema = z.object({
  residents: count,
  very_good: count,
  good: count,
  fair: count,
  bad: count,
  very_bad: count,
});
export type HealthCounts = z.infer<typeof HealthCountsSchema>;

const pct = z.number().min(0).max(100);
export const HealthSharesSchema = z.object({
  very_good: pct,
  good: pct,
  fair: pct,
  bad: pct,
  very_bad: pct,
  very_good_or_good: pct,
  bad_or_very_bad: pct,
});
/** Percentages of all usual residents (crude, not age-standardised). */
export type HealthShares = z.infer<typeof HealthSharesSchema>;

const pp = z.number().min(-100).max(100);
export const HealthChangeSchema = z.object({
  counts2011: HealthCountsSchema,
  counts2021: HealthCountsSchema,
  pct2011: HealthSharesSchema,
  pct2021: HealthSharesSchema,
  /** 2021 share minus 2011 share, in percentage points. */
  changePp: z.object({
    very_good: pp,
    good: pp,
    fair: pp,
    bad: pp,
    very_bad: pp,
    very_good_or_good: pp,
    bad_or_very_bad: pp,
  }),
});
/** One place's health in both censuses, with the shares and their change already computed. */
export type HealthChange = z.infer<typeof HealthChangeSchema>;

export const IntervalSchema = z.object({ estimate: pp, lower: pp, upper: pp });
export type Interval = z.infer<typeof IntervalSchema>;

export const GROUP_IDS = ['england', 'big_local', 'similar_areas'] as const;
export type GroupId = (typeof GROUP_IDS)[number];
export const GROUP_LABELS: Record<GroupId, string> = {
  england: 'England',
  big_local: 'Big Local areas',
  similar_areas: 'Similar areas',
};

export const CONFIDENCE_LEVELS = ['high', 'medium', 'low', 'official', 'unknown'] as const;
export type FootprintConfidence = (typeof CONFIDENCE_LEVELS)[number];

export const SummarySchema = z.object({
  groups: z.object({ england: HealthChangeSchema, big_local: HealthChangeSchema, similar_areas: HealthChangeSchema }),
  /** Big Local change minus similar-areas change, per measure, with a bootstrap 95% interval. */
  differenceInDifferences: z.object({
    very_good: IntervalSchema,
    good: IntervalSchema,
    fair: IntervalSchema,
    bad: IntervalSchema,
    very_bad: IntervalSchema,
    very_good_or_good: IntervalSchema,
    bad_or_very_bad: IntervalSchema,
  }),
  bootstrap: z.object({ replicates: z.number().int().positive(), seed: z.number().int(), resampled: z.literal('areas') }),
  footprints: z.object({
    source: z.string(),
    areas: z.number().int().positive(),
    units: z.number().int().positive(),
    lsoa21: z.number().int().positive(),
    byConfidence: z.record(z.enum(CONFIDENCE_LEVELS), z.number().int().nonnegative()),
  }),
  england: z.object({ units: z.number().int().positive(), lsoa11: z.number().int().positive(), lsoa21: z.number().int().positive() }),
});
export type Summary = z.infer<typeof SummarySchema>;

export const BigLocalAreaSchema = z.object({
  code: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  ladCode: z.string(),
  ladName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  wave: z.number().int().nullable(),
  confidence: z.enum(CONFIDENCE_LEVELS),
  method: z.string(),
  evidence: z.string(),
  sourceUrls: z.array(z.string()),
  lsoa21: z.array(z.string()),
  units: z.array(z.string()),
  /** A point inside the footprint, [lon, lat], for map markers. */
  marker: z.tuple([z.number(), z.number()]),
  health: HealthChangeSchema,
  /** Units outside every footprint, weighted to this area's IMD-decile mix within its region. */
  comparator: HealthChangeSchema,
});
/** A Big Local area as the site knows it: a footprint of whole comparison units. */
export type BigLocalArea = z.infer<typeof BigLocalAreaSchema>;
export const BigLocalAreasSchema = z.array(BigLocalAreaSchema);

export const PlaceSchema = z.object({
  code: z.string(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  units: z.number().int().nonnegative(),
  bigLocalAreas: z.array(z.string()),
  health: HealthChangeSchema,
});
/** A local authority district or region. For a region, regionCode equals code. */
export type Place = z.infer<typeof PlaceSchema>;
export const PlacesSchema = z.array(PlaceSchema);

/**
 * Properties of each LSOA 2021 polygon in data/processed/geo/lsoa/<LAD>.topo.json. The values are
 * those of the comparison unit the LSOA belongs to (a unit can hold several LSOAs).
 */
export const LsoaPropertiesSchema = z.object({
  lsoa21: z.string(),
  name: z.string(),
  unit: z.string(),
  area: z.string().nullable(),
  residents2021: z.number(),
  very_good_2011: pct,
  very_good_2021: pct,
  very_good_change: pp,
  bad_or_very_bad_2011: pct,
  bad_or_very_bad_2021: pct,
  bad_or_very_bad_change: pp,
});
export type LsoaProperties = z.infer<typeof LsoaPropertiesSchema>;

/** Percentages are stored to 4 decimals: enough for 2-decimal display, stable across runs. */
export function round(value: number, decimals = 4): number {
  const f = 10 ** decimals;
  const r = Math.round(value * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

/** Shares of residents in each measure, in percent. */
export function healthShares(counts: HealthCounts): HealthShares {
  const total = counts.residents;
  const share = (n: number) => (total > 0 ? round((100 * n) / total) : 0);
  return {
    very_good: share(counts.very_good),
    good: share(counts.good),
    fair: share(counts.fair),
    bad: share(counts.bad),
    very_bad: share(counts.very_bad),
    very_good_or_good: share(counts.very_good + counts.good),
    bad_or_very_bad: share(counts.bad + counts.very_bad),
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
