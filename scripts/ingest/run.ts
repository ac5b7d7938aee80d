/**
 * The ingest: raw inputs in, every processed file the site reads out.
 *
 * Everything is written to a temporary folder beside --out and swapped in by rename only when the
 * whole run has succeeded, so a failed run never leaves a half-written or emptied data folder.
 */
import { mkdirSync, writeFileSync, renameSync, rmSync, existsSync } from 'node:fs';
import { dirname, join, resolve, basename } from 'node:path';
import {
  APPROXIMATE_FOOTPRINTS,
  INPUT_PATHS,
  areaListPath,
  footprintPath,
  readAreaList,
  readHealth2011,
  readHealth2021ByLsoa,
  readImd,
  readLadRegions,
  readLsoaLookup,
  readOaLookup,
  type LadInfo,
} from './inputs.ts';
import { buildUnits, type ComparisonUnit } from './units.ts';
import { assignUnits, readFootprints } from './footprints.ts';
import { startGeometryThread, type MapInputs } from './geometry-thread.ts';
import { footprintTopology } from './geometry.ts';
import { csv } from './csv-text.ts';
import { buildComparatorModel, differenceInDifferences, regionOf, sumUnits, toHealthChange, BOOTSTRAP_REPLICATES, BOOTSTRAP_SEED, type AreaFigures } from './compare.ts';
import { InputError } from './read-tables.ts';
import {
  BigLocalAreasSchema,
  CONFIDENCE_LEVELS,
  GROUP_IDS,
  PlacesSchema,
  SummarySchema,
  healthShares,
  shareOf,
  type BigLocalArea,
  type FootprintConfidence,
  type HealthChange,
  type HealthCounts,
  type HealthShares,
  type LsoaProperties,
  type Place,
  type Summary,
} from '../../src/data/schema.ts';

export interface IngestOptions {
  raw: string;
  out: string;
  /** A footprint file to use instead of the ones found under raw/biglocal. */
  footprints?: string;
  log?: (message: string) => void;
}

export interface IngestResult {
  summary: Summary;
  files: string[];
}

