/**
 * The pages' only way to read processed data. Runs at build time; every file is validated against
 * the schema, so a stale or hand-edited file fails the build instead of showing a wrong number.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GeometryCollection, Topology } from 'topojson-specification';
import {
  BigLocalAreasSchema,
  PlacesSchema,
  ReferenceFigureSchema,
  RobustnessSchema,
  SummarySchema,
  type BigLocalArea,
  type LsoaProperties,
  type Place,
  type Robustness,
  type Summary,
} from './schema.ts';

/** Where the pipeline writes; tests may point this elsewhere with PROCESSED_DATA_DIR. */
export const PROCESSED_DIR = process.env.PROCESSED_DATA_DIR ?? join(process.cwd(), 'data', 'processed');

const readJson = (relative: string): unknown => JSON.parse(readFileSync(join(PROCESSED_DIR, relative), 'utf8'));

export const summary: Summary = SummarySchema.parse(readJson('summary.json'));
export const areas: BigLocalArea[] = BigLocalAreasSchema.parse(readJson('areas.json'));
export const districts: Place[] = PlacesSchema.parse(readJson('districts.json'));
export const regions: Place[] = PlacesSchema.parse(readJson('regions.json'));
/**
 * England's age-standardised very good health, as the ONS published it: not this project's figure,
 * quoted beside the crude rates (data/reference/, with its source).
 */
export const onsAgeStandardised = ReferenceFigureSchema.parse(
  JSON.parse(readFileSync(join(process.cwd(), 'data', 'reference', 'ons-age-standardised-very-good-health.json'), 'utf8')),
);
/** How far the difference in differences holds: specifications, placebo sets, coverage. */
export const robustness: Robustness = RobustnessSchema.parse(readJson('robustness.json'));

const areaByCode = new Map(areas.map((a) => [a.code, a]));
const districtByCode = new Map(districts.map((d) => [d.code, d]));

export function areaByCodeOrThrow(code: string): BigLocalArea {
  const area = areaByCode.get(code);
  if (!area) throw new Error(`no Big Local area with code "${code}"`);
  return area;
}
export const findArea = (code: string): BigLocalArea | undefined => areaByCode.get(code);
export function districtOf(code: string): Place {
  const d = districtByCode.get(code);
  if (!d) throw new Error(`no district with code "${code}"`);
  return d;
}

/**
 * Topologies are read once per build and the same object handed out on every call (the maps render
 * each area several times: area page, chart pages, embeds), so chart code may cache what it
 * projects from one by identity (see area-map.ts, england-map.ts). Treat them as read-only.
 */
const topologies = new Map<string, Topology>();
function readTopology(relative: string): Topology {
  let t = topologies.get(relative);
  if (!t) {
    t = readJson(relative) as Topology;
    topologies.set(relative, t);
  }
  return t;
}
/** England by local authority district; properties {code, name, region}. */
export const englandDistricts = (): Topology => readTopology('geo/england-districts.topo.json');
/** The Big Local footprints; properties {code, name}. */
export const footprints = (): Topology => readTopology('geo/footprints.topo.json');
/** LSOAs of one district, object "lsoa", properties LsoaProperties (see schema.ts). */
export const lsoaTopology = (ladCode: string): Topology => readTopology(`geo/lsoa/${ladCode}.topo.json`);

/**
 * The districts an area's footprint lies in, its main district first, with how many of its LSOAs
 * each holds. Read from the area's LSOA map, which also holds the LSOAs across a district border.
 */
export function footprintDistricts(area: BigLocalArea): Array<{ district: Place; lsoas: number }> {
  const geometries = (lsoaTopology(area.ladCode).objects.lsoa as GeometryCollection<LsoaProperties>).geometries;
  const counts = new Map<string, number>([[area.ladCode, 0]]);
  for (const g of geometries) {
    const p = g.properties as LsoaProperties;
    if (area.lsoa21.includes(p.lsoa21)) counts.set(p.lad, (counts.get(p.lad) ?? 0) + 1);
  }
  return [...counts].map(([code, lsoas]) => ({ district: districtOf(code), lsoas }));
}
