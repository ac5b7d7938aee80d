/**
 * The assembly on a small world built by hand, with answers worked out by hand:
 *
 *   districts  E06000001 Alphaton and E06000002 Betaford (region North East), E06000003 Gammaby (North West)
 *   units      U1 = A1            Alphaton  decile 1     U5 = C1            Gammaby   decile 1
 *              U2 = A2 + A3       Alphaton  decile 1     U6 = D1 + D2 + D3  Gammaby   decile 1
 *              U3 = B1            Betaford  decile 1     U7 = E1            Alphaton  decile 2
 *              U4 = B2            Betaford  decile 2     (A3 itself lies in Betaford)
 *   footprints "north" lists A1, A2, B2: U1, U2 (half its LSOAs) and U4;
 *              "south" lists C1, D1: U5, and U6 only partly (one LSOA of three).
 */
import { describe, expect, it } from 'vitest';
import { feature } from 'topojson-client';
import type { FeatureCollection } from 'geojson';
import {
  areaRecords,
  compareAreas,
  districtMapInputs,
  footprintGroups,
  footprintOrder,
  footprintPolygonMap,
  lsoaMapPlan,
  lsoaProperties,
  placeFootprints,
  places,
  siteSummary,
  summaryOf,
  tableFiles,
  type Footprints,
} from './assemble.ts';
import { InputError } from './read-tables.ts';
import { AREA_CSV_COLUMNS } from './csv-text.ts';
import type { FootprintSource, LsoaPoint } from './footprints.ts';
import type { AreaListRow, LadInfo, LsoaLookupRow } from './inputs.ts';
import type { ComparisonUnit, UnitIndex } from './units.ts';
import type { HealthCounts, Robustness, Summary } from '../../src/data/schema.ts';

const [L1, L2, L3] = ['E06000001', 'E06000002', 'E06000003'];
const lads = new Map<string, LadInfo>([
  [L1, { code: L1, name: 'Alphaton', regionCode: 'E12000001', regionName: 'North East' }],
  [L2, { code: L2, name: 'Betaford', regionCode: 'E12000001', regionName: 'North East' }],
  [L3, { code: L3, name: 'Gammaby', regionCode: 'E12000002', regionName: 'North West' }],
]);
const LSOA = {
  A1: 'E01000011', A2: 'E01000012', A3: 'E01000013', B1: 'E01000021', B2: 'E01000022',
  C1: 'E01000031', D1: 'E01000041', D2: 'E01000042', D3: 'E01000043', E1: 'E01000051',
} as const;
const lsoaLad: Record<string, string> = {
  [LSOA.A1]: L1, [LSOA.A2]: L1, [LSOA.A3]: L2, [LSOA.B1]: L2, [LSOA.B2]: L2,
  [LSOA.C1]: L3, [LSOA.D1]: L3, [LSOA.D2]: L3, [LSOA.D3]: L3, [LSOA.E1]: L1,
};

