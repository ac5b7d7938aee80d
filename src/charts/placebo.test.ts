import { describe, expect, it } from 'vitest';
import type { Robustness } from '../data/constants.ts';
import { makeRobustness } from './fixtures.ts';
import * as chart from './placebo.ts';
import { byClass, fontSizes, labelProblems, num, parseSvg, TEST_WIDTHS, texts } from './test-helpers.ts';

const data = makeRobustness();
const state = chart.defaultState;
const bad = { measure: 'bad_or_very_bad' } as const;

/** The same data with the real very-good value moved and its percentile and p replaced. */
function withReal(d: Robustness, real: number, percentile: number, p: number): Robustness {
  const vg = { ...d.placebo.measures.very_good, real, percentile, p };
  return { ...d, placebo: { ...d.placebo, measures: { ...d.placebo.measures, very_good: vg } } };
}

describe('placebo', () => {
  it('renders a stable, well-formed SVG', () => {
    const svg = chart.render(data, state, { width: 375 }, { idPrefix: 'placebo' });
    expect(svg).toMatchSnapshot();
    expect(parseSvg(svg)[0]!.attrs['aria-labelledby']).toBe('placebo-title placebo-desc');
  });

  it('bins every placebo set once, on contiguous round edges', () => {
    for (const s of [state, bad]) {
      const bs = chart.bins(data, s);
      expect(bs.reduce((a, b) => a + b.sets, 0)).toBe(data.placebo.draws[s.measure].length);
      for (let i = 1; i < bs.length; i++) expect(bs[i]!.from).toBe(bs[i - 1]!.to);
      for (const b of bs) expect(b.to).toBeGreaterThan(b.from);
      expect(bs.length).toBeGreaterThan(10);
      expect(bs.length).toBeLessThan(40);
    }
  });

  it('makes no bin of no width where the domain ends on a tick (the real data: −0.50 to +0.76, domain to 1.0)', () => {
    const edge = structuredClone(data);
    edge.placebo.draws.very_good = [-0.5, -0.2, 0, 0.1, 0.3, 0.76];
    const bs = chart.bins(edge, state);
    expect(bs.at(-1)!.to).toBe(1);
    for (const b of bs) expect(b.to, `${b.from} to ${b.to}`).toBeGreaterThan(b.from);
    expect(bs.reduce((a, b) => a + b.sets, 0)).toBe(6);
  });

  it('draws bar heights on the sets scale and the real value and zero on the difference scale', () => {
    const l = chart.layout(data, state, { width: 640 });
    const els = parseSvg(chart.render(data, state, { width: 640 }));
    const bars = els.filter((e) => e.name === 'rect' && e.attrs['data-sets']);
    const bs = chart.bins(data, state).filter((b) => b.sets > 0);
    expect(bars).toHaveLength(bs.length);
    bars.forEach((bar, i) => {
      expect(num(bar, 'y')).toBeCloseTo(l.y(bs[i]!.sets), 0);
      expect(num(bar, 'x')).toBeCloseTo(l.x(bs[i]!.from) + 0.5, 0);
    });
    const real = byClass(els, 'real-line')[0];
    expect(num(real, 'x1')).toBeCloseTo(l.x(0.1), 0);
    expect(num(byClass(els, 'zero-line')[0], 'x1')).toBeCloseTo(l.x(0), 0);
    expect(num(real, 'x1')).toBeGreaterThan(l.x(0));
  });

  it('labels the real value with two decimals and its place among the sets', () => {
    const pct = Math.round(data.placebo.measures.very_good.percentile);
    const all = texts(chart.render(data, state, { width: 375 }));
    expect(all).toContain('Big Local areas: +0.10 pp');
    expect(all).toContain(pct >= 50 ? `higher than ${pct}% of sets` : `lower than ${100 - pct}% of sets`);
  });

  it('says which way is better: for bad health, higher is worse', () => {
    const good = texts(chart.render(data, state, { width: 1000 }));
    expect(good[good.indexOf('\u2190 Worse than similar areas')]).toBeDefined();
    expect(good).toContain('Better than similar areas \u2192');
    const worse = texts(chart.render(data, bad, { width: 1000 }));
    expect(worse).toContain('\u2190 Better than similar areas');
    expect(worse).toContain('Worse than similar areas \u2192');
    expect(chart.summary(data, bad)).toContain('higher is worse');
  });

  it('builds its title and summary from the numbers', () => {
    expect(chart.title(data, state)).toBe('Big Local among 400 random sets of similar neighbourhoods: very good health');
    const s = chart.summary(data, state);
    expect(s).toContain('400 random sets of 150 look-alike areas built from similar neighbourhoods');
    expect(s).toContain('Big Local’s +0.10 pp');
    const rare = chart.summary(withReal(data, 0.9, 99.5, 0.004), state);
    expect(rare).toContain('Big Local’s +0.90 pp is higher than 100% of the sets (two-sided p below 0.01): fewer than 1% of the sets, with no programme, lie at least this far from their middle');
    const common = chart.summary(withReal(data, -0.05, 40.2, 0.81), state);
    expect(common).toContain('is lower than 60% of the sets (two-sided p = 0.81): 81% of the sets, with no programme, lie at least this far');
    const draws = data.placebo.draws.very_good;
    expect(s).toContain(`ran from ${fmt(Math.min(...draws))} to ${fmt(Math.max(...draws))}`);
  });

  it('tabulates the bins and marks the one holding the real value', () => {
    const t = chart.tableRows(data, state);
    expect(t.columns).toEqual(['Difference from (pp)', 'Difference to (pp)', 'Placebo sets', 'Big Local value']);
    const marked = t.rows.filter((r) => r[3] !== '');
    expect(marked).toHaveLength(1);
    const [from, to] = marked[0]! as number[];
    expect(0.1).toBeGreaterThanOrEqual(from!);
    expect(0.1).toBeLessThan(to!);
    expect(t.rows.reduce((a, r) => a + Number(r[2]), 0)).toBe(data.placebo.sets);
  });

  it.each(TEST_WIDTHS)('has no overlapping or clipped labels at width %i', (width) => {
    for (const s of [state, bad]) {
      for (const d of [data, withReal(data, 0.9, 99.5, 0.004), withReal(data, -0.8, 0.2, 0.004)]) {
        const l = chart.layout(d, s, { width });
        expect(labelProblems(l.labels, l.width, l.height)).toEqual([]);
      }
    }
    expect(Math.min(...fontSizes(chart.render(data, state, { width })))).toBeGreaterThanOrEqual(12);
  });
});

/** The summary's two-decimal pp format, written out independently. */
function fmt(v: number): string {
  const r = Math.round(v * 100) / 100;
  return `${r > 0 ? '+' : r < 0 ? '\u2212' : ''}${Math.abs(r).toFixed(2)} pp`;
}
