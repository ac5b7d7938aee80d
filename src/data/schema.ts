/**
 * The contract between the ingest pipeline (scripts/ingest) and the pages (src/).
 *
 * The pipeline builds these objects, validates them with the schemas below and writes them to
 * data/processed/. Pages import the JSON through `src/data/load.ts`, which validates again, so a
 * stale or hand-edited file fails the build instead of showing a wrong number.
 */
import { z } from 'zod';

import {
  CONFIDENCE_LEVELS,
  HEALTH_MEASURES as HEALTH_MEASURES_FOR_REFERENCE,
  ROBUSTNESS_MEASURES,
  SPECIFICATION_GROUPS,
  type BigLocalArea,
  type HealthChange,
  type HealthCounts,
  type HealthShares,
  type Interval,
  type LsoaProperties,
  type Place,
  type Robustness,
  type Summary,
} from './constants.ts';

// Constants, plain types and pure helpers live in constants.ts (no zod, safe for browser bundles).
export * from './constants.ts';

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

export const IntervalSchema = z.object({ estimate: pp, lower: pp, upper: pp });
const intervalFields = {
  very_good: IntervalSchema,
  good: IntervalSchema,
  fair: IntervalSchema,
  bad: IntervalSchema,
  very_bad: IntervalSchema,
  very_good_or_good: IntervalSchema,
  bad_or_very_bad: IntervalSchema,
};
const IntervalsSchema = z.object(intervalFields);

export const SummarySchema = z.object({
  groups: z.object({ england: HealthChangeSchema, big_local: HealthChangeSchema, similar_areas: HealthChangeSchema }),
  /** Big Local change minus similar-areas change, per measure, with the site's (placebo) 95% interval. */
  differenceInDifferences: IntervalsSchema,
  interval: z.object({ method: z.literal('placebo'), sets: z.number().int().positive() }),
  bootstrapDifferenceInDifferences: IntervalsSchema,
  bootstrap: z.object({ replicates: z.number().int().positive(), seed: z.number().int(), resampled: z.literal('areas') }),
  footprints: z.object({
    source: z.string(),
    areas: z.number().int().positive(),
    units: z.number().int().positive(),
    lsoa21: z.number().int().positive(),
    // zod 4: z.record over an enum demands every key; the type (constants.ts) allows some missing.
    byConfidence: z.partialRecord(z.enum(CONFIDENCE_LEVELS), z.number().int().nonnegative()),
  }),
  england: z.object({ units: z.number().int().positive(), lsoa11: z.number().int().positive(), lsoa21: z.number().int().positive() }),
});

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
export const PlacesSchema = z.array(PlaceSchema);

const robustnessRecord = <T extends z.ZodType>(t: T) => z.object({ very_good: t, bad_or_very_bad: t });
export const RobustnessSchema = z.object({
  specifications: z.array(
    z.object({
      specification: z.string().regex(/^[a-z0-9-]+$/),
      label: z.string().min(1),
      group: z.enum(SPECIFICATION_GROUPS),
      measure: z.enum(ROBUSTNESS_MEASURES),
      estimate: pp,
      lower: pp,
      upper: pp,
      areas: z.number().int().positive(),
      bootstrapLower: pp,
      bootstrapUpper: pp,
    }),
  ),
  placebo: z.object({
    sets: z.number().int().positive(),
    seed: z.number().int(),
    measures: robustnessRecord(
      z.object({ real: pp, mean: pp, sd: z.number().nonnegative(), percentile: z.number().min(0).max(100), p: z.number().min(0).max(1), interval: IntervalSchema }),
    ),
    draws: robustnessRecord(z.array(pp)),
  }),
  coverage: z.object({
    sets: z.number().int().positive(),
    replicates: z.number().int().positive(),
    excludesZeroPct: robustnessRecord(z.number().min(0).max(100)),
  }),
  growthBands: z.array(
    z.object({
      fromPct: z.number().nullable(),
      toPct: z.number().nullable(),
      units: z.number().int().nonnegative(),
      residents2011: count,
      residents2021: count,
      veryGood2011: pct,
      veryGood2021: pct,
      veryGoodChangePp: pp,
    }),
  ),
  intervals: z.object({ method: z.literal('placebo'), sets: z.number().int().positive(), ...intervalFields }),
  areaDifferences: robustnessRecord(
    z.object({ mean: pp, median: pp, above: z.number().int().nonnegative(), below: z.number().int().nonnegative(), equal: z.number().int().nonnegative() }),
  ),
});

/** A published figure the site quotes beside its own (data/reference/*.json), with its source. */
export const ReferenceFigureSchema = z.object({
  about: z.string().min(1),
  source: z.string().min(1),
  url: z.url(),
  licence: z.string().min(1),
  area: z.string(),
  measure: z.enum(HEALTH_MEASURES_FOR_REFERENCE),
  pct2011: pct,
  pct2021: pct,
});
export type ReferenceFigure = z.infer<typeof ReferenceFigureSchema>;

/**
 * Properties of each LSOA 2021 polygon in data/processed/geo/lsoa/<LAD>.topo.json. The values are
 * those of the comparison unit the LSOA belongs to (a unit can hold several LSOAs).
 */
export const LsoaPropertiesSchema = z.object({
  lsoa21: z.string(),
  name: z.string(),
  lad: z.string(),
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

/**
 * Compile-time check: the plain interfaces in constants.ts are exactly what the schemas infer.
 * A field added to one side only makes `tsc`/`astro check` fail here.
 */
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;
export type PlainTypesMatchSchemas = [
  Assert<Equals<HealthCounts, z.infer<typeof HealthCountsSchema>>>,
  Assert<Equals<HealthShares, z.infer<typeof HealthSharesSchema>>>,
  Assert<Equals<HealthChange, z.infer<typeof HealthChangeSchema>>>,
  Assert<Equals<Interval, z.infer<typeof IntervalSchema>>>,
  Assert<Equals<Summary, z.infer<typeof SummarySchema>>>,
  Assert<Equals<BigLocalArea, z.infer<typeof BigLocalAreaSchema>>>,
  Assert<Equals<Place, z.infer<typeof PlaceSchema>>>,
  Assert<Equals<LsoaProperties, z.infer<typeof LsoaPropertiesSchema>>>,
  Assert<Equals<Robustness, z.infer<typeof RobustnessSchema>>>,
];