/** Counts with residents first, then very good, good, fair, bad, very bad. */
const c = (residents: number, very_good: number, good: number, fair: number, bad: number, very_bad: number): HealthCounts => ({ residents, very_good, good, fair, bad, very_bad });
const unit = (lsoa21: string[], lad: string, imdDecile: number, counts2011: HealthCounts, counts2021: HealthCounts): ComparisonUnit => ({
  id: lsoa21[0]!,
  lsoa11: lsoa21.map((code) => code.replace('E0100', 'E0109')),
  lsoa21,
  lad,
  counts2011,
  counts2021,
  imdDecile,
  imdScore: 50 - 4 * imdDecile,
});
const U1 = unit([LSOA.A1], L1, 1, c(100, 50, 30, 10, 8, 2), c(100, 60, 25, 10, 4, 1));
const U2 = unit([LSOA.A2, LSOA.A3], L1, 1, c(200, 100, 50, 30, 15, 5), c(200, 110, 50, 25, 10, 5));
const U3 = unit([LSOA.B1], L2, 1, c(150, 60, 50, 25, 10, 5), c(160, 70, 50, 25, 10, 5));
const U4 = unit([LSOA.B2], L2, 2, c(100, 40, 30, 20, 5, 5), c(250, 100, 80, 40, 20, 10));
const U5 = unit([LSOA.C1], L3, 1, c(300, 120, 100, 50, 20, 10), c(200, 90, 60, 30, 15, 5));
const U6 = unit([LSOA.D1, LSOA.D2, LSOA.D3], L3, 1, c(90, 30, 30, 20, 5, 5), c(90, 40, 25, 15, 5, 5));
const U7 = unit([LSOA.E1], L1, 2, c(400, 200, 100, 60, 30, 10), c(400, 180, 120, 60, 30, 10));
const units = [U1, U2, U3, U4, U5, U6, U7];
const index: UnitIndex = {
  units,
  unitOfLsoa21: new Map(units.flatMap((u) => u.lsoa21.map((code) => [code, u] as const))),
  // B1 has no name in the lookup, so its map properties fall back to its code.
  lsoa21Names: new Map(Object.entries(LSOA).filter(([k]) => k !== 'B1').map(([k, code]) => [code, `Name ${k}`])),
  lsoa21Lad: new Map(Object.entries(lsoaLad)),
  ladNames: new Map([...lads.values()].map((l) => [l.code, l.name])),
};
/** 2021 residents of each LSOA; a unit's LSOAs share its residents. */
const lsoa21Counts = new Map(units.flatMap((u) => u.lsoa21.map((code) => [code, { ...u.counts2021, residents: u.counts2021.residents / u.lsoa21.length }] as const)));
const points: LsoaPoint[] = Object.values(LSOA).map((code, i) => ({ code, point: [i * 0.01, 50] }));

const source: FootprintSource = {
  file: '/raw/biglocal/big_local_area_lsoas.csv',
  kind: 'lsoa-list',
  areas: new Map([
    ['south', { name: 'South', marker: null }],
    ['north', { name: 'North', marker: null }],
  ]),
  lsoaLists: new Map([
    ['south', { codes: [LSOA.C1, LSOA.D1], line: 2 }],
    ['north', { codes: [LSOA.A1, LSOA.A2, LSOA.B2], line: 4 }],
  ]),
};
const place = () => placeFootprints(source, points, index, lads, '/raw/geography/lsoa21_boundaries_england.geojson');

/** Intervals twice as wide about the same estimates: the placebo test's widening, in small. */
const widened = (byMeasure: Record<string, { estimate: number; lower: number; upper: number }>) =>
  Object.fromEntries(Object.entries(byMeasure).map(([m, v]) => [m, { estimate: v.estimate, lower: v.estimate - 2 * (v.estimate - v.lower), upper: v.estimate + 2 * (v.upper - v.estimate) }])) as Summary['differenceInDifferences'];

