import { describe, expect, it } from 'vitest';
import { HEALTH_CATEGORIES, type HealthChange } from '../data/constants.ts';
import * as chart from './england-health.ts';
import { BIG_LOCAL, change, ENGLAND, makeSummary } from './fixtures.ts';
import { fmtPct } from './svg.ts';
import { byClass, fontSizes, labelProblems, num, parseSvg, TEST_WIDTHS, texts } from './test-helpers.ts';

const summary = makeSummary();
const state = chart.defaultState;

/** The same place with 2011 and 2021 swapped: every change flips sign. */
function flipped(h: HealthChange): HealthChange {
  return { counts2011: h.counts2021, counts2021: h.counts2011, pct2011: h.pct2021, pct2021: h.pct2011, changePp: h.changePp };
}

describe('england-health', () => {
  it('renders a stable, well-formed, accessible SVG', () => {
    const svg = chart.render(summary, state, { width: 375 }, { idPrefix: 'eh' });
    expect(svg).toMatchSnapshot();
    const els = parseSvg(svg);
    expect(els[0]!.attrs.role).toBe('img');
    expect(els[0]!.attrs['aria-labelledby']).toBe('eh-title eh-desc');
    expect(svg).toContain(`<title id="eh-title">General health in England, 2011 and 2021</title>`);
  });

  it('draws each year as a full-width bar split in proportion to the shares', () => {
    const width = 500;
    const els = parseSvg(chart.render(summary, state, { width }));
    const segs = byClass(els, 'segment');
    expect(segs).toHaveLength(10);
    const first = segs.slice(0, 5);
    const total = first.reduce((s, e) => s + num(e, 'width'), 0);
    expect(total).toBeGreaterThan(width - 20);
    expect(num(first[0], 'width') / total).toBeCloseTo(ENGLAND.pct2011.very_good / 100, 2);
    expect(num(first[4], 'width') / total).toBeCloseTo(ENGLAND.pct2011.very_bad / 100, 2);
    // Segments follow the category order left to right.
    for (let i = 1; i < 5; i++) expect(num(first[i], 'x')).toBeGreaterThan(num(first[i - 1], 'x'));
    expect(first.map((e) => e.attrs['data-category'])).toEqual([...HEALTH_CATEGORIES]);
  });

  it.each(TEST_WIDTHS)('labels every segment legibly without overlaps at width %i', (width) => {
    const l = chart.layout(summary, state, { width });
    expect(labelProblems(l.labels, l.width, l.height)).toEqual([]);
    const svg = chart.render(summary, state, { width });
    expect(Math.min(...fontSizes(svg))).toBeGreaterThanOrEqual(12);
    const all = texts(svg).join(' | ');
    for (const c of HEALTH_CATEGORIES) {
      expect(all).toContain(fmtPct(ENGLAND.pct2011[c]));
      expect(all).toContain(fmtPct(ENGLAND.pct2021[c]));
    }
  });

  it('gives the small segments leader labels', () => {
    const svg = chart.render(summary, state, { width: 320 });
    const els = parseSvg(svg);
    expect(byClass(els, 'leader').length).toBeGreaterThanOrEqual(4);
    expect(texts(svg).some((t) => t.includes(fmtPct(ENGLAND.pct2021.very_bad)))).toBe(true);
  });

  it('shows any group', () => {
    const s = { group: 'big_local' } as const;
    expect(chart.title(summary, s)).toBe('General health in Big Local areas, 2011 and 2021');
    expect(chart.tableRows(summary, s).rows[0]).toEqual(['Very good health', 40.1, 41, 0.9]);
  });

  it('tabulates the numbers it shows', () => {
    const t = chart.tableRows(summary, state);
    expect(t.columns).toEqual(['General health', '2011 (%)', '2021 (%)', 'Change (pp)']);
    expect(t.rows).toHaveLength(5);
    expect(t.rows[0]).toEqual(['Very good health', 47.2, 48.5, 1.3]);
    expect(t.rows[4]).toEqual(['Very bad health', 1.3, 1.2, -0.1]);
  });

  it('writes a summary that follows the data', () => {
    expect(chart.summary(summary, state)).toBe(
      'In England, the share of residents in very good health rose from 47.2% in 2011 to 48.5% in 2021 ' +
        'and the share in bad or very bad health fell from 5.5% in 2011 to 5.2% in 2021.',
    );
    const s2 = makeSummary({ england: flipped(ENGLAND), big_local: BIG_LOCAL, similar_areas: BIG_LOCAL });
    expect(chart.summary(s2, state)).toContain('very good health fell from 48.5% in 2011 to 47.2% in 2021');
    expect(chart.summary(s2, state)).toContain('bad or very bad health rose from 5.2%');
    const flat = change(
      { very_good: 40, good: 30, fair: 20, bad: 7, very_bad: 3 },
      { very_good: 40, good: 30, fair: 20, bad: 7, very_bad: 3 },
    );
    expect(chart.summary(makeSummary({ england: flat, big_local: flat, similar_areas: flat }), state)).toContain(
      'stayed at 40.0% in both censuses',
    );
  });
});
