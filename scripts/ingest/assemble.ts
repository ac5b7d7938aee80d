/**
 * The ingest's building, as pure functions of what was read: which units make up each footprint,
 * the LSOA maps' plan and properties, the comparison, the area records, districts, regions and the
 * summary, and the text of the processed tables. run.ts calls them in order; none of them reads a
 * file or talks to the geometry worker.
 */
import { basename } from 'node:path';
import type { Topology } from 'topojson-specification';
import { assignUnits, type FootprintSource, type LsoaPoint } from './footprints.ts';
import { footprintTopology } from './geometry.ts';
import { areasCsv, placeboCsv, robustnessCsv, summaryCsv, unitsCsv } from './csv-text.ts';
import { regionOf, sumUnits, toHealthChange, BOOTSTRAP_REPLICATES, BOOTSTRAP_SEED, type AreaFigures } from './compare.ts';
import { buildUnits, majorityDistrict, type ComparisonUnit, type UnitIndex } from './units.ts';
import { InputError } from './read-tables.ts';
import { CellComparator, REGION_DECILE, bootstrapInterval, packAreas, type ReportInputs, type StudyUnit } from './robustness.ts';
import type { AreaListRow, Inputs, LadInfo, LsoaLookupRow } from './inputs.ts';
import type { DistrictInputs, LsoaMapList, MapInputs } from './geometry-messages.ts';
import {
  BigLocalAreasSchema,
  CONFIDENCE_LEVELS,
  HEALTH_MEASURES,
  PlacesSchema,
  SummarySchema,
  healthShares,
  type BigLocalArea,
  type FootprintConfidence,
  type HealthCounts,
  type HealthMeasure,
  type HealthShares,
  type Interval,
  type LsoaProperties,
  type Place,
  type Robustness,
  type Summary,
} from '../../src/data/schema.ts';

/** The England district map's inputs: each LSOA's district, and each district's properties. */
export function districtMapInputs(lookupRows: LsoaLookupRow[], lads: Map<string, LadInfo>): DistrictInputs {
  return {
    ladOf: Object.fromEntries(lookupRows.map((r) => [r.lsoa21, r.lad])),
    properties: Object.fromEntries([...lads.values()].map((l) => [l.code, { code: l.code, name: l.name, region: l.regionCode }])),
  };
}

/** The comparison units, each in a district the district-to-region lookup knows. */
export function comparisonUnits(inputs: Inputs): UnitIndex {
  const index = buildUnits(inputs.lsoaLookup, inputs.health2011, inputs.health2021.counts, inputs.imd, inputs.health2021.file);
  for (const u of index.units) regionOf(u, inputs.lads, inputs.ladFile);
  return index;
}

export interface AreaName {
  code: string;
  name: string;
}

/**
 * The footprint areas in the order every output lists them: by name, then code. An area's name is
 * the footprint file's, else the area list's, else its code.
 */
export function footprintOrder(areas: FootprintSource['areas'], areaList: Map<string, Pick<AreaListRow, 'name'>>): AreaName[] {
  return [...areas]
    .map(([code, area]) => ({ code, name: area.name || areaList.get(code)?.name || code }))
    .sort((x, y) => x.name.localeCompare(y.name, 'en-GB') || (x.code < y.code ? -1 : 1));
}

/**
 * The footprint map, drawn here from footprints given as polygons; null for footprints given as
 * LSOA lists, which the geometry worker dissolves from its LSOA topology (see footprintGroups).
 */
export function footprintPolygonMap(source: FootprintSource, order: AreaName[]): Topology | null {
  if (source.kind !== 'polygons') return null;
  return footprintTopology({
    type: 'FeatureCollection',
    features: order.map(({ code, name }) => ({ type: 'Feature', properties: { code, name }, geometry: source.polygons!.get(code)!.geometry })),
  });
}

/** Footprints given as LSOA lists, as the groups the geometry worker dissolves; else null. */
export function footprintGroups(source: FootprintSource, order: AreaName[], footprints: Pick<Footprints, 'lsoa21Of'>): MapInputs['footprintGroups'] {
  if (source.kind === 'polygons') return null;
  return order.map(({ code, name }) => ({ codes: footprints.lsoa21Of.get(code)!, properties: { code, name } }));
}

