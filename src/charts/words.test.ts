import { describe, expect, it } from 'vitest';
import { FAST_GROWTH_PCT, healthChange, type BigLocalArea } from '../data/constants.ts';
import { change, countsFromShares, makeArea } from './fixtures.ts';
import { areaCaveat, areaCaveatNote, fmtChangePct, grewFast, ladLabel, ladPhrase, lowConfidence, residentsChangePct, residentsLine } from './words.ts';
import { charts } from './registry.ts';

const s = (vg: number) => ({ very_good: vg, good: 34, fair: 100 - vg - 34 - 7, bad: 5.2, very_bad: 1.8 });
/** An area whose residents went from r2011 to r2021 and whose very good health rose by `vg` pp. */
function areaWith(r2011: number, r2021: number, vg: number, confidence: BigLocalArea['confidence'] = 'high'): BigLocalArea {
  const health = healthChange(countsFromShares(s(40), r2011), countsFromShares(s(40 + vg), r2021));
  return { ...makeArea(1, 'Growing Town', health, change(s(40), s(42))), confidence };
}

describe('population change', () => {
  it('is the change in residents in per cent, null without 2011 residents', () => {
    expect(residentsChangePct(areaWith(4463, 7407, 13))).toBeCloseTo((100 * (7407 - 4463)) / 4463, 9);
    expect(residentsChangePct(areaWith(1000, 900, 0))).toBeCloseTo(-10, 9);
    expect(residentsChangePct({ health: { counts2011: { residents: 0 }, counts2021: { residents: 5 } } })).toBeNull();
  });

  it('prints whole per cents with a true minus', () => {
    expect(fmtChangePct(65.96)).toBe('+66%');
    expect(fmtChangePct(-3.4)).toBe('\u22123%');
    expect(fmtChangePct(0.2)).toBe('0%');
    expect(residentsLine(areaWith(4463, 7407, 13))).toBe('4,463 in 2011 and 7,407 in 2021 (+66%)');
  });

  it('flags growth above FAST_GROWTH_PCT only', () => {
    const at = 1000 * (1 + FAST_GROWTH_PCT / 100);
    expect(grewFast(areaWith(1000, at + 1, 1))).toBe(true);
    expect(grewFast(areaWith(1000, at, 1))).toBe(false);
    expect(grewFast(areaWith(1000, 1100, 1))).toBe(false);
    expect(lowConfidence(areaWith(1000, 1100, 1, 'low'))).toBe(true);
    expect(lowConfidence(areaWith(1000, 1100, 1, 'medium'))).toBe(false);
  });
});

describe('areaCaveat', () => {
  it('explains a fast-growing area’s figure from its own numbers', () => {
    const note = areaCaveat(areaWith(4463, 7407, 13));
    expect(note).toContain('Its residents grew from 4,463 to 7,407 (+66%), so its +13.0 pp in very good health mostly reflects who lives there now');
    expect(note).toContain('new housing, younger arrivals');
    expect(note).not.toContain('rough location');
    // The words follow the numbers.
    expect(areaCaveat(areaWith(2000, 3100, 5.2))).toContain('from 2,000 to 3,100 (+55%), so its +5.2 pp');
  });

  it('explains a low-confidence footprint, alone or with fast growth', () => {
    const low = areaCaveat(areaWith(1000, 1050, -1.2, 'low'))!;
    expect(low).toContain('Its \u22121.2 pp in very good health may not describe the Big Local area itself');
    expect(low).toContain('approximate footprint can move an area’s share');
    expect(low).not.toContain('residents grew');
    const both = areaCaveat(areaWith(4463, 7407, 13, 'low'))!;
    expect(both).toContain('Its residents grew from 4,463 to 7,407');
    expect(both).toContain('Its footprint was also placed from a rough location only, so the figures may describe the wider neighbourhood');
    expect(both.match(/without anyone’s health changing/g)).toHaveLength(1);
  });

  it('says nothing for an area with steady residents and a surer footprint', () => {
    expect(areaCaveat(areaWith(1000, 1100, 3))).toBeNull();
    expect(areaCaveat(areaWith(1000, 1100, 3, 'medium'))).toBeNull();
  });
});

describe('areaCaveatNote', () => {
  it('puts the caveat in one sentence for the source line of the area’s charts, from its own numbers', () => {
    expect(areaCaveatNote(areaWith(4463, 7407, 13, 'low'))).toBe(
      'Read with care: its residents grew 66% (4,463 to 7,407), so its changes may reflect who lives there now more than anyone’s health; its footprint was placed from a rough location only.',
    );
    expect(areaCaveatNote(areaWith(2000, 3100, 5.2))).toBe('Read with care: its residents grew 55% (2,000 to 3,100), so its changes may reflect who lives there now more than anyone’s health.');
    expect(areaCaveatNote(areaWith(1000, 1050, -1.2, 'low'))).toBe('Read with care: its footprint was placed from a rough location only.');
    expect(areaCaveatNote(areaWith(1000, 1100, 3, 'medium'))).toBeNull();
  });

  it('travels with the area’s health charts: their source line ends with it, and only where it applies', () => {
    const flagged = areaWith(4463, 7407, 13, 'low');
    for (const chart of [charts['area-change'], charts['area-health']]) {
      const source = chart.source({ area: flagged, lad: { code: 'E0', name: 'Somewhere', health: flagged.health }, england: flagged.health } as never);
      expect(source).toMatch(/^Source: ONS/);
      expect(source.endsWith(areaCaveatNote(flagged)!)).toBe(true);
      const steady = areaWith(1000, 1100, 3, 'medium');
      expect(chart.source({ area: steady, lad: { code: 'E0', name: 'Somewhere', health: steady.health }, england: steady.health } as never)).not.toContain('Read with care');
    }
  });
});

describe('ladLabel', () => {
  it('tells the local authority from an area of the same name in a chart row', () => {
    expect(ladLabel('Dartford', 'Dartford')).toBe('Dartford (local authority)');
    expect(ladLabel('Aberfeldy', 'Tower Hamlets')).toBe('Tower Hamlets');
  });
});

describe('ladPhrase', () => {
  it('names the local authority as such where it shares the area’s name', () => {
    expect(ladPhrase('Dartford', 'Dartford')).toBe('the local authority of Dartford');
    expect(ladPhrase('gateshead ', 'Gateshead')).toBe('the local authority of Gateshead');
    expect(ladPhrase('Dover Town', 'Dover')).toBe('Dover');
    expect(ladPhrase('Aberfeldy', 'Tower Hamlets')).toBe('Tower Hamlets');
  });
});
