import { describe, expect, it } from 'vitest';
import * as chart from './england-map.ts';
import { DIVERGING, NEUTRAL_COLOUR } from './map-scale.ts';
import { mapFixtures } from '../geo/map-fixtures.ts';
import { byClass, parseSvg } from './test-helpers.ts';

const data = mapFixtures();

describe('england-map', () => {
  it('renders a well-formed SVG with every district and every area, names escaped', () => {
    const svg = chart.render(data, chart.defaultState, { width: 400 }, { idPrefix: 'em' });
    const els = parseSvg(svg);
    expect(byClass(els, 'emap-lad')).toHaveLength(4);
    expect(byClass(els, 'emap-marker')).toHaveLength(2);
    expect(svg).toContain('Tom &amp; Jerry &lt;b&gt;');
    expect(svg).toContain('Norbury &amp; &lt;Hill&gt;');
    expect(svg).not.toContain('<b>');
  });

  it('is a group, not an image, so the marker links stay reachable; each marker is a named link', () => {
    const els = parseSvg(chart.render(data, chart.defaultState, { width: 400 }, { idPrefix: 'em' }));
    expect(els[0]!.attrs.role).toBe('group');
    expect(els[0]!.attrs['aria-labelledby']).toBe('em-title');
    for (const m of byClass(els, 'emap-marker')) {
      expect(m.name).toBe('a');
      expect(m.attrs.href).toMatch(/^\/areas\/area-00\d\/$/);
      expect(m.attrs['aria-label']).toMatch(/very good health [+−]\d+\.\d pp, bad or very bad health/);
    }
  });

  it('colours districts by the state measure, 0 neutral, and keeps both classes for the toggle', () => {
    const vg = parseSvg(chart.render(data, { measure: 'very_good' }, { width: 400 }));
    const fill = (els: ReturnType<typeof parseSvg>, code: string) => byClass(els, 'emap-lad').find((e) => e.attrs['data-code'] === code)!;
    expect(fill(vg, 'E06000001').attrs.fill).toBe(DIVERGING[6]); // +2.5
    expect(fill(vg, 'E06000002').attrs.fill).toBe(NEUTRAL_COLOUR); // 0
    expect(fill(vg, 'E06000003').attrs.fill).toBe(DIVERGING[1]); // −1.2
    expect(fill(vg, 'E06000001').attrs['data-k-very_good']).toBe('6');
    expect(fill(vg, 'E06000001').attrs['data-k-bad_or_very_bad']).toBe('1'); // −0.6
    const bad = parseSvg(chart.render(data, { measure: 'bad_or_very_bad' }, { width: 400 }));
    // A fall of 0.6 pp in bad health is healthier: blue.
    expect(fill(bad, 'E06000001').attrs.fill).toBe(DIVERGING[5]);
  });

  it('shows the legend of the state measure and hides the other', () => {
    const els = parseSvg(chart.render(data, { measure: 'bad_or_very_bad' }, { width: 400 }));
    const legends = byClass(els, 'map-legend');
    expect(legends.map((l) => [l.attrs['data-measure'], l.attrs.display])).toEqual([
      ['very_good', 'none'],
      ['bad_or_very_bad', undefined],
    ]);
    const none = parseSvg(chart.render(data, chart.defaultState, { width: 400 }, { legend: false }));
    expect(byClass(none, 'map-legend')).toHaveLength(0);
  });

  it('fits the map to the width and gives each region a box inside it', () => {
    const svg = chart.render(data, chart.defaultState, { width: 400 });
    const frame = byClass(parseSvg(svg), 'emap-frame')[0]!;
    expect(Number(frame.attrs.width)).toBe(400);
    const boxes = chart.regionBoxes(data, { width: 400 });
    expect(boxes.map((b) => b.name)).toEqual(['North East', 'South East']);
    const h = Number(frame.attrs.height);
    for (const { box } of boxes) {
      expect(box[0]).toBeGreaterThanOrEqual(0);
      expect(box[0] + box[2]).toBeLessThanOrEqual(400.1);
      expect(box[1] + box[3]).toBeLessThanOrEqual(h + 0.1);
    }
  });

  it('tabulates every district and summarises in words that match the numbers', () => {
    const t = chart.tableRows(data, chart.defaultState);
    expect(t.rows).toHaveLength(4);
    expect(t.columns).toContain('Change (pp)');
    const s = chart.summary(data, chart.defaultState);
    // The fourth district's change rounds to 0.0: the counts add up to the whole.
    expect(s).toContain('rose in 2 of 4 local authorities, fell in 1 and changed by less than 0.05 points in 1.');
    expect(s).toContain('from −1.2 pp in Southam to +2.5 pp in Northtown');
    expect(s).toMatch(/approximate/);
    expect(s).toContain(`The ${data.areas.length} Big Local areas are marked`);
    const official = { ...data, areas: data.areas.map((a) => ({ ...a, confidence: 'official' as const })) };
    expect(chart.summary(official, chart.defaultState)).not.toMatch(/approximate/);
    expect(chart.title(official, chart.defaultState)).toContain(`with the ${data.areas.length} Big Local areas`);
  });

  it('tabulates both measures in one table, each block equal to that measure\'s own table', () => {
    const both = chart.tableRowsAllMeasures(data);
    const vg = chart.tableRows(data, { measure: 'very_good' });
    const bad = chart.tableRows(data, { measure: 'bad_or_very_bad' });
    expect(both.columns).toEqual([...vg.columns.slice(0, 5), ...vg.columns.slice(2, 5), vg.columns[5]]);
    expect(both.groups).toEqual([
      { span: 2 },
      { label: 'Very good health', span: 3 },
      { label: 'Bad or very bad health', span: 3 },
      { span: 1 },
    ]);
    expect(vg.groups).toBeUndefined();
    both.rows.forEach((row, i) => {
      expect(row.slice(0, 2)).toEqual(vg.rows[i]!.slice(0, 2));
      expect(row.slice(2, 5)).toEqual(vg.rows[i]!.slice(2, 5));
      expect(row.slice(5, 8)).toEqual(bad.rows[i]!.slice(2, 5));
      expect(row[8]).toBe(vg.rows[i]![5]);
    });
    // The two measures differ somewhere, so the blocks really are per measure.
    expect(both.rows.some((r) => r[4] !== r[7])).toBe(true);
  });
});

