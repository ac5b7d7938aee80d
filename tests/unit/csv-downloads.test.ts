/**
 * Every CSV the build writes says where it comes from and under which licence (a CSVW metadata file
 * beside it), gives each numeric column a unit, and carries ONS codes on rows that are places.
 * Reads the route modules' own getStaticPaths, so a new CSV the build writes is checked too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { describeChart } from '../../src/charts/draw.ts';
import { anyChart } from '../../src/charts/registry.ts';
import * as chartFiles from '../../src/pages/charts/[...state]/[file].ts';
import * as dataFiles from '../../src/pages/data/[file].ts';
import * as areaCsvs from '../../src/pages/areas/[code].csv.ts';
import * as areaCsvMeta from '../../src/pages/areas/[code].csv-metadata.json.ts';
import { chartCsvMetadata, chartCsvTable } from '../../src/share/chart-csv.ts';
import { LICENCE } from '../../src/share/csvw.ts';
import { dataFor, prerenderedStates } from '../../src/state/chart-states.ts';

type Column = { name: string; titles: string; datatype: string; 'schema:unitText'?: string };
type Meta = { url: string; 'dc:source': string; 'dc:license': { '@id': string }; tableSchema: { columns: Column[] } };

const GSS = { lad: /^E0[6-9]\d{6}$/, region: /^E12\d{6}$/, lsoa: /^E01\d{6}$/, england: /^E92000001$/ };

/** The CSV-side checks every metadata file must pass against its CSV's header. */
function expectDescribes(meta: Meta, header: string[], where: string) {
  expect(meta['dc:source'], `${where}: source`).toMatch(/Office for National Statistics|ONS/);
  expect(meta['dc:license']['@id'], `${where}: licence`).toBe(LICENCE.url);
  expect(meta.tableSchema.columns.map((c) => c.titles), `${where}: columns`).toEqual(header);
  for (const c of meta.tableSchema.columns) {
    if (c.datatype === 'string') continue;
    expect(c['schema:unitText'], `${where}: unit of ${c.titles}`).toBeTruthy();
    // Shares and differences say so in the header itself.
    if (c['schema:unitText'] === 'percent') expect(c.titles, where).toMatch(/pct|\(%\)/);
    if (c['schema:unitText'] === 'percentage points') expect(c.titles, where).toMatch(/_pp$|\(pp\)/);
  }
}

const statePaths = <T>(mod: { getStaticPaths: () => T }) => mod.getStaticPaths() as unknown as { params: Record<string, string>; props: Record<string, unknown> }[];

describe('the download CSVs of /data/', () => {
  const paths = statePaths(dataFiles);
  const names = paths.map((p) => p.params.file!);
  const csvs = paths.filter((p) => p.params.file!.endsWith('.csv'));

  it('publishes every pipeline CSV, each with a CSVW metadata file', () => {
    expect(csvs.map((p) => p.params.file).sort()).toEqual(['big-local-areas.csv', 'placebo.csv', 'robustness.csv', 'summary.csv', 'units.csv']);
    for (const p of csvs) expect(names, p.params.file).toContain(`${p.params.file}-metadata.json`);
  });

  it('describes every column, with its unit, the source and the licence', () => {
    for (const p of csvs) {
      const meta = JSON.parse(paths.find((q) => q.params.file === `${p.params.file}-metadata.json`)!.props.body as string) as Meta;
      expect(meta.url).toBe(p.params.file);
      const header = Papa.parse<string[]>((p.props.body as string).split('\n')[0]!).data[0]!;
      expectDescribes(meta, header, p.params.file!);
    }
  });

  it('points at each metadata file from public/_headers (Link: rel="describedby")', () => {
    const headers = readFileSync(join(process.cwd(), 'public', '_headers'), 'utf8');
    for (const p of csvs) {
      expect(headers).toContain(`/data/${p.params.file}\n  Link: </data/${p.params.file}-metadata.json>; rel="describedby"; type="application/csvm+json"`);
    }
  });

  it('carries ONS codes where a row is a place', () => {
    const rows = (file: string) => Papa.parse<Record<string, string>>(csvs.find((p) => p.params.file === file)!.props.body as string, { header: true, skipEmptyLines: true }).data;
    const areas = rows('big-local-areas.csv');
    expect(areas.length).toBeGreaterThan(0);
    for (const a of areas) {
      expect(a.lad_code, a.area_code).toMatch(GSS.lad);
      expect(a.region_code, a.area_code).toMatch(GSS.region);
      const lsoas = a.lsoa21_codes!.split(';');
      expect(lsoas.length, a.area_code).toBeGreaterThan(0);
      for (const l of lsoas) expect(l, a.area_code).toMatch(GSS.lsoa);
    }
    const england = rows('summary.csv').find((r) => r.group === 'england')!;
    expect(england.ons_code).toMatch(GSS.england);
    for (const u of rows('units.csv').slice(0, 500)) {
      expect(u.lad_code).toMatch(GSS.lad);
      for (const l of u.lsoa21_codes!.split(';')) expect(l).toMatch(GSS.lsoa);
    }
  });

  it('keeps the issue-13 contract columns first, in order', () => {
    const header = (file: string) => (csvs.find((p) => p.params.file === file)!.props.body as string).split('\n')[0]!;
    expect(header('robustness.csv').startsWith('specification,label,group,measure,estimate_pp,lower_pp,upper_pp,areas')).toBe(true);
    expect(header('placebo.csv')).toBe('draw,very_good_did_pp,bad_or_very_bad_did_pp');
    expect(header('big-local-areas.csv').startsWith('area_code,area_name,lad_code,lad_name,region_name,units,residents_2011,')).toBe(true);
  });
});

