/**
 * The one palette used by every chart and page.
 *
 * Groups: Big Local is a strong teal so it stands out; similar areas a dark orange (the
 * teal/orange pair stays apart under protanopia, deuteranopia and tritanopia — it is the
 * Okabe–Ito bluish-green/orange pair, darkened); England a neutral near-black grey; a local
 * authority a muted purple. Every group colour reaches 4.5:1 on white, so it can colour text.
 *
 * Health categories: an ordered blue → grey → red diverging scale (very good … very bad). Each
 * reaches 3:1 on white (WCAG 1.4.11 for graphical marks); labels drawn on a segment use
 * `categoryTextColour`, which always reaches 4.5:1 on it.
 *
 * `palette.test.ts` checks all of these contrast claims.
 */
import type { GroupId, HealthCategory } from '../data/constants.ts';

/** Everything a chart can colour by: the three groups plus a local authority and one area. */
export type ColourKey = GroupId | 'lad' | 'area' | 'comparator';

const BIG_LOCAL = '#007b6e';
const SIMILAR = '#b35900';

export const GROUP_COLOURS: Record<ColourKey, string> = {
  england: '#333333',
  big_local: BIG_LOCAL,
  similar_areas: SIMILAR,
  lad: '#6a4c93',
  area: BIG_LOCAL,
  comparator: SIMILAR,
};

export const CATEGORY_COLOURS: Record<HealthCategory, string> = {
  very_good: '#0a5c8a',
  good: '#4c8fc4',
  fair: '#858585',
  bad: '#cf5b50',
  very_bad: '#8b1a1a',
};

/** Neutral inks. Text ones reach 4.5:1 on white, `grid` and `axis` reach 3:1. */
export const INK = {
  text: '#222222',
  muted: '#595959',
  axis: '#333333',
  grid: '#949494',
  background: '#ffffff',
  /** Decorative fill behind a highlighted row; carries no information by itself. */
  highlight: '#e6f2f0',
} as const;

/** CSS custom property names, so page CSS uses the same colours: `var(--colour-big-local)`. */
export const CSS_VARS: Record<ColourKey | HealthCategory | `ink-${keyof typeof INK}`, string> = {
  england: '--colour-england',
  big_local: '--colour-big-local',
  similar_areas: '--colour-similar-areas',
  lad: '--colour-lad',
  area: '--colour-area',
  comparator: '--colour-comparator',
  very_good: '--colour-health-very-good',
  good: '--colour-health-good',
  fair: '--colour-health-fair',
  bad: '--colour-health-bad',
  very_bad: '--colour-health-very-bad',
  'ink-text': '--colour-ink-text',
  'ink-muted': '--colour-ink-muted',
  'ink-axis': '--colour-ink-axis',
  'ink-grid': '--colour-ink-grid',
  'ink-background': '--colour-ink-background',
  'ink-highlight': '--colour-ink-highlight',
};

/** A `:root { … }` block declaring every custom property, for a page's <style>. */
export function cssCustomProperties(selector = ':root'): string {
  const decls: string[] = [];
  for (const [k, v] of Object.entries(GROUP_COLOURS)) decls.push(`${CSS_VARS[k as ColourKey]}: ${v};`);
  for (const [k, v] of Object.entries(CATEGORY_COLOURS)) decls.push(`${CSS_VARS[k as HealthCategory]}: ${v};`);
  for (const [k, v] of Object.entries(INK)) decls.push(`${CSS_VARS[`ink-${k as keyof typeof INK}`]}: ${v};`);
  return `${selector} {\n  ${decls.join('\n  ')}\n}`;
}

// ---------------------------------------------------------------------------------------------
// Contrast (WCAG 2.x relative luminance)

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) throw new Error(`Not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((h) => channel(parseInt(h, 16)));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

const LIGHT_TEXT = '#ffffff';
const DARK_TEXT = '#111111';

/** White or near-black, whichever contrasts more with the background. */
export function textColourOn(background: string): string {
  return contrastRatio(background, LIGHT_TEXT) >= contrastRatio(background, DARK_TEXT) ? LIGHT_TEXT : DARK_TEXT;
}

export function categoryTextColour(category: HealthCategory): string {
  return textColourOn(CATEGORY_COLOURS[category]);
}