describe('england-map hit areas', () => {
  const area = (poly: [number, number][]) =>
    Math.abs(poly.reduce((s, [x1, y1], i) => {
      const [x2, y2] = poly[(i + 1) % poly.length]!;
      return s + x1 * y2 - x2 * y1;
    }, 0)) / 2;
  const inside = (poly: [number, number][], [x, y]: [number, number]) => {
    let c = false;
    for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
      const [xi, yi] = poly[i]!;
      const [xj, yj] = poly[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
    }
    return c;
  };

  it('clips a polygon to a convex one', () => {
    const square: [number, number][] = [[0, 0], [10, 0], [10, 10], [0, 10]];
    const half: [number, number][] = [[5, -5], [20, -5], [20, 20], [5, 20]];
    expect(area(chart.clipConvex(square, half))).toBeCloseTo(50, 9);
    expect(chart.clipConvex(square, [[20, 20], [30, 20], [30, 30]])).toEqual([]);
  });

  it('gives a lone point a full circle and splits two close points at the midline', () => {
    const [lone] = chart.hitAreas([[50, 50]], 20, [0, 0, 100, 100]);
    // A 24-gon inside a circle of radius 20: close to π·20².
    expect(area(lone!)).toBeGreaterThan(0.97 * Math.PI * 400);
    const [a, b] = chart.hitAreas([[40, 50], [46, 50]], 20, [0, 0, 100, 100]);
    expect(Math.max(...a!.map((p) => p[0]))).toBeCloseTo(43, 9);
    expect(Math.min(...b!.map((p) => p[0]))).toBeCloseTo(43, 9);
    expect(inside(a!, [41, 50])).toBe(true);
    expect(inside(a!, [45, 50])).toBe(false);
    // A point at the same place as another has no cell of its own.
    expect(chart.hitAreas([[10, 10], [10, 10]], 20, [0, 0, 100, 100])[1]).toBeNull();
  });

  it('draws an invisible hit path in each marker, around its dot', () => {
    const els = parseSvg(chart.render(data, chart.defaultState, { width: 400 }));
    const markers = byClass(els, 'emap-marker');
    const hits = byClass(els, 'emap-hit');
    expect(hits).toHaveLength(markers.length);
    for (const h of hits) {
      expect(h.attrs['fill-opacity']).toBe('0');
      expect(h.attrs.stroke).toBe('none');
      expect(h.attrs.d).toMatch(/^M[\d.,L-]+Z$/);
    }
  });
});