describe('each area CSV (/areas/<code>.csv)', () => {
  it('has a metadata file that describes its columns', () => {
    const csvs = statePaths(areaCsvs);
    const metas = new Map(statePaths(areaCsvMeta).map((p) => [p.params.code, JSON.parse(p.props.body as string) as Meta]));
    expect(csvs.length).toBeGreaterThan(0);
    for (const p of csvs) {
      const meta = metas.get(p.params.code);
      expect(meta, p.params.code).toBeDefined();
      expect(meta!.url).toBe(`${p.params.code}.csv`);
      expectDescribes(meta!, Papa.parse<string[]>((p.props.body as string).split(/\r?\n/)[0]!).data[0]!, p.params.code!);
    }
  });
});

describe('each chart state’s CSVs', () => {
  const paths = statePaths(chartFiles);
  const byState = new Map<string, string[]>();
  for (const p of paths) byState.set(p.params.state!, [...(byState.get(p.params.state!) ?? []), p.params.file!]);

  it('writes data.csv (the published address) and a descriptively named CSV, each with metadata', () => {
    expect(byState.size).toBeGreaterThan(100);
    for (const [state, files] of byState) {
      const csvs = files.filter((f) => f.endsWith('.csv'));
      if (state.includes('/highlight/')) {
        // A highlight changes only the drawing: its page links to the unhighlighted state's CSVs.
        expect(csvs, state).toEqual([]);
        expect(byState.has(state.replace(/\/highlight\/[^/]+$/, '')), state).toBe(true);
        continue;
      }
      expect(csvs, state).toContain('data.csv');
      const named = csvs.filter((f) => f !== 'data.csv');
      expect(named, state).toHaveLength(1);
      expect(named[0], state).toMatch(/^big-local-[a-z0-9-]+-2011-2021\.csv$/);
      for (const f of csvs) expect(files, `${state}/${f}`).toContain(`${f}-metadata.json`);
    }
  });

  it('describes every column with its unit, and codes the places', () => {
    const seen = new Set<string>();
    for (const entry of prerenderedStates()) {
      const chart = anyChart(entry.id);
      const data = dataFor(entry.id, entry.state as never);
      const r = { ...describeChart(chart, data, entry.state), source: chart.source(data) };
      const where = entry.segments.join('/');
      for (const file of ['data.csv', 'named.csv']) {
        const table = chartCsvTable(r, file);
        expectDescribes(chartCsvMetadata(r, file) as unknown as Meta, table.columns, `${where}/${file}`);
      }
      const t = chartCsvTable(r, 'named.csv');
      const col = (name: string) => t.columns.indexOf(name);
      const values = (name: string) => t.rows.map((row) => String(row[col(name)]));
      if (t.columns.includes('Local authority')) {
        expect(values('Local authority code (ONS)').every((v) => GSS.lad.test(v)), where).toBe(true);
        seen.add('lad');
      }
      if (t.columns.includes('Neighbourhood (LSOA)')) {
        expect(values('LSOA 2021 code (ONS)').every((v) => GSS.lsoa.test(v)), where).toBe(true);
        seen.add('lsoa');
      }
      if (t.columns.includes('Big Local area')) {
        expect(values('Big Local area code').every((v) => /^[a-z0-9-]+$/.test(v)), where).toBe(true);
        seen.add('area');
      }
      const place = ['Place', 'Group'].find((c) => t.columns.includes(c));
      if (place) {
        t.rows.forEach((row, i) => {
          if (row[col(place)] === 'England') {
            expect(values('ONS code')[i], where).toMatch(GSS.england);
            seen.add('england');
          }
        });
      }
    }
    expect([...seen].sort()).toEqual(['area', 'england', 'lad', 'lsoa']);
  });
});
