import { describe, expect, it } from 'vitest';
import * as chart from './group-comparison.ts';
import { change, ENGLAND, makeSummary, SIMILAR } from './fixtures.ts';
import { byClass, fontSizes, labelProblems, num, parseSvg, TEST_WIDTHS, texts } from './test-helpers.ts';

const summary = makeSummary();
const state = chart.defaultState;

function dots(svg: string, key: string) {
  const els = parseSvg(svg);
  // Elements of one row follow its <g data-key> until the next row.
  const start = els.findIndex((e) => e.attrs['data-key'] === key);
  if (start < 0) throw new Error(`no row ${key}`);
  const next = els.findIndex((e, i) => i > start && e.attrs['data-key'] !== undefined);
  const row = els.slice(start, next < 0 ? undefined : next);
  return { d2011: byClass(row, 'dot--2011')[0], d2021: byClass(row, 'dot--2021')[0], row };
}

describe('group-comparison', () => {
  it('renders a stable, well-formed SVG', () => {
    const svg = chart.render(summary, { measure: 'very_good', highlight: 'big_local' }, { width: 375 }, { idPrefix: 'gc' });
    expect(svg).toMatchSnapshot();
    expect(parseSvg(svg)[0]!.attrs['aria-labelledby']).toBe('gc-title gc-desc');
  });

  it('places 2011 and 2021 dots on one shared, increasing scale', () => {
    const svg = chart.render(summary, state, { width: 600 });
    const e = dots(svg, 'england');
    const b = dots(svg, 'big_local');
    const s = dots(svg, 'similar_areas');
    // England 47.2 → 48.5, Big Local 40.1 → 41.0, similar areas 41.0 → 42.6.
    expect(num(e.d2021, 'cx')).toBeGreaterThan(num(e.d2011, 'cx'));
    expect(num(b.d2011, 'cx')).toBeLessThan(num(s.d2011, 'cx'));
    expect(num(s.d2011, 'cx')).toBeLessThan(num(e.d2011, 'cx'));
    expect(num(b.d2021, 'cx')).toBeCloseTo(num(s.d2011, 'cx'), 0); // both 41.0%
    const l = chart.layout(summary, state, { width: 600 });
    expect(l.x(40.1)).toBeCloseTo(num(b.d2011, 'cx'), 0);
  });

  it('labels the values and the change of each row', () => {
    const all = texts(chart.render(summary, state, { width: 375 }));
    for (const t of ['England', 'Big Local areas', 'Similar areas', '47.2%', '48.5%', '+1.3 pp', '+0.9 pp', '+1.6 pp']) {
      expect(all).toContain(t);
    }
    const bad = texts(chart.render(summary, { measure: 'bad_or_very_bad' }, { width: 375 }));
    expect(bad).toContain('\u22120.3 pp');
  });

  it.each(TEST_WIDTHS)('has no overlapping or clipped labels at width %i', (width) => {
    for (const measure of ['very_good', 'bad_or_very_bad', 'very_bad'] as const) {
      const l = chart.layout(summary, { measure, highlight: 'big_local' }, { width });
      expect(labelProblems(l.labels, l.width, l.height)).toEqual([]);
    }
    expect(Math.min(...fontSizes(chart.render(summary, state, { width })))).toBeGreaterThanOrEqual(12);
  });

  it('shows a subset of groups in the given order, and marks the highlight', () => {
    const s: chart.State = { measure: 'very_good', groups: ['similar_areas', 'big_local'], highlight: 'similar_areas' };
    const els = parseSvg(chart.render(summary, s, { width: 375 }));
    expect(els.filter((e) => e.attrs['data-key']).map((e) => e.attrs['data-key'])).toEqual(['similar_areas', 'big_local']);
    expect(byClass(els, 'row--highlight').map((e) => e.attrs['data-key'])).toEqual(['similar_areas']);
    expect(chart.tableRows(summary, s).rows.map((r) => r[0])).toEqual(['Similar areas', 'Big Local areas']);
  });

  it('tabulates the numbers it shows', () => {
    expect(chart.tableRows(summary, state)).toEqual({
      columns: ['Group', '2011 (%)', '2021 (%)', 'Change (pp)'],
      rows: [
        ['England', 47.2, 48.5, 1.3],
        ['Big Local areas', 40.1, 41, 0.9],
        ['Similar areas', 41, 42.6, 1.6],
      ],
    });
  });

  it('writes a summary that follows the data', () => {
    expect(chart.summary(summary, state)).toBe(
      'Between 2011 and 2021 the share of residents in very good health rose by 0.9 pp in Big Local areas, ' +
        'from 40.1% to 41.0%: a smaller rise than in England (+1.3 pp) and similar areas (+1.6 pp).',
    );
    // Make Big Local rise more than similar areas: the sentence must flip.
    const bigger = change(
      { very_good: 40.1, good: 33.9, fair: 16.8, bad: 6.9, very_bad: 2.3 },
      { very_good: 43.0, good: 32.0, fair: 15.8, bad: 6.9, very_bad: 2.3 },
    );
    const s2 = makeSummary({ england: ENGLAND, big_local: bigger, similar_areas: SIMILAR });
    expect(chart.summary(s2, state)).toContain('rose by 2.9 pp in Big Local areas');
    expect(chart.summary(s2, state)).toContain('a bigger rise than in England (+1.3 pp) and similar areas (+1.6 pp)');
    // A fall where the others rose.
    const fell = change(
      { very_good: 40.1, good: 33.9, fair: 16.8, bad: 6.9, very_bad: 2.3 },
      { very_good: 39.0, good: 34.0, fair: 17.8, bad: 6.9, very_bad: 2.3 },
    );
    const s3 = makeSummary({ england: ENGLAND, big_local: fell, similar_areas: SIMILAR });
    expect(chart.summary(s3, state)).toContain('fell by 1.1 pp in Big Local areas');
    expect(chart.summary(s3, state)).toContain('unlike in England (+1.3 pp) and similar areas (+1.6 pp), where it rose');
    // The highlighted group leads the sentence.
    expect(chart.summary(summary, { measure: 'very_good', highlight: 'england' })).toContain('rose by 1.3 pp in England');
    expect(chart.title(summary, state)).toBe('Very good health, 2011 and 2021: England, Big Local areas and similar areas');
  });
});
