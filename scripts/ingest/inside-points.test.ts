import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Polygon, Position } from 'geojson';
import { scanlinePoint } from './inside-points.ts';

/** Even-odd test, written out here so the check does not share code with what it checks. */
function contains(rings: Position[][], [x, y]: [number, number]): boolean {
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

describe('scanlinePoint', () => {
  it('lands inside a U shape whose centroid is outside it', () => {
    // A U open at the top: the bbox centre (0.5, 0.5) is in the gap between the arms.
    const u: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0.8, 1], [0.8, 0.2], [0.2, 0.2], [0.2, 1], [0, 1], [0, 0]]] };
    const pt = scanlinePoint(u);
    expect(contains(u.coordinates, [0.5, 0.5])).toBe(false);
    expect(contains(u.coordinates, pt)).toBe(true);
  });

  it('avoids a hole on the middle line and takes the widest inside stretch', () => {
    const square = [[0, 0], [4, 0], [4, 2], [0, 2], [0, 0]];
    const hole = [[1, 0.5], [1, 1.5], [3.5, 1.5], [3.5, 0.5], [1, 0.5]];
    const p: Polygon = { type: 'Polygon', coordinates: [square, hole] };
    // On y = 1 the inside stretches are 0..1 and 3.5..4: the wider one's middle is x = 0.5.
    expect(scanlinePoint(p)).toEqual([0.5, 1]);
  });

  it('uses the largest part of a MultiPolygon', () => {
    const pt = scanlinePoint({ type: 'MultiPolygon', coordinates: [[[[0, 0], [0.1, 0], [0.1, 0.1], [0, 0.1], [0, 0]]], [[[5, 5], [7, 5], [7, 7], [5, 7], [5, 5]]]] });
    expect(pt).toEqual([6, 6]);
  });

  it('is inside every random star-shaped polygon', () => {
    // Star-shaped around the origin with random radii: many are concave, some deeply.
    const star = fc.array(fc.double({ min: 0.05, max: 1, noNaN: true }), { minLength: 3, maxLength: 40 }).map((radii): Polygon => {
      const ring = radii.map((r, i): Position => {
        const t = (2 * Math.PI * i) / radii.length;
        return [Math.round(r * Math.cos(t) * 1e5) / 1e3, Math.round(r * Math.sin(t) * 1e5) / 1e3];
      });
      return { type: 'Polygon', coordinates: [[...ring, ring[0]!]] };
    });
    fc.assert(fc.property(star, (p) => contains(p.coordinates, scanlinePoint(p))), { numRuns: 500, seed: 3 });
  });
});
