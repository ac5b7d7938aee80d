import { describe, expect, it } from 'vitest';
import type { Summary } from '../data/constants.ts';
import * as chart from './did-interval.ts';
import { makeSummary } from './fixtures.ts';
import { byClass, fontSizes, labelProblems, num, parseSvg, TEST_WIDTHS, texts } from './test-helpers.ts';

const summary = makeSummary();
const state = chart.defaultState;

/** Big Local and similar areas swapped: every difference and interval mirrors around zero. */
function mirrored(s: Summary): Summary {
  const did = Object.fromEntries(
    Object.entries(s.differenceInDifferences).map(([k, v]) => [k, { estimate: -v.estimate, lower: -v.upper, upper: -v.lower }]),
  ) as Summary['differenceInDifferences'];
  return { ...s, differenceInDifferences: did };
}

/** Small differences close to zero, like the real data (the phone-width case that crossed the line). */
function nearZero(s: Summary): Summary {
  const did = Object.fromEntries(
    Object.keys(s.differenceInDifferences).map((k, i) => [k, { estimate: i % 2 ? -0.13 : 0.1, lower: -0.39, upper: 0.14 }]),
  ) as Summary['differenceInDifferences'];
  return { ...s, differenceInDifferences: did };
}

describe('did-interval', () => {
  it('renders a stable, well-formed SVG', () => {
    const svg = chart.render(summary, state, { width: 375 }, { idPrefix: 'did' });
    expect(svg).toMatchSnapshot();
    expect(parseSvg(svg)[0]!.attrs['aria-labelledby']).toBe('did-title did-desc');
  });

  it('puts estimates and intervals on the scale, with a zero line between them', () => {
    const l = chart.layout(summary, state, { width: 500 });
    const els = parseSvg(chart.render(summary, state, { width: 500 }));
    const est = byClass(els, 'estimate');
    expect(est.map((e) => e.attrs['data-value'])).toEqual(['-0.7', '-0.4', '0.2']);
    expect(num(est[0], 'cx')).toBeCloseTo(l.x(-0.7), 0);
    const zero = num(byClass(els, 'zero-line')[0], 'x1');
    expect(zero).toBeCloseTo(l.x(0), 0);
    expect(num(est[0], 'cx')).toBeLessThan(zero);
    expect(num(est[2], 'cx')).toBeGreaterThan(zero);
    const intervals = byClass(els, 'interval');
    expect(num(intervals[0], 'x1')).toBeCloseTo(l.x(-1.2), 0);
    expect(num(intervals[0], 'x2')).toBeCloseTo(l.x(-0.2), 0);
  });

  it('labels each measure with its estimate and interval', () => {
    const all = texts(chart.render(summary, state, { width: 640 }));
    expect(all).toContain('Very good health');
    expect(all).toContain('\u22120.70 pp (95% interval \u22121.20 to \u22120.20)');
    // Wrapped onto two lines beside its estimate rather than one on the far side of zero.
    expect(all.join(' ')).toContain('+0.20 pp (95% interval \u22120.20 to +0.60)');
  });

  it('wraps a value label on phones rather than cutting it short', () => {
    const all = texts(chart.render(summary, state, { width: 320 })).join(' ');
    expect(all).toContain('\u22120.70 pp (95% interval \u22121.20 to \u22120.20)');
    expect(all).toContain('+0.20 pp (95% interval \u22120.20 to +0.60)');
    expect(all).not.toContain('\u2026');
  });

  it.each(TEST_WIDTHS)('puts each value label on its estimate\'s side of zero, or under it on a backing that breaks the zero line, at width %i', (width) => {
    for (const s of [summary, mirrored(summary), nearZero(summary)]) {
      const l = chart.layout(s, state, { width });
      const els = parseSvg(chart.render(s, state, { width }));
      const x0 = l.x(0);
      const backings = byClass(els, 'text-backing').map((r) => ({ x: num(r, 'x'), y: num(r, 'y'), w: num(r, 'width'), h: num(r, 'height') }));
      const estimates = byClass(els, 'estimate').map((e) => ({ x: num(e, 'cx'), y: num(e, 'cy') }));
      const values = l.labels.filter((b) => /pp|interval|\)$/.test(b.text ?? ''));
      expect(values.length).toBeGreaterThanOrEqual(state.measures.length);
      for (const b of values) {
        // The estimate whose row this label is in: the nearest above it.
        const xe = estimates.filter((e) => e.y < b.y).at(-1)!.x;
        const sameSide = xe < x0 ? b.x + b.width <= x0 - 3 : b.x >= x0 + 3;
        const crosses = b.x < x0 && b.x + b.width > x0;
        if (!sameSide) {
          expect(crosses, `${b.text} is on the far side of zero`).toBe(true);
          const backed = backings.some((r) => r.x <= b.x && r.x + r.w >= b.x + b.width && r.y <= b.y && r.y + r.h >= b.y + b.height);
          expect(backed, `${b.text} crosses zero without a backing`).toBe(true);
        }
      }
    }
  });

  it('on a phone, the real figures\' labels sit under their own estimates', () => {
    const l = chart.layout(nearZero(summary), state, { width: 320 });
    const els = parseSvg(chart.render(nearZero(summary), state, { width: 320 }));
    const estimates = byClass(els, 'estimate').map((e) => num(e, 'cx'));
    const firstLines = l.labels.filter((b) => /^[+\u2212]\d.* pp/.test(b.text ?? ''));
    expect(firstLines).toHaveLength(estimates.length);
    firstLines.forEach((b, i) => {
      expect(b.x).toBeLessThanOrEqual(estimates[i]!);
      expect(b.x + b.width).toBeGreaterThanOrEqual(estimates[i]!);
    });
  });

  it.each(TEST_WIDTHS)('has no overlapping or clipped labels at width %i', (width) => {
    for (const s of [summary, mirrored(summary)]) {
      const l = chart.layout(s, state, { width });
      expect(labelProblems(l.labels, l.width, l.height)).toEqual([]);
    }
    expect(Math.min(...fontSizes(chart.render(summary, state, { width })))).toBeGreaterThanOrEqual(12);
  });

  it('prints two decimals, so an interval edge just below zero does not read as zero', () => {
    const s = structuredClone(summary);
    s.differenceInDifferences.bad_or_very_bad = { estimate: 0.0714, lower: -0.0069, upper: 0.2575 };
    const words = chart.summary(s, state);
    expect(words).toContain('0.07 pp higher for bad or very bad health (where higher is worse; 95% interval \u22120.01 to +0.26 pp, which includes zero)');
    expect(texts(chart.render(s, state, { width: 640 })).join(' ')).toContain('+0.07 pp (95% interval \u22120.01 to +0.26)');
    expect(chart.tableRows(s, state).rows.find((r) => r[0] === 'Bad or very bad health')).toEqual(['Bad or very bad health', 0.07, -0.01, 0.26]);
  });

  it('shows the measures asked for', () => {
    const s = { measures: ['fair', 'bad'] } as chart.State;
    expect(chart.tableRows(summary, s).rows).toEqual([
      ['Fair health', 0.5, 0.1, 0.9],
      ['Bad health', 0.1, -0.2, 0.4],
    ]);
    expect(byClass(parseSvg(chart.render(summary, s, { width: 375 })), 'row')).toHaveLength(2);
  });

  it('writes a summary that follows the data', () => {
    expect(chart.summary(summary, state)).toBe(
      'Relative to similar areas, the 2011–2021 change in Big Local areas was ' +
        '0.70 pp lower for very good health (95% interval \u22121.20 to \u22120.20 pp, which excludes zero), ' +
        '0.40 pp lower for very good or good health (95% interval \u22121.00 to +0.20 pp, which includes zero) and ' +
        '0.20 pp higher for bad or very bad health (where higher is worse; 95% interval \u22120.20 to +0.60 pp, which includes zero).',
    );
    const m = chart.summary(mirrored(summary), state);
    expect(m).toContain('0.70 pp higher for very good health (95% interval +0.20 to +1.20 pp, which excludes zero)');
    expect(m).toContain('0.20 pp lower for bad or very bad health (where higher is worse;');
    // Fair health is neither better nor worse higher: no guide.
    expect(chart.summary(summary, { measures: ['fair'] })).toContain('0.50 pp higher for fair health (95% interval');
  });

  it('says on each row which way is better: higher is worse for bad health', () => {
    const all = texts(chart.render(summary, state, { width: 640 }));
    const hints = byClass(parseSvg(chart.render(summary, state, { width: 640 })), 'row-direction');
    expect(hints).toHaveLength(3);
    expect(all.filter((t) => t === 'higher is better')).toHaveLength(2);
    expect(all.filter((t) => t === 'higher is worse')).toHaveLength(1);
    // The row order is the state's: the bad-health row is the last, and says worse.
    const rows = byClass(parseSvg(chart.render(summary, state, { width: 640 })), 'row');
    expect(rows.map((r) => r.attrs['data-measure'])).toEqual(['very_good', 'very_good_or_good', 'bad_or_very_bad']);
    expect(num(hints[2], 'y')).toBeGreaterThan(num(hints[1], 'y'));
    // Too narrow for the words beside the longest label: an arrow instead, never dropped.
    const narrow = chart.render(summary, state, { width: 280 });
    expect(byClass(parseSvg(narrow), 'row-direction')).toHaveLength(3);
    expect(texts(narrow)).toContain('better \u2192');
    expect(texts(narrow)).toContain('worse \u2192');
    expect(chart.directionHint('fair')).toBeNull();
  });
});
