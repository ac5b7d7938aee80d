import { describe, expect, it } from 'vitest';
import { FAST_GROWTH_PCT, healthChange, type BigLocalArea } from '../data/constants.ts';
import * as chart from './area-changes.ts';
import { narrowSelection } from './area-changes.ts';
import { change, countsFromShares, makeArea, makeAreas } from './fixtures.ts';
import { boxesOverlap, textBox, textWidth } from './svg.ts';
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
/**
 * Four areas with the flags: Fast Town grew 4,463 → 7,407 (+66%) on a low-confidence footprint,
 * Ring Road grew +50% on a high one, Rough Place is low confidence with residents falling 5%, Steady is neither.
 */
function areaWith(i: number, name: string, r: [number, number], vg: number, confidence: BigLocalArea['confidence']): BigLocalArea {
  const health = healthChange(countsFromShares(s(40), r[0]), countsFromShares(s(40 + vg), r[1]));
  return { ...makeArea(i, name, health, change(s(40), s(42))), confidence };
}
/** The 150 fixture areas with a few (top, middle, bottom) flagged both ways: residents +50%, low confidence. */
const areasFlagged: BigLocalArea[] = areas.map((a, i) =>
  [0, 40, 75, 149].includes(i)
    ? { ...a, confidence: 'low', health: { ...a.health, counts2021: { ...a.health.counts2021, residents: a.health.counts2011.residents * 1.5 } } }
    : a,
);
const flagged = [
  areaWith(0, 'Fast Town', [4463, 7407], 13, 'low'),
  areaWith(1, 'Ring Road', [2000, 3000], 4, 'high'),
  areaWith(2, 'Rough Place', [2000, 1900], -1, 'low'),
  areaWith(3, 'Steady', [2000, 2100], 1, 'medium'),
];

