import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import Papa from 'papaparse';
import { topology } from 'topojson-server';
import { runIngest, writeAtomically, type IngestResult } from './run.ts';
import { AREA_CSV_COLUMNS } from './csv-text.ts';
import { InputError } from './read-tables.ts';
import type { Robustness } from '../../src/data/schema.ts';
import { INPUT_PATHS } from './inputs.ts';
import { LSOA11, counts2011, counts2021, fixtureFiles, footprintBox, footprintGeojson, writeFixture } from './test-fixtures.ts';
import { snapshotDir } from './test-fixtures.ts';
import type { BigLocalArea, Summary } from '../../src/data/schema.ts';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const freshOut = () => join(mkdtempSync(join(tmpdir(), 'ingest-out-')), 'processed');
const readJson = <T>(dir: string, name: string): T => JSON.parse(readFileSync(join(dir, name), 'utf8')) as T;

describe('ingest on a small fixture', () => {
  const raw = writeFixture();
  const out = freshOut();
  let result: IngestResult;
  let summary: Summary;
  let areas: BigLocalArea[];
  beforeAll(async () => {
    result = await runIngest({ raw, out });
    summary = readJson<Summary>(out, 'summary.json');
    areas = readJson<BigLocalArea[]>(out, 'areas.json');
  });

  it('sums England from every English LSOA and ignores Welsh rows', () => {
    const residents2011 = sum(LSOA11.map((_, i) => sum(counts2011(i))));
    const residents2021 = sum([0, 1, 2, 3, 4, 5, 6, 7].map((k) => sum(counts2021(k))));
    expect(summary.groups.england.counts2011.residents).toBe(residents2011);
    expect(summary.groups.england.counts2021.residents).toBe(residents2021);
    expect(summary.england).toEqual({ units: 7, lsoa11: 8, lsoa21: 8 });
  });

  it('joins a split LSOA and a merged LSOA into like-for-like units', () => {
    const alpha = areas.find((a) => a.code === 'alpha')!;
    // E01000002 was split into E01000102 and E01000103: one unit, named by its smallest 2021 code.
    expect(alpha.units).toEqual(['E01000101', 'E01000102']);
    expect(alpha.lsoa21).toEqual(['E01000101', 'E01000102', 'E01000103']);
    expect(alpha.health.counts2011.residents).toBe(sum(counts2011(0)) + sum(counts2011(1)));
    expect(alpha.health.counts2021.residents).toBe(sum(counts2021(0)) + sum(counts2021(1)) + sum(counts2021(2)));
    const units = Papa.parse<Record<string, string>>(readFileSync(join(out, 'public/units.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    const merged = units.find((u) => u.lsoa21_codes === 'E01000104')!;
    expect(merged.lsoa11_codes).toBe('E01000003;E01000004');
    expect(Number(merged.residents_2011)).toBe(sum(counts2011(2)) + sum(counts2011(3)));
  });

  it('places footprints by a point inside each LSOA and reads names and confidence', () => {
    const beta = areas.find((a) => a.code === 'beta')!;
    expect(beta.units).toEqual(['E01000105']);
    expect(beta.confidence).toBe('low');
    expect(areas.find((a) => a.code === 'alpha')!.name).toBe('Alpha, North');
    expect(summary.footprints.byConfidence).toMatchObject({ high: 1, low: 1 });
  });

  it('weights similar areas to the Big Local 2011 residents', () => {
    expect(summary.groups.similar_areas.counts2011.residents).toBeCloseTo(summary.groups.big_local.counts2011.residents, 6);
    for (const area of areas) expect(area.comparator.counts2011.residents).toBeCloseTo(area.health.counts2011.residents, 6);
  });

  it('writes the public CSVs with the agreed columns, and a DiD interval around its estimate', () => {
    const csv = readFileSync(join(out, 'public/big-local-areas.csv'), 'utf8');
    expect(csv.split('\n')[0]).toBe(AREA_CSV_COLUMNS.join(','));
    expect(csv).toContain('"Alpha, North"');
    const summaryCsv = Papa.parse<Record<string, string>>(readFileSync(join(out, 'public/summary.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(summaryCsv.map((r) => r.group)).toEqual(['england', 'big_local', 'similar_areas']);
    expect(summaryCsv[0]!.pct_very_good_2011).toBe(summary.groups.england.pct2011.very_good.toFixed(2));
    // The bootstrap's interval is around its estimate; the site's is the placebo test's, with the same estimate.
    const d = summary.bootstrapDifferenceInDifferences.very_good;
    expect(d.lower).toBeLessThanOrEqual(d.estimate + 1e-9);
    expect(d.upper).toBeGreaterThanOrEqual(d.estimate - 1e-9);
    const robustness = JSON.parse(readFileSync(join(out, 'robustness.json'), 'utf8')) as Robustness;
    expect(summary.differenceInDifferences.very_good).toEqual(robustness.intervals.very_good);
    expect(summary.differenceInDifferences.very_good.estimate).toBe(d.estimate);
    expect(robustness.specifications.find((r) => r.specification === 'main' && r.measure === 'very_good')).toMatchObject(robustness.intervals.very_good);
    expect(result.files).toContain('geo/lsoa/E06000001.topo.json');
  });

  it('is deterministic: a second run writes byte-identical files', async () => {
    const again = freshOut();
    await runIngest({ raw, out: again });
    expect(snapshotDir(again)).toEqual(snapshotDir(out));
  });

  it('accepts the official Nomis headers', async () => {
    const files = fixtureFiles();
    const nomis2021 = files[INPUT_PATHS.health2021]!.replace(
      'OA21CD,all_usual_residents,very_good,good,fair,bad,very_bad',
      'geography code,General health: Total: All usual residents,General health: Very good health,General health: Good health,General health: Fair health,General health: Bad health,General health: Very bad health',
    ).split('\n').map((line, i) => (i === 0 ? `date,geography,${line}` : line ? `2021,X,${line}` : line)).join('\n');
    const nomis2011 = files[INPUT_PATHS.health2011]!.replace(
      'LSOA11CD,all_usual_residents,very_good,good,fair,bad,very_bad',
      'geography code,Health: All categories: General health,Health: Very good health,Health: Good health,Health: Fair health,Health: Bad health,Health: Very bad health',
    );
    const nomisOut = freshOut();
    await runIngest({ raw: writeFixture({ [INPUT_PATHS.health2021]: nomis2021, [INPUT_PATHS.health2011]: nomis2011 }), out: nomisOut });
    expect(snapshotDir(nomisOut)).toEqual(snapshotDir(out));
  });

  it('takes official boundaries as a drop-in: TopoJSON polygons, or a CSV of area to LSOA codes', async () => {
    const geo = JSON.parse(fixtureFiles()['biglocal/big_local_areas_approx.geojson']!);
    const topoOut = freshOut();
    await runIngest({ raw: writeFixture({ 'biglocal/big_local_areas.topojson': JSON.stringify(topology({ areas: geo })) }), out: topoOut });
    expect(readJson<BigLocalArea[]>(topoOut, 'areas.json').map((a) => a.units)).toEqual(areas.map((a) => a.units));
    // Dropped-in boundaries are official: the area list's notes on approximate matching no longer apply.
    expect(areas.every((a) => a.confidence !== 'official')).toBe(true);
    expect(readJson<BigLocalArea[]>(topoOut, 'areas.json').map((a) => [a.confidence, a.method, a.evidence, a.sourceUrls.length])).toEqual(areas.map(() => ['official', 'official', '', 0]));
    expect(readJson<Summary>(topoOut, 'summary.json').footprints.byConfidence.official).toBe(areas.length);

    const csvOut = freshOut();
    const csv = 'area_code,area_name,LSOA21CD\nalpha,"Alpha, North",E01000101\nalpha,"Alpha, North",E01000102\nalpha,"Alpha, North",E01000103\nbeta,Beta,E01000105\n';
    await runIngest({ raw: writeFixture({ 'biglocal/big_local_area_lsoas.csv': csv }), out: csvOut });
    expect(readJson<BigLocalArea[]>(csvOut, 'areas.json').map((a) => a.units)).toEqual(areas.map((a) => a.units));
    expect(readJson<Summary>(csvOut, 'summary.json').groups).toEqual(summary.groups);
  });
});

describe('bad input stops with file, line and column, and leaves the previous output intact', () => {
  const good = fixtureFiles();
  const edit = (path: string, from: string, to: string) => {
    const text = good[path]!;
    if (!text.includes(from)) throw new Error(`fixture has no "${from}" in ${path}`);
    return { [path]: text.replace(from, to) };
  };
  const line2011 = (i: number) => `${LSOA11[i]},${sum(counts2011(i))},${counts2011(i).join(',')}`;
  const cases: Array<[string, Record<string, string | null>, RegExp]> = [
    ['a missing file', { [INPUT_PATHS.imd2019]: null }, /imd2019_england_lsoa11\.csv: file not found/],
    ['an empty file', { [INPUT_PATHS.imd2019]: '' }, /imd2019_england_lsoa11\.csv, line 1: file is empty/],
    ['a missing column', edit(INPUT_PATHS.health2011, ',fair,', ',fare,'), /qs302ew.*line 1, column fair: missing column "fair"/],
    ['a count that is not a number', edit(INPUT_PATHS.health2011, line2011(2), line2011(2).replace(/,(\d+)$/, ',12x')), /qs302ew.*line 4, column 7: very_bad "12x" is not a whole number/],
    ['a negative count', edit(INPUT_PATHS.health2011, line2011(1), line2011(1).replace(/,(\d+)$/, ',-11')), /qs302ew.*line 3, column 7: very_bad "-11" is negative/],
    ['categories that do not sum to the total', edit(INPUT_PATHS.health2011, line2011(0), line2011(0).replace(`,${sum(counts2011(0))},`, `,${sum(counts2011(0)) + 1},`)), /qs302ew.*line 2, column all_usual_residents: the five health categories sum to/],
    ['a duplicate code', edit(INPUT_PATHS.health2011, line2011(3), `${line2011(3)}\n${line2011(3)}`), /qs302ew.*line 6, column code: duplicate code E01000004 \(first on line 5\)/],
    ['a code that is not in the lookup', edit(INPUT_PATHS.health2011, line2011(3), `${line2011(3)}\nE01009999,10,2,2,2,2,2`), /qs302ew.*line 6, column LSOA11CD: LSOA E01009999 is not in the lookup/],
    ['an output area that is not in the lookup', edit(INPUT_PATHS.oaToLsoa21, 'E00001000,E01000101\n', ''), /ts037.*line 2, column OA21CD: output area E00001000 is not in the lookup/],
    ['an output area in the lookup with no census row', edit(INPUT_PATHS.health2021, /\nE00001003,[^\n]*/.exec(good[INPUT_PATHS.health2021]!)![0], ''), /lookup_oa21_lsoa21_ew\.csv, line 5, column OA21CD: output area E00001003 has no row in .*ts037/],
    ['a stray quote in a code', edit(INPUT_PATHS.lsoa11ToLsoa21, 'E01000005,Name', 'E0100"0005,Name'), /lookup_lsoa11_lsoa21_lad22\.csv, line 7, column 1: lsoa11 "E0100"0005" is not a code/],
    ['a row with too few fields', edit(INPUT_PATHS.health2011, line2011(2), line2011(2).replace(/,\d+$/, '')), /qs302ew.*line 4, column 7: expected 7 fields, found 6/],
    ['invalid GeoJSON', { 'biglocal/big_local_areas_approx.geojson': good['biglocal/big_local_areas_approx.geojson']!.replace('"Polygon",', '"Polygon"') }, /big_local_areas_approx\.geojson, line \d+, column \d+: invalid JSON/],
    ['a footprint that is not a polygon', { 'biglocal/big_local_areas_approx.geojson': good['biglocal/big_local_areas_approx.geojson']!.replace('"Polygon"', '"Point"') }, /big_local_areas_approx\.geojson, line \d+, column geometry: feature alpha is a Point/],
    ['an area polygon that contains no unit', { 'biglocal/big_local_areas_approx.geojson': footprintGeojson({ alpha: footprintBox(-0.001, 0.031), beta: footprintBox(0.039, 0.051), gamma: footprintBox(5, 5.01) }) }, /big_local_areas_approx\.geojson, line \d+, column geometry: area gamma contains no comparison unit/],
    ['a missing LSOA boundary file (read in the geometry thread)', { [INPUT_PATHS.lsoa21Boundaries]: null }, /lsoa21_boundaries_england\.geojson: file not found/],
    ['invalid LSOA boundary JSON (read in the geometry thread)', edit(INPUT_PATHS.lsoa21Boundaries, '"Polygon",', '"Polygon"'), /lsoa21_boundaries_england\.geojson, line 1, column \d+: invalid JSON/],
    ['an LSOA boundary that is not a polygon', edit(INPUT_PATHS.lsoa21Boundaries, '"Polygon"', '"LineString"'), /lsoa21_boundaries_england\.geojson, line 1, column geometry: feature E01000101 is a LineString/],
    ['a boundary for an LSOA not in the lookup', edit(INPUT_PATHS.lsoa21Boundaries, '"LSOA21CD":"E01000105"', '"LSOA21CD":"E01009999"'), /lsoa21_boundaries_england\.geojson, column LSOA21CD: boundary for LSOA E01009999, which is not in the lookup/],
    ['a unit claimed by two areas', { 'biglocal/big_local_areas_approx.geojson': footprintGeojson({ alpha: footprintBox(-0.001, 0.0199), beta: footprintBox(0.0201, 0.031) }) }, /column geometry: comparison unit E01000102 .* is claimed by two areas: alpha and beta/],
  ];

  const out = freshOut();
  let before: Record<string, string>;
  beforeAll(async () => {
    await runIngest({ raw: writeFixture(), out });
    before = snapshotDir(out);
  });

  it.each(cases)('%s', async (_label, overrides, message) => {
    const raw = writeFixture(overrides);
    let error: unknown;
    try {
      await runIngest({ raw, out });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(message);
    expect(snapshotDir(out)).toEqual(before);
  });

  it('the command exits non-zero with the message on stderr', () => {
    const raw = writeFixture(edit(INPUT_PATHS.health2011, ',fair,', ',fare,'));
    let status = 0;
    let stderr = '';
    try {
      execFileSync(process.execPath, ['--import', 'tsx', 'scripts/ingest/cli.ts', '--raw', raw, '--out', out, '--quiet'], { stdio: 'pipe' });
    } catch (err) {
      status = (err as { status: number }).status;
      stderr = String((err as { stderr: Buffer }).stderr);
    }
    expect(status).toBe(1);
    expect(stderr).toMatch(/ingest failed: .*qs302ew.*line 1, column fair: missing column/);
    expect(snapshotDir(out)).toEqual(before);
  });
});

describe('a write that fails midway', () => {
  it('keeps the previous output and leaves no temporary folder', async () => {
    const out = freshOut();
    await runIngest({ raw: writeFixture(), out });
    const before = snapshotDir(out);
    // "summary.json" as both a file and a folder: the second write fails after the first succeeded.
    const files = new Map([['summary.json', '{}'], ['summary.json/oops', 'x']]);
    expect(() => writeAtomically(out, files)).toThrow();
    expect(snapshotDir(out)).toEqual(before);
    expect(readdirSync(join(out, '..')).filter((n) => n.startsWith('.processed'))).toEqual([]);
  });
});