/** Which units make up each footprint, and what follows for each area. */
export interface Footprints {
  /** Area code → its units, in the footprint file's order (the order the bootstrap draws from). */
  unitsOf: Map<string, ComparisonUnit[]>;
  /** Area code → its district: the one holding most of its 2021 residents. */
  districtOf: Map<string, LadInfo>;
  /** Area code → its LSOAs 2021, sorted. */
  lsoa21Of: Map<string, string[]>;
  /** Unit id → the area it belongs to, for units in a footprint. */
  areaOfUnit: Map<string, string>;
  /** Units partly inside a footprint but not joined to it: neither Big Local nor a clean comparator. */
  partial: Set<string>;
  /** LSOA 2021 → the area whose footprint holds its inside point (or which lists it). */
  areaOfLsoa: Map<string, string>;
}

/**
 * Places each unit in its footprint by the LSOAs' inside points. Every LSOA of the boundary file
 * must be in the LSOA lookup.
 */
export function placeFootprints(source: FootprintSource, points: LsoaPoint[], index: UnitIndex, lads: Map<string, LadInfo>, boundaryFile: string): Footprints {
  for (const { code } of points) {
    if (!index.unitOfLsoa21.has(code)) {
      throw new InputError(boundaryFile, null, 'LSOA21CD', `boundary for LSOA ${code}, which is not in the lookup`);
    }
  }
  const { unitsOf, partial, areaOfLsoa } = assignUnits(source, points, index);
  const districtOf = new Map<string, LadInfo>();
  const lsoa21Of = new Map<string, string[]>();
  const areaOfUnit = new Map<string, string>();
  for (const [area, units] of unitsOf) {
    districtOf.set(area, lads.get(majorityDistrict(units.map((u) => ({ lad: u.lad, residents: u.counts2021.residents }))))!);
    lsoa21Of.set(area, units.flatMap((u) => u.lsoa21).sort());
    for (const u of units) areaOfUnit.set(u.id, area);
  }
  return { unitsOf, districtOf, lsoa21Of, areaOfUnit, partial, areaOfLsoa };
}

/**
 * The detailed LSOA maps, drawn only around Big Local areas: one file for each district that is an
 * area's district, with every LSOA of the district (of those in the boundary file) and those of
 * its areas that lie in a neighbouring district, so that a footprint crossing a district border is
 * mapped whole. In order of district code; each map's LSOAs sorted.
 */
export function lsoaMapPlan(boundaryLsoas: readonly string[], lsoa21Lad: Map<string, string>, footprints: Pick<Footprints, 'districtOf' | 'lsoa21Of'>): LsoaMapList {
  const lsoaByLad = new Map<string, string[]>();
  for (const code of [...boundaryLsoas].sort()) {
    const lad = lsoa21Lad.get(code)!;
    let list = lsoaByLad.get(lad);
    if (!list) lsoaByLad.set(lad, (list = []));
    list.push(code);
  }
  const maps = new Map<string, Set<string>>();
  for (const [area, lsoa21] of footprints.lsoa21Of) {
    const lad = footprints.districtOf.get(area)!.code;
    let codes = maps.get(lad);
    if (!codes) maps.set(lad, (codes = new Set(lsoaByLad.get(lad))));
    for (const code of lsoa21) codes.add(code);
  }
  return [...maps].sort((x, y) => (x[0] < y[0] ? -1 : 1)).map(([code, codes]) => ({ code, codes: [...codes].sort() }));
}

/** The properties of every LSOA on some LSOA map: its unit's shares, since a unit is what compares. */
export function lsoaProperties(plan: LsoaMapList, index: UnitIndex, lsoa21Counts: Map<string, HealthCounts>, areaOfUnit: Map<string, string>): Record<string, LsoaProperties> {
  // Shares are worked out once per unit, and only for the units on some LSOA map.
  const sharesOf = new Map<string, { s11: HealthShares; s21: HealthShares }>();
  const properties: Record<string, LsoaProperties> = {};
  for (const { codes } of plan) for (const code of codes) {
    if (code in properties) continue;
    const unit = index.unitOfLsoa21.get(code)!;
    let shares = sharesOf.get(unit.id);
    if (!shares) sharesOf.set(unit.id, (shares = { s11: healthShares(unit.counts2011), s21: healthShares(unit.counts2021) }));
    const { s11, s21 } = shares;
    properties[code] = {
      lsoa21: code,
      name: index.lsoa21Names.get(code) ?? code,
      lad: index.lsoa21Lad.get(code)!,
      unit: unit.id,
      area: areaOfUnit.get(unit.id) ?? null,
      residents2021: lsoa21Counts.get(code)!.residents,
      very_good_2011: s11.very_good,
      very_good_2021: s21.very_good,
      very_good_change: +(s21.very_good - s11.very_good).toFixed(4),
      bad_or_very_bad_2011: s11.bad_or_very_bad,
      bad_or_very_bad_2021: s21.bad_or_very_bad,
      bad_or_very_bad_change: +(s21.bad_or_very_bad - s11.bad_or_very_bad).toFixed(4),
    };
  }
  return properties;
}

