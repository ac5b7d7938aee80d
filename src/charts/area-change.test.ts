import { describe, expect, it } from 'vitest';
import * as chart from './area-change.ts';
import { change, ENGLAND, makeArea, makePlace } from './fixtures.ts';
import { byClass, fontSizes, labelProblems, num, parseSvg, TEST_WIDTHS, texts } from './test-helpers.ts';

const s = (vg: number) => ({ very_good: vg, good: 34, fair: 100 - vg - 34 - 7, bad: 5.2, very_bad: 1.8 });
const areaHealth = change(s(43.8), s(45.8));
const comparator = change(s(44.8), s(45.3));
const area = makeArea(3, 'Tom & Jerry <script>alert(1)</script> Big Local Partnership Trust', areaHealth, comparator);
const lad = makePlace('E06000001', 'Scarborough', change(s(43.0), s(44.1)));
const data = { area, lad, england: ENGLAND };
const state = { area: area.code, measure: 'very_good' } as const;

describe('area-change', () => {
  it('renders a stable, well-formed SVG with names escaped', () => {
    const svg = chart.render(data, state, { width: 375 }, { idPrefix: 'ac' });
    expect(svg).toMatchSnapshot();
    const els = parseSvg(svg);
    expect(els.some((e) => e.name === 'script')).toBe(false);
    expect(svg).not.toContain('<script');
    expect(svg).toContain('Tom &amp; Jerry &lt;script&gt;');
  });

  it('shows the area, its similar areas, its local authority and England on one scale', () => {
    const els = parseSvg(chart.render(data, state, { width: 600 }));
    const keys = els.filter((e) => e.attrs['data-key']).map((e) => e.attrs['data-key']);
    expect(keys).toEqual([area.code, 'comparator', 'E06000001', 'england']);
    const d2011 = byClass(els, 'dot--2011').map((e) => num(e, 'cx'));
    // 2011: area 43.8, similar 44.8, LAD 43.0, England 47.2.
    expect(d2011[2]!).toBeLessThan(d2011[0]!);
    expect(d2011[0]!).toBeLessThan(d2011[1]!);
    expect(d2011[1]!).toBeLessThan(d2011[3]!);
    expect(byClass(els, 'row--highlight').map((e) => e.attrs['data-key'])).toEqual([area.code]);
  });

  it.each(TEST_WIDTHS)('has no overlapping or clipped labels at width %i', (width) => {
    const l = chart.layout(data, state, { width });
    expect(labelProblems(l.labels, l.width, l.height)).toEqual([]);
    const svg = chart.render(data, state, { width });
    expect(Math.min(...fontSizes(svg))).toBeGreaterThanOrEqual(12);
    // The long name is truncated to fit, never dropped.
    expect(texts(svg).some((t) => t.startsWith('Tom & Jerry'))).toBe(true);
  });

  it('tabulates the numbers it shows', () => {
    expect(chart.tableRows(data, state).rows).toEqual([
      [area.name, 43.8, 45.8, 2],
      ['Its similar areas', 44.8, 45.3, 0.5],
      ['Scarborough', 43, 44.1, 1.1],
      ['England', 47.2, 48.5, 1.3],
    ]);
  });

  it('writes a summary that follows the data', () => {
    expect(chart.summary(data, state)).toBe(
      `Between 2011 and 2021 the share of residents in very good health rose by 2.0 pp in ${area.name}, from 43.8% to 45.8%: ` +
        'a bigger rise than in its similar areas (+0.5 pp), a bigger rise than in Scarborough (+1.1 pp) ' +
        'and a bigger rise than in England (+1.3 pp).',
    );
    const small = { ...data, area: { ...area, health: change(s(43.8), s(44.0)) } };
    const text = chart.summary(small, state);
    expect(text).toContain('rose by 0.2 pp');
    expect(text).toContain('a smaller rise than in its similar areas (+0.5 pp)');
  });

  it('names the local authority as such where the area shares its name', () => {
    const namesake = { ...data, area: { ...area, name: 'Scarborough' } };
    expect(chart.summary(namesake, state)).toContain('a bigger rise than in the local authority of Scarborough (+1.1 pp)');
    expect(chart.title(namesake, state)).toContain('beside similar areas, the local authority of Scarborough and England');
  });

  it('refuses a state for another area', () => {
    expect(() => chart.summary(data, { area: 'other', measure: 'very_good' })).toThrow();
  });
});
