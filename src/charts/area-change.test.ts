import { describe, expect, it } from 'vitest';
import * as chart from './area-change.ts';
import { change, ENGLAND, makeArea, makePlace } from './fixtures.ts';
import { areas, districtOf, summary as realSummary } from '../data/load.ts';
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
        'a bigger rise than in its similar areas (+0.5 pp), Scarborough (+1.1 pp) and England (+1.3 pp).',
    );
    const small = { ...data, area: { ...area, health: change(s(43.8), s(44.0)) } };
    const text = chart.summary(small, state);
    expect(text).toContain('rose by 0.2 pp');
    expect(text).toContain('a smaller rise than in its similar areas (+0.5 pp)');
  });

  it('names the local authority as such where the area shares its name', () => {
    const namesake = { ...data, area: { ...area, name: 'Scarborough' } };
    const text = chart.summary(namesake, state);
    expect(text).toContain('a bigger rise than in its similar areas (+0.5 pp), the local authority of Scarborough (+1.1 pp) and England');
    expect(text).not.toContain(', Scarborough (');
    expect(chart.title(namesake, state)).toContain('beside similar areas, the local authority of Scarborough and England');
  });

  it('says each kind of comparison once, even when every place went the other way', () => {
    // Northwood's case: no change in the area, a fall everywhere it is set against.
    const steady = change(s(43.8), s(43.8));
    const fell = (a: number, b: number) => change(s(a), s(b));
    const allFell = { area: { ...area, health: steady, comparator: fell(44.8, 43.5) }, lad: { ...lad, health: fell(43.0, 42.2) }, england: fell(47.2, 46.9) };
    expect(chart.summary(allFell, state)).toBe(
      `Between 2011 and 2021 the share of residents in very good health did not change in ${area.name}, at 43.8%: ` +
        'unlike in its similar areas (\u22121.3 pp), Scarborough (\u22120.8 pp) and England (\u22120.3 pp), where it fell.',
    );
    // Mixed: one group of two places, then one of one, joined after a comma.
    const mixed = { ...allFell, area: { ...allFell.area, health: fell(43.8, 43.1) }, england: change(s(47.2), s(48.5)) };
    expect(chart.summary(mixed, state)).toContain(
      'a smaller fall than in its similar areas (\u22121.3 pp) and Scarborough (\u22120.8 pp), and unlike in England (+1.3 pp), where it rose.',
    );
  });

  it('refuses a state for another area', () => {
    expect(() => chart.summary(data, { area: 'other', measure: 'very_good' })).toThrow();
  });

  // Every area page's two summaries, from the committed data: no comparison said twice (Northwood's
  // page said "unlike in …, where it fell" three times in one sentence).
  it.each(['very_good', 'bad_or_very_bad'] as const)('never repeats a clause on any real area page (%s)', (measure) => {
    const clauses = [/unlike/g, /where it rose/g, /where it fell/g, /where it did not change/g, /a bigger rise than/g, /a smaller rise than/g, /a bigger fall than/g, /a smaller fall than/g, /the same change as/g];
    for (const a of areas) {
      const text = chart.summary({ area: a, lad: districtOf(a.ladCode), england: realSummary.groups.england }, { area: a.code, measure });
      for (const c of clauses) expect(text.match(c)?.length ?? 0, `${a.code}: ${text}`).toBeLessThanOrEqual(1);
    }
  });
});
