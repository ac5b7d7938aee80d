import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { feature, mesh } from 'topojson-client';
import type { Feature, MultiLineString, Polygon } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { lsoaGeometryIndex, subsetTopology } from './geometry.ts';
import type { AreaPolygon } from './footprints.ts';
import { dissolvedTopology, readLsoaBoundaries, sharedArcNeighbours } from './lsoa-boundaries.ts';

/** A 3 × 2 grid of unit squares (in hundredths of a degree), codes a1..c2, with shared edges. */
function grid(): AreaPolygon[] {
  const cells: AreaPolygon[] = [];
  for (const [i, col] of ['a', 'b', 'c'].entries()) {
    for (const row of [1, 2]) {
      const [x, y] = [i * 0.01, (row - 1) * 0.01];
      cells.push({
        type: 'Feature',
        properties: { code: `${col}${row}` },
        geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]] },
      });
    }
  }
  return cells;
}

/** The grid as the ingest sees LSOAs: written to a file and read into a topology. */
async function gridBoundaries() {
  const file = join(mkdtempSync(join(tmpdir(), 'geometry-test-')), 'grid.geojson');
  writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features: grid() }));
  return readLsoaBoundaries(file, ['code'], 'grid');
}
const gridIndex = async () => lsoaGeometryIndex(await gridBoundaries());

describe('subsetTopology', () => {
  let index: Awaited<ReturnType<typeof gridIndex>>;
  beforeAll(async () => {
    index = await gridIndex();
  });
  const pick = (codes: string[]) => subsetTopology(index, { lsoa: codes.map((c) => ({ geometry: index.objectOf.get(c)!, properties: { code: c } })) });

  it('keeps only the arcs its geometries use, and their shared borders shared', () => {
    const sub = pick(['a1', 'a2']);
    const used = new Set((sub.objects.lsoa as GeometryCollection).geometries.flatMap((g) => (g as { arcs: number[][] }).arcs.flat().map((i) => (i < 0 ? ~i : i))));
    expect(used.size).toBe(sub.arcs.length);
    expect(sub.arcs.length).toBeLessThan(index.arcCount);
    // The edge between a1 and a2 is one arc used by both: a mesh of interior borders finds it.
    const interior = mesh(sub as never, sub.objects.lsoa as never, (x, y) => x !== y) as MultiLineString;
    expect(interior.coordinates).toHaveLength(1);
  });

  it('carries the properties given and quantises, with shapes unchanged within a step', () => {
    const sub = pick(['b1', 'c2']);
    expect(sub.transform).toBeDefined();
    const features = (feature(sub as never, sub.objects.lsoa as never) as unknown as { features: Feature<Polygon, { code: string }>[] }).features;
    expect(features.map((f) => f.properties.code)).toEqual(['b1', 'c2']);
    const b1 = features[0]!.geometry.coordinates[0]!;
    const xs = b1.map((p) => p[0]!);
    const step = sub.transform!.scale[0];
    expect(Math.abs(Math.min(...xs) - 0.01)).toBeLessThanOrEqual(step);
    expect(Math.abs(Math.max(...xs) - 0.02)).toBeLessThanOrEqual(step);
    expect(step).toBeLessThan(0.02 / 9000);
  });
});

describe('dissolvedTopology', () => {
  it('dissolves LSOAs into districts that still share their border', async () => {
    const topo: Topology = dissolvedTopology(await gridBoundaries(), 'lads', [
      { codes: ['a1', 'a2', 'b1', 'b2'], properties: { code: 'west' } },
      { codes: ['c1', 'c2'], properties: { code: 'east' } },
    ], 4e-6, 1e4);
    const lads = topo.objects.lads as GeometryCollection<{ code: string }>;
    expect(lads.geometries.map((g) => (g.properties as { code: string }).code)).toEqual(['west', 'east']);
    const west = (feature(topo as never, lads.geometries[0] as never) as unknown as Feature<Polygon>).geometry;
    // One ring, no interior LSOA edges left: the 2 × 2 block's outline.
    expect(west.coordinates).toHaveLength(1);
    const border = mesh(topo as never, lads as never, (x, y) => x !== y) as MultiLineString;
    expect(border.coordinates).toHaveLength(1);
  });
});

describe('sharedArcNeighbours', () => {
  it('pairs the LSOAs that share an edge, once each, and not those meeting at a corner', async () => {
    const b = await gridBoundaries();
    const codes = b.lsoas.map((l) => l.code);
    const flat = sharedArcNeighbours(b.dataset.shapes);
    const pairs = new Set<string>();
    for (let i = 0; i < flat.length; i += 2) pairs.add([codes[flat[i]!], codes[flat[i + 1]!]].sort().join('-'));
    expect(flat.length / 2).toBe(pairs.size);
    // A 3 × 2 grid: a1-a2, b1-b2, c1-c2 up and down; a1-b1, b1-c1, a2-b2, b2-c2 across.
    expect([...pairs].sort()).toEqual(['a1-a2', 'a1-b1', 'a2-b2', 'b1-b2', 'b1-c1', 'b2-c2', 'c1-c2']);
  });
});