export async function runIngest(options: IngestOptions): Promise<IngestResult> {
  const log = options.log ?? (() => {});
  const raw = resolve(options.raw);
  const out = resolve(options.out);
  const started = performance.now();
  const step = <T>(label: string, fn: () => T): T => {
    const t0 = performance.now();
    const value = fn();
    log(`  ${label.padEnd(44)} ${((performance.now() - t0) / 1000).toFixed(2).padStart(6)} s`);
    return value;
  };

  // The map geometry starts first, in its own thread: see geometry-thread.ts.
  const geometry = startGeometryThread(join(raw, INPUT_PATHS.lsoa21Boundaries), log);
  try {
    // 1. Read and check every input.
    const health2011 = step('census 2011 by LSOA 2011', () => readHealth2011(raw));
    const oaLookup = step('output area → LSOA 2021 lookup', () => readOaLookup(raw));
    const health2021 = step('census 2021 by output area, to LSOA 2021', () => readHealth2021ByLsoa(raw, oaLookup));
    const lsoa21Counts = health2021.counts;
    const lsoaLookup = step('LSOA 2011 → 2021 lookup', () => readLsoaLookup(raw));
    const lads = step('district → region lookup', () => readLadRegions(raw));
    geometry.districts({
      ladOf: Object.fromEntries(lsoaLookup.rows.map((r) => [r.lsoa21, r.lad])),
      properties: Object.fromEntries([...lads.values()].map((l) => [l.code, { code: l.code, name: l.name, region: l.regionCode }])),
    });
    const imd = step('IMD 2019', () => readImd(raw));
    const footprintFile = footprintPath(raw, options.footprints);
    const official = resolve(footprintFile) !== join(raw, APPROXIMATE_FOOTPRINTS);
    const footprintSource = step(`footprints (${basename(footprintFile)})`, () => readFootprints(footprintFile));
    const listPath = areaListPath(raw);
    const areaList = listPath ? readAreaList(listPath) : new Map();

    // 2. Comparison units.
    const index = step('comparison units', () => buildUnits(lsoaLookup, health2011, lsoa21Counts, imd, health2021.file));
    const ladFile = join(raw, INPUT_PATHS.ladToRegion);
    for (const u of index.units) regionOf(u, lads, ladFile);

    // The footprint map, drawn here while the geometry thread finishes the LSOA inside points, in
    // the order the areas take below (by name, then code). Footprints given as LSOA lists are
    // dissolved from the LSOA topology, which only the worker has.
    const displayName = (code: string) => footprintSource.areas.get(code)!.name || areaList.get(code)?.name || code;
    const footprintOrder = [...footprintSource.areas.keys()]
      .map((code) => ({ code, name: displayName(code) }))
      .sort((x, y) => x.name.localeCompare(y.name, 'en-GB') || (x.code < y.code ? -1 : 1));
    const footprintMap = footprintSource.kind === 'polygons'
      ? footprintTopology({
          type: 'FeatureCollection',
          features: footprintOrder.map(({ code, name }) => ({ type: 'Feature', properties: { code, name }, geometry: footprintSource.polygons!.get(code)!.geometry })),
        })
      : null;

    // 3. Footprints, once the geometry thread has every LSOA's inside point.
    const points = await geometry.points;
    for (const { code } of points) {
      if (!index.unitOfLsoa21.has(code)) {
        throw new InputError(join(raw, INPUT_PATHS.lsoa21Boundaries), null, 'LSOA21CD', `boundary for LSOA ${code}, which is not in the lookup`);
      }
    }

    const assignment = step('units inside each footprint', () => assignUnits(footprintSource, points, index));
    const inFootprint = new Set<string>();
    for (const units of assignment.unitsOf.values()) for (const u of units) inFootprint.add(u.id);

    // Each area's district (the one most of its 2021 residents live in) and its LSOAs.
    const majorityLad = (units: ComparisonUnit[]): LadInfo => {
      const byLad = new Map<string, number>();
      for (const u of units) byLad.set(u.lad, (byLad.get(u.lad) ?? 0) + u.counts2021.residents);
      const code = [...byLad].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
      return lads.get(code)!;
    };
    const ladOfArea = new Map([...assignment.unitsOf].map(([code, units]) => [code, majorityLad(units)]));
    const lsoasOfArea = new Map([...assignment.unitsOf].map(([code, units]) => [code, units.flatMap((u) => u.lsoa21).sort()]));
    // 4. Maps: sent to the geometry thread as soon as the footprints are known, so it cuts them while
    // the figures and tables below are worked out.
    const lsoaByLad = new Map<string, string[]>();
    for (const code of points.map((p) => p.code).sort()) {
      const lad = index.lsoa21Lad.get(code)!;
      let list = lsoaByLad.get(lad);
      if (!list) lsoaByLad.set(lad, (list = []));
      list.push(code);
    }
    // A detailed LSOA map is drawn only around a Big Local area: one file for each district that is
    // an area's main district, with every LSOA of the district and those of its areas that lie in
    // a neighbouring district, so that a footprint crossing a district border is mapped whole.
    const lsoaMaps = new Map<string, Set<string>>();
    for (const [area, lsoa21] of lsoasOfArea) {
      const lad = ladOfArea.get(area)!.code;
      let codes = lsoaMaps.get(lad);
      if (!codes) lsoaMaps.set(lad, (codes = new Set(lsoaByLad.get(lad))));
      for (const code of lsoa21) codes.add(code);
    }
    const lsoaMapList = [...lsoaMaps].sort((x, y) => (x[0] < y[0] ? -1 : 1)).map(([code, codes]) => ({ code, codes: [...codes].sort() }));
    // Sent now, so the worker cuts these maps' geometry while the figures they carry are worked out.
    geometry.lsoaMaps(lsoaMapList);

    const areaOfUnit = new Map<string, string>();
    for (const [area, units] of assignment.unitsOf) for (const u of units) areaOfUnit.set(u.id, area);
    // Shares are worked out once per unit, and only for the units on some LSOA map.
    const sharesOf = new Map<string, { s11: HealthShares; s21: HealthShares }>();
    const lsoaProperties: Record<string, LsoaProperties> = {};
    for (const codes of lsoaMaps.values()) for (const code of codes) {
      if (code in lsoaProperties) continue;
      const unit = index.unitOfLsoa21.get(code)!;
      let shares = sharesOf.get(unit.id);
      if (!shares) sharesOf.set(unit.id, (shares = { s11: healthShares(unit.counts2011), s21: healthShares(unit.counts2021) }));
      const { s11, s21 } = shares;
      lsoaProperties[code] = {
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
    const mapInputs: MapInputs = {
      lsoaProperties,
      // Footprints given as LSOAs are dissolved from the LSOA topology, which only the worker has.
      footprintGroups: footprintSource.kind === 'polygons'
        ? null
        : footprintOrder.map(({ code, name }) => ({ codes: lsoasOfArea.get(code)!, properties: { code, name } })),
    };
    const maps = geometry.maps(mapInputs);

    // 5. Groups and comparators.
    const pool = index.units.filter((u) => !inFootprint.has(u.id) && !assignment.partial.has(u.id));
    const model = buildComparatorModel(pool, lads, ladFile);
    const areaFigures: AreaFigures[] = [...assignment.unitsOf].map(([code, units]) => ({
      code,
      units,
      own: sumUnits(units),
      comparator: model.comparatorFor(units),
    }));
    const did = step(`bootstrap (${BOOTSTRAP_REPLICATES} replicates)`, () => differenceInDifferences(areaFigures));
    const groups = {
      england: toHealthChange(sumUnits(index.units)),
      big_local: toHealthChange(sumUnits(areaFigures.map((a) => a.own))),
      similar_areas: toHealthChange(sumUnits(areaFigures.map((a) => a.comparator))),
    };

    // In the footprint map's order (by name, then code); every footprint has units, or the ingest
    // has stopped. areaFigures keeps the assignment's order, which the bootstrap's draws depend on.
    const figuresOf = new Map(areaFigures.map((a) => [a.code, a]));
    const areas: BigLocalArea[] = footprintOrder.map(({ code }) => {
      const a = figuresOf.get(code)!;
      const listed = areaList.get(a.code);
      const source = footprintSource.areas.get(a.code)!;
      const lad = ladOfArea.get(a.code)!;
      const lsoa21 = lsoasOfArea.get(a.code)!;
      // The area list's confidence, method and evidence describe how the approximate footprints
      // were matched; with official boundaries dropped in they no longer apply.
      const confidence = (official ? (source.confidence ?? 'official') : (listed?.confidence ?? source.confidence ?? 'unknown')) as string;
      return {
        code: a.code,
        name: displayName(a.code),
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

    // 6. Districts and regions.
    const placeFigures = (key: (u: ComparisonUnit) => string) => {
      const by = new Map<string, ComparisonUnit[]>();
      for (const u of index.units) {
        const k = key(u);
        let list = by.get(k);
        if (!list) by.set(k, (list = []));
        list.push(u);
      }
      return by;
    };
    const placeOf = (code: string, name: string, info: LadInfo, units: ComparisonUnit[]): Place => ({
      code,
      name,
      regionCode: info.regionCode,
      regionName: info.regionName,
      units: units.length,
      bigLocalAreas: [...new Set(units.map((u) => areaOfUnit.get(u.id)).filter((c): c is string => !!c))].sort(),
      health: toHealthChange(sumUnits(units)),
    });
    const districts: Place[] = [...placeFigures((u) => u.lad)]
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([code, units]) => placeOf(code, lads.get(code)!.name, lads.get(code)!, units));
    const regions: Place[] = [...placeFigures((u) => lads.get(u.lad)!.regionCode)]
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([code, units]) => {
        const info = lads.get(units[0]!.lad)!;
        return placeOf(code, info.regionName, info, units);
      });

    const byConfidence = Object.fromEntries(CONFIDENCE_LEVELS.map((c) => [c, areas.filter((a) => a.confidence === c).length])) as Summary['footprints']['byConfidence'];
    const summary: Summary = step('validate against the schema', () => SummarySchema.parse({
      groups,
      differenceInDifferences: did,
      bootstrap: { replicates: BOOTSTRAP_REPLICATES, seed: BOOTSTRAP_SEED, resampled: 'areas' },
      footprints: {
        source: basename(footprintFile),
        areas: areas.length,
        units: inFootprint.size,
        lsoa21: areas.reduce((s, a) => s + a.lsoa21.length, 0),
        byConfidence,
      },
      england: { units: index.units.length, lsoa11: health2011.counts.size, lsoa21: lsoa21Counts.size },
    }));
    BigLocalAreasSchema.parse(areas);
    PlacesSchema.parse(districts);
    PlacesSchema.parse(regions);


    // 7. Write everything to a temporary folder, then swap it in.
    const files = new Map<string, string>();
    const json = (value: unknown) => JSON.stringify(value) + '\n';
    files.set('summary.json', JSON.stringify(summary, null, 2) + '\n');
    files.set('areas.json', json(areas));
    files.set('districts.json', json(districts));
    files.set('regions.json', json(regions));
    files.set('public/big-local-areas.csv', areasCsv(areas, index.units));
    files.set('public/summary.csv', summaryCsv(summary));
    files.set('public/units.csv', unitsCsv(index.units, lads, areaOfUnit));
    if (footprintMap) files.set('geo/footprints.topo.json', json(footprintMap));
    for (const [name, text] of await maps) files.set(name, text);
    step('write files', () => writeAtomically(out, files));
    log(`  ${'total'.padEnd(44)} ${((performance.now() - started) / 1000).toFixed(2).padStart(6)} s`);
    return { summary, files: [...files.keys()].sort() };
  } finally {
    await geometry.close();
  }
}

export function writeAtomically(out: string, files: Map<string, string>): void {
  const parent = dirname(out);
  mkdirSync(parent, { recursive: true });
  const tmp = join(parent, `.${basename(out)}.tmp-${process.pid}`);
  const old = join(parent, `.${basename(out)}.old-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  try {
    for (const [name, content] of [...files].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const path = join(tmp, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
    }
    if (existsSync(out)) renameSync(out, old);
    renameSync(tmp, out);
    rmSync(old, { recursive: true, force: true });
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(out) && existsSync(old)) renameSync(old, out);
    throw err;
  }
}

export const AREA_CSV_COLUMNS = [
  'area_code', 'area_name', 'lad_code', 'lad_name', 'region_name', 'units',
  'residents_2011', 'very_good_2011', 'good_2011', 'fair_2011', 'bad_2011', 'very_bad_2011',
  'residents_2021', 'very_good_2021', 'good_2021', 'fair_2021', 'bad_2021', 'very_bad_2021',
  'pct_very_good_2011', 'pct_very_good_2021', 'pct_bad_or_very_bad_2011', 'pct_bad_or_very_bad_2021',
] as const;

/**
 * The CSV figures of a group: its counts each year, whole, and four shares (as healthShares
 * gives them) to 2 decimals. Written out flat: units.csv calls this 33,000 times.
 */
function figureColumns(a: HealthCounts, b: HealthCounts): (string | number)[] {
  const c = Math.round;
  const p = (n: number, total: number) => shareOf(n, total).toFixed(2);
  return [
    c(a.residents), c(a.very_good), c(a.good), c(a.fair), c(a.bad), c(a.very_bad),
    c(b.residents), c(b.very_good), c(b.good), c(b.fair), c(b.bad), c(b.very_bad),
    p(a.very_good, a.residents), p(b.very_good, b.residents),
    p(a.bad + a.very_bad, a.residents), p(b.bad + b.very_bad, b.residents),
  ];
}
const changeColumns = (h: HealthChange) => figureColumns(h.counts2011, h.counts2021);


function areasCsv(areas: BigLocalArea[], _units: ComparisonUnit[]): string {
  return csv(AREA_CSV_COLUMNS, areas.map((a) => [a.code, a.name, a.ladCode, a.ladName, a.regionName, a.units.length, ...changeColumns(a.health)]));
}

function summaryCsv(summary: Summary): string {
  return csv(['group', ...AREA_CSV_COLUMNS.slice(AREA_CSV_COLUMNS.indexOf('residents_2011'))], GROUP_IDS.map((g) => [g, ...changeColumns(summary.groups[g])]));
}

function unitsCsv(units: ComparisonUnit[], lads: Map<string, LadInfo>, areaOfUnit: Map<string, string>): string {
  const cols = ['unit_id', 'lsoa21_codes', 'lsoa11_codes', 'lad_code', 'region_code', 'imd_decile', 'big_local_area', ...AREA_CSV_COLUMNS.slice(AREA_CSV_COLUMNS.indexOf('residents_2011'))];
  return csv(cols, units.map((u) => [
    u.id, u.lsoa21.join(';'), u.lsoa11.join(';'), u.lad, lads.get(u.lad)!.regionCode, u.imdDecile, areaOfUnit.get(u.id) ?? '',
    // A unit's counts are whole numbers, so they need none of toHealthChange's tidying.
    ...figureColumns(u.counts2011, u.counts2021),
  ]));
}
