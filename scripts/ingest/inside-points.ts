/**
 * Points inside polygons, kept apart from footprints.ts so the geometry worker loads only this.
 */
import polylabel from 'polylabel';
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** Shoelace area in squared degrees: enough to pick the largest part of a MultiPolygon. */
function ringArea(ring: Position[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  return Math.abs(s) / 2;
}

export function largestPart(geometry: Polygon | MultiPolygon): Position[][] {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best = polys[0]!;
  let bestArea = -1;
  for (const p of polys) {
    const a = ringArea(p[0]!);
    if (a > bestArea) {
      best = p;
      bestArea = a;
    }
  }
  return best;
}

export const round6 = (pt: Position): [number, number] => [Math.round(pt[0]! * 1e6) / 1e6, Math.round(pt[1]! * 1e6) / 1e6];

/** Even-odd point-in-polygon over a polygon's rings (holes included). */
function insideRings(pt: Position, rings: Position[][]): boolean {
  const [x, y] = pt as [number, number];
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/**
 * A marker for a (Multi)Polygon: the pole of inaccessibility of its largest part, the point
 * farthest from every edge, so a drawn marker sits in the visual middle of the shape.
 */
export function insidePoint(geometry: Polygon | MultiPolygon): [number, number] {
  // 1e-4° (about 10 m) is ample: any cell polylabel returns has positive distance, so lies inside.
  return round6(polylabel(largestPart(geometry) as [number, number][][], 1e-4));
}

/**
 * A point guaranteed to lie inside a (Multi)Polygon's largest part, found in one pass over its
 * vertices: the middle of the widest stretch of a horizontal line through the part's mid-height
 * that is inside it (holes excluded). About a tenth of the time of the pole of inaccessibility over
 * England's 33,755 LSOAs, and only which polygon holds the point matters here. A part too thin
 * for that to work falls back to the pole of inaccessibility.
 */
export function scanlinePoint(geometry: Polygon | MultiPolygon): [number, number] {
  const part = largestPart(geometry);
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const p of part[0]!) {
    if (p[1]! < y0) y0 = p[1]!;
    if (p[1]! > y1) y1 = p[1]!;
  }
  const y = (y0 + y1) / 2;
  const crossings: number[] = [];
  for (const ring of part) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      // Half-open in y, so a vertex exactly on the line is counted once.
      if (yi > y !== yj > y) crossings.push(xi + ((y - yi) * (xj - xi)) / (yj - yi));
    }
  }
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
  return Number.isFinite(x) && insideRings(pt, part) ? pt : insidePoint(geometry);
}

/** Each LSOA's inside point, in the order given. */
export function lsoaInsidePoints(lsoas: Array<{ code: string; geometry: Polygon | MultiPolygon }>): Array<{ code: string; point: [number, number] }> {
  return lsoas.map((l) => ({ code: l.code, point: scanlinePoint(l.geometry) }));
}
