/**
 * Classed, diverging colour scales for the two maps, shared so the legend, the fills and the
 * browser enhancer can never disagree.
 *
 * - Classes come from d3.scaleThreshold with the stated, symmetric breaks below. A value is
 *   classed as displayed (rounded to one decimal), so a district shown as "+0.5 pp" is in the
 *   "+0.5 to +1.5" class, never in the one below.
 * - Seven classes, centred on zero: the middle class straddles 0 and is a near-white neutral.
 * - Colours: ColorBrewer RdBu (7 classes), which ColorBrewer marks colour-blind safe. Blue always
 *   means healthier: for very good health a rise is blue; for bad or very bad health a rise is red.
 * - Missing values (null, undefined, NaN) get a mid grey that is in no class.
 */
import { scaleThreshold } from 'd3';
import { MEASURE_LABELS } from '../data/constants.ts';
import { escapeXml, rect, round1, SvgBuilder, textWidth, wrap } from './svg.ts';

export const MAP_MEASURES = ['very_good', 'bad_or_very_bad'] as const;
export type MapMeasure = (typeof MAP_MEASURES)[number];
export const isMapMeasure = (v: unknown): v is MapMeasure => (MAP_MEASURES as readonly unknown[]).includes(v);

/** Districts (England map) vary less than LSOAs (area map), so each level has its own breaks. */
export type MapLevel = 'district' | 'lsoa';

export const BREAKS: Record<MapLevel, Record<MapMeasure, readonly number[]>> = {
  district: {
    very_good: [-2, -1, -0.2, 0.2, 1, 2],
    bad_or_very_bad: [-1, -0.5, -0.2, 0.2, 0.5, 1],
  },
  lsoa: {
    very_good: [-8, -4, -1, 1, 4, 8],
    bad_or_very_bad: [-4, -2, -0.5, 0.5, 2, 4],
  },
};

/** RdBu, 7 classes: index 0 is the least healthy end (dark red), 6 the healthiest (dark blue). */
export const DIVERGING = ['#b2182b', '#ef8a62', '#fddbc7', '#f7f7f7', '#d1e5f0', '#67a9cf', '#2166ac'] as const;
export const NEUTRAL_COLOUR = DIVERGING[3];
export const MISSING_COLOUR = '#969696';

/** For very good health a higher share is healthier; for bad or very bad health it is less healthy. */
export const HIGHER_IS_HEALTHIER: Record<MapMeasure, boolean> = { very_good: true, bad_or_very_bad: false };

export const isMissing = (v: number | null | undefined): v is null | undefined =>
  v === null || v === undefined || !Number.isFinite(v);

/** The class index (0 … breaks.length) of a value, or null when it is missing. */
export function classOf(value: number | null | undefined, breaks: readonly number[]): number | null {
  if (isMissing(value)) return null;
  const scale = scaleThreshold<number, number>()
    .domain([...breaks])
    .range(breaks.map((_, i) => i).concat(breaks.length));
  return scale(round1(value));
}

/** The fill for a class index under a measure (null → missing grey). */
export function classColour(k: number | null, measure: MapMeasure): string {
  if (k === null) return MISSING_COLOUR;
  const i = HIGHER_IS_HEALTHIER[measure] ? k : DIVERGING.length - 1 - k;
  return DIVERGING[i]!;
}

/** The fill for a change in percentage points. */
export function colourFor(value: number | null | undefined, measure: MapMeasure, level: MapLevel): string {
  return classColour(classOf(value, BREAKS[level][measure]), measure);
}

export interface LegendClass {
  index: number;
  colour: string;
  /** "−1.5 to −0.5", "under −3", "3 or more" (pp). */
  label: string;
  /** Lower bound (inclusive) and upper bound (exclusive); open ends are ±Infinity. */
  from: number;
  to: number;
}

/** A break as the legend writes it: "+1", "−0.5", "0" (a true minus sign, no needless ".0"). */
export function fmtBreak(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  const body = Number.isInteger(a) ? String(a) : String(round1(a));
  return `${v > 0 ? '+' : '\u2212'}${body}`;
}

