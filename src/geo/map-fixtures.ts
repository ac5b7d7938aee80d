/**
 * Tiny hand-made geographies for the map tests (not used by pages): four square "districts" in two
 * regions across England, and a 2×2 grid of "LSOAs" with a two-LSOA footprint.
 */
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { topology } from 'topojson-server';
import type { Topology } from 'topojson-specification';
import type { BigLocalArea, LsoaProperties, Place } from '../data/schema.ts';
import { change, makeArea, makePlace } from '../charts/fixtures.ts';

/** A lon/lat square, wound clockwise (as d3 wants; the projection does not mind either way). */
function square(x0: number, y0: number, size: number): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [x0, y0],
        [x0, y0 + size],
        [x0 + size, y0 + size],
        [x0 + size, y0],
        [x0, y0],
      ],
    ],
  };
}

const shares = (vg: number, bad: number) => ({ very_good: vg, good: 34, fair: 100 - vg - 34 - bad, bad: bad * 0.7, very_bad: bad * 0.3 });

export const LAD_CHANGES: Record<string, [number, number]> = {
  // code: [very good change, bad-or-very-bad change]
  E06000001: [2.5, -0.6],
  E06000002: [0, 0],
  E06000003: [-1.2, 0.3],
  E06000004: [0.9, -0.1],
};

const LADS: [string, string, string, number, number][] = [
  ['E06000001', 'Northtown', 'E12000001', -2.5, 54],
  ['E06000002', 'Norbury & <Hill>', 'E12000001', -1.5, 54],
  ['E06000003', 'Southam', 'E12000008', -1.5, 51],
  ['E06000004', 'Eastleigh Vale', 'E12000008', 0.5, 51],
];

export function mapFixtures(): { topology: Topology; districts: Place[]; regions: Place[]; areas: BigLocalArea[] } {
  const fc: FeatureCollection<Polygon, { code: string; name: string; region: string }> = {
    type: 'FeatureCollection',
    features: LADS.map(([code, name, region, x, y]) => ({
      type: 'Feature',
      properties: { code, name, region },
      geometry: square(x, y, 1),
    })),
  };
  const districts = LADS.map(([code, name, region]) => {
    const [vg, bad] = LAD_CHANGES[code]!;
    const p = makePlace(code, name, change(shares(45, 6), shares(45 + vg, 6 + bad)));
    return { ...p, regionCode: region, regionName: region === 'E12000001' ? 'North East' : 'South East' };
  });
  const regions = [
    { ...makePlace('E12000001', 'North East', change(shares(45, 6), shares(46, 6))), regionCode: 'E12000001' },
    { ...makePlace('E12000008', 'South East', change(shares(45, 6), shares(46, 6))), regionCode: 'E12000008' },
  ];
  const h = change(shares(40, 8), shares(42, 7.5));
  const areas = [
    { ...makeArea(1, 'Tom & Jerry <b>', h, h), marker: [-2, 54.5] as [number, number], ladName: 'Northtown', regionCode: 'E12000001' },
    { ...makeArea(2, 'Southside', h, h), marker: [-1, 51.5] as [number, number], ladName: 'Southam', regionCode: 'E12000008' },
  ];
  return { topology: topology({ lads: fc }) as unknown as Topology, districts, regions, areas };
}

function lsoa(i: number, vg: number | null, inArea: boolean): LsoaProperties {
  return {
    lsoa21: `E0100000${i}`,
    name: `Northtown 00${i}A`,
    lad: 'E06000001',
    unit: `E0100000${i}`,
    area: inArea ? 'area-001' : null,
    residents2021: 1500,
    very_good_2011: 40,
    very_good_2021: vg === null ? 40 : 40 + vg,
    very_good_change: vg as number,
    bad_or_very_bad_2011: 8,
    bad_or_very_bad_2021: 7,
    bad_or_very_bad_change: -1,
  };
}

export function areaMapFixtures(): { area: BigLocalArea; lsoa: Topology; footprints: Topology } {
  const cells: [number, number, number | null, boolean][] = [
    [0, 0, 5.2, true],
    [1, 0, 0, true],
    [0, 1, -9, false],
    [1, 1, null, false],
  ];
  const lsoas: FeatureCollection<Polygon, LsoaProperties> = {
    type: 'FeatureCollection',
    features: cells.map(([cx, cy, vg, inside], i) => ({
      type: 'Feature',
      properties: lsoa(i + 1, vg, inside),
      geometry: square(-2 + cx * 0.01, 54.5 + cy * 0.01, 0.01),
    })),
  };
  const fp: Feature<Polygon, { code: string; name: string }> = {
    type: 'Feature',
    properties: { code: 'area-001', name: 'Tom & Jerry <b>' },
    geometry: { type: 'Polygon', coordinates: [[[-2, 54.5], [-2, 54.51], [-1.98, 54.51], [-1.98, 54.5], [-2, 54.5]]] },
  };
  const h = change(shares(40, 8), shares(42, 7.5));
  const area = {
    ...makeArea(1, 'Tom & Jerry <b>', h, h),
    ladName: 'Northtown',
    lsoa21: ['E01000001', 'E01000002'],
  };
  return {
    area,
    lsoa: topology({ lsoa: lsoas }) as unknown as Topology,
    footprints: topology({ footprints: { type: 'FeatureCollection', features: [fp] } as FeatureCollection }) as unknown as Topology,
  };
}
