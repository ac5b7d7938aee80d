import { describe, expect, it } from 'vitest';
import * as chart from './area-health.ts';
import { change, makeArea, SIMILAR } from './fixtures.ts';
import { byClass, labelProblems, parseSvg, TEST_WIDTHS, texts } from './test-helpers.ts';

const health = change(
  { very_good: 43.8, good: 34.0, fair: 15.3, bad: 5.2, very_bad: 1.7 },
  { very_good: 45.8, good: 34.0, fair: 12.6, bad: 5.7, very_bad: 1.9 },
  6000,
);
const area = makeArea(1, 'Barrowcliff & <Northstead>', health, SIMILAR);
const data = { area };
const state = { area: area.code };

describe('area-health', () => {
  it('renders a stable, well-formed SVG with the area name escaped', () => {
    const svg = chart.render(data, state, { width: 375 }, { idPrefix: 'ah' });
    expect(svg).toMatchSnapshot();
    parseSvg(svg);
    expect(svg).toContain('General health in Barrowcliff &amp; &lt;Northstead&gt;, 2011 and 2021');
    expect(svg).not.toContain('<Northstead>');
  });

  it('draws the area\u2019s own shares', () => {
    const els = parseSvg(chart.render(data, state, { width: 375 }));
    const segs = byClass(els, 'segment');
    expect(segs.map((s) => s.attrs['data-value'])).toEqual(['43.8', '34', '15.3', '5.2', '1.7', '45.8', '34', '12.6', '5.7', '1.9']);
    expect(texts(chart.render(data, state, { width: 375 })).join(' ')).toContain('45.8%');
  });

  it.each(TEST_WIDTHS)('has no overlapping or clipped labels at width %i', (width) => {
    const l = chart.layout(data, state, { width });
    expect(labelProblems(l.labels, l.width, l.height)).toEqual([]);
  });

  it('writes a summary that follows the data', () => {
    expect(chart.summary(data, state)).toBe(
      'In Barrowcliff & <Northstead>, the share of residents in very good health rose from 43.8% in 2011 to 45.8% in 2021 ' +
        'and the share in bad or very bad health rose from 6.9% in 2011 to 7.6% in 2021.',
    );
    const down = makeArea(1, 'X', change(
      { very_good: 45.8, good: 34.0, fair: 12.6, bad: 5.7, very_bad: 1.9 },
      { very_good: 43.8, good: 34.0, fair: 15.3, bad: 5.2, very_bad: 1.7 },
    ), SIMILAR);
    expect(chart.summary({ area: down }, { area: '' })).toContain('very good health fell from 45.8% in 2011 to 43.8% in 2021');
  });

  it('refuses a state for another area', () => {
    expect(() => chart.render(data, { area: 'someone-else' }, { width: 375 })).toThrow(/someone-else/);
    expect(() => chart.render(data, chart.defaultState, { width: 375 })).not.toThrow();
  });

  it('tabulates the numbers it shows', () => {
    expect(chart.tableRows(data, state).rows[2]).toEqual(['Fair health', 15.3, 12.6, -2.7]);
  });
});