/** One entry per class, lowest values first. */
export function legendClasses(measure: MapMeasure, level: MapLevel): LegendClass[] {
  const b = BREAKS[level][measure];
  const out: LegendClass[] = [];
  for (let k = 0; k <= b.length; k++) {
    const from = k === 0 ? -Infinity : b[k - 1]!;
    const to = k === b.length ? Infinity : b[k]!;
    const label =
      k === 0 ? `under ${fmtBreak(to)}` : k === b.length ? `${fmtBreak(from)} or more` : `${fmtBreak(from)} to under ${fmtBreak(to)}`;
    out.push({ index: k, colour: classColour(k, measure), label, from, to });
  }
  return out;
}

/** The legend's heading for a measure. */
export function legendTitle(measure: MapMeasure): string {
  return `Change in ${MEASURE_LABELS[measure].toLowerCase()}, 2011 to 2021, percentage points`;
}

/** Which end of the scale is healthier, in words, for the legend. */
export function legendEnds(measure: MapMeasure): { low: string; high: string } {
  return HIGHER_IS_HEALTHIER[measure]
    ? { low: 'fell (red)', high: 'rose (blue)' }
    : { low: 'fell (blue)', high: 'rose (red)' };
}

// ---------------------------------------------------------------------------------------------
// The legend, drawn in SVG (the map components also print it as HTML)

export interface LegendLayout {
  body: string;
  height: number;
  builder: SvgBuilder;
}

/**
 * A horizontal classed legend: heading, one swatch per class with the breaks written under the
 * boundaries, which end is healthier, and (when `showMissing`) a "no data" swatch.
 */
export function legendSvg(
  measure: MapMeasure,
  level: MapLevel,
  x: number,
  y: number,
  width: number,
  o: { showMissing?: boolean; extra?: { label: string; swatch: string }[] } = {},
): LegendLayout {
  const b = new SvgBuilder();
  let cy = y;
  for (const l of wrap(legendTitle(measure), width, 13, true)) {
    cy += 16;
    b.text(x, cy, l, { bold: true, size: 13 });
  }
  cy += 8;
  const classes = legendClasses(measure, level);
  const sw = Math.min(64, width / classes.length);
  const barW = sw * classes.length;
  for (const c of classes) b.raw(rect(x + c.index * sw, cy, sw, 14, `fill="${c.colour}"`));
  b.raw(rect(x, cy, barW, 14, 'fill="none" stroke="#767676" stroke-width="1"'));
  const breaks = BREAKS[level][measure];
  breaks.forEach((v, i) => {
    const bx = x + (i + 1) * sw;
    b.raw(`<line x1="${bx}" y1="${cy}" x2="${bx}" y2="${cy + 18}" stroke="#595959" stroke-width="1"/>`);
    b.text(bx, cy + 31, fmtBreak(v), { anchor: 'middle', size: 12, fill: '#222222' });
  });
  cy += 31;
  const healthierRight = HIGHER_IS_HEALTHIER[measure];
  cy += 18;
  b.text(x, cy, healthierRight ? '← less healthy' : '← healthier', { size: 12, fill: '#595959' });
  b.text(x + barW, cy, healthierRight ? 'healthier →' : 'less healthy →', { size: 12, fill: '#595959', anchor: 'end' });
  const extras = [...(o.showMissing ? [{ label: 'No data', swatch: `<rect width="14" height="14" fill="${MISSING_COLOUR}"/>` }] : []), ...(o.extra ?? [])];
  // Swatches flow left to right and start a new row when the next one does not fit; a label longer
  // than the legend (a long area name) wraps under itself rather than running off the edge.
  let ex = x;
  let rowH = 14;
  if (extras.length) cy += 10;
  for (const e of extras) {
    const lines = wrap(e.label, width - 28, 12);
    const labelW = Math.max(...lines.map((l) => textWidth(l, 12)));
    if (ex > x && ex + 28 + labelW > x + width) {
      ex = x;
      cy += rowH + 6;
      rowH = 14;
    }
    b.raw(`<g transform="translate(${ex} ${cy})">${e.swatch}</g>`);
    lines.forEach((l, k) => b.text(ex + 28, cy + 11.5 + k * 15, l, { size: 12 }));
    rowH = Math.max(rowH, 14 + (lines.length - 1) * 15);
    ex += 28 + labelW + 16;
  }
  if (extras.length) cy += rowH;
  return { body: `<g class="map-legend" data-measure="${escapeXml(measure)}">${b.toString()}</g>`, height: cy - y + 4, builder: b };
}
