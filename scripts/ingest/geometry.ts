/**
 * Map geometry: the 47 MB LSOA boundary file turned into small, simplified, quantised TopoJSON.
 *
 * One topology of all English LSOAs is built once (lsoa-boundaries.ts), so that neighbouring shapes
 * keep shared borders; the per-district LSOA maps are cut from it by arc here. The district map
 * (and footprints given as LSOA lists) are dissolved from it by mapshaper (dissolvedTopology).
 */
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import { quantize } from 'topojson-client';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { GeometryCollection, GeometryObject, MultiPolygon as TopoMultiPolygon, Polygon as TopoPolygon, Topology } from 'topojson-specification';
import { arcPositions, type LsoaBoundaries } from './lsoa-boundaries.ts';

/**
 * Minimum triangle area (square degrees) kept by Visvalingam simplification, per use.
 *
 * The LSOA maps are not simplified: the ONS boundaries are already generalised to about 20 m, so
 * even a threshold of 2e-8 (150 m², far below a pixel) removed only 4% of their points, at a cost
 * of half a second. Quantising each map file (below) is what keeps them small.
 */
export const SIMPLIFY = {
  /** England by district, ~700 px over ~8°. */
  district: 4e-6,
  /** Big Local footprints, drawn over their district. */
  footprint: 1e-8,
} as const;

/** Quantisation: 1e4 steps across a file's extent is below a pixel at every size the site draws. */
export const QUANTIZE = 1e4;

type Polygons<P> = FeatureCollection<Polygon | MultiPolygon, P>;

/** The boundary topology: every English LSOA, unsimplified, unquantised. */
export interface LsoaGeometryIndex {
  /** How many arcs the topology has. */
  arcCount: number;
  /** Arc k's points. */
  arcOf(k: number): Position[];
  /** LSOA code → its geometry object, whose arcs index `arcOf`. */
  objectOf: Map<string, GeometryObject>;
}

/** The boundary topology, and every LSOA's geometry object in it by code. */
export function lsoaGeometryIndex(boundaries: LsoaBoundaries): LsoaGeometryIndex {
  return {
    arcCount: boundaries.vertices.nn.length,
    arcOf: arcPositions(boundaries.vertices),
    objectOf: new Map(boundaries.lsoas.map((l) => [l.code, l.object as GeometryObject])),
  };
}

/**
 * A standalone, quantised topology of some geometries of an unquantised topology: only the arcs
 * they use, renumbered in order of first use, so shared borders stay shared and the file is small.
 * This is how each district's LSOA map is cut from the one England topology without rebuilding
 * a topology per district.
 */
export function subsetTopology<P>(
  source: Pick<LsoaGeometryIndex, 'arcOf'>,
  objects: Record<string, Array<{ geometry: GeometryObject; properties: P }>>,
  quantization: number = QUANTIZE,
): Topology {
  const renumbered = new Map<number, number>();
  const arcs: Position[][] = [];
  const arc = (i: number): number => {
    const k = i < 0 ? ~i : i;
    let j = renumbered.get(k);
    if (j === undefined) {
      j = arcs.length;
      renumbered.set(k, j);
      arcs.push(source.arcOf(k));
    }
    return i < 0 ? ~j : j;
  };
  const rings = (polygon: number[][]) => polygon.map((ring) => ring.map(arc));
  const copy = (g: GeometryObject, properties: P): GeometryObject => {
    switch (g.type) {
      case 'Polygon':
        return { type: 'Polygon', arcs: rings((g as TopoPolygon).arcs), properties } as GeometryObject;
      case 'MultiPolygon':
        return { type: 'MultiPolygon', arcs: (g as TopoMultiPolygon).arcs.map(rings), properties } as GeometryObject;
      default:
        // A polygon simplified to nothing has a null geometry; keep it so its properties still ship.
        return { type: null, properties } as unknown as GeometryObject;
    }
  };
  const out: Record<string, GeometryCollection> = {};
  for (const [name, items] of Object.entries(objects)) {
    out[name] = { type: 'GeometryCollection', geometries: items.map(({ geometry, properties }) => copy(geometry, properties)) } as GeometryCollection;
  }
  return quantize({ type: 'Topology', objects: out, arcs } as never, quantization) as unknown as Topology;
}

/** The footprints as drawn: the source polygons themselves, lightly simplified and quantised. */
export function footprintTopology<P>(footprints: Polygons<P>): Topology {
  const built = topology({ footprints } as never) as unknown as Topology;
  const simplified = simplify(presimplify(built as never), SIMPLIFY.footprint) as unknown as Topology;
  // Only the objects and arcs go into the shipped file.
  return quantize({ type: 'Topology', objects: simplified.objects, arcs: simplified.arcs } as never, QUANTIZE) as unknown as Topology;
}