describe('placeFootprints', () => {
  const footprints = place();

  it("joins a unit when at least half its LSOAs are listed, and keeps the footprint file's order", () => {
    expect([...footprints.unitsOf].map(([code, us]) => [code, us.map((u) => u.id)])).toEqual([
      ['south', [U5.id]],
      ['north', [U1.id, U2.id, U4.id]],
    ]);
    expect([...footprints.partial]).toEqual([U6.id]);
    expect(Object.fromEntries(footprints.areaOfUnit)).toEqual({ [U1.id]: 'north', [U2.id]: 'north', [U4.id]: 'north', [U5.id]: 'south' });
  });

  it('gives each area all the LSOAs of its units, sorted', () => {
    expect(footprints.lsoa21Of.get('north')).toEqual([LSOA.A1, LSOA.A2, LSOA.A3, LSOA.B2]);
    expect(footprints.lsoa21Of.get('south')).toEqual([LSOA.C1]);
  });

  it('puts an area in the district holding most of its 2021 residents, not most of its units', () => {
    // North: Alphaton holds U1 and U2 (100 + 200 residents in 2021), Betaford U4 (250).
    expect(footprints.districtOf.get('north')!.code).toBe(L1);
    expect(footprints.districtOf.get('south')!.code).toBe(L3);
    const moreInBetaford = placeFootprints({ ...source, lsoaLists: new Map([['north', { codes: [LSOA.A1, LSOA.B2], line: 4 }], ['south', { codes: [LSOA.C1], line: 2 }]]) }, points, index, lads, 'b.geojson');
    // Now Alphaton holds only U1 (100) against Betaford's U4 (250), though each has one unit.
    expect(moreInBetaford.districtOf.get('north')!.code).toBe(L2);
  });

  it('refuses a boundary for an LSOA that is not in the lookup, naming the boundary file', () => {
    const stray = [...points, { code: 'E01009999', point: [1, 50] as [number, number] }];
    expect(() => placeFootprints(source, stray, index, lads, '/raw/geography/lsoa21_boundaries_england.geojson')).toThrow(InputError);
    expect(() => placeFootprints(source, stray, index, lads, '/raw/geography/lsoa21_boundaries_england.geojson')).toThrow(
      /lsoa21_boundaries_england\.geojson, column LSOA21CD: boundary for LSOA E01009999, which is not in the lookup/,
    );
  });
});

describe('footprintOrder', () => {
  it("sorts by the footprint's name, else the area list's, else the code; then by code", () => {
    const areas: FootprintSource['areas'] = new Map([
      ['zed', { name: 'Éclair', marker: null }],
      ['b-two', { name: 'Beta', marker: null }],
      ['b-one', { name: 'Beta', marker: null }],
      ['listed', { name: '', marker: null }],
      ['aaa-no-name', { name: '', marker: null }],
    ]);
    const areaList = new Map([['listed', { name: 'Delta' }]]);
    expect(footprintOrder(areas, areaList)).toEqual([
      { code: 'aaa-no-name', name: 'aaa-no-name' },
      { code: 'b-one', name: 'Beta' },
      { code: 'b-two', name: 'Beta' },
      { code: 'listed', name: 'Delta' },
      // An accented capital sorts with its letter, not after Z.
      { code: 'zed', name: 'Éclair' },
    ]);
  });
});

