import { describe, expect, it } from 'vitest';
import {
  BREAKS,
  classOf,
  colourFor,
  DIVERGING,
  fmtBreak,
  legendClasses,
  legendSvg,
  MAP_MEASURES,
  MISSING_COLOUR,
  NEUTRAL_COLOUR,
} from './map-scale.ts';
import { contrastRatio } from './palette.ts';
import { labelProblems, parseSvg } from './test-helpers.ts';

describe('class breaks', () => {
  it.each(['district', 'lsoa'] as const)('%s breaks are sorted, symmetric about 0 and give 7 classes', (level) => {
    for (const m of MAP_MEASURES) {
      const b = BREAKS[level][m];
      expect(b).toHaveLength(6);
      expect([...b].sort((x, y) => x - y)).toEqual([...b]);
      expect(b.map((v) => -v).reverse()).toEqual([...b]);
    }
  });

  it('classes values with d3.scaleThreshold semantics: lower bound in, upper bound out', () => {
    const b = [-2, -1, -0.2, 0.2, 1, 2];
    expect(classOf(-5, b)).toBe(0);
    expect(classOf(-2, b)).toBe(1);
    expect(classOf(-1.1, b)).toBe(1);
    expect(classOf(-0.2, b)).toBe(3);
    expect(classOf(0.14, b)).toBe(3);
    expect(classOf(0.2, b)).toBe(4);
    expect(classOf(0.5, b)).toBe(4);
    expect(classOf(1.5, b)).toBe(5);
    expect(classOf(2, b)).toBe(6);
    expect(classOf(40, b)).toBe(6);
  });

  it('puts 0 (and −0) in the middle, neutral class', () => {
    for (const level of ['district', 'lsoa'] as const)
      for (const m of MAP_MEASURES) {
        expect(classOf(0, BREAKS[level][m])).toBe(3);
        expect(classOf(-0, BREAKS[level][m])).toBe(3);
      }
  });

  it('classes a value as displayed (one decimal), so the label and the colour agree', () => {
    const b = [-2, -1, -0.2, 0.2, 1, 2];
    // 0.96 shows as "+1.0": it belongs with the values from +1.
    expect(classOf(0.96, b)).toBe(5);
    // −0.24 shows as "−0.2": the neutral class starts at −0.2.
    expect(classOf(-0.24, b)).toBe(3);
  });

  it('returns null for missing values', () => {
    for (const v of [null, undefined, Number.NaN, Infinity]) expect(classOf(v, [0])).toBeNull();
  });
});

describe('colour for a value', () => {
  it('gives the neutral colour for 0 in every measure and level', () => {
    for (const level of ['district', 'lsoa'] as const)
      for (const m of MAP_MEASURES) expect(colourFor(0, m, level)).toBe(NEUTRAL_COLOUR);
  });

  it('gives the missing grey for missing data, a colour no class uses', () => {
    for (const v of [null, undefined, Number.NaN]) expect(colourFor(v, 'very_good', 'district')).toBe(MISSING_COLOUR);
    expect(DIVERGING).not.toContain(MISSING_COLOUR);
  });

  it('makes blue mean healthier: a rise in very good health is blue, a rise in bad health is red', () => {
    expect(colourFor(5, 'very_good', 'district')).toBe(DIVERGING[6]);
    expect(colourFor(-5, 'very_good', 'district')).toBe(DIVERGING[0]);
    expect(colourFor(5, 'bad_or_very_bad', 'district')).toBe(DIVERGING[0]);
    expect(colourFor(-5, 'bad_or_very_bad', 'district')).toBe(DIVERGING[6]);
    expect(colourFor(1.5, 'very_good', 'district')).toBe(DIVERGING[5]);
    expect(colourFor(-1.5, 'very_good', 'district')).toBe(DIVERGING[1]);
  });

  it('keeps the missing grey apart from the neutral and the light classes', () => {
    for (const c of [NEUTRAL_COLOUR, DIVERGING[2], DIVERGING[4]]) expect(contrastRatio(MISSING_COLOUR, c)).toBeGreaterThan(2);
  });
});

describe('legend', () => {
  it('states every class in words, open at both ends', () => {
    expect(legendClasses('very_good', 'district').map((c) => c.label)).toEqual([
      'under −2',
      '−2 to under −1',
      '−1 to under −0.2',
      '−0.2 to under +0.2',
      '+0.2 to under +1',
      '+1 to under +2',
      '+2 or more',
    ]);
    expect(fmtBreak(0)).toBe('0');
    expect(fmtBreak(-0.75)).toBe('−0.8');
  });

  it.each([320, 400, 640])('draws a well-formed legend without overlapping labels at %i px', (width) => {
    for (const m of MAP_MEASURES) {
      const l = legendSvg(m, 'district', 6, 0, Math.min(width - 12, 392), { showMissing: true, extra: [{ label: 'Big Local area', swatch: '<circle r="4"/>' }] });
      parseSvg(`<svg>${l.body}</svg>`);
      expect(labelProblems(l.builder.labels, width, l.height)).toEqual([]);
      expect(l.body).toContain('No data');
    }
  });
});
