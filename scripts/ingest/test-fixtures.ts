/**
 * A tiny, complete raw-input folder written by the tests themselves: eight LSOA 2021 squares in a
 * row, with one split 2011 LSOA (E01000002 → E01000102 + E01000103), one merge (E01000003 +
 * E01000004 → E01000104), a Welsh row to be ignored, and two footprints:
 * "alpha" covers the first three squares, "beta" the fifth.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { INPUT_PATHS } from './inputs.ts';

export const LSOA11 = ['E01000001', 'E01000002', 'E01000003', 'E01000004', 'E01000005', 'E01000006', 'E01000007', 'E01000008'];
export const LSOA21 = ['E01000101', 'E01000102', 'E01000103', 'E01000104', 'E01000105', 'E01000106', 'E01000107', 'E01000108'];
/** 2011 → 2021 pairs with the ONS change indicator. */
export const PAIRS: Array<[string, string, string]> = [
  ['E01000001', 'E01000101', 'U'],
  ['E01000002', 'E01000102', 'S'],
  ['E01000002', 'E01000103', 'S'],
  ['E01000003', 'E01000104', 'M'],
  ['E01000004', 'E01000104', 'M'],
  ['E01000005', 'E01000105', 'U'],
  ['E01000006', 'E01000106', 'U'],
  ['E01000007', 'E01000107', 'U'],
  ['E01000008', 'E01000108', 'U'],
];
export const LAD_OF_LSOA21 = (code: string) => (LSOA21.indexOf(code) < 4 ? 'E06000001' : 'E06000002');
export const IMD_DECILE: Record<string, number> = {
  E01000001: 1, E01000002: 2, E01000003: 1, E01000004: 3, E01000005: 1, E01000006: 1, E01000007: 2, E01000008: 5,
};

/** 2011 counts [very good, good, fair, bad, very bad] for LSOA 2011 number i. */
export const counts2011 = (i: number) => [500 + 10 * i, 300 + 5 * i, 100 + 3 * i, 40 + i, 10 + i];
/** 2021 counts for LSOA 2021 number k; each LSOA has two output areas that split them. */
export const counts2021 = (k: number) => [520 + 12 * k, 290 + 4 * k, 95 + 2 * k, 35 + k, 9 + k];

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const square = (k: number, pad = 0) => [[
  [k * 0.01 - pad, 50 - pad], [(k + 1) * 0.01 + pad, 50 - pad], [(k + 1) * 0.01 + pad, 50.01 + pad], [k * 0.01 - pad, 50.01 + pad], [k * 0.01 - pad, 50 - pad],
]];
const box = (x0: number, x1: number) => [[[x0, 49.99], [x1, 49.99], [x1, 50.02], [x0, 50.02], [x0, 49.99]]];

export type FixtureFiles = Record<string, string>;

export function fixtureFiles(): FixtureFiles {
  const files: FixtureFiles = {};
  const h = 'all_usual_residents,very_good,good,fair,bad,very_bad';
  files[INPUT_PATHS.health2011] = [
    `LSOA11CD,${h}`,
    ...LSOA11.map((code, i) => `${code},${sum(counts2011(i))},${counts2011(i).join(',')}`),
    'W01000001,100,50,30,10,5,5',
  ].join('\n') + '\n';
  const oaRows: string[] = [];
  const oaLookup: string[] = ['OA21CD,LSOA21CD'];
  LSOA21.forEach((code, k) => {
    const c = counts2021(k);
    const a = c.map((n) => Math.floor(n / 2));
    const b = c.map((n, j) => n - a[j]!);
    oaRows.push(`E0000${1000 + 2 * k},${sum(a)},${a.join(',')}`, `E0000${1001 + 2 * k},${sum(b)},${b.join(',')}`);
    oaLookup.push(`E0000${1000 + 2 * k},${code}`, `E0000${1001 + 2 * k},${code}`);
  });
  oaRows.push('W00000001,100,50,30,10,5,5');
  oaLookup.push('W00000001,W01000101');
  files[INPUT_PATHS.health2021] = [`OA21CD,${h}`, ...oaRows].join('\n') + '\n';
  files[INPUT_PATHS.oaToLsoa21] = oaLookup.join('\n') + '\n';
  files[INPUT_PATHS.lsoa11ToLsoa21] = [
    'LSOA11CD,LSOA11NM,CHGIND,LSOA21CD,LSOA21NM,LAD22CD,LAD22NM',
    ...PAIRS.map(([a, b, c]) => `${a},Name ${a},${c},${b},Name ${b},${LAD_OF_LSOA21(b)},${LAD_OF_LSOA21(b) === 'E06000001' ? 'Alphaton' : 'Betaford'}`),
    'W01000001,Welsh,U,W01000101,Welsh,W06000001,Cardiff',
  ].join('\n') + '\n';
  files[INPUT_PATHS.ladToRegion] = [
    'LAD21CD,LAD21NM,RGN21CD,RGN21NM',
    'E06000001,Alphaton,E12000001,North East',
    'E06000002,Betaford,E12000001,North East',
  ].join('\n') + '\n';
  files[INPUT_PATHS.imd2019] = [
    'LSOA11CD,LSOA11NM,IMD_score,IMD_decile,IMD_rank',
    ...LSOA11.map((code, i) => `${code},Name,${(50 - i).toFixed(3)},${IMD_DECILE[code]},${IMD_DECILE[code]! * 3 - 2 + (i % 2)}`),
  ].join('\n') + '\n';
  files[INPUT_PATHS.lsoa21Boundaries] = JSON.stringify({
    type: 'FeatureCollection',
    features: LSOA21.map((code, k) => ({ type: 'Feature', properties: { LSOA21CD: code, LSOA21NM: `Name ${code}` }, geometry: { type: 'Polygon', coordinates: square(k) } })),
  });
  files['biglocal/big_local_areas.csv'] = [
    'area_code,area_name,lad_code,lad_name,region_code,region_name,wave,confidence,method,lsoa21_count,lsoa21_codes,evidence,source_urls',
    'alpha,"Alpha, North",E06000001,Alphaton,E12000001,North East,1,high,described,3,E01000101;E01000102;E01000103,"Named estates",https://example.org/a',
    'beta,Beta,E06000002,Betaford,E12000001,North East,2,low,locator,1,E01000105,Rough location,',
  ].join('\n') + '\n';
  files['biglocal/big_local_areas_approx.geojson'] = footprintGeojson({ alpha: box(-0.001, 0.031), beta: box(0.039, 0.051) });
  return files;
}

export function footprintGeojson(polys: Record<string, number[][][]>): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    features: Object.entries(polys).map(([code, coordinates]) => ({
      type: 'Feature',
      properties: { area_code: code, area_name: code === 'alpha' ? 'Alpha, North' : code[0]!.toUpperCase() + code.slice(1) },
      geometry: { type: 'Polygon', coordinates },
    })),
  }, null, 1);
}
export { box as footprintBox };

/** Writes the fixture (with optional overrides; null deletes a file) into a new temp folder. */
export function writeFixture(overrides: Record<string, string | null> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'ingest-fixture-'));
  const files = { ...fixtureFiles(), ...overrides };
  for (const [name, content] of Object.entries(files)) {
    if (content === null) continue;
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return dir;
}

/** Every file under a folder with its content, to prove a failed run changed nothing. */
export function snapshotDir(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[p.slice(dir.length)] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}
