import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHART_IDS, charts } from '../charts/registry.ts';
import { MAP_MEASURES } from '../charts/map-scale.ts';
import { GROUP_IDS, HEALTH_MEASURES } from '../data/schema.ts';
import {
  allChartStates,
  applyQuery,
  AREA_PATH_MEASURES,
  buildSpec,
  DEFAULT_MEASURES_LIST,
  GROUPS,
  MEASURES,
  NOTICES,
  parseUrl,
  statePath,
  viewHref,
  type ChartSpec,
} from './url.ts';

const AREAS = ['aberfeldy', 'allenton', '3-together', 'west-end'];
const specs: Record<string, ChartSpec> = Object.fromEntries(
  CHART_IDS.map((id) => [id, buildSpec(id, charts[id].defaultState, { areas: AREAS })]),
);
const states = allChartStates(specs);

describe('url state', () => {
  it('names the schema constants, and the tables that must agree with the charts do', () => {
    expect(MEASURES).toBe(HEALTH_MEASURES);
    expect(GROUPS).toBe(GROUP_IDS);
    expect([...AREA_PATH_MEASURES]).toEqual([...MAP_MEASURES]);
    expect(DEFAULT_MEASURES_LIST).toEqual(charts['did-interval'].defaultState.measures);
  });

  it('takes its constants from a module that imports nothing, so no validator reaches the browser', () => {
    const source = readFileSync(new URL('../data/constants.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/^\s*(import|export\s.*\sfrom)\s/m);
    expect(source).not.toMatch(/\bimport\(/);
  });

  it('enumerates every area × measure for area charts and every measure for group charts', () => {
    const count = (id: string) => states.filter((s) => s.id === id).length;
    expect(count('area-change')).toBe(AREAS.length * AREA_PATH_MEASURES.length);
    expect(count('area-health')).toBe(AREAS.length);
    expect(count('group-comparison')).toBe(MEASURES.length);
    expect(count('area-changes')).toBe(MEASURES.length);
    expect(count('england-health')).toBe(GROUPS.length);
    expect(count('did-interval')).toBe(1);
    const paths = states.map((s) => statePath(specs[s.id]!, s.state));
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toContain('/charts/area-change/aberfeldy/very-good/');
  });

  it.each(CHART_IDS)('%s: every state round-trips state → URL → state (charts and embed)', (id) => {
    const spec = specs[id]!;
    for (const e of states.filter((s) => s.id === id)) {
      const variants: Record<string, unknown>[] = [e.state];
      if (spec.highlight) variants.push({ ...e.state, highlight: spec.highlight[1] });
      if (spec.measuresList) variants.push({ ...e.state, measures: ['fair', 'bad'] });
      if (spec.groupsList) {
        variants.push({ ...e.state, groups: ['big_local'] });
        variants.push({ ...e.state, groups: ['similar_areas', 'england'], highlight: 'england' });
      }
      for (const state of variants)
        for (const table of [false, true])
          for (const kind of ['charts', 'embed'] as const) {
            const href = viewHref(spec, state, table, kind);
            const parsed = parseUrl(href, specs)!;
            expect(parsed.notices, href).toEqual([]);
            expect(parsed.kind).toBe(kind);
            expect(parsed.view).toEqual({ id, state, table });
          }
    }
  });

  const HOSTILE = [
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    "' OR '1'='1",
    'x'.repeat(10_000),
    'ü🙂\u202e\u0000',
    '%3Cscript%3E',
    'javascript:alert(1)',
    '__proto__',
    'constructor',
  ];

  it.each(HOSTILE.map((h) => [h.slice(0, 30), h]))('hostile query value %s → default + notice', (_l, bad) => {
    for (const spec of Object.values(specs)) {
      const path = statePath(spec, spec.defaults);
      const def = parseUrl(path, specs)!;
      for (const key of ['groups', 'highlight', 'measures', 'table', 'area', 'x']) {
        const q = `?${new URLSearchParams({ [key]: bad })}`;
        const p = parseUrl(path + q, specs)!;
        expect(p.view.state).toEqual(def.view.state);
        expect(p.view.table).toBe(false);
        expect(p.notices.length).toBeGreaterThan(0);
        for (const n of p.notices) expect(Object.values(NOTICES)).toContain(n);
      }
    }
  });

  it.each(HOSTILE.map((h) => [h.slice(0, 30), h]))('hostile path segment %s → default + notice', (_l, bad) => {
    const seg = encodeURIComponent(bad);
    for (const href of [`/charts/${seg}/`, `/charts/area-change/${seg}/very-good/`, `/embed/group-comparison/${seg}/`]) {
      const p = parseUrl(href, specs)!;
      expect(p.notices.length).toBeGreaterThan(0);
      const spec = p.spec;
      for (const k of spec.path) expect(k.values).toContain((p.view.state as unknown as Record<string, unknown>)[k.key]);
      expect(JSON.stringify(p)).not.toContain('<script');
    }
  });

  it('ignores an over-long query whole, and prototype keys do nothing', () => {
    const spec = specs['area-changes']!;
    const long = applyQuery(spec, spec.defaults, `?highlight=aberfeldy&x=${'a'.repeat(5000)}`);
    expect(long.state).toEqual(spec.defaults);
    expect(long.notices).toEqual([NOTICES.long]);
    const proto = parseUrl('/charts/__proto__/', specs)!;
    expect(proto.spec.id).toBe(CHART_IDS[0]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('does not count the pym.js parameters against the cap, up to a larger one for the whole query', () => {
    const spec = specs['area-changes']!;
    const parentUrl = `https://news.example.net/story/?${'utm_x=1234567890&'.repeat(80)}`;
    const q = new URLSearchParams({ highlight: 'aberfeldy', parentUrl, parentTitle: 'T'.repeat(300) }).toString();
    expect(q.length).toBeGreaterThan(1000);
    const read = applyQuery(spec, spec.defaults, `?${q}`);
    expect(read.notices).toEqual([]);
    expect(read.state.highlight).toBe('aberfeldy');
    // Past the larger cap, nothing is read.
    const huge = applyQuery(spec, spec.defaults, `?highlight=aberfeldy&parentUrl=${'a'.repeat(9000)}`);
    expect(huge.notices).toEqual([NOTICES.long]);
    // The chart's own settings still have their cap.
    expect(applyQuery(spec, spec.defaults, `?highlight=aberfeldy&parentUrl=x&x=${'a'.repeat(1200)}`).notices).toEqual([NOTICES.long]);
  });

  it('accepts the parameters pym.js parents add, without notices', () => {
    const p = parseUrl('/embed/area-changes/fair/?childId=x&initialWidth=600&parentTitle=T&parentUrl=https%3A%2F%2Fa', specs)!;
    expect(p.notices).toEqual([]);
  });

  it('is not a chart URL → null', () => {
    expect(parseUrl('/method/', specs)).toBeNull();
    expect(parseUrl('/', specs)).toBeNull();
  });

  it('groups: a list of distinct known groups in the query; anything else shows every group, with a notice', () => {
    const spec = specs['group-comparison']!;
    expect(spec.groupsList).toBe(true);
    expect(Object.values(specs).filter((s) => s.groupsList).map((s) => s.id)).toEqual(['group-comparison']);
    const state = { measure: 'very_good', groups: ['england', 'big_local'], highlight: 'big_local' };
    expect(viewHref(spec, state)).toBe('/charts/group-comparison/very-good/?groups=england%2Cbig_local&highlight=big_local');
    expect(parseUrl('/embed/group-comparison/very-good/?groups=england,big_local', specs)!.view.state).toEqual({
      measure: 'very_good',
      groups: ['england', 'big_local'],
    });
    for (const bad of ['', 'england,england', 'england,wales', 'england,big_local,similar_areas,england', ',']) {
      const p = parseUrl(`/charts/group-comparison/very-good/?groups=${bad}&highlight=big_local`, specs)!;
      expect(p.view.state, bad).toEqual({ measure: 'very_good', highlight: 'big_local' });
      expect(p.notices).toEqual([NOTICES.groups]);
    }
    // Charts without the list treat it as a setting they do not use.
    expect(parseUrl('/charts/did-interval/?groups=england', specs)!.notices).toEqual([NOTICES.unknown]);
    expect(viewHref(specs['did-interval']!, { ...specs['did-interval']!.defaults, groups: ['england'] })).toBe('/charts/did-interval/');
  });
});