describe('the maps', () => {
  const footprints = place();
  const order = footprintOrder(source.areas, new Map());

  it('gives the worker each LSOA district and every district with its region', () => {
    const rows = [{ lsoa21: LSOA.A1, lad: L1 }, { lsoa21: LSOA.B1, lad: L2 }] as LsoaLookupRow[];
    expect(districtMapInputs(rows, lads)).toEqual({
      ladOf: { [LSOA.A1]: L1, [LSOA.B1]: L2 },
      properties: {
        [L1]: { code: L1, name: 'Alphaton', region: 'E12000001' },
        [L2]: { code: L2, name: 'Betaford', region: 'E12000001' },
        [L3]: { code: L3, name: 'Gammaby', region: 'E12000002' },
      },
    });
  });

  it("maps each area's district whole, with the area's LSOAs across its border, and no other district", () => {
    const plan = lsoaMapPlan(points.map((p) => p.code), index.lsoa21Lad, footprints);
    expect(plan).toEqual([
      // North's district, Alphaton: A1, A2, E1; and A3 and B2 from Betaford, which are north's.
      { code: L1, codes: [LSOA.A1, LSOA.A2, LSOA.A3, LSOA.B2, LSOA.E1] },
      { code: L3, codes: [LSOA.C1, LSOA.D1, LSOA.D2, LSOA.D3] },
    ]);
  });

  it("keeps to the boundary file's LSOAs, but always maps an area's own", () => {
    const boundary = points.map((p) => p.code).filter((code) => code !== LSOA.E1 && code !== LSOA.A2);
    expect(lsoaMapPlan(boundary, index.lsoa21Lad, footprints)[0]).toEqual({ code: L1, codes: [LSOA.A1, LSOA.A2, LSOA.A3, LSOA.B2] });
  });

  it("gives each mapped LSOA its own district and residents, and its unit's shares and area", () => {
    const plan = lsoaMapPlan(points.map((p) => p.code), index.lsoa21Lad, footprints);
    const properties = lsoaProperties(plan, index, lsoa21Counts, footprints.areaOfUnit);
    expect(Object.keys(properties).sort()).toEqual([LSOA.A1, LSOA.A2, LSOA.A3, LSOA.B2, LSOA.C1, LSOA.D1, LSOA.D2, LSOA.D3, LSOA.E1]);
    expect(properties[LSOA.A3]).toEqual({
      lsoa21: LSOA.A3,
      name: 'Name A3',
      lad: L2,
      unit: U2.id,
      area: 'north',
      residents2021: 100,
      // U2: very good 100 of 200 in 2011, 110 of 200 in 2021; bad or very bad 20, then 15.
      very_good_2011: 50,
      very_good_2021: 55,
      very_good_change: 5,
      bad_or_very_bad_2011: 10,
      bad_or_very_bad_2021: 7.5,
      bad_or_very_bad_change: -2.5,
    });
    expect(properties[LSOA.D2]).toMatchObject({ unit: U6.id, area: null, residents2021: 30 });
    expect(properties[LSOA.E1]).toMatchObject({ unit: U7.id, area: null, very_good_change: -5 });
    // B1 has no name in the lookup: its properties take its code.
    const b1 = lsoaProperties([{ code: L2, codes: [LSOA.B1] }], index, lsoa21Counts, footprints.areaOfUnit);
    expect(b1[LSOA.B1]).toMatchObject({ name: LSOA.B1, lad: L2, area: null });
  });

  it('leaves the footprint map to the worker for LSOA lists, giving it the groups in order', () => {
    expect(footprintPolygonMap(source, order)).toBeNull();
    expect(footprintGroups(source, order, footprints)).toEqual([
      { codes: [LSOA.A1, LSOA.A2, LSOA.A3, LSOA.B2], properties: { code: 'north', name: 'North' } },
      { codes: [LSOA.C1], properties: { code: 'south', name: 'South' } },
    ]);
  });

  it('draws the footprint map from polygons, in the given order, and gives the worker no groups', () => {
    const square = (x: number) => ({ type: 'Polygon' as const, coordinates: [[[x, 50], [x + 0.01, 50], [x + 0.01, 50.01], [x, 50.01], [x, 50]]] });
    const polygons: FootprintSource = {
      file: 'areas.geojson',
      kind: 'polygons',
      areas: source.areas,
      polygons: new Map([
        ['south', { type: 'Feature', properties: {}, geometry: square(0.1) }],
        ['north', { type: 'Feature', properties: {}, geometry: square(0) }],
      ]),
    };
    const map = footprintPolygonMap(polygons, order)!;
    const features = (feature(map, map.objects.footprints!) as unknown as FeatureCollection).features;
    expect(features.map((f) => f.properties)).toEqual([{ code: 'north', name: 'North' }, { code: 'south', name: 'South' }]);
    expect(footprintGroups(polygons, order, footprints)).toBeNull();
  });
});

