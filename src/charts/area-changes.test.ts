import { describe, expect, it } from 'vitest';
import type { BigLocalArea } from '../data/constants.ts';
import * as chart from './area-changes.ts';
import { change, makeArea, makeAreas } from './fixtures.ts';
import { byClass, fontSizes, labelProblems, num, parseSvg, TEST_WIDTHS, texts } from './test-helpers.ts';

const s = (vg: number) => ({ very_good: vg, good: 34, fair: 100 - vg - 34 - 7, bad: 5.2, very_bad: 1.8 });
/** Four areas with known very-good-health changes (area, comparator). */
function small(pairs: [number, number][]): BigLocalArea[] {
  return pairs.map(([a, c], i) => makeArea(i, `Area ${'ABCD'[i]}`, change(s(40), s(40 + a)), change(s(40), s(40 + c))));
}
const four = small([
  [1.0, 2.0],
  [-2.0, -1.0],
  [3.0, 0.5],
  [-0.5, -0.5],
]);
const areas = makeAreas(150);

describe('area-changes', () => {
  it('renders a stable, well-formed SVG', () => {
    const svg = chart.render(four, { measure: 'very_good', highlight: 'area-002' }, { width: 375 }, { idPrefix: 'acs' });
    expect(svg).toMatchSnapshot();
    expect(parseSvg(svg)[0]!.attrs['aria-labelledby']).toBe('acs-title acs-desc');
  });

  it('ranks areas by their change, largest rise first, one row each', () => {
    const l = chart.layout(four, chart.defaultState, { width: 375 });
    expect(l.order).toEqual(['area-002', 'area-000', 'area-003', 'area-001']);
    const els = parseSvg(chart.render(areas, chart.defaultState, { width: 375 }));
    const areaDots = byClass(els, 'dot--area');
    expect(areaDots).toHaveLength(150);
    const xs = areaDots.map((d) => num(d, 'cx'));
    const ys = areaDots.map((d) => num(d, 'cy'));
    for (let i = 1; i < xs.length; i++) {
      expect(xs[i]!).toBeLessThanOrEqual(xs[i - 1]!);
      expect(ys[i]! - ys[i - 1]!).toBeCloseTo(chart.ROW_H, 5);
    }
  });

  it('places area and comparator dots on one scale with a zero line', () => {
    const l = chart.layout(four, chart.defaultState, { width: 375 });
    const els = parseSvg(chart.render(four, chart.defaultState, { width: 375 }));
    const a = byClass(els, 'dot--area');
    const c = byClass(els, 'dot--comparator');
    expect(num(a[0], 'cx')).toBeCloseTo(l.x(3.0), 0);
    expect(num(c[0], 'cx')).toBeCloseTo(l.x(0.5), 0);
    const zero = num(byClass(els, 'zero-line')[0], 'x1');
    expect(zero).toBeCloseTo(l.x(0), 0);
    expect(num(a[3], 'cx')).toBeLessThan(zero); // −2.0
    expect(num(c[1], 'cx')).toBeGreaterThan(zero); // Area A's comparator, +2.0
  });

  it('escapes area names everywhere and labels the highlighted area', () => {
    const hostile = areas[0]!;
    expect(hostile.name).toContain('<script>');
    for (const width of [375, 1000]) {
      const svg = chart.render(areas, { measure: 'very_good', highlight: hostile.code }, { width });
      const els = parseSvg(svg);
      expect(els.some((e) => e.name === 'script')).toBe(false);
      expect(svg).not.toContain('<script');
      expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Sons');
      expect(byClass(els, 'area--highlight').map((e) => e.attrs['data-code'])).toEqual([hostile.code]);
      expect(texts(svg)).toContain(hostile.name);
    }
  });

  it('shows names only when there is room', () => {
    expect(texts(chart.render(four, chart.defaultState, { width: 375 }))).not.toContain('Area A');
    expect(texts(chart.render(four, chart.defaultState, { width: 720 }))).toContain('Area A');
  });

  it('wraps the note, the caption and the highlighted name on phones instead of cutting them short', () => {
    const long = { ...areas[75]!, name: 'Mablethorpe, Trusthorpe and Sutton on Sea (Coastal Communities Challenge)' };
    const data = areas.map((a, i) => (i === 75 ? long : a));
    for (const measure of ['very_good', 'bad_or_very_bad'] as const) {
      const all = texts(chart.render(data, { measure, highlight: long.code }, { width: 320 }));
      const joined = all.join(' ');
      expect(joined).toContain('Areas ranked by their change, largest rise at the top');
      expect(joined).toContain('percentage points');
      expect(joined).toContain(long.name);
      expect(all.filter((t) => t.endsWith('\u2026'))).toEqual([]);
    }
  });

  it.each(TEST_WIDTHS)('has no overlapping or clipped labels at width %i', (width) => {
    for (const highlight of [undefined, areas[0]!.code, areas[75]!.code, areas[149]!.code]) {
      for (const measure of ['very_good', 'bad_or_very_bad'] as const) {
        const l = chart.layout(areas, { measure, ...(highlight ? { highlight } : {}) }, { width });
        expect(labelProblems(l.labels, l.width, l.height), `${measure} ${highlight}`).toEqual([]);
      }
    }
    expect(Math.min(...fontSizes(chart.render(areas, chart.defaultState, { width })))).toBeGreaterThanOrEqual(12);
  });

  it('tabulates the numbers it shows, in rank order', () => {
    const t = chart.tableRows(four, chart.defaultState);
    expect(t.columns).toEqual(['Rank', 'Big Local area', 'Local authority', 'Area change (pp)', 'Similar areas change (pp)', 'Difference (pp)']);
    expect(t.rows).toEqual([
      [1, 'Area C', 'District 2', 3, 0.5, 2.5],
      [2, 'Area A', 'District 0', 1, 2, -1],
      [3, 'Area D', 'District 3', -0.5, -0.5, 0],
      [4, 'Area B', 'District 1', -2, -1, -1],
    ]);
  });

  it('writes a summary that follows the data', () => {
    expect(chart.summary(four, chart.defaultState)).toBe(
      'Between 2011 and 2021 the share of residents in very good health rose in 2 of the 4 Big Local areas and fell in 2; ' +
        "in 2 it ended lower relative to the area's similar areas, in 1 higher (1 the same).",
    );
    const mostlyUp = small([
      [1, 0],
      [2, 1],
      [3, 4],
    ]);
    expect(chart.summary(mostlyUp, chart.defaultState)).toContain('rose in 3 of the 3 Big Local areas and fell in 0');
    expect(chart.summary(mostlyUp, chart.defaultState)).toContain('in 2 it ended higher relative');
    const mostlyDown = small([
      [-1, 0],
      [-2, -1],
      [3, 4],
    ]);
    expect(chart.summary(mostlyDown, chart.defaultState)).toContain('fell in 2 of the 3 Big Local areas and rose in 1');
    expect(chart.summary(mostlyDown, chart.defaultState)).toContain('in 3 it ended lower relative');
    expect(chart.summary([], chart.defaultState)).toBe('There are no Big Local areas to show.');
  });

  it('renders an empty list without failing', () => {
    expect(() => parseSvg(chart.render([], chart.defaultState, { width: 320 }))).not.toThrow();
  });
});