export interface Comparison {
  /** Area code → its own and its comparator's figures, in the footprint file's order. */
  figures: Map<string, AreaFigures>;
  differenceInDifferences: Record<HealthMeasure, Interval>;
  groups: Summary['groups'];
}

/**
 * Each area against its similar areas: the units in no footprint, nor partly in one, weighted to
 * the area's mix; and the difference-in-differences over all areas, bootstrapped.
 */
export function compareAreas(units: ComparisonUnit[], footprints: Pick<Footprints, 'unitsOf' | 'areaOfUnit' | 'partial'>, lads: Map<string, LadInfo>, ladFile: string): Comparison {
  const withRegion = (u: ComparisonUnit): StudyUnit => ({ ...u, region: regionOf(u, lads, ladFile).regionCode });
  const pool = units.filter((u) => !footprints.areaOfUnit.has(u.id) && !footprints.partial.has(u.id)).map(withRegion);
  // The main comparator: the one the robustness checks call 'main'.
  const model = new CellComparator(pool, REGION_DECILE);
  // In the footprint file's order, which the bootstrap's draws depend on.
  const figures: AreaFigures[] = [...footprints.unitsOf].map(([code, own]) => ({ code, units: own, own: sumUnits(own), comparator: model.comparatorFor(own.map(withRegion)) }));
  return {
    figures: new Map(figures.map((a) => [a.code, a])),
    differenceInDifferences: bootstrapInterval(packAreas(figures)),
    groups: {
      england: toHealthChange(sumUnits(units)),
      big_local: toHealthChange(sumUnits(figures.map((a) => a.own))),
      similar_areas: toHealthChange(sumUnits(figures.map((a) => a.comparator))),
    },
  };
}

/** The inputs an area's record draws on besides its figures. */
export interface AreaSources {
  footprints: FootprintSource;
  official: boolean;
  areaList: Map<string, AreaListRow>;
}

/**
 * One record per area, in the footprint map's order. Every footprint has units, or the ingest has
 * stopped. The marker is the footprint's inside point, else its first LSOA's.
 */
export function areaRecords(order: AreaName[], sources: AreaSources, footprints: Pick<Footprints, 'districtOf' | 'lsoa21Of'>, figures: Map<string, AreaFigures>, points: LsoaPoint[]): BigLocalArea[] {
  const { official, areaList } = sources;
  return order.map(({ code, name }) => {
    const a = figures.get(code)!;
    const listed = areaList.get(code);
    const source = sources.footprints.areas.get(code)!;
    const lad = footprints.districtOf.get(code)!;
    const lsoa21 = footprints.lsoa21Of.get(code)!;
    // The area list's confidence, method and evidence describe how the approximate footprints
    // were matched; with official boundaries dropped in they no longer apply.
    const confidence = official ? (source.confidence ?? 'official') : (listed?.confidence ?? source.confidence ?? 'unknown');
    return {
      code,
      name,
      ladCode: lad.code,
      ladName: lad.name,
      regionCode: lad.regionCode,
      regionName: lad.regionName,
      wave: listed?.wave ?? null,
      confidence: (CONFIDENCE_LEVELS as readonly string[]).includes(confidence) ? (confidence as FootprintConfidence) : 'unknown',
      method: official ? 'official' : (listed?.method ?? ''),
      evidence: official ? '' : (listed?.evidence ?? ''),
      sourceUrls: official ? [] : (listed?.sourceUrls ?? []),
      lsoa21,
      units: a.units.map((u) => u.id),
      marker: source.marker ?? points.find((p) => p.code === lsoa21[0])!.point,
      health: toHealthChange(a.own),
      comparator: toHealthChange(a.comparator),
    };
  });
}