describe('compareAreas', () => {
  const footprints = place();
  const comparison = compareAreas(units, footprints, lads, 'lookup_lad21_region21_england.csv');
  const north = comparison.figures.get('north')!;
  const south = comparison.figures.get('south')!;

  it("matches each area's 2011 residents by region and decile among the units in no footprint", () => {
    // North, region North East: decile 1 holds 300 residents (U1, U2) against U3's 150, so U3 counts
    // twice; decile 2 holds 100 (U4) against U7's 400, so U7 counts a quarter.
    expect(north.comparator.counts2011).toEqual(c(400, 170, 125, 65, 27.5, 12.5));
    expect(north.comparator.counts2021).toEqual(c(420, 185, 130, 65, 27.5, 12.5));
    // South, North West decile 1: U6 is there but only partly in a footprint, so it is no comparator;
    // the same decile nationally (U3) stands in, twice over for 300 residents.
    expect(south.comparator.counts2011).toEqual(c(300, 120, 100, 50, 20, 10));
    expect(south.comparator.counts2021).toEqual(c(320, 140, 100, 50, 20, 10));
  });

  it("sums each area's own units, and England from every unit", () => {
    expect(north.own.counts2011.residents).toBe(400);
    expect(north.units.map((u) => u.id)).toEqual([U1.id, U2.id, U4.id]);
    expect([...comparison.figures.keys()]).toEqual(['south', 'north']);
    expect(comparison.groups.england.counts2011.residents).toBe(1340);
    expect(comparison.groups.big_local.counts2021.residents).toBe(750);
    expect(comparison.groups.similar_areas.counts2021.residents).toBe(740);
  });

  it('estimates the difference in differences from the areas together, inside its interval', () => {
    // Very good: Big Local 360/750 − 310/700, similar areas 325/740 − 290/700, in points.
    const pp = (a: number, b: number) => (100 * a) / b;
    const expected = pp(360, 750) - pp(310, 700) - (pp(325, 740) - pp(290, 700));
    const d = comparison.differenceInDifferences.very_good;
    expect(d.estimate).toBeCloseTo(expected, 3);
    expect(d.lower).toBeLessThanOrEqual(d.estimate);
    expect(d.upper).toBeGreaterThanOrEqual(d.estimate);
  });
});

