import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { topology } from 'topojson-server';
import { feature } from 'topojson-client';
import type { GeometryCollection, MultiPolygon as TopoMultiPolygon, Polygon as TopoPolygon, Topology } from 'topojson-specification';
import { scanlinePoint, scanlinePointOfArcs, type ArcVertices } from './inside-points.ts';

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

// Star-shaped around a centre with random radii: many are concave, some deeply.
const starAt = (cx: number, cy: number) =>
  fc.array(fc.double({ min: 0.05, max: 1, noNaN: true }), { minLength: 3, maxLength: 40 }).map((radii): Polygon => {
    const ring = radii.map((r, i): Position => {
      const t = (2 * Math.PI * i) / radii.length;
      return [cx + Math.round(r * Math.cos(t) * 1e5) / 1e3, cy + Math.round(r * Math.sin(t) * 1e5) / 1e3];
    });
    return { type: 'Polygon', coordinates: [[...ring, ring[0]!]] };
  });

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
    fc.assert(fc.property(starAt(0, 0), (p) => contains(p.coordinates, scanlinePoint(p))), { numRuns: 500, seed: 3 });
  });
});

/** A topology's arcs packed as the typed arrays mapshaper gives. */
function vertices(topo: Topology): ArcVertices {
  const n = topo.arcs.reduce((s, a) => s + a.length, 0);
  const v = { xx: new Float64Array(n), yy: new Float64Array(n), nn: new Uint32Array(topo.arcs.length), ii: new Uint32Array(topo.arcs.length) };
  let at = 0;
  topo.arcs.forEach((arc, a) => {
    v.ii[a] = at;
    v.nn[a] = arc.length;
    for (const [x, y] of arc) {
      v.xx[at] = x!;
      v.yy[at++] = y!;
    }
  });
  return v;
}

describe('scanlinePointOfArcs', () => {
  it("finds from a topology's typed arrays exactly the point its GeoJSON shape gives", () => {
    // Columns side by side whose shared borders are random zigzags, so each ring is cut into arcs
    // that its neighbour runs backwards; the outer two columns are one MultiPolygon; and a star is
    // the hole of a square around it.
    const border = (k: number) =>
      fc.array(fc.double({ min: -0.3, max: 0.3, noNaN: true }), { minLength: 2, maxLength: 12 }).map((jitter) =>
        jitter.map((j, i): Position => [k + Math.round(j * 1e3) / 1e3, Math.round((i / (jitter.length - 1)) * 1e3) / 1e3]),
      );
    const square = (cx: number, cy: number): Position[] => [[cx - 2, cy - 2], [cx + 2, cy - 2], [cx + 2, cy + 2], [cx - 2, cy + 2], [cx - 2, cy - 2]];
    const shapes = fc.tuple(fc.tuple(border(0), border(1), border(2), border(3), border(4)), starAt(10, 0)).map(([borders, star]) => {
      const columns = [0, 1, 2, 3].map((k): Position[][] => [[...borders[k + 1]!, ...[...borders[k]!].reverse(), borders[k + 1]![0]!]]);
      const geometries: Array<Polygon | MultiPolygon> = [
        { type: 'MultiPolygon', coordinates: [columns[0]!, columns[3]!] },
        { type: 'Polygon', coordinates: columns[1]! },
        { type: 'Polygon', coordinates: columns[2]! },
        star,
        { type: 'Polygon', coordinates: [square(10, 0), [...star.coordinates[0]!].reverse()] },
      ];
      return geometries;
    });
    fc.assert(
      fc.property(shapes, (geometries) => {
        const collection: FeatureCollection = { type: 'FeatureCollection', features: geometries.map((geometry): Feature => ({ type: 'Feature', properties: {}, geometry })) };
        const topo = topology({ shapes: collection } as never) as unknown as Topology;
        const packed = vertices(topo);
        for (const object of (topo.objects.shapes as GeometryCollection).geometries) {
          const arcs = object.type === 'Polygon' ? [(object as TopoPolygon).arcs] : (object as TopoMultiPolygon).arcs;
          const geometry = (feature(topo as never, object as never) as unknown as Feature<Polygon | MultiPolygon>).geometry;
          expect(scanlinePointOfArcs(arcs, packed)).toEqual(scanlinePoint(geometry));
        }
      }),
      { numRuns: 200, seed: 5 },
    );
  });
});
