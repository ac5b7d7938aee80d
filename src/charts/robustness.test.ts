import { describe, expect, it } from 'vitest';
import type { Robustness } from '../data/constants.ts';
import { makeRobustness } from './fixtures.ts';
import * as chart from './robustness.ts';
import { byClass, fontSizes, labelProblems, num, parseSvg, TEST_WIDTHS, texts } from './test-helpers.ts';

const data = makeRobustness();
const state = chart.defaultState;
const bad = { measure: 'bad_or_very_bad' } as const;

/** Every specification mirrored around zero (estimate and interval). */
function mirrored(d: Robustness): Robustness {
  return { ...d, specifications: d.specifications.map((s) => ({ ...s, estimate: -s.estimate, lower: -s.upper, upper: -s.lower })) };
}

/** One very-good specification's interval moved clear of zero. */
function oneClearOfZero(d: Robustness): Robustness {
  return {
    ...d,
    specifications: d.specifications.map((s) =>
      s.specification === 'district-decile' && s.measure === 'very_good' ? { ...s, estimate: 0.6, lower: 0.3, upper: 0.9 } : s,
    ),
  };
}

describe('robustness', () => {
  it('renders a stable, well-formed SVG', () => {
    const svg = chart.render(data, state, { width: 375 }, { idPrefix: 'rob' });
    expect(svg).toMatchSnapshot();
    expect(parseSvg(svg)[0]!.attrs['aria-labelledby']).toBe('rob-title rob-desc');
  });

  it('draws one row per specification of the measure, main first and emphasised, grouped', () => {
    const els = parseSvg(chart.render(data, state, { width: 640 }));
    const rows = els.filter((e) => e.name === 'g' && e.attrs['data-specification']);
    expect(rows.map((r) => r.attrs['data-specification'])).toEqual([
      'main',
      'baseline-matched',
      'district-decile',
      'exclude-low-confidence',
      'high-confidence-only',
      'exclude-fast-growth',
    ]);
    expect(rows[0]!.attrs.class).toBe('row row--main');
    expect(byClass(els, 'main-band')).toHaveLength(1);
    const headings = Object.values(chart.GROUP_HEADINGS);
    expect(byClass(els, 'group-heading')).toHaveLength(3);
    expect(texts(chart.render(data, state, { width: 640 })).filter((t) => headings.includes(t))).toEqual([
      chart.GROUP_HEADINGS.comparator,
      chart.GROUP_HEADINGS.footprints,
      chart.GROUP_HEADINGS.growth,
    ]);
  });

  it('puts estimates and intervals on the scale, with the zero line between', () => {
    const l = chart.layout(data, state, { width: 500 });
    const els = parseSvg(chart.render(data, state, { width: 500 }));
    const est = byClass(els, 'estimate');
    expect(est.map((e) => e.attrs['data-value'])).toEqual(['0.1', '-0.03', '0.22', '-0.02', '0.1', '0.19']);
    expect(num(est[2], 'cx')).toBeCloseTo(l.x(0.22), 0);
    const zero = num(byClass(els, 'zero-line')[0], 'x1');
    expect(zero).toBeCloseTo(l.x(0), 0);
    expect(num(est[1], 'cx')).toBeLessThan(zero);
    expect(num(est[2], 'cx')).toBeGreaterThan(zero);
    const intervals = byClass(els, 'interval');
    expect(num(intervals[4], 'x1')).toBeCloseTo(l.x(-0.9), 0);
    expect(num(intervals[4], 'x2')).toBeCloseTo(l.x(1.15), 0);
  });

  it('puts each label above its interval and its values beside it, two decimals', () => {
    const l = chart.layout(data, state, { width: 320 });
    const all = texts(chart.render(data, state, { width: 320 }));
    expect(all).toContain('+0.10 (\u22120.25 to +0.45)');
    expect(all).toContain('\u22120.03 (\u22120.37 to +0.30)');
    const els = parseSvg(chart.render(data, state, { width: 320 }));
    const firstLabel = byClass(els, 'row-label')[0]!;
    const firstInterval = byClass(els, 'interval')[0]!;
    expect(num(firstLabel, 'y')).toBeLessThan(num(firstInterval, 'y1'));
    expect(num(firstLabel, 'x')).toBe(8);
    // Long labels wrap rather than being cut.
    expect(all.join(' ')).not.toContain('\u2026');
    expect(l.labels.filter((b) => b.text && /^Similar areas also matched/.test(b.text)).length).toBe(1);
  });

  it('says which way is better: for bad health, higher is worse', () => {
    expect(texts(chart.render(data, state, { width: 1000 }))).toContain('Better than similar areas \u2192');
    expect(texts(chart.render(data, bad, { width: 1000 }))).toContain('Worse than similar areas \u2192');
    expect(texts(chart.render(data, bad, { width: 320 }))).toContain('Worse \u2192');
    expect(chart.summary(data, bad)).toContain('higher is worse');
  });

  it('builds its title and summary from the numbers', () => {
    expect(chart.title(data, bad)).toBe('How far the finding holds: the difference in bad or very bad health under 6 ways of making the comparison');
    const fewer = { ...data, specifications: data.specifications.filter((s) => s.specification !== 'district-decile') };
    expect(chart.title(fewer, state)).toContain('under 5 ways');
    expect(chart.summary(data, state)).toBe(
      'Under 6 ways of making the comparison, Big Local’s difference in very good health (higher is better) ranges from ' +
        '\u22120.03 pp to +0.22 pp (main comparison +0.10 pp, 95% interval \u22120.25 to +0.45); all 6 intervals include zero.',
    );
    const changed = chart.summary(oneClearOfZero(data), state);
    expect(changed).toContain('to +0.60 pp');
    expect(changed).toContain('5 of the 6 intervals include zero');
  });

  it('tabulates every specification of the measure', () => {
    const t = chart.tableRows(data, bad);
    expect(t.columns).toEqual(['Specification', 'Group', 'Difference (pp)', '95% interval, lower (pp)', '95% interval, upper (pp)', 'Big Local areas']);
    expect(t.rows).toHaveLength(6);
    expect(t.rows[0]).toEqual(['Main comparison: similar areas by region and deprivation decile', 'comparator', 0.07, -0.06, 0.2, 150]);
    expect(t.rows.find((r) => r[0] === 'Only the footprints of high confidence')?.[5]).toBe(19);
  });

  it.each(TEST_WIDTHS)('stops the grid and zero line at the words: every label and value is boxed, at width %i', (width) => {
    const els = parseSvg(chart.render(makeRobustness(), chart.defaultState, { width }));
    const boxes = byClass(els, 'text-backing').map((r) => ({ x: num(r, 'x'), y: num(r, 'y'), w: num(r, 'width'), h: num(r, 'height') }));
    const words = [...byClass(els, 'row-label'), ...byClass(els, 'value'), ...byClass(els, 'group-heading')];
    expect(words.length).toBeGreaterThan(10);
    for (const t of words) {
      const x = num(t, 'x');
      const y = num(t, 'y');
      // The box behind a text holds its anchor point and its baseline.
      expect(boxes.some((b) => b.x <= x + 0.5 && b.x + b.w >= x - 0.5 && b.y <= y && b.y + b.h >= y), `${x},${y}`).toBe(true);
    }
  });

  it.each(TEST_WIDTHS)('has no overlapping or clipped labels at width %i', (width) => {
    for (const d of [data, mirrored(data), oneClearOfZero(data)]) {
      for (const s of [state, bad]) {
        const l = chart.layout(d, s, { width });
        expect(labelProblems(l.labels, l.width, l.height)).toEqual([]);
      }
    }
    expect(Math.min(...fontSizes(chart.render(data, state, { width })))).toBeGreaterThanOrEqual(12);
  });
});
