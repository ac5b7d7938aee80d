/**
 * Map geometry: the 47 MB LSOA boundary file turned into small, simplified, quantised TopoJSON.
 *
 * One topology of all English LSOAs is built and simplified once, so that neighbouring shapes keep
 * shared borders; the district map, the per-district LSOA maps and the footprints are cut from it.
 */
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import { feature, merge } from 'topojson-client';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import type { AreaPolygon } from './footprints.ts';

/** Minimum triangle area (square degrees) kept by Visvalingam simplification, per use. */
export const SIMPLIFY = {
  /** LSOA maps of one district, drawn ~700 px wide over ~0.3°: sub-pixel detail goes. */
  lsoa: 2e-8,
  /** England by district, ~700 px over ~8°. */
  district: 4e-6,
  /** Big Local footprints, drawn over their district. */
  footprint: 1e-8,
} as const;

/** Quantisation: 1e4 steps across a file's extent is below a pixel at every size the site draws. */
const QUANTIZE = 1e4;

type PolygonFeature<P> = Feature<Polygon | MultiPolygon, P>;

function buildSimplified<P>(objects: Record<string, FeatureCollection<Polygon | MultiPolygon, P>>, minWeight: number): Topology {
  // Pre-quantising at 1e6 (≈ 1 m) lets the topology builder find shared borders exactly.
  const topo = topology(objects as never, 1e6);
  return simplify(presimplify(topo as never), minWeight) as unknown as Topology;
}

/** Rebuilds a compact topology from features, quantised for shipping. */
export function compactTopology<P>(objects: Record<string, FeatureCollection<Polygon | MultiPolygon, P>>): Topology {
  return topology(objects as never, QUANTIZE) as unknown as Topology;
}

export interface LsoaGeometryIndex {
  topology: Topology;
  /** LSOA code → its geometry object in `topology` (simplified at the LSOA level). */
  objectOf: Map<string, GeometryObject>;
}

/** One simplified topology of every LSOA, properties = the LSOA code. */
export function simplifiedLsoaTopology(features: AreaPolygon[], idOf: (f: AreaPolygon) => string): LsoaGeometryIndex {
  const fc: FeatureCollection<Polygon | MultiPolygon, { code: string }> = {
    type: 'FeatureCollection',
    features: features.map((f) => ({ type: 'Feature', properties: { code: idOf(f) }, geometry: f.geometry })),
  };
  const topo = buildSimplified({ lsoa: fc }, SIMPLIFY.lsoa);
  const objectOf = new Map<string, GeometryObject>();
  for (const g of (topo.objects.lsoa as GeometryCollection<{ code: string }>).geometries) objectOf.set((g.properties as { code: string }).code, g);
  return { topology: topo, objectOf };
}

/** Features for a set of LSOAs, with properties, from the shared simplified topology. */
export function lsoaFeatures<P>(index: LsoaGeometryIndex, codes: string[], props: (code: string) => P): FeatureCollection<Polygon | MultiPolygon, P> {
  return {
    type: 'FeatureCollection',
    features: codes.map((code) => {
      const f = feature(index.topology, index.objectOf.get(code)!) as unknown as PolygonFeature<unknown>;
      return { type: 'Feature', properties: props(code), geometry: f.geometry };
    }),
  };
}

/** Dissolves groups of LSOAs (districts, footprints) into one shape each. */
export function dissolve<P>(index: LsoaGeometryIndex, groups: Array<{ codes: string[]; properties: P }>): FeatureCollection<Polygon | MultiPolygon, P> {
  return {
    type: 'FeatureCollection',
    features: groups.map(({ codes, properties }) => ({
      type: 'Feature',
      properties,
      geometry: merge(index.topology as never, codes.map((c) => index.objectOf.get(c)!) as never) as MultiPolygon,
    })),
  };
}

/** England by district: dissolved, simplified again for a whole-country view, quantised. */
export function districtTopology<P>(index: LsoaGeometryIndex, districts: Array<{ codes: string[]; properties: P }>): Topology {
  const dissolved = dissolve(index, districts);
  const simplified = buildSimplified({ lads: dissolved }, SIMPLIFY.district);
  return requantize(simplified, { lads: 'lads' });
}

/** Re-emits a simplified topology's objects as a compact, quantised topology. */
function requantize(topo: Topology, names: Record<string, string>): Topology {
  const objects: Record<string, FeatureCollection<Polygon | MultiPolygon, unknown>> = {};
  for (const [from, to] of Object.entries(names)) {
    objects[to] = feature(topo, topo.objects[from]!) as unknown as FeatureCollection<Polygon | MultiPolygon, unknown>;
  }
  return compactTopology(objects);
}

/** The footprints as drawn: the source polygons themselves, lightly simplified. */
export function footprintTopology<P>(footprints: FeatureCollection<Polygon | MultiPolygon, P>): Topology {
  return requantize(buildSimplified({ footprints }, SIMPLIFY.footprint), { footprints: 'footprints' });
}
