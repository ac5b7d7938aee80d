/**
 * load.ts against the committed processed data: what the pages read.
 */
import { describe, expect, it } from 'vitest';
import type { GeometryCollection } from 'topojson-specification';
import { areas, englandDistricts, footprintDistricts, footprints, lsoaTopology } from './load.ts';
import type { LsoaProperties } from './schema.ts';

describe('footprintDistricts', () => {
  it('puts every LSOA of every footprint in a district, the main one first', () => {
    for (const area of areas) {
      const inDistricts = footprintDistricts(area);
      expect(inDistricts[0]!.district.code, area.code).toBe(area.ladCode);
      expect(inDistricts.reduce((s, d) => s + d.lsoas, 0), area.code).toBe(area.lsoa21.length);
    }
  });

  it('finds the footprints that cross a district border, whose LSOA map holds them whole', () => {
    const crossing = areas.filter((a) => footprintDistricts(a).length > 1);
    // The approximate footprints have one such area today; official boundaries may have more.
    expect(crossing.length).toBeGreaterThan(0);
    for (const area of crossing) {
      const mapped = new Set((lsoaTopology(area.ladCode).objects.lsoa as GeometryCollection<LsoaProperties>).geometries.map((g) => (g.properties as LsoaProperties).lsoa21));
      expect(area.lsoa21.filter((c) => !mapped.has(c)), area.code).toEqual([]);
    }
  });
});

describe('topologies', () => {
  it('are read once: every call hands out the same object, one per file', () => {
    const lad = areas[0]!.ladCode;
    expect(lsoaTopology(lad)).toBe(lsoaTopology(lad));
    expect(footprints()).toBe(footprints());
    expect(englandDistricts()).toBe(englandDistricts());
    const other = areas.find((a) => a.ladCode !== lad)!.ladCode;
    expect(lsoaTopology(other)).not.toBe(lsoaTopology(lad));
    expect(lsoaTopology(other).objects.lsoa).toBeDefined();
  });
});