/** Every district and every region of England, in order of code, with the areas in each. */
export function places(units: ComparisonUnit[], lads: Map<string, LadInfo>, areaOfUnit: Map<string, string>): { districts: Place[]; regions: Place[] } {
  const groupBy = (key: (u: ComparisonUnit) => string) => {
    const by = new Map<string, ComparisonUnit[]>();
    for (const u of units) {
      const k = key(u);
      let list = by.get(k);
      if (!list) by.set(k, (list = []));
      list.push(u);
    }
    return [...by].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  };
  const place = (code: string, name: string, info: LadInfo, members: ComparisonUnit[]): Place => ({
    code,
    name,
    regionCode: info.regionCode,
    regionName: info.regionName,
    units: members.length,
    bigLocalAreas: [...new Set(members.map((u) => areaOfUnit.get(u.id)).filter((c): c is string => !!c))].sort(),
    health: toHealthChange(sumUnits(members)),
  });
  return {
    districts: groupBy((u) => u.lad).map(([code, members]) => place(code, lads.get(code)!.name, lads.get(code)!, members)),
    regions: groupBy((u) => lads.get(u.lad)!.regionCode).map(([code, members]) => {
      const info = lads.get(members[0]!.lad)!;
      return place(code, info.regionName, info, members);
    }),
  };
}

/** What the summary counts. */
export interface SummaryCounts {
  footprintFile: string;
  /** Units in some footprint. */
  unitsInFootprints: number;
  englandUnits: number;
  lsoa11: number;
  lsoa21: number;
}

/** The summary before the placebo test has widened its intervals: `differenceInDifferences` is the bootstrap's. */
export type BootstrapSummary = Omit<Summary, 'interval' | 'bootstrapDifferenceInDifferences'>;

export function summaryOf(comparison: Pick<Comparison, 'groups' | 'differenceInDifferences'>, areas: BigLocalArea[], counts: SummaryCounts): BootstrapSummary {
  return {
    groups: comparison.groups,
    differenceInDifferences: comparison.differenceInDifferences,
    bootstrap: { replicates: BOOTSTRAP_REPLICATES, seed: BOOTSTRAP_SEED, resampled: 'areas' },
    footprints: {
      source: basename(counts.footprintFile),
      areas: areas.length,
      units: counts.unitsInFootprints,
      lsoa21: areas.reduce((s, a) => s + a.lsoa21.length, 0),
      byConfidence: Object.fromEntries(CONFIDENCE_LEVELS.map((c) => [c, areas.filter((a) => a.confidence === c).length])) as Summary['footprints']['byConfidence'],
    },
    england: { units: counts.englandUnits, lsoa11: counts.lsoa11, lsoa21: counts.lsoa21 },
  };
}

/**
 * The summary the site reads: the estimates with the site's interval (the placebo test's, from
 * robustness.json), and the bootstrap's kept beside it. Checked against the schema, in its key order.
 */
export function siteSummary(draft: BootstrapSummary, intervals: Robustness['intervals']): Summary {
  const { method, sets, ...byMeasure } = intervals;
  for (const m of HEALTH_MEASURES) {
    if (byMeasure[m].estimate !== draft.differenceInDifferences[m].estimate) throw new Error(`the placebo interval of ${m} is not around the summary's estimate`);
  }
  return SummarySchema.parse({ ...draft, differenceInDifferences: byMeasure, interval: { method, sets }, bootstrapDifferenceInDifferences: draft.differenceInDifferences });
}

/** The processed tables: what the site reads besides the maps. */
export interface Tables<S = Summary> {
  summary: S;
  areas: BigLocalArea[];
  districts: Place[];
  regions: Place[];
}

/** The area, district, region and summary tables, each checked against the schema. */
export function assembleTables(inputs: Inputs, index: UnitIndex, footprints: Footprints, comparison: Comparison, order: AreaName[], points: LsoaPoint[]): Tables<BootstrapSummary> {
  const areas = areaRecords(order, inputs, footprints, comparison.figures, points);
  const { districts, regions } = places(index.units, inputs.lads, footprints.areaOfUnit);
  const summary = summaryOf(comparison, areas, {
    footprintFile: inputs.footprints.file,
    unitsInFootprints: footprints.areaOfUnit.size,
    englandUnits: index.units.length,
    lsoa11: inputs.health2011.counts.size,
    lsoa21: inputs.health2021.counts.size,
  });
  BigLocalAreasSchema.parse(areas);
  PlacesSchema.parse(districts);
  PlacesSchema.parse(regions);
  return { summary, areas, districts, regions };
}

