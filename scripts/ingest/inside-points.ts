/**
 * Points inside polygons, kept apart from footprints.ts so the geometry worker loads only this.
 *
 * The work is done on flat rings (x0, y0, x1, y1, … with the closing point repeated, as in
 * GeoJSON), so the same code serves GeoJSON shapes and the LSOA topology's typed arrays, where
 * building a [x, y] array for each of two million points first would cost more than the search.
 */
import polylabel from 'polylabel';
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** One polygon as flat rings, the outer ring first. */
type FlatPolygon = Float64Array[];

/** Shoelace area in squared degrees: enough to pick the largest part of a MultiPolygon. */
function ringArea(ring: Float64Array): number {
  let s = 0;
  const n = ring.length / 2;
  for (let i = 0, j = n - 1; i < n; j = i++) s += (ring[2 * j]! - ring[2 * i]!) * (ring[2 * j + 1]! + ring[2 * i + 1]!);
  return Math.abs(s) / 2;
}

function largestPart(polygons: FlatPolygon[]): FlatPolygon {
  let best = polygons[0]!;
  let bestArea = -1;
  for (const p of polygons) {
    const a = ringArea(p[0]!);
    if (a > bestArea) {
      best = p;
      bestArea = a;
    }
  }
  return best;
}

export const round6 = (pt: Position): [number, number] => [Math.round(pt[0]! * 1e6) / 1e6, Math.round(pt[1]! * 1e6) / 1e6];

/**
 * Calls `at` with the x of every crossing of the horizontal line through y with the rings' edges.
 * Half-open in y, so a vertex exactly on the line is counted once.
 */
function forEachCrossing(rings: FlatPolygon, y: number, at: (x: number) => void): void {
  for (const ring of rings) {
    const n = ring.length / 2;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const xi = ring[2 * i]!;
      const yi = ring[2 * i + 1]!;
      const xj = ring[2 * j]!;
      const yj = ring[2 * j + 1]!;
      if (yi > y !== yj > y) at(xi + ((y - yi) * (xj - xi)) / (yj - yi));
    }
  }
}

/** Even-odd point-in-polygon over a polygon's rings (holes included): crossings to its right. */
function insideRings([x, y]: [number, number], rings: FlatPolygon): boolean {
  let inside = false;
  forEachCrossing(rings, y, (cx) => {
    if (x < cx) inside = !inside;
  });
  return inside;
}

const flatRing = (ring: Position[]): Float64Array => Float64Array.from(ring.flatMap((p) => [p[0]!, p[1]!]));
const flatPolygons = (geometry: Polygon | MultiPolygon): FlatPolygon[] =>
  (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates).map((rings) => rings.map(flatRing));

/** The pole of inaccessibility of one polygon, to about 10 m. */
function poleOf(part: FlatPolygon): [number, number] {
  const rings = part.map((ring) => Array.from({ length: ring.length / 2 }, (_, i): [number, number] => [ring[2 * i]!, ring[2 * i + 1]!]));
  // 1e-4° (about 10 m) is ample: any cell polylabel returns has positive distance, so lies inside.
  return round6(polylabel(rings, 1e-4));
}

/**
 * A marker for a (Multi)Polygon: the pole of inaccessibility of its largest part, the point
 * farthest from every edge, so a drawn marker sits in the visual middle of the shape.
 */
export function insidePoint(geometry: Polygon | MultiPolygon): [number, number] {
  return poleOf(largestPart(flatPolygons(geometry)));
}

/**
 * A point guaranteed to lie inside a polygon's largest part, found in one pass over its
 * vertices: the middle of the widest stretch of a horizontal line through the part's mid-height
 * that is inside it (holes excluded). About a tenth of the time of the pole of inaccessibility over
 * England's 33,755 LSOAs, and only which polygon holds the point matters here. A part too thin
 * for that to work falls back to the pole of inaccessibility.
 */
function scanline(polygons: FlatPolygon[]): [number, number] {
  const part = largestPart(polygons);
  const outer = part[0]!;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (let k = 1; k < outer.length; k += 2) {
    if (outer[k]! < y0) y0 = outer[k]!;
    if (outer[k]! > y1) y1 = outer[k]!;
  }
  const y = (y0 + y1) / 2;
  const crossings: number[] = [];
  forEachCrossing(part, y, (x) => crossings.push(x));
  crossings.sort((a, b) => a - b);
  let widest = 0;
  let x = NaN;
  for (let k = 0; k + 1 < crossings.length; k += 2) {
    const width = crossings[k + 1]! - crossings[k]!;
    if (width > widest) {
      widest = width;
      x = (crossings[k]! + crossings[k + 1]!) / 2;
    }
  }
  const pt = round6([x, y]);
  return Number.isFinite(x) && insideRings(pt, part) ? pt : poleOf(part);
}

export function scanlinePoint(geometry: Polygon | MultiPolygon): [number, number] {
  return scanline(flatPolygons(geometry));
}

/** A topology's points as typed arrays: arc a is points ii[a] … ii[a] + nn[a] - 1 of xx and yy. */
export interface ArcVertices {
  xx: Float64Array;
  yy: Float64Array;
  nn: Uint32Array;
  ii: Uint32Array;
}

/**
 * A ring of arc indices as a flat ring, built exactly as topojson-client builds it (each arc after
 * the first drops its repeated first point; a negative index runs the arc backwards), so the
 * point found is the one the same shape in GeoJSON gives, to the last bit.
 */
function flatRingOfArcs(arcs: number[], { xx, yy, nn, ii }: ArcVertices): Float64Array {
  let length = 0;
  for (const a of arcs) length += nn[a < 0 ? ~a : a]! - 1;
  length += 1;
  const padded = Math.max(length, 4);
  const ring = new Float64Array(2 * padded);
  let at = 0;
  for (const [k, a] of arcs.entries()) {
    const arc = a < 0 ? ~a : a;
    const start = ii[arc]!;
    const n = nn[arc]!;
    for (let s = k === 0 ? 0 : 1; s < n; s++) {
      const p = start + (a < 0 ? n - 1 - s : s);
      ring[at++] = xx[p]!;
      ring[at++] = yy[p]!;
    }
  }
  // topojson-client pads a ring of fewer than 4 points with its first point.
  for (let k = length; k < padded; k++) {
    ring[at++] = ring[0]!;
    ring[at++] = ring[1]!;
  }
  return ring;
}

/** The scanline point of a TopoJSON Polygon or MultiPolygon's arc indices, read from typed arrays. */
export function scanlinePointOfArcs(polygons: number[][][], vertices: ArcVertices): [number, number] {
  return scanline(polygons.map((rings) => rings.map((ring) => flatRingOfArcs(ring, vertices))));
}
