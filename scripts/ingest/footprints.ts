/**
 * Big Local footprints: which comparison units make up each area.
 *
 * An LSOA is in an area when a point guaranteed to lie inside the LSOA (not its centroid, which
 * can fall outside a crescent-shaped LSOA) lies inside the area's polygon. A unit belongs to an area when at least half of its 2021 LSOAs are so placed. Official boundaries drop in as GeoJSON or TopoJSON with the same properties, or as a
 * CSV of area to LSOA 2021 codes.
 */
import { readFileSync } from 'node:fs';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { feature as topoFeature } from 'topojson-client';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { Topology } from 'topojson-specification';
import { InputError, eachCsvRow } from './read-tables.ts';
import { insidePoint } from './inside-points.ts';
import type { ComparisonUnit, UnitIndex } from './units.ts';

export type AreaPolygon = Feature<Polygon | MultiPolygon, Record<string, unknown>>;

/** Parses JSON, turning a syntax error into an InputError at the right line and column. */
export function parseJsonFile(file: string, text?: string): unknown {
  const body = text ?? readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  try {
    return JSON.parse(body);
  } catch (err) {
    const message = (err as Error).message;
    const pos = /position (\d+)/.exec(message);
    const at = pos ? Number(pos[1]) : body.length;
    const { line, column } = lineColumn(body, at);
    throw new InputError(file, line, column, `invalid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`);
  }
}

export function lineColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lastBreak = -1;
  for (let i = 0; i < index && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lastBreak = i;
    }
  }
  return { line, column: index - lastBreak };
}

/** Where a feature's identifying text first appears in the file, for error messages. */
function locate(text: string, needle: string | undefined): { line: number | null; column: number | null } {
  if (!needle) return { line: null, column: null };
  const at = text.indexOf(needle);
  if (at < 0) return { line: null, column: null };
  return lineColumn(text, at);
}

/**
 * Reads a FeatureCollection of (Multi)Polygons. `idKeys` name the property that identifies each
 * feature; structural faults are reported at the line where that feature's id appears.
 */
export function readPolygons(file: string, idKeys: readonly string[], label: string): { features: AreaPolygon[]; idOf: (f: AreaPolygon) => string } {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const json = parseJsonFile(file, text) as Record<string, unknown>;
  let collection: FeatureCollection;
  if (json && json.type === 'Topology') {
    const topology = json as unknown as Topology;
    const names = Object.keys(topology.objects ?? {});
    if (names.length === 0) throw new InputError(file, 1, 1, 'TopoJSON has no objects');
    collection = topoFeature(topology, topology.objects[names[0]!]!) as unknown as FeatureCollection;
  } else if (json && json.type === 'FeatureCollection' && Array.isArray(json.features)) {
    collection = json as unknown as FeatureCollection;
  } else {
    throw new InputError(file, 1, 1, `expected a GeoJSON FeatureCollection or a TopoJSON Topology of ${label}`);
  }
  const idOf = (f: AreaPolygon): string => {
    for (const k of idKeys) {
      const v = f.properties?.[k];
      if (typeof v === 'string' && v !== '') return v;
    }
    return '';
  };
  collection.features.forEach((f, i) => {
    const feat = f as AreaPolygon;
    const id = idOf(feat);
    // Located lazily: searching a 47 MB file for every feature would dominate the ingest.
    const where = {
      get line() {
        return id ? locate(text, `"${id}"`).line : null;
      },
    };
    if (!id) {
      throw new InputError(file, null, idKeys[0]!, `feature ${i + 1} of the collection has no "${idKeys[0]}" property`);
    }
    const g = feat.geometry as Polygon | MultiPolygon | null | { type: string };
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon') || !('coordinates' in g)) {
      throw new InputError(file, where.line, 'geometry', `feature ${id} is a ${g?.type ?? 'null geometry'}, expected Polygon or MultiPolygon`);
    }
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const poly of polys) {
      if (!Array.isArray(poly) || poly.length === 0) throw new InputError(file, where.line, 'geometry', `feature ${id} has an empty polygon`);
      for (const ring of poly) {
        if (!Array.isArray(ring) || ring.length < 4 || !ring.every(isLonLat)) {
          throw new InputError(file, where.line, 'geometry', `feature ${id} has a ring that is not a closed list of [lon, lat] positions`);
        }
      }
    }
  });
  return { features: collection.features as AreaPolygon[], idOf };
}

function isLonLat(p: unknown): p is Position {
  return Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]) && Math.abs(p[0] as number) <= 180 && Math.abs(p[1] as number) <= 90;
}

type Bbox = [number, number, number, number];
function bboxOf(geometry: Polygon | MultiPolygon): Bbox {
  const b: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const poly of polys) for (const [x, y] of poly[0]!) {
    if (x! < b[0]) b[0] = x!;
    if (y! < b[1]) b[1] = y!;
    if (x! > b[2]) b[2] = x!;
    if (y! > b[3]) b[3] = y!;
  }
  return b;
}

export interface FootprintSource {
  file: string;
  kind: 'polygons' | 'lsoa-list';
  /** Area code → name and marker, in file order. */
  areas: Map<string, { name: string; marker: [number, number] | null; confidence?: string }>;
  /** For polygons: area code → polygon. For a list: area code → LSOA 2021 codes. */
  polygons?: Map<string, AreaPolygon>;
  lsoaLists?: Map<string, { codes: string[]; line: number }>;
  text?: string;
}

const AREA_CODE_KEYS = ['area_code', 'AREA_CODE', 'code'] as const;

