/**
 * The raw inputs, found under --raw at the same relative paths as in ../shared/data, read into
 * typed, validated tables. Header aliases cover the tidy files and the official Nomis/ONS layouts.
 */
import { basename, join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { eachCsvRow, InputError, type ColumnSpec, type CsvRow } from './read-tables.ts';
import { readFootprints, type FootprintSource } from './footprints.ts';
import { type HealthCounts } from '../../src/data/schema.ts';

export const INPUT_PATHS = {
  health2011: 'census/qs302ew_2011_lsoa11_general_health.csv',
  health2021: 'census/ts037_2021_oa21_general_health.csv',
  oaToLsoa21: 'geography/lookup_oa21_lsoa21_ew.csv',
  lsoa11ToLsoa21: 'geography/lookup_lsoa11_lsoa21_lad22.csv',
  ladToRegion: 'geography/lookup_lad21_region21_england.csv',
  lsoa21Boundaries: 'geography/lsoa21_boundaries_england.geojson',
  imd2019: 'deprivation/imd2019_england_lsoa11.csv',
  areaList: 'biglocal/big_local_areas.csv',
} as const;

/**
 * Big Local footprints, first match wins: official boundaries dropped in as GeoJSON or TopoJSON,
 * or a CSV of area to LSOA 2021 codes, then the approximate footprints shipped with the project.
 */
export const FOOTPRINT_CANDIDATES = [
  'biglocal/big_local_areas.geojson',
  'biglocal/big_local_areas.topojson',
  'biglocal/big_local_areas.topo.json',
  'biglocal/big_local_area_lsoas.csv',
  'biglocal/big_local_areas_approx.geojson', // APPROXIMATE_FOOTPRINTS
] as const;

/** The approximate footprints shipped with the project; any other footprint file is official. */
export const APPROXIMATE_FOOTPRINTS = 'biglocal/big_local_areas_approx.geojson';

export function footprintPath(raw: string, override?: string): string {
  if (override) return override;
  for (const candidate of FOOTPRINT_CANDIDATES) {
    const path = join(raw, candidate);
    if (existsSync(path)) return path;
  }
  throw new InputError(join(raw, 'biglocal'), null, null,
    `no Big Local footprint file: expected one of ${FOOTPRINT_CANDIDATES.join(', ')}`);
}

const healthColumns = (prefixes: string[]) =>
  [
    { key: 'residents', kind: 'count', aliases: ['all_usual_residents', 'General health: Total: All usual residents', 'Health: All categories: General health', 'All categories: General health', 'Total: All usual residents', ...prefixes.map((p) => `${p}Total: All usual residents`)] },
    { key: 'very_good', kind: 'count', aliases: ['very_good', 'General health: Very good health', 'Health: Very good health', 'Very good health'] },
    { key: 'good', kind: 'count', aliases: ['good', 'General health: Good health', 'Health: Good health', 'Good health'] },
    { key: 'fair', kind: 'count', aliases: ['fair', 'General health: Fair health', 'Health: Fair health', 'Fair health'] },
    { key: 'bad', kind: 'count', aliases: ['bad', 'General health: Bad health', 'Health: Bad health', 'Bad health'] },
    { key: 'very_bad', kind: 'count', aliases: ['very_bad', 'General health: Very bad health', 'Health: Very bad health', 'Very bad health'] },
  ] as const satisfies readonly ColumnSpec[];

const isEnglish = (code: string) => code.startsWith('E');

/** Counts per geography code; `lineOf` finds a code's line again when an error needs it. */
export interface HealthTable {
  file: string;
  counts: Map<string, HealthCounts>;
  lineOf(code: string): number | null;
}

/**
 * The line of a code in a table, found by reading the file again: only error messages need it, so
 * the tables do not keep a line per row (for the output-area files, 189,000 of them). `columns`
 * holds the code column first; `keep` skips rows the reader skipped too.
 */
function lineFinder(file: string, columns: readonly ColumnSpec[], keep: (row: CsvRow<string>) => boolean = () => true): (code: string) => number | null {
  const [codeColumn, ...others] = columns;
  const asText = [{ ...codeColumn!, kind: 'text' }, ...others] as const;
  return (code) => {
    let found: number | null = null;
    eachCsvRow(file, asText, (row) => {
      if (found === null && row.text(codeColumn!.key) === code && keep(row)) found = row.line();
    });
    return found;
  };
}

/** Reports a repeated code at its second row, naming the line of the first. */
function duplicate(row: CsvRow<string>, column: string, code: string, lineOf: (code: string) => number | null): never {
  return row.fail(column, `duplicate code ${code} (first on line ${lineOf(code)})`);
}

/** Reads a table keyed by a unique code; `use` gets each row, its code checked unique. */
function eachUniqueRow<S extends readonly ColumnSpec[]>(file: string, columns: S, codeColumn: string, use: (code: string, row: CsvRow<S[number]['key']>) => void): void {
  const lineOf = lineFinder(file, columns);
  const seen = new Set<string>();
  eachCsvRow(file, columns, (row) => {
    const code = row.get(columns[0]!.key) as string;
    if (seen.has(code)) duplicate(row, codeColumn, code, lineOf);
    seen.add(code);
    use(code, row);
  });
}

/** Nomis API extracts of QS302EW carry a rural/urban breakdown; the total is the row we want. */
const isTotalRow = (row: CsvRow<string>) => {
  const ru = row.text('rural_urban');
  return ru === '' || /^total$/i.test(ru);
};

/**
 * Reads a general-health table and checks each row: the five categories sum to the total, and no
 * code repeats. Each English row goes to `use`, which answers false if it has seen the code.
 */
function readHealthRows(file: string, codeAliases: string[], use: (code: string, counts: HealthCounts, row: CsvRow<string>) => boolean): (code: string) => number | null {
  const keyColumns = [
    { key: 'code', kind: 'code', aliases: [...codeAliases, 'geography code', 'mnemonic'] },
    { key: 'rural_urban', kind: 'text', aliases: ['Rural Urban', 'rural_urban'], optional: true },
  ] as const satisfies readonly ColumnSpec[];
  const columns = [...keyColumns, ...healthColumns([])] as const satisfies readonly ColumnSpec[];
  const otherCodes = new Set<string>();
  const lineOf = lineFinder(file, keyColumns, isTotalRow);
  eachCsvRow(file, columns, (row) => {
    if (!isTotalRow(row)) return;
    const code = row.get('code') as string;
    const c: HealthCounts = {
      residents: row.count('residents'),
      very_good: row.count('very_good'),
      good: row.count('good'),
      fair: row.count('fair'),
      bad: row.count('bad'),
      very_bad: row.count('very_bad'),
    };
    const sum = c.very_good + c.good + c.fair + c.bad + c.very_bad;
    if (isEnglish(code)) {
      if (!use(code, c, row)) duplicate(row, 'code', code, lineOf);
    } else {
      if (otherCodes.has(code)) duplicate(row, 'code', code, lineOf);
      otherCodes.add(code);
    }
    if (sum !== c.residents) row.fail('all_usual_residents', `the five health categories sum to ${sum}, not the total ${c.residents}`);
  });
  return lineOf;
}

/** Census 2011 general health per LSOA 2011 (English rows). */
export function readHealth2011(raw: string): HealthTable {
  const file = join(raw, INPUT_PATHS.health2011);
  const counts = new Map<string, HealthCounts>();
  const lineOf = readHealthRows(file, ['LSOA11CD', 'lsoa11cd', 'LSOA code'], (code, c) => {
    if (counts.has(code)) return false;
    counts.set(code, c);
    return true;
  });
  return { file, counts, lineOf };
}

/** OA 2021 → LSOA 2021, English rows only: output area k of `oas` is in LSOA `lsoas[lsoaOf[k]]`. */
export interface OaLookup {
  file: string;
  /** Output area code → its number k. */
  oaNumber: Map<string, number>;
  oas: string[];
  lsoaOf: Int32Array;
  lsoas: string[];
  lineOf(oa: string): number | null;
}

export function readOaLookup(raw: string): OaLookup {
  const file = join(raw, INPUT_PATHS.oaToLsoa21);
  const oaColumn = { key: 'oa', kind: 'code', aliases: ['OA21CD'] } as const satisfies ColumnSpec;
  const lineOf = lineFinder(file, [oaColumn]);
  const oaNumber = new Map<string, number>();
  const oas: string[] = [];
  const lsoaOf: number[] = [];
  const lsoaNumber = new Map<string, number>();
  const lsoas: string[] = [];
  const otherCodes = new Set<string>();
  eachCsvRow(file, [oaColumn, { key: 'lsoa', kind: 'code', aliases: ['LSOA21CD'] }] as const, (row) => {
    const oa = row.get('oa') as string;
    const lsoa = row.get('lsoa') as string;
    if (!isEnglish(oa)) {
      if (otherCodes.has(oa)) duplicate(row, 'OA21CD', oa, lineOf);
      otherCodes.add(oa);
      return;
    }
    if (oaNumber.has(oa)) duplicate(row, 'OA21CD', oa, lineOf);
    let l = lsoaNumber.get(lsoa);
    if (l === undefined) {
      lsoaNumber.set(lsoa, (l = lsoas.length));
      lsoas.push(lsoa);
    }
    oaNumber.set(oa, oas.length);
    oas.push(oa);
    lsoaOf.push(l);
  });
  return { file, oaNumber, oas, lsoaOf: Int32Array.from(lsoaOf), lsoas, lineOf };
}

/**
 * Census 2021 general health per output area, summed to LSOA 2021 through the lookup as it is
 * read: no table of 178,000 output areas is kept. Every English output area must be in the
 * lookup, and every looked-up output area in the table: a missing one would quietly shrink its
 * LSOA's population.
 */
export function readHealth2021ByLsoa(raw: string, lookup: OaLookup): { file: string; counts: Map<string, HealthCounts> } {
  const file = join(raw, INPUT_PATHS.health2021);
  const seen = new Uint8Array(lookup.oas.length);
  // Per LSOA: residents and the five categories; LSOAs kept in the order their first row comes.
  const sums = new Float64Array(lookup.lsoas.length * 6);
  const order: number[] = [];
  const started = new Uint8Array(lookup.lsoas.length);
  readHealthRows(file, ['OA21CD', 'oa21cd', 'OA code'], (code, c, row) => {
    const k = lookup.oaNumber.get(code);
    if (k === undefined) return row.fail('OA21CD', `output area ${code} is not in the lookup ${lookup.file}`);
    if (seen[k]) return false;
    seen[k] = 1;
    const l = lookup.lsoaOf[k]!;
    if (!started[l]) {
      started[l] = 1;
      order.push(l);
    }
    // Added in place, with no closure per row: under tsx each closure made in this loop of
    // 189,000 rows is also given its name at run time, which doubled this step's time.
    const at = l * 6;
    sums[at] = sums[at]! + c.residents;
    sums[at + 1] = sums[at + 1]! + c.very_good;
    sums[at + 2] = sums[at + 2]! + c.good;
    sums[at + 3] = sums[at + 3]! + c.fair;
    sums[at + 4] = sums[at + 4]! + c.bad;
    sums[at + 5] = sums[at + 5]! + c.very_bad;
    return true;
  });
  const missing = seen.indexOf(0);
  if (missing !== -1) {
    const oa = lookup.oas[missing]!;
    throw new InputError(lookup.file, lookup.lineOf(oa), 'OA21CD', `output area ${oa} has no row in ${file}`);
  }
  const counts = new Map<string, HealthCounts>();
  for (const l of order) {
    const at = l * 6;
    counts.set(lookup.lsoas[l]!, { residents: sums[at]!, very_good: sums[at + 1]!, good: sums[at + 2]!, fair: sums[at + 3]!, bad: sums[at + 4]!, very_bad: sums[at + 5]! });
  }
  return { file, counts };
}

export interface LsoaLookupRow {
  lsoa11: string;
  lsoa21: string;
  lsoa21Name: string;
  change: string;
  lad: string;
  ladName: string;
  line: number;
}

/** LSOA 2011 ↔ LSOA 2021 pairs (English). A pair may repeat only as an exact duplicate, which is an error. */
export function readLsoaLookup(raw: string): { file: string; rows: LsoaLookupRow[] } {
  const file = join(raw, INPUT_PATHS.lsoa11ToLsoa21);
  const seen = new Set<string>();
  const rows: LsoaLookupRow[] = [];
  eachCsvRow(file, [
    { key: 'lsoa11', kind: 'code', aliases: ['LSOA11CD'] },
    { key: 'change', kind: 'text', aliases: ['CHGIND'] },
    { key: 'lsoa21', kind: 'code', aliases: ['LSOA21CD'] },
    { key: 'lsoa21Name', kind: 'text', aliases: ['LSOA21NM'] },
    { key: 'lad', kind: 'code', aliases: ['LAD22CD', 'LAD21CD'] },
    { key: 'ladName', kind: 'text', aliases: ['LAD22NM', 'LAD21NM'] },
  ] as const, (row) => {
    const lsoa11 = row.get('lsoa11') as string;
    const lsoa21 = row.get('lsoa21') as string;
    const change = row.text('change');
    const lsoa21Name = row.text('lsoa21Name');
    const lad = row.get('lad') as string;
    const ladName = row.text('ladName');
    if (!isEnglish(lsoa11) && !isEnglish(lsoa21)) return;
    const key = `${lsoa11}>${lsoa21}`;
    if (seen.has(key)) row.fail('LSOA11CD', `duplicate pair ${lsoa11} → ${lsoa21}`);
    seen.add(key);
    rows.push({ lsoa11, lsoa21, lsoa21Name, change, lad, ladName, line: row.line() });
  });
  return { file, rows };
}

export interface LadInfo {
  code: string;
  name: string;
  regionCode: string;
  regionName: string;
}

export function readLadRegions(raw: string): Map<string, LadInfo> {
  const out = new Map<string, LadInfo>();
  eachUniqueRow(join(raw, INPUT_PATHS.ladToRegion), [
    { key: 'code', kind: 'code', aliases: ['LAD21CD', 'LAD22CD'] },
    { key: 'name', kind: 'text', aliases: ['LAD21NM', 'LAD22NM'] },
    { key: 'regionCode', kind: 'code', aliases: ['RGN21CD', 'RGN22CD'] },
    { key: 'regionName', kind: 'text', aliases: ['RGN21NM', 'RGN22NM'] },
  ] as const, 'LAD21CD', (code, row) => {
    out.set(code, { code, name: row.text('name'), regionCode: row.get('regionCode') as string, regionName: row.text('regionName') });
  });
  return out;
}

export interface ImdRow {
  score: number;
  rank: number;
  decile: number;
}

export function readImd(raw: string): { file: string; byLsoa11: Map<string, ImdRow> } {
  const file = join(raw, INPUT_PATHS.imd2019);
  const out = new Map<string, ImdRow>();
  eachUniqueRow(file, [
    { key: 'code', kind: 'code', aliases: ['LSOA11CD', 'LSOA code (2011)'] },
    { key: 'score', kind: 'number', aliases: ['IMD_score', 'Index of Multiple Deprivation (IMD) Score'] },
    { key: 'rank', kind: 'count', aliases: ['IMD_rank', 'Index of Multiple Deprivation (IMD) Rank (where 1 is most deprived)'] },
    { key: 'decile', kind: 'count', aliases: ['IMD_decile', 'Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOAs)'] },
  ] as const, 'LSOA11CD', (code, row) => {
    const score = row.get('score') as number;
    const rank = row.count('rank');
    const decile = row.count('decile');
    if (decile < 1 || decile > 10) row.fail('IMD_decile', `decile ${decile} is not between 1 and 10`);
    out.set(code, { score, rank, decile });
  });
  return { file, byLsoa11: out };
}

export interface AreaListRow {
  code: string;
  name: string;
  wave: number | null;
  confidence: string;
  method: string;
  evidence: string;
  sourceUrls: string[];
  lsoa21: string[];
  line: number;
}

/** The programme's list of areas with the footprint notes; optional when official boundaries carry names. */
export function readAreaList(file: string): Map<string, AreaListRow> {
  const out = new Map<string, AreaListRow>();
  const split = (v: string) => v.split(';').map((s) => s.trim()).filter(Boolean);
  eachUniqueRow(file, [
    { key: 'code', kind: 'code', aliases: ['area_code'] },
    { key: 'name', kind: 'text', aliases: ['area_name'] },
    { key: 'wave', kind: 'text', aliases: ['wave'], optional: true },
    { key: 'confidence', kind: 'text', aliases: ['confidence'], optional: true },
    { key: 'method', kind: 'text', aliases: ['method'], optional: true },
    { key: 'evidence', kind: 'text', aliases: ['evidence'], optional: true },
    { key: 'sourceUrls', kind: 'text', aliases: ['source_urls'], optional: true },
    { key: 'lsoa21', kind: 'text', aliases: ['lsoa21_codes', 'LSOA21CD'], optional: true },
  ] as const, 'area_code', (code, row) => {
    if (!/^[a-z0-9-]+$/.test(code)) {
      row.fail('area_code', `area_code "${code}" must be lower-case letters, digits and hyphens (it is used in URLs)`);
    }
    const waveText = row.text('wave');
    out.set(code, {
      code,
      name: row.text('name'),
      wave: /^\d+$/.test(waveText) ? Number(waveText) : null,
      confidence: row.text('confidence') || 'unknown',
      method: row.text('method'),
      evidence: row.text('evidence'),
      sourceUrls: split(row.text('sourceUrls')),
      lsoa21: split(row.text('lsoa21')),
      line: row.line(),
    });
  });
  return out;
}

export function areaListPath(raw: string): string | null {
  const path = join(raw, INPUT_PATHS.areaList);
  return existsSync(path) ? path : null;
}

/** Runs a named step of the ingest, timing it for the log. */
export type Step = <T>(label: string, fn: () => T) => T;

/** Every raw input but the LSOA boundaries (the geometry worker's), read and checked. */
export interface Inputs {
  health2011: HealthTable;
  /** Census 2021 counts, summed from output areas to LSOA 2021. */
  health2021: { file: string; counts: Map<string, HealthCounts> };
  lsoaLookup: { file: string; rows: LsoaLookupRow[] };
  lads: Map<string, LadInfo>;
  ladFile: string;
  imd: { file: string; byLsoa11: Map<string, ImdRow> };
  footprints: FootprintSource;
  /** Footprints dropped in as official boundaries, not the approximate ones shipped with the project. */
  official: boolean;
  /** The area list's notes; empty when there is no list (official boundaries carry names). */
  areaList: Map<string, AreaListRow>;
}

export function readInputs(raw: string, footprintOverride?: string, step: Step = (_label, fn) => fn()): Inputs {
  const health2011 = step('census 2011 by LSOA 2011', () => readHealth2011(raw));
  const oaLookup = step('output area → LSOA 2021 lookup', () => readOaLookup(raw));
  const health2021 = step('census 2021 by output area, to LSOA 2021', () => readHealth2021ByLsoa(raw, oaLookup));
  const lsoaLookup = step('LSOA 2011 → 2021 lookup', () => readLsoaLookup(raw));
  const lads = step('district → region lookup', () => readLadRegions(raw));
  const imd = step('IMD 2019', () => readImd(raw));
  const footprintFile = footprintPath(raw, footprintOverride);
  const footprints = step(`footprints (${basename(footprintFile)})`, () => readFootprints(footprintFile));
  const listPath = areaListPath(raw);
  return {
    health2011,
    health2021,
    lsoaLookup,
    lads,
    ladFile: join(raw, INPUT_PATHS.ladToRegion),
    imd,
    footprints,
    official: resolve(footprintFile) !== resolve(raw, APPROXIMATE_FOOTPRINTS),
    areaList: listPath ? readAreaList(listPath) : new Map(),
  };
}
