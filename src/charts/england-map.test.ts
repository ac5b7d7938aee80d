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
    expect(s).toContain('rose in 2 of 4 local authorities and fell in 1');
    expect(s).toContain('from −1.2 pp in Southam to +2.5 pp in Northtown');
    expect(s).toMatch(/approximate/);
    expect(s).toContain(`The ${data.areas.length} Big Local areas are marked`);
    const official = { ...data, areas: data.areas.map((a) => ({ ...a, confidence: 'official' as const })) };
    expect(chart.summary(official, chart.defaultState)).not.toMatch(/approximate/);
    expect(chart.title(official, chart.defaultState)).toContain(`with the ${data.areas.length} Big Local areas`);
  });
});
