import { describe, expect, it } from 'vitest';
import { DRAW_WIDTHS, describeChart, drawChart } from './draw.ts';
import { makeAreas, makeSummary } from './fixtures.ts';
import { anyChart, CHART_IDS } from './registry.ts';
import { parseSvg } from './test-helpers.ts';

const summary = makeSummary();
const areas = makeAreas(12);
const rootOf = (svg: string) => parseSvg(svg)[0]!.attrs;

describe('drawChart', () => {
  it('draws both widths of the place it is given, each with its own ids', () => {
    const chart = anyChart('england-health');
    for (const [place, widths] of Object.entries(DRAW_WIDTHS)) {
      const d = drawChart(chart, summary, chart.defaultState, widths, 'fig');
      expect(rootOf(d.wide).width, place).toBe(String(widths.wide));
      expect(rootOf(d.narrow).width, place).toBe(String(widths.narrow));
      expect(rootOf(d.wide)['aria-labelledby']).toBe(`fig${widths.wideId}-title fig${widths.wideId}-desc`);
      expect(rootOf(d.narrow)['aria-labelledby']).toBe(`fig${widths.narrowId}-title fig${widths.narrowId}-desc`);
    }
  });

  it('draws what the chart module renders, with its words and table', () => {
    const chart = anyChart('area-changes');
    const state = { measure: 'bad_or_very_bad', highlight: areas[3]!.code };
    const d = drawChart(chart, areas, state, { ...DRAW_WIDTHS.figure, wide: 720 }, 'fig-areas');
    expect(d.wide).toBe(chart.render(areas, state, { width: 720 }, { idPrefix: 'fig-areas-w' }));
    expect(d.narrow).toBe(chart.render(areas, state, { width: 328 }, { idPrefix: 'fig-areas-n' }));
    expect(d.title).toBe(chart.title(areas, state));
    expect(d.summary).toBe(chart.summary(areas, state));
    expect(d.table).toEqual(chart.tableRows(areas, state));
    expect(describeChart(chart, areas, state)).toEqual({ title: d.title, summary: d.summary, table: d.table });
  });

  it('leaves out the phone drawing when the wide one is no wider', () => {
    const chart = anyChart('group-comparison');
    const d = drawChart(chart, summary, chart.defaultState, { ...DRAW_WIDTHS.view, wide: 320 }, 'gc');
    expect(rootOf(d.wide).width).toBe('320');
    expect(d.narrow).toBe('');
  });

  it('keeps every phone drawing within a 375 px screen’s content column, narrower than the wide one', () => {
    for (const w of Object.values(DRAW_WIDTHS)) {
      expect(w.narrow).toBeLessThanOrEqual(340);
      expect(w.narrow).toBeLessThan(w.wide);
      expect(w.wideId).not.toBe(w.narrowId);
    }
  });

  it('takes every registered chart without a cast', () => {
    for (const id of CHART_IDS) expect(typeof anyChart(id).render, id).toBe('function');
  });
});