export function readFootprints(file: string): FootprintSource {
  if (/\.csv$/i.test(file)) {
    const areas: FootprintSource['areas'] = new Map();
    const lsoaLists = new Map<string, { codes: string[]; line: number }>();
    eachCsvRow(file, [
      { key: 'code', kind: 'code', aliases: ['area_code'] },
      { key: 'name', kind: 'text', aliases: ['area_name'], optional: true },
      { key: 'lsoa', kind: 'text', aliases: ['LSOA21CD', 'lsoa21_codes', 'lsoa21cd'] },
    ] as const, (row) => {
      const code = row.get('code') as string;
      if (!areas.has(code)) areas.set(code, { name: row.text('name'), marker: null });
      let list = lsoaLists.get(code);
      if (!list) lsoaLists.set(code, (list = { codes: [], line: row.line() }));
      list.codes.push(...row.text('lsoa').split(';').map((s) => s.trim()).filter(Boolean));
    });
    return { file, kind: 'lsoa-list', areas, lsoaLists };
  }
  const { features, idOf } = readPolygons(file, AREA_CODE_KEYS, 'Big Local areas');
  const areas: FootprintSource['areas'] = new Map();
  const polygons = new Map<string, AreaPolygon>();
  const text = readFileSync(file, 'utf8');
  for (const f of features) {
    const code = idOf(f);
    if (polygons.has(code)) {
      throw new InputError(file, locate(text, `"${code}"`).line, 'area_code', `duplicate area_code ${code}`);
    }
    polygons.set(code, f);
    const props = f.properties ?? {};
    areas.set(code, {
      name: String(props.area_name ?? props.name ?? ''),
      marker: insidePoint(f.geometry),
      confidence: typeof props.confidence === 'string' ? props.confidence : undefined,
    });
  }
  return { file, kind: 'polygons', areas, polygons, text };
}

export interface LsoaPoint {
  code: string;
  point: [number, number];
}

/** Area code → the comparison units that make up its footprint. */
export interface Assignment {
  unitsOf: Map<string, ComparisonUnit[]>;
  /** Units partly inside a footprint but not joined to it: neither Big Local nor a clean comparator. */
  partial: Set<string>;
  areaOfLsoa: Map<string, string>;
}

export function assignUnits(source: FootprintSource, lsoaPoints: LsoaPoint[], index: UnitIndex): Assignment {
  // LSOA 2021 → area, from polygons or from the list.
  const areaOfLsoa = new Map<string, string>();
  if (source.kind === 'polygons') {
    const entries = [...source.polygons!].map(([code, f]) => ({ code, f, bbox: bboxOf(f.geometry) }));
    for (const { code: lsoa, point } of lsoaPoints) {
      const [x, y] = point;
      for (const { code, f, bbox } of entries) {
        if (x < bbox[0] || x > bbox[2] || y < bbox[1] || y > bbox[3]) continue;
        if (!booleanPointInPolygon(point, f)) continue;
        const already = areaOfLsoa.get(lsoa);
        if (already) {
          throw new InputError(source.file, locate(source.text!, `"${code}"`).line, 'geometry',
            `areas ${already} and ${code} overlap: both contain LSOA ${lsoa}`);
        }
        areaOfLsoa.set(lsoa, code);
      }
    }
  } else {
    for (const [code, { codes, line }] of source.lsoaLists!) {
      for (const lsoa of codes) {
        if (!index.unitOfLsoa21.has(lsoa)) {
          throw new InputError(source.file, line, 'LSOA21CD', `LSOA ${lsoa} of area ${code} is not an English LSOA 2021 in the lookup`);
        }
        const already = areaOfLsoa.get(lsoa);
        if (already && already !== code) throw new InputError(source.file, line, 'LSOA21CD', `LSOA ${lsoa} is listed for both ${already} and ${code}`);
        areaOfLsoa.set(lsoa, code);
      }
    }
  }

  const unitsOf = new Map<string, ComparisonUnit[]>([...source.areas.keys()].map((c) => [c, []]));
  const partial = new Set<string>();
  for (const unit of index.units) {
    // Most units lie in no footprint: skip them before counting claims.
    if (!unit.lsoa21.some((lsoa) => areaOfLsoa.has(lsoa))) continue;
    const claims = new Map<string, number>();
    for (const lsoa of unit.lsoa21) {
      const area = areaOfLsoa.get(lsoa);
      if (area) claims.set(area, (claims.get(area) ?? 0) + 1);
    }
    if (claims.size === 0) continue;
    if (claims.size > 1) {
      const names = [...claims.keys()].sort();
      throw new InputError(source.file, source.text ? locate(source.text, `"${names[1]}"`).line : source.lsoaLists!.get(names[1]!)!.line, 'geometry',
        `comparison unit ${unit.id} (LSOAs ${unit.lsoa21.join(', ')}) is claimed by two areas: ${names.join(' and ')}`);
    }
    const [area, inside] = [...claims][0]!;
    // A split 2011 LSOA forms one unit with all its 2021 parts; the unit joins the area when the
    // parts inside the footprint are at least half of them.
    if (inside * 2 >= unit.lsoa21.length) unitsOf.get(area)!.push(unit);
    else partial.add(unit.id);
  }
  for (const [code, units] of unitsOf) {
    if (units.length === 0) {
      const line = source.text ? locate(source.text, `"${code}"`).line : source.lsoaLists!.get(code)?.line ?? null;
      throw new InputError(source.file, line, source.kind === 'polygons' ? 'geometry' : 'LSOA21CD',
        `area ${code} contains no comparison unit: its polygon holds no LSOA's inside point`);
    }
  }
  return { unitsOf, partial, areaOfLsoa };
}

/** Inside points of every LSOA 2021 polygon, read from the boundary file. */
