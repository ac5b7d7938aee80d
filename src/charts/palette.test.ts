import { describe, expect, it } from 'vitest';
import { HEALTH_CATEGORIES } from '../data/constants.ts';
import {
  CATEGORY_COLOURS,
  CSS_VARS,
  GROUP_COLOURS,
  INK,
  categoryTextColour,
  contrastRatio,
  cssCustomProperties,
  relativeLuminance,
} from './palette.ts';

const WHITE = '#ffffff';

describe('contrast maths', () => {
  it('matches the WCAG reference values', () => {
    expect(relativeLuminance('#000000')).toBe(0);
    expect(relativeLuminance('#ffffff')).toBe(1);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});

describe('palette', () => {
  it('group colours are usable as text on white (≥ 4.5:1)', () => {
    for (const [k, c] of Object.entries(GROUP_COLOURS)) {
      expect(contrastRatio(c, WHITE), k).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('an area and its comparator use the Big Local and similar-areas colours', () => {
    expect(GROUP_COLOURS.area).toBe(GROUP_COLOURS.big_local);
    expect(GROUP_COLOURS.comparator).toBe(GROUP_COLOURS.similar_areas);
    const distinct = new Set([GROUP_COLOURS.england, GROUP_COLOURS.big_local, GROUP_COLOURS.similar_areas, GROUP_COLOURS.lad]);
    expect(distinct.size).toBe(4);
  });

  it('health categories are graphical marks ≥ 3:1 on white, with ≥ 4.5:1 label text on them', () => {
    for (const c of HEALTH_CATEGORIES) {
      expect(contrastRatio(CATEGORY_COLOURS[c], WHITE), c).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(CATEGORY_COLOURS[c], categoryTextColour(c)), c).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('health categories are ordered: the ends are darker than the middle', () => {
    const l = HEALTH_CATEGORIES.map((c) => relativeLuminance(CATEGORY_COLOURS[c]));
    expect(l[0]!).toBeLessThan(l[1]!);
    expect(l[4]!).toBeLessThan(l[3]!);
  });

  it('neutral inks meet AA: text 4.5:1, axis and grid lines 3:1', () => {
    expect(contrastRatio(INK.text, WHITE)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(INK.muted, WHITE)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(INK.axis, WHITE)).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(INK.grid, WHITE)).toBeGreaterThanOrEqual(3);
  });

  it('exports a CSS custom property for every colour', () => {
    const css = cssCustomProperties();
    for (const name of Object.values(CSS_VARS)) expect(css).toContain(`${name}: #`);
    expect(css).toContain(`--colour-big-local: ${GROUP_COLOURS.big_local};`);
    expect(new Set(Object.values(CSS_VARS)).size).toBe(Object.values(CSS_VARS).length);
  });
});