describe('areaRecords, places and the summary', () => {
  const footprints: Footprints = place();
  const comparison = compareAreas(units, footprints, lads, 'lookup_lad21_region21_england.csv');
  const order = footprintOrder(source.areas, new Map());
  const listed = new Map<string, AreaListRow>([
    ['north', { code: 'north', name: 'North', wave: 1, confidence: 'high', method: 'described', evidence: 'Named estates', sourceUrls: ['https://example.org/n'], lsoa21: [], line: 2 }],
    ['south', { code: 'south', name: 'South', wave: 2, confidence: 'guessed', method: 'locator', evidence: '', sourceUrls: [], lsoa21: [], line: 3 }],
  ]);
  const records = (official: boolean) => areaRecords(order, { footprints: source, official, areaList: listed }, footprints, comparison.figures, points);

  it('takes the area list notes for approximate footprints, in name order, with district and region', () => {
    const [north, south] = records(false);
    expect(north).toMatchObject({
      code: 'north', name: 'North', ladCode: L1, ladName: 'Alphaton', regionCode: 'E12000001', regionName: 'North East',
      wave: 1, confidence: 'high', method: 'described', evidence: 'Named estates', sourceUrls: ['https://example.org/n'],
      lsoa21: [LSOA.A1, LSOA.A2, LSOA.A3, LSOA.B2], units: [U1.id, U2.id, U4.id],
    });
    expect(north!.health.counts2011.residents).toBe(400);
    expect(north!.comparator.counts2021.residents).toBe(420);
    // A confidence that is no level of the schema's is unknown.
    expect(south).toMatchObject({ code: 'south', confidence: 'unknown', method: 'locator' });
  });

  it("drops the notes on approximate matching for official boundaries, and marks an LSOA list's area at its first LSOA", () => {
    const [north] = records(true);
    expect(north).toMatchObject({ wave: 1, confidence: 'official', method: 'official', evidence: '', sourceUrls: [] });
    expect(north!.marker).toEqual(points.find((p) => p.code === LSOA.A1)!.point);
  });

  it('lists every district and region by code, with its units and the areas in it', () => {
    const { districts, regions } = places(units, lads, footprints.areaOfUnit);
    expect(districts.map((d) => [d.code, d.name, d.regionName, d.units, d.bigLocalAreas])).toEqual([
      [L1, 'Alphaton', 'North East', 3, ['north']],
      [L2, 'Betaford', 'North East', 2, ['north']],
      [L3, 'Gammaby', 'North West', 2, ['south']],
    ]);
    expect(regions.map((r) => [r.code, r.name, r.regionCode, r.units, r.bigLocalAreas])).toEqual([
      ['E12000001', 'North East', 'E12000001', 5, ['north']],
      ['E12000002', 'North West', 'E12000002', 2, ['south']],
    ]);
    expect(districts[0]!.health.counts2011.residents).toBe(700);
  });

  it('counts the footprints by confidence, and their units and LSOAs', () => {
    const areas = records(false);
    const summary = summaryOf(comparison, areas, { footprintFile: source.file, unitsInFootprints: footprints.areaOfUnit.size, englandUnits: 7, lsoa11: 10, lsoa21: 10 });
    expect(summary.footprints).toEqual({
      source: 'big_local_area_lsoas.csv',
      areas: 2,
      units: 4,
      lsoa21: 5,
      byConfidence: { high: 1, medium: 0, low: 0, official: 0, unknown: 1 },
    });
    expect(summary.england).toEqual({ units: 7, lsoa11: 10, lsoa21: 10 });
    expect(summary.groups).toBe(comparison.groups);

    const interval = { estimate: 0.1, lower: -0.2, upper: 0.4 };
    const both = <T>(v: T) => ({ very_good: v, bad_or_very_bad: v });
    const robustness: Robustness = {
      specifications: [{ specification: 'main', label: 'Main', group: 'comparator', measure: 'very_good', ...interval, areas: 2, bootstrapLower: -0.1, bootstrapUpper: 0.3 }],
      placebo: { sets: 2, seed: 1, measures: both({ real: 0.1, mean: 0, sd: 0.2, percentile: 50, p: 0.9, interval }), draws: both([0.25, -0.125]) },
      coverage: { sets: 2, replicates: 9, excludesZeroPct: both(0) },
      growthBands: [],
      intervals: { method: 'placebo', sets: 2, ...widened(summary.differenceInDifferences) },
      areaDifferences: both({ mean: 0, median: 0, above: 1, below: 1, equal: 0 }),
    };
    const site = siteSummary(summary, robustness.intervals);
    // The site's intervals are the placebo test's; the bootstrap's are kept beside them.
    expect(site.differenceInDifferences).toEqual(widened(summary.differenceInDifferences));
    expect(site.bootstrapDifferenceInDifferences).toEqual(summary.differenceInDifferences);
    expect(site.interval).toEqual({ method: 'placebo', sets: 2 });
    expect(() => siteSummary(summary, { ...robustness.intervals, very_good: { estimate: 9, lower: 8, upper: 10 } })).toThrow(/not around the summary's estimate/);
    const files = tableFiles({ summary: site, areas, districts: [], regions: [] }, robustness, units, lads, footprints.areaOfUnit);
    expect([...files.keys()]).toEqual([
      'robustness.json', 'public/robustness.csv', 'public/placebo.csv',
      'summary.json', 'areas.json', 'districts.json', 'regions.json', 'public/big-local-areas.csv', 'public/summary.csv', 'public/units.csv',
    ]);
    expect(files.get('public/robustness.csv')).toBe('specification,label,group,measure,estimate_pp,lower_pp,upper_pp,areas,bootstrap_lower_pp,bootstrap_upper_pp\nmain,Main,comparator,very_good,0.1000,-0.2000,0.4000,2,-0.1000,0.3000\n');
    expect(files.get('public/placebo.csv')).toBe('draw,very_good_did_pp,bad_or_very_bad_did_pp\n1,0.2500,0.2500\n2,-0.1250,-0.1250\n');
    expect(JSON.parse(files.get('areas.json')!)).toEqual(areas);
    expect(files.get('public/big-local-areas.csv')!.split('\n')[0]).toBe(AREA_CSV_COLUMNS.join(','));
    // Each unit once, with its area where it has one.
    const unitRows = files.get('public/units.csv')!.trim().split('\n').slice(1).map((line) => line.split(','));
    expect(unitRows.map((r) => [r[0], r[6]])).toEqual(units.map((u) => [u.id, footprints.areaOfUnit.get(u.id) ?? '']));
  });
});