/** The text of every processed file but the maps: path under the output folder → text. */
export function tableFiles(tables: Tables, robustness: Robustness, units: ComparisonUnit[], lads: Map<string, LadInfo>, areaOfUnit: Map<string, string>): Map<string, string> {
  const json = (value: unknown) => JSON.stringify(value) + '\n';
  return new Map([
    ['robustness.json', json(robustness)],
    ['public/robustness.csv', robustnessCsv(robustness)],
    ['public/placebo.csv', placeboCsv(robustness)],
    ['summary.json', JSON.stringify(tables.summary, null, 2) + '\n'],
    ['areas.json', json(tables.areas)],
    ['districts.json', json(tables.districts)],
    ['regions.json', json(tables.regions)],
    ['public/big-local-areas.csv', areasCsv(tables.areas)],
    ['public/summary.csv', summaryCsv(tables.summary)],
    ['public/units.csv', unitsCsv(units, lads, areaOfUnit)],
  ]);
}

/**
 * What the robustness checks need, from the tables already built: every unit with its region, the
 * pool, the areas with their name and footprint confidence, which units share a boundary (from the
 * worker's LSOA pairs), which pool units border a footprint, and the areas under the other unit rule.
 */
export function robustnessInputs(
  index: UnitIndex,
  footprints: Pick<Footprints, 'unitsOf' | 'areaOfUnit' | 'partial' | 'areaOfLsoa'>,
  areas: Pick<BigLocalArea, 'code' | 'name' | 'confidence'>[],
  lads: Map<string, LadInfo>,
  ladFile: string,
  lsoa21Counts: Map<string, HealthCounts>,
  neighbourLsoas: { codes: readonly string[]; pairs: Int32Array },
): ReportInputs {
  const study = new Map<string, StudyUnit>(index.units.map((u) => [u.id, { ...u, region: regionOf(u, lads, ladFile).regionCode }]));
  const inPool = (id: string) => !footprints.areaOfUnit.has(id) && !footprints.partial.has(id);
  const pool = [...study.values()].filter((u) => inPool(u.id));
  const record = new Map(areas.map((a) => [a.code, a]));
  const studyAreas = (unitsOf: Map<string, ComparisonUnit[]>) =>
    [...unitsOf].map(([code, units]) => ({ code, name: record.get(code)?.name ?? code, confidence: record.get(code)?.confidence ?? 'unknown', units: units.map((u) => study.get(u.id)!) }));

  const adjacent = new Map<string, Set<string>>();
  const { codes, pairs } = neighbourLsoas;
  for (let i = 0; i < pairs.length; i += 2) {
    const a = index.unitOfLsoa21.get(codes[pairs[i]!]!)?.id;
    const b = index.unitOfLsoa21.get(codes[pairs[i + 1]!]!)?.id;
    if (!a || !b || a === b) continue;
    for (const [x, y] of [[a, b], [b, a]] as const) {
      let set = adjacent.get(x);
      if (!set) adjacent.set(x, (set = new Set()));
      set.add(y);
    }
  }
  const adjacency = new Map([...adjacent].map(([id, set]) => [id, [...set].sort()]));
  const nextToFootprint = new Set<string>();
  for (const id of footprints.areaOfUnit.keys()) for (const n of adjacency.get(id) ?? []) if (inPool(n)) nextToFootprint.add(n);

  // The other unit rule: a unit joins the area holding most of its 2021 residents, not half its LSOAs.
  const byResidents = new Map<string, ComparisonUnit[]>([...footprints.unitsOf.keys()].map((c) => [c, []]));
  for (const unit of index.units) {
    const inside = new Map<string, number>();
    for (const lsoa of unit.lsoa21) {
      const area = footprints.areaOfLsoa.get(lsoa);
      if (area) inside.set(area, (inside.get(area) ?? 0) + (lsoa21Counts.get(lsoa)?.residents ?? 0));
    }
    for (const [area, residents] of inside) if (residents * 2 > unit.counts2021.residents) byResidents.get(area)?.push(unit);
  }
  return {
    pool,
    areas: studyAreas(footprints.unitsOf),
    adjacency,
    nextToFootprint,
    residentsRuleAreas: studyAreas(byResidents),
  };
}
