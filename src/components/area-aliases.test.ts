import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { areas } from '../data/load.ts';
import { allAreaAliases, areaAliases, areaCalled, capitalisedNames, postcodeDistricts, readReferenceAliases } from './area-aliases.ts';

const area = (code: string) => {
  const a = areas.find((x) => x.code === code);
  if (!a) throw new Error(`no area ${code} in data/processed/areas.json`);
  return a;
};

describe('capitalisedNames', () => {
  it('keeps the place and drops the evidence’s own words (on Northwood’s record)', () => {
    expect(area('northwood').evidence).toContain('Kirkby');
    expect(capitalisedNames(area('northwood').evidence)).toEqual(['Northwood', 'Kirkby', 'Kirkby']);
  });

  it('keeps hyphens and joined names whole, splits lists at "and", ends a name at LSOA words', () => {
    expect(capitalisedNames('took the 9 LSOAs of the Goldthorpe and Bolton-upon-Dearne MSOAs')).toEqual(['Goldthorpe', 'Bolton-upon-Dearne']);
    expect(capitalisedNames('Named after Woodlands model village near Adwick le Street')).toEqual(['Woodlands', 'Adwick le Street']);
    expect(capitalisedNames('took the four Allenton LSOAs of the Allenton & Osmaston MSOA')).toEqual(['Allenton', 'Allenton', 'Osmaston']);
  });

  it('leaves out what the footprint is not ("not Allerdale", "leaving out the Southdene parts")', () => {
    const names = capitalisedNames(area('3-together').evidence);
    expect(names).toContain('Easington Lane');
    expect(names).not.toContain('Allerdale');
    expect(capitalisedNames('took its Kirkby LSOAs, leaving out the Southdene/Knowsley Village parts')).toEqual(['Kirkby']);
  });
});

describe('postcodeDistricts', () => {
  it('reads districts from the name and postcodes from the evidence, not road numbers', () => {
    expect(postcodeDistricts(area('clapham-junction-west-battersea').name, '')).toEqual(['SW11']);
    const rastrick = area('rastrick');
    expect(postcodeDistricts(rastrick.name, rastrick.evidence)).toEqual(['HD6']);
    expect(postcodeDistricts('Aberfeldy', area('aberfeldy').evidence)).toEqual([]); // "east of the A12"
    expect(postcodeDistricts('Mossley', 'on the edge of Bloxwich near the M6')).toEqual([]);
  });
});

describe('areaAliases on the real area records', () => {
  it('finds the places the story names: Kirkby for Northwood, Maryport for Ewanrigg', () => {
    expect(areaAliases(area('northwood'))).toContain('Kirkby');
    expect(areaAliases(area('ewanrigg'))).toContain('Maryport');
  });

  it('leaves out what the name or local authority already say, and repeats', () => {
    const ewanrigg = areaAliases(area('ewanrigg'));
    expect(ewanrigg).not.toContain('Ewanrigg');
    expect(ewanrigg).not.toContain('Allerdale');
    for (const a of areas) {
      const list = areaAliases(a).map((n) => n.toLowerCase());
      expect(new Set(list).size).toBe(list.length);
    }
  });

  it('adds the reference names the data lack: W12 for Wormholt and White City', () => {
    const reference = readReferenceAliases(areas);
    const w12 = area('wormholt-and-white-city');
    expect(areaAliases(w12)).not.toContain('W12');
    expect(allAreaAliases(areas, reference).get(w12.code)).toEqual(expect.arrayContaining(['W12 Together', 'W12']));
  });

  it('gives most areas at least one other name from their evidence', () => {
    const withNames = areas.filter((a) => areaAliases(a).length > 0).length;
    expect(withNames / areas.length).toBeGreaterThan(0.6);
  });
});

describe('areaCalled', () => {
  it('finds the one area each of the story’s examples means', () => {
    expect(areaCalled(areas, 'Kirkby')?.code).toBe('northwood');
    expect(areaCalled(areas, 'Maryport')?.code).toBe('ewanrigg');
    expect(areaCalled(areas, 'Ewanrigg')?.code).toBe('ewanrigg');
    expect(areaCalled(areas, 'HAVA')?.code).toBe('hava');
    expect(areaCalled(areas, 'W12 Together')?.code).toBe('wormholt-and-white-city');
  });

  it('finds nothing for an unknown name, and throws for an ambiguous one', () => {
    expect(areaCalled(areas, 'Atlantis')).toBeUndefined();
    expect(() => areaCalled(areas, 'Walthamstow')).toThrow(/finds 2/);
  });
});

describe('readReferenceAliases', () => {
  it('fails on an entry that names no area', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aliases-'));
    writeFileSync(join(dir, 'area-aliases.json'), JSON.stringify({ about: 'x', aliases: [{ area: 'Nowhere', names: ['N0'], source: 'test' }] }));
    expect(() => readReferenceAliases(areas, dir)).toThrow(/no Big Local area is named "Nowhere"/);
  });
});
