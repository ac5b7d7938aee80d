import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHART_IDS, charts } from '../charts/registry.ts';
import { MAP_MEASURES } from '../charts/map-scale.ts';
import { GROUP_IDS, HEALTH_MEASURES } from '../data/schema.ts';
import {
  allChartStates,
  AREA_PATH_MEASURES,
  buildSpec,
  DEFAULT_MEASURES_LIST,
  GROUPS,
  GROUPS_LISTS,
  highlightValues,
  HIGHLIGHT_MEASURES,
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
    // group-comparison: each measure, with all groups (unhighlighted or any of three highlighted)
    // and with England and Big Local only (unhighlighted or either highlighted).
    expect(count('group-comparison')).toBe(MEASURES.length * (1 + GROUPS.length + 1 + 2));
    // area-changes: each measure, and on the headline measures each area highlighted.
    expect(count('area-changes')).toBe(MEASURES.length + AREA_PATH_MEASURES.length * AREAS.length);
    expect(count('england-health')).toBe(GROUPS.length);
    expect(count('did-interval')).toBe(1);
    const paths = states.map((s) => statePath(specs[s.id]!, s.state));
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toContain('/charts/area-change/aberfeldy/very-good/');
    expect(paths).toContain('/charts/area-changes/very-good/highlight/aberfeldy/');
    expect(paths).toContain('/charts/group-comparison/bad/groups/england+big-local/highlight/big-local/');
  });

  it.each(CHART_IDS)('%s: every state round-trips state → URL → state (charts and embed)', (id) => {
    const spec = specs[id]!;
    for (const e of states.filter((s) => s.id === id)) {
      // Every prerendered state, plus the query's minor state on top.
      const variants: Record<string, unknown>[] = [e.state];
      if (spec.measuresList) variants.push({ ...e.state, measures: ['fair', 'bad'] });
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
    const long = parseUrl(`/charts/area-changes/very-good/?highlight=aberfeldy&x=${'a'.repeat(5000)}`, specs)!;
    expect(long.view.state).toEqual(specs['area-changes']!.defaults);
    expect(long.notices).toEqual([NOTICES.long]);
    const proto = parseUrl('/charts/__proto__/', specs)!;
    expect(proto.spec.id).toBe(CHART_IDS[0]);
    expect(parseUrl('/charts/area-changes/very-good/__proto__/x/', specs)!.notices).toEqual([NOTICES.path]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('does not count the pym.js parameters against the cap, up to a larger one for the whole query', () => {
    const path = '/embed/area-changes/very-good/highlight/aberfeldy/';
    const parentUrl = `https://news.example.net/story/?${'utm_x=1234567890&'.repeat(80)}`;
    const q = new URLSearchParams({ table: '1', parentUrl, parentTitle: 'T'.repeat(300) }).toString();
    expect(q.length).toBeGreaterThan(1000);
    const read = parseUrl(`${path}?${q}`, specs)!;
    expect(read.notices).toEqual([]);
    expect(read.view).toMatchObject({ state: { highlight: 'aberfeldy' }, table: true });
    // Past the larger cap, the query is not read (the path still is).
    const huge = parseUrl(`${path}?table=1&parentUrl=${'a'.repeat(9000)}`, specs)!;
    expect(huge.notices).toEqual([NOTICES.long]);
    expect(huge.view.table).toBe(false);
    // The chart's own settings still have their cap.
    expect(parseUrl(`${path}?table=1&parentUrl=x&x=${'a'.repeat(1200)}`, specs)!.notices).toEqual([NOTICES.long]);
  });

  it('accepts the parameters pym.js parents add, without notices', () => {
    const p = parseUrl('/embed/area-changes/fair/?childId=x&initialWidth=600&parentTitle=T&parentUrl=https%3A%2F%2Fa', specs)!;
    expect(p.notices).toEqual([]);
  });

  it('is not a chart URL → null', () => {
    expect(parseUrl('/method/', specs)).toBeNull();
    expect(parseUrl('/', specs)).toBeNull();
  });

  it("groups: one of the chart's closed lists, in the path; anything else shows every group, with a notice", () => {
    const spec = specs['group-comparison']!;
    expect(spec.groupsLists).toBe(GROUPS_LISTS['group-comparison']);
    expect(Object.values(specs).filter((s) => s.groupsLists).map((s) => s.id)).toEqual(['group-comparison']);
    const state = { measure: 'very_good', groups: ['england', 'big_local'], highlight: 'big_local' };
    expect(viewHref(spec, state)).toBe('/charts/group-comparison/very-good/groups/england+big-local/highlight/big-local/');
    expect(parseUrl('/embed/group-comparison/very-good/groups/england+big-local/', specs)!.view.state).toEqual({
      measure: 'very_good',
      groups: ['england', 'big_local'],
    });
    for (const bad of ['england+england', 'big-local+england', 'england+wales', 'england+big-local+similar-areas', '+']) {
      const p = parseUrl(`/charts/group-comparison/very-good/groups/${bad}/highlight/big-local/`, specs)!;
      expect(p.view.state, bad).toEqual({ measure: 'very_good', highlight: 'big_local' });
      expect(p.notices, bad).toEqual([NOTICES.groups]);
    }
    // A highlight must be a group the state shows.
    const hidden = parseUrl('/charts/group-comparison/very-good/groups/england+big-local/highlight/similar-areas/', specs)!;
    expect(hidden.view.state).toEqual({ measure: 'very_good', groups: ['england', 'big_local'] });
    expect(hidden.notices).toEqual([NOTICES.highlightHere]);
    // A state no page holds is never written: the highlight or list is left out.
    expect(viewHref(spec, { measure: 'very_good', groups: ['england'] })).toBe('/charts/group-comparison/very-good/');
    expect(viewHref(spec, { ...state, highlight: 'similar_areas' })).toBe('/charts/group-comparison/very-good/groups/england+big-local/');
    // Charts without lists treat the pair as a part of the path they do not know.
    expect(parseUrl('/charts/did-interval/groups/england/', specs)!.notices).toEqual([NOTICES.path]);
    expect(viewHref(specs['did-interval']!, { ...specs['did-interval']!.defaults, groups: ['england'] })).toBe('/charts/did-interval/');
  });

  it('highlight: in the path, only where its page is prerendered; each pair once', () => {
    const spec = specs['area-changes']!;
    expect(spec.highlightMeasures).toBe(HIGHLIGHT_MEASURES['area-changes']);
    expect(highlightValues(spec, { measure: 'very_good' })).toEqual(AREAS);
    expect(highlightValues(spec, { measure: 'fair' })).toEqual([]);
    expect(parseUrl('/charts/area-changes/very-good/highlight/aberfeldy/', specs)!.view.state).toEqual({ measure: 'very_good', highlight: 'aberfeldy' });
    // A real area on a measure without highlight pages: nothing highlighted, and a notice saying why.
    const fair = parseUrl('/charts/area-changes/fair/highlight/aberfeldy/', specs)!;
    expect(fair.view.state).toEqual({ measure: 'fair' });
    expect(fair.notices).toEqual([NOTICES.highlightHere]);
    expect(viewHref(spec, { measure: 'fair', highlight: 'aberfeldy' })).toBe('/charts/area-changes/fair/');
    expect(parseUrl('/charts/area-changes/very-good/highlight/nowhere/', specs)!.notices).toEqual([NOTICES.highlight]);
    for (const bad of ['highlight/aberfeldy/highlight/allenton/', 'highlight/', 'colour/red/']) {
      const p = parseUrl(`/charts/area-changes/very-good/${bad}`, specs)!;
      expect(p.notices, bad).toContain(NOTICES.path);
    }
    // Group highlights are group slugs; on a chart with none, the pair is unknown.
    expect(parseUrl('/charts/group-comparison/fair/highlight/similar-areas/', specs)!.view.state).toEqual({ measure: 'fair', highlight: 'similar_areas' });
    expect(parseUrl('/charts/did-interval/highlight/england/', specs)!.notices).toEqual([NOTICES.path]);
  });
});