describe('area-changes', () => {
  it('renders a stable, well-formed SVG', () => {
    const svg = chart.render(four, { measure: 'very_good', highlight: 'area-002' }, { width: 375 }, { idPrefix: 'acs' });
    expect(svg).toMatchSnapshot();
    expect(parseSvg(svg)[0]!.attrs['aria-labelledby']).toBe('acs-title acs-desc');
  });

  it('ranks areas by their change, largest rise first, one row each', () => {
    const l = chart.layout(four, chart.defaultState, { width: 375 });
    expect(l.order).toEqual(['area-002', 'area-000', 'area-003', 'area-001']);
    const els = parseSvg(chart.render(areas, chart.defaultState, { width: 1000 }));
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
      expect(texts(svg).join(' ')).toContain(hostile.name);
    }
  });

  it('names every row it draws: left of the plot when wide, "rank. name" and the change over the dots when narrow', () => {
    expect(texts(chart.render(four, chart.defaultState, { width: 720 }))).toContain('Area A');
    const narrow = texts(chart.render(four, chart.defaultState, { width: 375 }));
    expect(narrow).toEqual(expect.arrayContaining(['1. Area C', '+3.0 pp', '2. Area A', '+1.0 pp', '4. Area B', '−2.0 pp']));
  });

  it('wraps the note, the caption and the highlighted name on phones instead of cutting them short', () => {
    const long = { ...areas[75]!, name: 'Mablethorpe, Trusthorpe and Sutton on Sea (Coastal Communities Challenge)' };
    const data = areas.map((a, i) => (i === 75 ? long : a));
    for (const measure of ['very_good', 'bad_or_very_bad'] as const) {
      const all = texts(chart.render(data, { measure, highlight: long.code }, { width: 320 }));
      const joined = all.join(' ');
      expect(joined).toContain(`Areas ranked by their change: the ${chart.ENDS_SHOWN} largest rises at the top, the ${chart.ENDS_SHOWN} largest falls at the bottom`);
      expect(joined).toContain('percentage points');
      const rank = chart.rows(data, measure).findIndex((r) => r.code === long.code) + 1;
      expect(joined).toContain(`${rank}. ${long.name}`);
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
    expect(t.columns).toEqual([
      'Rank',
      'Big Local area',
      'Local authority',
      'Area change (pp)',
      'Similar areas change (pp)',
      'Difference (pp)',
      'Residents change (%)',
      'Footprint confidence',
    ]);
    expect(t.rows).toEqual([
      [1, 'Area C', 'District 2', 3, 0.5, 2.5, 0, 'High'],
      [2, 'Area A', 'District 0', 1, 2, -1, 0, 'High'],
      [3, 'Area D', 'District 3', -0.5, -0.5, 0, 0, 'High'],
      [4, 'Area B', 'District 1', -2, -1, -1, 0, 'High'],
    ]);
    const f = chart.tableRows(flagged, chart.defaultState);
    expect(f.rows[0]).toEqual([1, 'Fast Town', 'District 0', 13, 2, 11, 66, 'Low']);
    expect(f.rows.find((r) => r[1] === 'Rough Place')!.slice(6)).toEqual([-5, 'Low']);
  });

  it('writes a summary that follows the data', () => {
    expect(chart.summary(four, chart.defaultState)).toBe(
      'Between 2011 and 2021 the share of residents in very good health rose in 2 of the 4 Big Local areas and fell in 2; ' +
        "in 2 it ended lower relative to the area’s similar areas, in 1 higher (1 the same).",
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

  it('marks low-confidence footprints with hollow dots and fast growth with a ring, in a legend', () => {
    const svg = chart.render(flagged, { measure: 'very_good', highlight: 'area-000' }, { width: 720 }, { idPrefix: 'acf' });
    expect(svg).toMatchSnapshot();
    const els = parseSvg(svg);
    const hollow = byClass(els, 'dot--low-confidence');
    expect(hollow.map((d) => d.attrs['data-value'])).toEqual(['13', '-1']);
    for (const d of hollow) expect(d.attrs.fill).toBe('#ffffff');
    const filled = byClass(els, 'dot--area').filter((d) => !hollow.includes(d));
    for (const d of filled) expect(d.attrs.fill).not.toBe('#ffffff');
    // One ring per fast-growing area, centred on its dot, and one in the legend.
    const rings = byClass(els, 'ring--fast-growth');
    expect(rings).toHaveLength(3);
    const dotOf = (v: string) => byClass(els, 'dot--area').find((d) => d.attrs['data-value'] === v)!;
    for (const v of ['13', '4']) expect(rings.some((r) => r.attrs.cx === dotOf(v).attrs.cx && r.attrs.cy === dotOf(v).attrs.cy)).toBe(true);
    const legend = texts(svg);
    expect(legend).toContain('Low-confidence footprint');
    expect(legend).toContain(`Residents grew over ${FAST_GROWTH_PCT}%`);
    expect(svg).toContain('<title>Fast Town: +13.0 pp; its similar areas +2.0 pp; residents +66%; low-confidence footprint</title>');
    expect(svg).toContain('<title>Steady: +1.0 pp; its similar areas +2.0 pp</title>');
    // The highlighted area's callout says what its marks mean.
    expect(legend).toContain('Residents +66% · low-confidence footprint');
    expect(byClass(els, 'callout-flags')).toHaveLength(1);
    expect(byClass(parseSvg(chart.render(flagged, { measure: 'very_good', highlight: 'area-003' }, { width: 720 })), 'callout-flags')).toEqual([]);
    // Without flagged areas the legend keeps its two dots.
    expect(texts(chart.render(four, chart.defaultState, { width: 375 }))).not.toContain('Low-confidence footprint');
    // Narrow, the flags are on the marks and in the legend.
    const narrow = parseSvg(chart.render(flagged, chart.defaultState, { width: 375 }));
    expect(byClass(narrow, 'dot--low-confidence')).toHaveLength(2);
    expect(byClass(narrow, 'ring--fast-growth')).toHaveLength(3);
  });

  it.each(TEST_WIDTHS)('keeps the flags legend clear of everything at width %i', (width) => {
    for (const highlight of [undefined, 'area-000', 'area-002']) {
      const l = chart.layout(flagged, { measure: 'very_good', ...(highlight ? { highlight } : {}) }, { width });
      expect(labelProblems(l.labels, l.width, l.height), `${highlight}`).toEqual([]);
    }
    for (const highlight of [undefined, areasFlagged[0]!.code, areasFlagged[75]!.code, areasFlagged[149]!.code]) {
      for (const measure of ['very_good', 'bad_or_very_bad'] as const) {
        const l = chart.layout(areasFlagged, { measure, ...(highlight ? { highlight } : {}) }, { width });
        expect(labelProblems(l.labels, l.width, l.height), `${measure} ${highlight}`).toEqual([]);
      }
    }
  });

  it('counts the flagged areas in its summary, and says nothing of flags when there are none', () => {
    expect(chart.summary(flagged, chart.defaultState)).toContain(
      `2 areas have a low-confidence footprint (hollow dots) and in 2 areas residents grew by more than ${FAST_GROWTH_PCT}% (ringed): ` +
        'their changes may reflect who lives there now or where the footprint was drawn more than anyone’s health.',
    );
    expect(chart.summary(flagged.slice(1, 2), chart.defaultState)).toContain(` In 1 area residents grew by more than ${FAST_GROWTH_PCT}% (ringed):`);
    expect(chart.summary(flagged.slice(2, 3), chart.defaultState)).toContain(' 1 area has a low-confidence footprint (hollow dots):');
    expect(chart.summary(four, chart.defaultState)).not.toContain('footprint');
  });

  it('renders an empty list without failing', () => {
    expect(() => parseSvg(chart.render([], chart.defaultState, { width: 320 }))).not.toThrow();
  });
});

describe('area-changes placement (no SVG)', () => {
  const box = (c: chart.PlacedCallout) => ({ x: c.x, y: c.y, width: c.width, height: c.height });

  it('places one row per area in rank order, 14 px apart when wide, dots on the scale', () => {
    const p = chart.place(four, chart.defaultState, { width: 720 });
    expect(p.rows.map((r) => r.code)).toEqual(chart.rows(four, 'very_good').map((r) => r.code));
    expect(p.rows.map((r) => r.code)).toEqual(['area-002', 'area-000', 'area-003', 'area-001']);
    p.rows.forEach((r, i) => {
      expect(r.cy).toBeCloseTo(p.rowsTop + (i + 0.5) * chart.ROW_H, 9);
      expect(r.xArea).toBe(p.x(r.area));
      expect(r.xComparator).toBe(p.x(r.comparator));
    });
    expect(p.rowsBottom - p.rowsTop).toBe(4 * chart.ROW_H);
    expect(p.x.domain()[0]).toBeLessThanOrEqual(0);
    expect(p.x.domain()[1]).toBeGreaterThanOrEqual(0);
  });

  it('keeps the legend, note and caption inside the width and out of each other’s way', () => {
    for (const width of [280, ...TEST_WIDTHS]) {
      const p = chart.place(areas, { measure: 'bad_or_very_bad' }, { width });
      const boxes = [
        ...p.legend.map((l) => textBox(l.label.x, l.label.baseline, l.label.text, { size: 13 })),
        ...p.note.map((t) => textBox(t.x, t.baseline, t.text, { size: 12 })),
      ];
      for (const b of boxes) expect(b.x + b.width, `${width}: ${b.text}`).toBeLessThanOrEqual(p.width);
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) expect(boxesOverlap(boxes[i]!, boxes[j]!), `${width}: ${boxes[i]!.text} / ${boxes[j]!.text}`).toBe(false);
      expect(Math.max(...p.note.map((t) => t.baseline))).toBeLessThan(p.topAxisY);
      expect(p.caption[0]!.baseline).toBeGreaterThan(p.bottomAxisY);
      for (const t of p.caption) expect(t.x + textWidth(t.text, 12)).toBeLessThanOrEqual(p.width - 8);
    }
  });

  it('names rows left of the plot when wide, each name ending before the plot', () => {
    const p = chart.place(areas, { measure: 'very_good', highlight: areas[10]!.code }, { width: 720 });
    const plotLeft = Math.min(...p.ticks.map((t) => p.x(t)), ...p.rows.map((r) => Math.min(r.xArea, r.xComparator)));
    for (const [i, r] of p.rows.entries()) {
      expect(r.label).toBeDefined();
      expect(r.label!.x + textWidth(r.label!.text, 12, i === p.highlight)).toBeLessThan(plotLeft);
    }
  });

  it('puts the callout beside the highlighted dots when there is room, inside the rows, never over its dots', () => {
    for (const width of TEST_WIDTHS.filter((w) => w >= chart.NAMES_MIN_WIDTH))
      for (const [data, a] of [areas, areasFlagged].flatMap((d) => [d[0]!, d[40]!, d[75]!, d[149]!].map((a) => [d, a] as const))) {
        const p = chart.place(data, { measure: 'very_good', highlight: a.code }, { width });
        if (data === areasFlagged) expect(p.callout!.flags?.text).toBe('Residents +50% · low-confidence footprint');
        const row = p.rows[p.highlight]!;
        expect(row.code).toBe(a.code);
        const c = p.callout!;
        expect(c.y, `${width} ${a.code}`).toBeGreaterThanOrEqual(p.rowsTop);
        expect(c.y + c.height).toBeLessThanOrEqual(p.rowsBottom);
        expect(c.x + c.width).toBeLessThanOrEqual(p.width - 8);
        for (const dx of [row.xArea, row.xComparator]) {
          const dot = { x: dx - 5.5, y: row.cy - 5.5, width: 11, height: 11 };
          expect(boxesOverlap(dot, box(c)), `${width} ${a.code}: callout over its dot`).toBe(false);
        }
        // The leader starts at the dots and ends on the box's edge.
        const { x2, y2 } = c.leader;
        const onEdge = x2 === c.x || x2 === c.x + c.width || y2 === c.y || y2 === c.y + c.height;
        expect(onEdge).toBe(true);
        // Name lines and values stay inside the box.
        for (const t of [...c.nameLines, c.values, ...(c.flags ? [c.flags] : [])]) {
          const tb = textBox(t.x, t.baseline, t.text, { size: 13, bold: true });
          expect(tb.y).toBeGreaterThanOrEqual(c.y);
          expect(tb.x + (t === c.values || t === c.flags ? textWidth(t.text, 12) : tb.width)).toBeLessThanOrEqual(c.x + c.width);
          expect(t.baseline).toBeLessThanOrEqual(c.y + c.height - 4);
        }
      }
  });

  it('puts the callout to the right when the dots are near the left, to the left when near the right', () => {
    const p = chart.place(four, { measure: 'very_good', highlight: 'area-001' }, { width: 1000 }); // −2.0, leftmost
    const row = p.rows[p.highlight]!;
    expect(p.callout!.x).toBeGreaterThan(Math.max(row.xArea, row.xComparator));
    const q = chart.place(four, { measure: 'very_good', highlight: 'area-002' }, { width: 1000 }); // +3.0, rightmost
    const top = q.rows[q.highlight]!;
    expect(q.callout!.x + q.callout!.width).toBeLessThan(Math.min(top.xArea, top.xComparator));
  });

  it('has no callout without a highlight or with an unknown one, nor in a narrow drawing (its row is named)', () => {
    expect(chart.place(four, chart.defaultState, { width: 720 }).callout).toBeUndefined();
    expect(chart.place(four, { measure: 'very_good', highlight: 'area-002' }, { width: 375 }).callout).toBeUndefined();
    const p = chart.place(four, { measure: 'very_good', highlight: 'nope' }, { width: 720 });
    expect(p.highlight).toBe(-1);
    expect(p.callout).toBeUndefined();
  });

  it('narrow: shows the ten largest rises and falls, the highlighted area wherever it ranks, and says what it leaves out', () => {
    const ranked = chart.rows(areas, 'very_good');
    const p = chart.place(areas, chart.defaultState, { width: 328 });
    expect(p.rows.map((r) => r.rank)).toEqual([...Array(10).keys()].map((i) => i + 1).concat([...Array(10).keys()].map((i) => 141 + i)));
    expect(p.rows.map((r) => r.code)).toEqual([...ranked.slice(0, 10), ...ranked.slice(140)].map((r) => r.code));
    expect(p.gaps).toHaveLength(1);
    expect(p.gaps[0]!.count).toBe(130);
    expect(p.gaps[0]!.lines.map((l) => l.text).join(' ')).toMatch(/^130 areas ranked 11 to 140, .* are left out here: the table has all 150\.$/);
    const mid = ranked[75]!;
    const q = chart.place(areas, { measure: 'very_good', highlight: mid.code }, { width: 328 });
    expect(q.rows).toHaveLength(21);
    expect(q.rows[q.highlight]!.code).toBe(mid.code);
    expect(q.rows[q.highlight]!.rank).toBe(76);
    expect(q.gaps.map((g) => g.count)).toEqual([65, 64]);
  });

  it('narrow: every row is named, at least 24 px tall, the rows and gaps stacked without overlap', () => {
    for (const width of TEST_WIDTHS.filter((w) => w < chart.NAMES_MIN_WIDTH)) {
      const p = chart.place(areas, { measure: 'bad_or_very_bad', highlight: areas[75]!.code }, { width });
      const bands = [...p.rows.map((r) => ({ top: r.top, height: r.height })), ...p.gaps].sort((a, b) => a.top - b.top);
      expect(bands[0]!.top).toBe(p.rowsTop);
      for (let i = 1; i < bands.length; i++) expect(bands[i]!.top).toBeCloseTo(bands[i - 1]!.top + bands[i - 1]!.height, 9);
      for (const r of p.rows) {
        expect(r.height).toBeGreaterThanOrEqual(24);
        expect(r.label!.text.startsWith(`${r.rank}. `)).toBe(true);
        expect(r.value!.text).toMatch(/^[+−]?\d+\.\d pp$/);
        expect(r.cy).toBeGreaterThan(r.label!.baseline);
        expect(r.cy + 5).toBeLessThanOrEqual(r.top + r.height);
      }
    }
  });

  it('narrow: a phone drawing of all 150 areas stays within a screen and a half of a 375 px phone', () => {
    // Figure.astro draws it at 328 px and shows it at about 343 px: ×1.05.
    for (const measure of ['very_good', 'bad_or_very_bad'] as const)
      for (const highlight of [undefined, areas[75]!.code])
        expect(chart.place(areas, { measure, ...(highlight ? { highlight } : {}) }, { width: 328 }).height * (343 / 328)).toBeLessThanOrEqual(1.5 * 667);
  });
});

describe('narrowSelection', () => {
  it('keeps both ends, the highlight between them, and one gap for each run left out', () => {
    expect(narrowSelection(30, -1, 3)).toEqual([0, 1, 2, null, 27, 28, 29]);
    expect(narrowSelection(30, 10, 3)).toEqual([0, 1, 2, null, 10, null, 27, 28, 29]);
    expect(narrowSelection(30, 3, 3)).toEqual([0, 1, 2, 3, null, 27, 28, 29]);
    expect(narrowSelection(30, 28, 3)).toEqual([0, 1, 2, null, 27, 28, 29]);
  });

  it('shows everything when leaving out would hide fewer than two', () => {
    expect(narrowSelection(8, -1, 3)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(narrowSelection(9, -1, 3)).toEqual([0, 1, 2, null, 6, 7, 8]);
    expect(narrowSelection(0)).toEqual([]);
  });
});
