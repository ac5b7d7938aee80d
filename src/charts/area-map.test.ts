import { describe, expect, it } from 'vitest';
import * as chart from './area-map.ts';
import { DIVERGING, MISSING_COLOUR, NEUTRAL_COLOUR } from './map-scale.ts';
import { areaMapFixtures } from '../geo/map-fixtures.ts';
import { parseSvg } from './test-helpers.ts';

const data = areaMapFixtures();
const state = { area: data.area.code, measure: 'very_good' } as const;

describe('area-map', () => {
  it('renders a well-formed, labelled SVG with one path per LSOA and the footprint outlined', () => {
    const svg = chart.render(data, state, { width: 375 }, { idPrefix: 'am' });
    const els = parseSvg(svg);
    expect(els[0]!.attrs.role).toBe('img');
    expect(svg).toContain('Tom &amp; Jerry &lt;b&gt;');
    const lsoaFills = els.filter((e) => e.name === 'path' && e.attrs.fill && e.attrs.fill !== 'none').map((e) => e.attrs.fill);
    expect(lsoaFills).toEqual([DIVERGING[5], NEUTRAL_COLOUR, DIVERGING[0], MISSING_COLOUR]);
    expect(svg).toMatch(/class="amap-footprint"/);
    expect(svg).toContain('No data');
    expect(svg).toContain('approximate footprint');
  });

  it('draws the same map again from its cache, and a different footprint on the same topology anew', () => {
    const first = chart.render(data, state, { width: 375 });
    expect(chart.render(data, state, { width: 375 })).toBe(first);
    expect(chart.render(areaMapFixtures(), state, { width: 375 })).toBe(first); // fresh, equal topologies
    // Another footprint (one LSOA, not tagged with its code) on the same topology objects.
    const other = { ...data, area: { ...data.area, code: 'area-002', lsoa21: ['E01000003'] } };
    const outline = (svg: string) => /class="amap-footprint"[^>]*><path d="([^"]+)"/.exec(svg)?.[1];
    expect(outline(first)).toBeDefined();
    expect(outline(chart.render(other, { ...state, area: 'area-002' }, { width: 375 }))).not.toBe(outline(first));
    expect(outline(chart.render(data, state, { width: 375 }))).toBe(outline(first));
  });

  it('rejects a state for another area', () => {
    expect(() => chart.render(data, { area: 'other', measure: 'very_good' }, { width: 375 })).toThrow(/other/);
  });

  it('lists the footprint LSOAs first in the table and summarises both parts', () => {
    const t = chart.tableRows(data, state);
    expect(t.rows.map((r) => r[1])).toEqual(['Yes', 'Yes', 'No', 'No']);
    expect(t.rows[0]).toEqual(['Northtown 001A (E01000001)', 'Yes', 40, 45.2, 5.2]);
    const s = chart.summary(data, state);
    expect(s).toContain('3 neighbourhoods');
    expect(s).toContain('from 0.0 pp to +5.2 pp');
  });

  it('calls an official boundary a boundary, not an approximate footprint', () => {
    const official = { ...data, area: { ...data.area, confidence: 'official' as const } };
    expect(chart.title(official, state)).toMatch(/with Tom & Jerry <b>’s boundary$/);
    expect(chart.render(official, state, { width: 375 })).not.toContain('approximate');
    expect(chart.title(data, state)).toMatch(/’s approximate footprint$/);
  });

  it('says "in and around" the district when the footprint crosses into a neighbouring one', () => {
    expect(chart.title(data, state)).toContain('by neighbourhood in Northtown, 2011');
    expect(chart.summary(data, state)).toContain('elsewhere in the district');
    const crossing = structuredClone(data);
    const lsoas = (crossing.lsoa.objects.lsoa as unknown as { geometries: Array<{ properties: { lsoa21: string; lad: string } }> }).geometries;
    lsoas.find((g) => g.properties.lsoa21 === 'E01000002')!.properties.lad = 'E07000099';
    expect(chart.title(crossing, state)).toContain('by neighbourhood in and around Northtown, 2011');
    expect(chart.summary(crossing, state)).toContain('mapped in and around Northtown');
    expect(chart.summary(crossing, state)).toContain('elsewhere on the map');
  });
});
