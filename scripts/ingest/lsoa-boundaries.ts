/**
 * The LSOA 2021 boundary file (47 MB, 2 million points) read straight into a topology.
 *
 * mapshaper reads GeoJSON and TopoJSON into typed arrays and finds the shared borders as it goes:
 * reading and building the topology takes 0.9 s, where JSON.parse and topojson-server's
 * `topology()` took 2.2 s on the same file and found the same 106,061 arcs. Its import is an
 * internal API, so the version is pinned exactly in package.json and any surprise in its output
 * is an error here, not a wrong map.
 *
 * When mapshaper cannot read the file, or reads something other than one layer of polygons each
 * with a code, the file is read again the slow way (readPolygons) to say exactly what is wrong and
 * where; the error names the file, line and column as every other input error does.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { quantize } from 'topojson-client';
import type { Position } from 'geojson';
import type { GeometryCollection, MultiPolygon, Polygon, Topology } from 'topojson-specification';
import { InputError } from './read-tables.ts';
import { scanlinePointOfArcs, type ArcVertices } from './inside-points.ts';
import { readPolygons } from './footprints.ts';

/** Every LSOA as a TopoJSON object over the boundary file's arcs, still in mapshaper's typed arrays. */
export interface LsoaBoundaries {
  /** In file order. */
  lsoas: Array<{ code: string; object: Polygon | MultiPolygon }>;
  vertices: ArcVertices;
  /** mapshaper's own copy, for dissolving. */
  dataset: { shapes: Array<MapshaperShape | null>; arcs: MapshaperArcs };
}

/** A shape: rings of arc indices, ~i meaning arc i run backwards. */
type MapshaperShape = number[][];

interface MapshaperArcs {
  getVertexData(): ArcVertices & { zz?: Float64Array };
  setRetainedInterval(interval: number): void;
}

interface MapshaperLayer {
  geometry_type?: string;
  shapes?: Array<MapshaperShape | null>;
  data?: { getRecords(): Array<Record<string, unknown>> };
}

interface MapshaperDataset {
  layers: MapshaperLayer[];
  arcs?: MapshaperArcs;
}

interface MapshaperInternal {
  importFile(path: string, opts: object): MapshaperDataset | Promise<MapshaperDataset>;
  topojson: { exportLayer(layer: MapshaperLayer, arcs: MapshaperArcs, opts: object): GeometryCollection };
  /** The -dissolve command's geometry step: shapes with the same group id merged, by arc. */
  dissolvePolygonGeometry(shapes: Array<MapshaperShape | null>, groupOf: (shape: number) => number): Array<MapshaperShape | undefined>;
  /** Joins arcs that meet only each other, after a dissolve, into one arc; replaces dataset.arcs. */
  dissolveArcs(dataset: MapshaperDataset): void;
  /** Gives every point a Visvalingam threshold (see dissolvedTopology). */
  simplifyPaths(arcs: MapshaperArcs, opts: { method: 'visvalingam' }): void;
}

// Required, not imported: an ESM import of this 3 MB CommonJS file first scans it for export
// names, which more than doubles its loading time (0.25 s against 0.11 s).
const internal = (createRequire(import.meta.url)('mapshaper') as { internal: MapshaperInternal }).internal;

/** The ingest's LSOA 2021 boundary file, read in the geometry worker (and in-thread by the tests). */
export const readLsoa21Boundaries = (file: string): Promise<LsoaBoundaries> => readLsoaBoundaries(file, ['LSOA21CD', 'lsoa21cd'], 'LSOA 2021 boundaries');

export async function readLsoaBoundaries(file: string, idKeys: readonly string[], label: string): Promise<LsoaBoundaries> {
  // Says exactly what is wrong by reading the file the slow, strict way; `why` if that finds nothing.
  const refuse = (why: string): never => {
    readPolygons(file, idKeys, label);
    throw new InputError(file, null, null, `${label}: ${why}`);
  };
  if (!existsSync(file)) throw new InputError(file, null, null, 'file not found');
  let dataset: MapshaperDataset;
  try {
    dataset = await internal.importFile(file, {});
  } catch (err) {
    return refuse(`could not be read (${err instanceof Error ? err.message : String(err)})`);
  }
  const layer = dataset.layers[0];
  if (dataset.layers.length !== 1 || !layer || layer.geometry_type !== 'polygon' || !layer.shapes || !dataset.arcs) {
    return refuse('expected one collection of polygons');
  }
  const records = layer.data?.getRecords() ?? [];
  const codes: string[] = [];
  for (const [i, shape] of layer.shapes.entries()) {
    const props = records[i] ?? {};
    const code = idKeys.map((k) => props[k]).find((v): v is string => typeof v === 'string' && v !== '');
    if (!code) return refuse(`feature ${i + 1} has no "${idKeys[0]}" property`);
    if (!shape || shape.length === 0) return refuse(`feature ${code} has no polygon`);
    codes.push(code);
  }
  const objects = internal.topojson.exportLayer(layer, dataset.arcs, {}).geometries;
  if (objects.length !== codes.length) return refuse(`read ${objects.length} shapes from ${codes.length} features`);
  const empty = objects.findIndex((o) => o.type !== 'Polygon' && o.type !== 'MultiPolygon');
  if (empty !== -1) return refuse(`feature ${codes[empty]} has no polygon`);

  const lsoas = objects.map((object, i) => {
    object.properties = {};
    return { code: codes[i]!, object: object as Polygon | MultiPolygon };
  });
  return { lsoas, vertices: dataset.arcs.getVertexData(), dataset: { shapes: layer.shapes, arcs: dataset.arcs } };
}

