import { describe, expect, it } from 'vitest';
import { CHART_IDS, charts, defaultStateOf, getChart, isChartId, type ChartDataMap, type ChartId } from './registry.ts';
import { change, ENGLAND, makeAreas, makePlace, makeRobustness, makeSummary } from './fixtures.ts';
import { parseSvg } from './test-helpers.ts';
import { areaMapFixtures, mapFixtures } from '../geo/map-fixtures.ts';

const areas = makeAreas(12);
const area = areas[2]!;
const lad = makePlace('E06000001', 'Scarborough', change(
  { very_good: 43, good: 34, fair: 15.5, bad: 5.5, very_bad: 2 },
  { very_good: 44.1, good: 33.5, fair: 15.2, bad: 5.3, very_bad: 1.9 },
));
const fixtures: ChartDataMap = {
  'england-health': makeSummary(),
  'group-comparison': makeSummary(),
  'area-changes': areas,
  'did-interval': makeSummary(),
  'area-change': { area, lad, england: ENGLAND },
  'area-health': { area },
  'england-map': mapFixtures(),
  'area-map': areaMapFixtures(),
  placebo: makeRobustness(),
  robustness: makeRobustness(),
};

/** Render any chart through the registry, keeping data and state types paired by id. */
function renderVia<K extends ChartId>(id: K, idPrefix: string): string {
  const c = getChart(id);
  return c.render(fixtures[id], defaultStateOf(id), { width: 375 }, { idPrefix });
}

describe('chart registry', () => {
  it('holds exactly the registered charts, each knowing its own id', () => {
    expect(Object.keys(charts).sort()).toEqual([...CHART_IDS].sort());
    for (const id of CHART_IDS) expect(charts[id].id).toBe(id);
    expect(isChartId('did-interval')).toBe(true);
    expect(isChartId('pie')).toBe(false);
  });

  it.each(CHART_IDS)('%s renders from its default state with unique ids', (id) => {
    const a = renderVia(id, `${id}-a`);
    const b = renderVia(id, `${id}-b`);
    const ids = (svg: string) => parseSvg(svg).flatMap((e) => (e.attrs.id ? [e.attrs.id] : []));
    expect(ids(a)).toEqual([`${id}-a-title`, `${id}-a-desc`]);
    expect(ids(a).filter((x) => ids(b).includes(x))).toEqual([]);
    expect(charts[id].source(fixtures[id] as never)).toMatch(/^Source: ONS, Census 2011 .*Census 2021/);
  });

  it.each(CHART_IDS)('%s has a serialisable default state and consistent table, title and summary', (id) => {
    const state = defaultStateOf(id);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    const c = getChart(id) as unknown as {
      tableRows(d: unknown, s: unknown): { columns: string[]; rows: unknown[][] };
      title(d: unknown, s: unknown): string;
      summary(d: unknown, s: unknown): string;
    };
    const t = c.tableRows(fixtures[id], state);
    expect(t.rows.length).toBeGreaterThan(0);
    for (const row of t.rows) expect(row).toHaveLength(t.columns.length);
    expect(c.title(fixtures[id], state).length).toBeGreaterThan(10);
    expect(c.summary(fixtures[id], state)).toMatch(/\.$/);
  });

  it('hands out copies of default states', () => {
    const s = defaultStateOf('did-interval');
    s.measures.push('fair');
    expect(charts['did-interval'].defaultState.measures).not.toContain('fair');
  });
});