/** Each LSOA's inside point (see inside-points.ts), in file order. */
export function lsoaInsidePoints({ lsoas, vertices }: LsoaBoundaries): Array<{ code: string; point: [number, number] }> {
  return lsoas.map(({ code, object }) => ({
    code,
    point: scanlinePointOfArcs(object.type === 'Polygon' ? [object.arcs] : object.arcs, vertices),
  }));
}

/**
 * Arc k of the boundary topology as [x, y] arrays, as topojson-client expects, made when first
 * asked for: the LSOA maps use 60% of the arcs, and making all 1.1 million points took 0.1 s.
 */
export function arcPositions({ xx, yy, nn, ii }: ArcVertices): (arc: number) => Position[] {
  const made: Array<Position[] | undefined> = new Array(nn.length);
  return (a) => {
    let arc = made[a];
    if (!arc) {
      const start = ii[a]!;
      arc = new Array(nn[a]!);
      for (let k = 0; k < arc.length; k++) arc[k] = [xx[start + k]!, yy[start + k]!];
      made[a] = arc;
    }
    return arc;
  };
}

/**
 * Groups of LSOAs (the districts; footprints given as LSOA lists) dissolved into one shape each,
 * simplified and quantised: a finished topology for a map file.
 *
 * mapshaper merges the shapes by arc and joins the arcs that then meet only each other, in typed
 * arrays, then weighs every point by Visvalingam's effective area. It stores that weight as
 * sqrt(area) × 0.65 (its "linear equivalent"), so a minimum area in square degrees, as topojson-
 * simplify takes it, becomes that threshold here. The whole takes 0.3 s for England's districts,
 * where merging with topojson-client, rebuilding a topology and simplifying took 0.5 s.
 */
export function dissolvedTopology(
  { lsoas, dataset }: LsoaBoundaries,
  name: string,
  groups: Array<{ codes: string[]; properties: Record<string, unknown> }>,
  minArea: number,
  quantization: number,
): Topology {
  const indexOf = new Map(lsoas.map((l, i) => [l.code, i]));
  const groupOf = new Int32Array(lsoas.length).fill(-1);
  groups.forEach((g, k) => {
    for (const code of g.codes) {
      const i = indexOf.get(code);
      if (i === undefined) throw new Error(`dissolvedTopology: no boundary for LSOA ${code}`);
      groupOf[i] = k;
    }
  });
  // A shape in no group is left out (its rings go to group -1, which nothing reads).
  const shapes = internal.dissolvePolygonGeometry(dataset.shapes, (i) => groupOf[i]!);
  const layer: MapshaperLayer = { geometry_type: 'polygon', shapes: groups.map((_, k) => shapes[k] ?? null) };
  const dissolved: MapshaperDataset = { layers: [layer], arcs: dataset.arcs };
  internal.dissolveArcs(dissolved);
  const arcs = dissolved.arcs!;
  internal.simplifyPaths(arcs, { method: 'visvalingam' });
  const threshold = Math.sqrt(minArea) * 0.65;
  // Rings that simplify to nothing are dropped from the shapes as they are exported.
  arcs.setRetainedInterval(threshold);
  const objects = internal.topojson.exportLayer(layer, arcs, {});
  objects.geometries.forEach((g, k) => (g.properties = groups[k]!.properties));
  const { xx, yy, zz, nn, ii } = arcs.getVertexData();
  const kept: Position[][] = [];
  for (let a = 0; a < nn.length; a++) {
    const arc: Position[] = [];
    for (let k = ii[a]!, end = ii[a]! + nn[a]!; k < end; k++) if (zz![k]! >= threshold) arc.push([xx[k]!, yy[k]!]);
    kept.push(arc);
  }
  return quantize({ type: 'Topology', objects: { [name]: objects }, arcs: kept } as never, quantization) as unknown as Topology;
}

/**
 * Pairs of LSOAs that share a stretch of boundary: two shapes using the same arc. `shapes` are
 * mapshaper's (rings of arc indices, ~i for arc i run backwards), one per LSOA in file order. Each
 * pair once, as [smaller index, larger index], flat, in order of first shared arc. Touching at a
 * single corner point shares no arc, so it makes no pair.
 */
export function sharedArcNeighbours(shapes: ReadonlyArray<MapshaperShape | null>): Int32Array {
  let arcs = 0;
  for (const shape of shapes) for (const ring of shape ?? []) for (const a of ring) arcs = Math.max(arcs, (a < 0 ? ~a : a) + 1);
  const owner = new Int32Array(arcs).fill(-1);
  const seen = new Set<number>();
  const pairs: number[] = [];
  shapes.forEach((shape, s) => {
    for (const ring of shape ?? []) {
      for (const signed of ring) {
        const a = signed < 0 ? ~signed : signed;
        const o = owner[a]!;
        if (o === -1) owner[a] = s;
        else if (o !== s) {
          const [lo, hi] = o < s ? [o, s] : [s, o];
          const key = lo * shapes.length + hi;
          if (!seen.has(key)) {
            seen.add(key);
            pairs.push(lo, hi);
          }
        }
      }
    }
  });
  return Int32Array.from(pairs);
}
