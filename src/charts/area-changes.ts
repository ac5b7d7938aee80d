/**
 * Every Big Local area's change in a measure beside its similar areas' change: a ranked dot
 * plot, largest rise at the top, with a zero line. Wide (NAMES_MIN_WIDTH and up): one 14 px row
 * per area, its name at the left, and a callout for the highlighted area. Narrow (phones, narrow
 * embeds): 150 unlabelled 14 px rows were a wall two screens tall that no finger could pick a row
 * from, so it draws the ten largest rises and the ten largest falls (and the highlighted area
 * wherever it ranks), each a labelled row LABELLED_ROW_H tall with its rank, name and change, and
 * one line saying how many areas lie between them and that the table has all of them. The
 * choice is made from the size argument only, so server and browser draw the same. Areas whose change may reflect who lives there
 * more than anyone's health are marked: a hollow dot for a low-confidence footprint, a ring for
 * residents who grew by more than FAST_GROWTH_PCT per cent (both explained in the legend, the
 * tooltip and the table).
 */
import { scaleLinear, type ScaleLinear } from 'd3';
import { FAST_GROWTH_PCT, MEASURE_LABELS, type BigLocalArea, type HealthMeasure } from '../data/constants.ts';
import { chooseTicks } from './dumbbell.ts';
import { GROUP_COLOURS, INK } from './palette.ts';
import { areaCounts, fmtChangePct, grewFast, lowConfidence, residentsChangePct } from './words.ts';
import {
  centredBaseline,
  circle,
  escapeXml,
  fmtPp,
  line,
  lowerFirst,
  rect,
  round1,
  SvgBuilder,
  textWidth,
  truncate,
  wrapBalanced,
  type Box,
  type RenderOptions,
  type Size,
  type TableData,
  chartRenderer,
  ppTickFormat,
} from './svg.ts';

export const id = 'area-changes';

export interface State {
  measure: HealthMeasure;
  /** Code of an area to emphasise and label. */
  highlight?: string;
}

export const defaultState: State = { measure: 'very_good' };

export interface AreaChangesLayout {
  body: string;
  width: number;
  height: number;
  labels: Box[];
  x: (v: number) => number;
  /** Area codes from top to bottom. */
  order: string[];
}

const PAD = 8;
export const ROW_H = 14;
/** Below this width the chart draws labelled rows for the ends of the ranking (see the header). */
export const NAMES_MIN_WIDTH = 560;
/** A narrow drawing's row: a line with rank, name and change over the dots; over 24 px, to tap. */
export const LABELLED_ROW_H = 32;
/** How many of the largest rises and of the largest falls a narrow drawing shows. */
export const ENDS_SHOWN = 10;
/** Line spacing of a wrapped name in a narrow drawing. */
const LINE_H = 15;

/**
 * Which ranks a narrow drawing shows, top to bottom, with `null` where ranks are left out: the
 * first and last `each`, plus the highlighted rank when it falls between them. All of them when
 * leaving some out would hide fewer than two.
 */
export function narrowSelection(count: number, highlight = -1, each = ENDS_SHOWN): (number | null)[] {
  const all = Array.from({ length: count }, (_, i) => i);
  if (count <= 2 * each + 2) return all;
  const keep = new Set([...all.slice(0, each), ...all.slice(count - each)]);
  if (highlight >= 0 && highlight < count) keep.add(highlight);
  const out: (number | null)[] = [];
  for (const i of all) {
    if (keep.has(i)) out.push(i);
    else if (out[out.length - 1] !== null) out.push(null);
  }
  return out;
}

/** Areas ranked by their change, largest rise first; ties by name then code. */
export function ranked(data: BigLocalArea[], measure: HealthMeasure): BigLocalArea[] {
  return [...data].sort(
    (a, b) =>
      b.health.changePp[measure] - a.health.changePp[measure] ||
      a.name.localeCompare(b.name, 'en') ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

export function title(data: BigLocalArea[], state: State): string {
  return `${MEASURE_LABELS[state.measure]}: change from 2011 to 2021 in each of the ${data.length} Big Local areas and in its similar areas`;
}

export function summary(data: BigLocalArea[], state: State): string {
  const m = state.measure;
  if (data.length === 0) return 'There are no Big Local areas to show.';
  const { rose, fell, aboveComparator: higher, belowComparator: lower } = areaCounts(data, m);
  const same = data.length - rose - fell;
  const relSame = data.length - higher - lower;
  const [first, second] =
    fell > rose ? [`fell in ${fell}`, `rose in ${rose}`] : [`rose in ${rose}`, `fell in ${fell}`];
  const moved = `${first} of the ${count(data.length, 'Big Local area')} and ${second}${same > 0 ? ` (${same} unchanged)` : ''}`;
  const relParts =
    higher >= lower
      ? `in ${higher} it ended higher relative to the area’s similar areas, in ${lower} lower`
      : `in ${lower} it ended lower relative to the area’s similar areas, in ${higher} higher`;
  return (
    `Between 2011 and 2021 the share of residents in ${lowerFirst(MEASURE_LABELS[m])} ${moved}; ` +
    `${relParts}${relSame > 0 ? ` (${relSame} the same)` : ''}.${flagsSentence(data)}`
  );
}

/**
 * " 21 areas have a low-confidence footprint (hollow dots) and in 1 area residents grew by more
 * than 40% (ringed): …", or nothing when no area is flagged.
 */
function flagsSentence(data: BigLocalArea[]): string {
  const low = data.filter(lowConfidence).length;
  const fast = data.filter(grewFast).length;
  if (low === 0 && fast === 0) return '';
  const lowPart = `${count(low, 'area')} ${low === 1 ? 'has' : 'have'} a low-confidence footprint (hollow dots)`;
  const fastPart = `in ${count(fast, 'area')} residents grew by more than ${FAST_GROWTH_PCT}% (ringed)`;
  const flags = low > 0 && fast > 0 ? `${lowPart} and ${fastPart}` : low > 0 ? lowPart : fastPart.replace(/^in/, 'In');
  return ` ${flags}: their changes may reflect who lives there now or where the footprint was drawn more than anyone’s health.`;
}

/** The footprint confidence as the table prints it. */
const CONFIDENCE_LABELS: Record<string, string> = { high: 'High', medium: 'Medium', low: 'Low', official: 'Official', unknown: 'Unknown' };

export function tableRows(data: BigLocalArea[], state: State): TableData {
  const m = state.measure;
  return {
    columns: [
      'Rank',
      'Big Local area',
      'Local authority',
      'Area change (pp)',
      'Similar areas change (pp)',
      'Difference (pp)',
      'Residents change (%)',
      'Footprint confidence',
    ],
    rows: ranked(data, m).map((a, i) => {
      const ac = round1(a.health.changePp[m]);
      const cc = round1(a.comparator.changePp[m]);
      const pct = residentsChangePct(a);
      return [i + 1, a.name, a.ladName, ac, cc, round1(ac - cc), pct === null ? '' : round1(pct), CONFIDENCE_LABELS[a.confidence] ?? a.confidence];
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Layout, in the steps Our World in Data's grapher uses: rows (what is drawn, in order), then
// placement (where every mark and label goes, as numbers), then drawing (SVG from the placement).
// Label placement is tested on the placement, without parsing SVG.

/** One area as the chart draws it: a row, in rank order. */
export interface AreaRow {
  code: string;
  name: string;
  /** Change in the measure, pp (as stored; labels round it). */
  area: number;
  comparator: number;
  /** Residents 2011 to 2021, per cent (null without 2011 residents). */
  residentsChangePct: number | null;
  /** Footprint placed from a rough location only: drawn as a hollow dot. */
  lowConfidence: boolean;
  /** Residents grew by more than FAST_GROWTH_PCT per cent: drawn with a ring. */
  fastGrowth: boolean;
}

/** The rows, largest rise first (the order of `ranked`). */
export function rows(data: BigLocalArea[], measure: HealthMeasure): AreaRow[] {
  return ranked(data, measure).map((a) => ({
    code: a.code,
    name: a.name,
    area: a.health.changePp[measure],
    comparator: a.comparator.changePp[measure],
    residentsChangePct: residentsChangePct(a),
    lowConfidence: lowConfidence(a),
    fastGrowth: grewFast(a),
  }));
}

/** A line of text at a baseline (x is its start, or its end when `anchor` is 'end'). */
export interface PlacedText {
  text: string;
  x: number;
  baseline: number;
  anchor?: 'end';
}

export interface PlacedRow extends AreaRow {
  /** Rank, 1 for the largest rise. */
  rank: number;
  /** Top and height of the row's band (the highlight and the tap target). */
  top: number;
  height: number;
  /** Centre line of the dots. */
  cy: number;
  /** Centres of the area's and the comparator's dots. */
  xArea: number;
  xComparator: number;
  /** The name: left of the plot when wide; "12. Name" over the dots when narrow (shortened to fit). */
  label?: PlacedText;
  /** Narrow drawings: the rest of a long name, wrapped. */
  labelMore?: PlacedText[];
  /** Narrow drawings: the area's change, at the right end of the name line. */
  value?: PlacedText;
}

/** Where a narrow drawing leaves ranks out: one line or two of words. */
export interface PlacedGap {
  top: number;
  height: number;
  /** How many areas, and the ranks they run between. */
  count: number;
  lines: PlacedText[];
}

export interface PlacedCallout {
  /** The box. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** The area's name (up to three lines, bold) and its values. */
  nameLines: PlacedText[];
  values: PlacedText;
  /** Under the values, for a flagged area: "Residents +66% · low-confidence footprint". */
  flags?: PlacedText;
  /** Leader from the highlighted dot to the nearest point of the box. */
  leader: { x1: number; y1: number; x2: number; y2: number };
}

export interface AreaChangesPlacement {
  width: number;
  /** Legend swatches (their left edge) and labels, then the wrapped note. */
  legend: { kind: LegendKind; swatchX: number; label: PlacedText }[];
  note: PlacedText[];
  x: ScaleLinear<number, number>;
  ticks: number[];
  tickLabel: (v: number) => string;
  topAxisY: number;
  rowsTop: number;
  rowsBottom: number;
  bottomAxisY: number;
  /** The rows drawn (all of them when wide; the ends of the ranking when narrow). */
  rows: PlacedRow[];
  /** Narrow drawings: the ranks left out. */
  gaps: PlacedGap[];
  /** Index in `rows` of the highlighted row, or −1. */
  highlight: number;
  callout?: PlacedCallout;
  caption: PlacedText[];
  height: number;
}

export type LegendKind = 'area' | 'comparator' | 'low-confidence' | 'fast-growth';

/** The two dots always; the flags' marks only when some area carries them. */
function legendItems(rows: AreaRow[]): [kind: LegendKind, label: string][] {
  return [
    ['area', 'Big Local area'],
    ['comparator', 'Its similar areas'],
    ...(rows.some((r) => r.lowConfidence) ? [['low-confidence', 'Low-confidence footprint'] as [LegendKind, string]] : []),
    ...(rows.some((r) => r.fastGrowth) ? [['fast-growth', `Residents grew over ${FAST_GROWTH_PCT}%`] as [LegendKind, string]] : []),
  ];
}

/** The legend on one line, or wrapped when narrow, then the note under it. */
function placeLegend(W: number, rows: AreaRow[], wide: boolean): { legend: AreaChangesPlacement['legend']; note: PlacedText[]; bottom: number } {
  const legend: AreaChangesPlacement['legend'] = [];
  let lx = PAD;
  let ly = 14;
  for (const [kind, label] of legendItems(rows)) {
    const w = 16 + textWidth(label, 13);
    if (lx > PAD && lx + w > W - PAD) {
      lx = PAD;
      ly += 20;
    }
    legend.push({ kind, swatchX: lx, label: { text: label, x: lx + 16, baseline: ly } });
    lx += w + 18;
  }
  const note: PlacedText[] = [];
  const many = !wide && narrowSelection(rows.length).includes(null);
  const words = many
    ? `Areas ranked by their change: the ${ENDS_SHOWN} largest rises at the top, the ${ENDS_SHOWN} largest falls at the bottom`
    : 'Areas ranked by their change, largest rise at the top';
  // Narrow, with room to spare: the width estimate runs short for wide fonts (DejaVu Sans).
  for (const text of wrapBalanced(words, W - 2 * PAD - (wide ? 0 : 32), 12)) {
    ly += 18;
    note.push({ text, x: PAD, baseline: ly });
  }
  return { legend, note, bottom: ly };
}

/** One scale for both dots, always including zero, with as many ticks as fit without touching. */
function placeScale(values: number[], plotLeft: number, plotRight: number, W: number, showNames: boolean) {
  let lo = Math.min(0, ...values);
  let hi = Math.max(0, ...values);
  if (hi - lo < 1) {
    lo -= 0.5;
    hi += 0.5;
  }
  const x = scaleLinear().domain([lo, hi]).nice().range([plotLeft, plotRight]);
  const fmt0 = ppTickFormat(x.ticks(5));
  const bounds: [number, number] = [showNames ? plotLeft - 12 : 0, W];
  let ticks = chooseTicks(x, W < 480 ? 5 : 8, fmt0, bounds);
  const tickLabel = ppTickFormat(ticks);
  ticks = chooseTicks(x, ticks.length, tickLabel, bounds);
  return { x, ticks, tickLabel };
}

/** What the marks flag, in words: ["Residents +66%", "low-confidence footprint"]; none for most areas. */
function rowFlags(r: AreaRow): string[] {
  return [
    ...(r.fastGrowth && r.residentsChangePct !== null ? [`Residents ${fmtChangePct(r.residentsChangePct)}`] : []),
    ...(r.lowConfidence ? [r.fastGrowth ? 'low-confidence footprint' : 'Low-confidence footprint'] : []),
  ];
}

/**
 * The highlighted area's callout: right of its dots when there is room, else left, else above
 * (from the fifth row down) or below them; always inside the rows.
 */
function placeCallout(
  row: PlacedRow,
  index: number,
  frame: { plotLeft: number; plotRight: number; W: number; rowsTop: number; rowsBottom: number },
): PlacedCallout {
  const { plotLeft, plotRight, W, rowsTop, rowsBottom } = frame;
  const { cy, xArea: xa, xComparator: xc } = row;
  const maxInner = plotRight - plotLeft + 12 - 12;
  // The name is what the reader is looking for: up to three lines before it is shortened.
  const nameLines = wrapBalanced(row.name, maxInner, 13, true);
  const l1 = nameLines.length > 3 ? [...nameLines.slice(0, 2), truncate(nameLines.slice(2).join(' '), maxInner, 13, true)] : nameLines;
  const l2 = `${fmtPp(row.area)} · similar areas ${fmtPp(row.comparator)}`;
  const l3 = rowFlags(row).join(' · ');
  const bw = Math.max(...l1.map((l) => textWidth(l, 13, true)), textWidth(l2, 12), l3 ? textWidth(l3, 12) : 0) + 12;
  const bh = 40 + (l1.length - 1) * 16 + (l3 ? 16 : 0);
  const left = plotLeft - 12;
  const right = W - PAD;
  const dotsMin = Math.min(xa, xc) - 8;
  const dotsMax = Math.max(xa, xc) + 8;
  let bx: number;
  let by: number;
  let anchorX: number;
  let anchorY = cy;
  if (right - dotsMax - 8 >= bw) {
    bx = dotsMax + 8;
    by = cy - bh / 2;
    anchorX = dotsMax;
  } else if (dotsMin - 8 - left >= bw) {
    bx = dotsMin - 8 - bw;
    by = cy - bh / 2;
    anchorX = dotsMin;
  } else {
    bx = Math.min(Math.max((xa + xc) / 2 - bw / 2, left), right - bw);
    const above = index >= 4;
    by = above ? cy - ROW_H - bh : cy + ROW_H;
    anchorX = xa;
    anchorY = above ? cy - 6 : cy + 6;
  }
  by = Math.min(Math.max(by, rowsTop), rowsBottom - bh);
  return {
    x: bx,
    y: by,
    width: bw,
    height: bh,
    nameLines: l1.map((text, k) => ({ text, x: bx + 6, baseline: by + 16 + k * 16 })),
    values: { text: l2, x: bx + 6, baseline: by + 33 + (l1.length - 1) * 16 },
    ...(l3 ? { flags: { text: l3, x: bx + 6, baseline: by + bh - 7 } } : {}),
    leader: {
      x1: anchorX,
      y1: anchorY,
      x2: Math.min(Math.max(anchorX, bx), bx + bw),
      y2: Math.min(Math.max(anchorY, by), by + bh),
    },
  };
}

/** Where everything goes, as numbers. */
export function place(data: BigLocalArea[], state: State, size: Size): AreaChangesPlacement {
  const W = Math.max(size.width, 280);
  const ordered = rows(data, state.measure);
  const wide = W >= NAMES_MIN_WIDTH;
  const nameW = wide ? Math.min(240, Math.round(W * 0.3)) : 0;
  const plotLeft = PAD + (wide ? nameW + 12 : 0) + 12;
  const plotRight = W - PAD - 12;

  const { legend, note, bottom } = placeLegend(W, ordered, wide);
  const scale = placeScale(
    ordered.flatMap((r) => [r.area, r.comparator]),
    plotLeft,
    plotRight,
    W,
    wide,
  );
  const { x } = scale;

  const topAxisY = bottom + 26;
  const rowsTop = topAxisY + 8;
  const rank = state.highlight ? ordered.findIndex((r) => r.code === state.highlight) : -1;
  const placed: PlacedRow[] = [];
  const gaps: PlacedGap[] = [];
  let y = rowsTop;
  if (wide) {
    ordered.forEach((r, i) => {
      const cy = y + ROW_H / 2;
      placed.push({
        ...r,
        rank: i + 1,
        top: y,
        height: ROW_H,
        cy,
        xArea: x(r.area),
        xComparator: x(r.comparator),
        label: { text: truncate(r.name, nameW, 12, i === rank), x: PAD, baseline: centredBaseline(cy, 12) },
      });
      y += ROW_H;
    });
  } else {
    const selection = narrowSelection(ordered.length, rank);
    selection.forEach((i, k) => {
      if (i === null) {
        const from = selection[k - 1]! as number;
        const to = selection[k + 1]! as number;
        const count = to - from - 1;
        const lo = ordered[from + 1]!;
        const hi = ordered[to - 1]!;
        const words = `${count} areas ranked ${from + 2} to ${to}, ${fmtPp(lo.area)} to ${fmtPp(hi.area)}, are left out here: the table has all ${ordered.length}.`;
        const lines = wrapBalanced(words, W - 2 * PAD, 12).map((text, j) => ({ text, x: PAD, baseline: y + 17 + j * 16 }));
        const height = 10 + lines.length * 16;
        gaps.push({ top: y, height, count, lines });
        y += height;
        return;
      }
      const r = ordered[i]!;
      const isHi = i === rank;
      const value = fmtPp(r.area);
      const room = W - 2 * PAD - textWidth(value, 12, isHi) - 10;
      // The name is what a reader looks for: wrapped to three lines before it is shortened.
      const wrapped = wrapBalanced(`${i + 1}. ${r.name}`, room, 12, isHi);
      const lines = wrapped.length > 3 ? [...wrapped.slice(0, 2), truncate(wrapped.slice(2).join(' '), room, 12, isHi)] : wrapped;
      const extra = (lines.length - 1) * LINE_H;
      placed.push({
        ...r,
        rank: i + 1,
        top: y,
        height: LABELLED_ROW_H + extra,
        cy: y + 23 + extra,
        xArea: x(r.area),
        xComparator: x(r.comparator),
        label: { text: lines[0]!, x: PAD, baseline: y + 13 },
        ...(lines.length > 1 ? { labelMore: lines.slice(1).map((text, j) => ({ text, x: PAD, baseline: y + 13 + (j + 1) * LINE_H })) } : {}),
        value: { text: value, x: W - PAD, baseline: y + 13, anchor: 'end' },
      });
      y += LABELLED_ROW_H + extra;
    });
  }
  const rowsBottom = y === rowsTop ? rowsTop + ROW_H : y;
  const bottomAxisY = rowsBottom + 18;
  const highlight = placed.findIndex((r) => r.code === state.highlight);
  const callout =
    wide && highlight >= 0 ? placeCallout(placed[highlight]!, highlight, { plotLeft, plotRight, W, rowsTop, rowsBottom }) : undefined;

  // The caption names the measure and the unit: wrapped, never cut short.
  const caption: PlacedText[] = [];
  let captionY = bottomAxisY + 4;
  for (const text of wrapBalanced(`Change 2011–2021 in ${lowerFirst(MEASURE_LABELS[state.measure])}, percentage points`, W - 2 * PAD, 12)) {
    captionY += 18;
    caption.push({ text, x: PAD, baseline: captionY });
  }

  return {
    width: W,
    legend,
    note,
    ...scale,
    topAxisY,
    rowsTop,
    rowsBottom,
    bottomAxisY,
    rows: placed,
    gaps,
    highlight,
    ...(callout ? { callout } : {}),
    caption,
    height: round1(captionY + 8),
  };
}

/** A hollow area dot: the footprint is only roughly placed. */
const lowConfidenceDot = (cx: number, cy: number, r: number, colour: string, extra = ''): string =>
  circle(cx, cy, r - 0.5, `${extra}fill="#ffffff" stroke="${colour}" stroke-width="2"`);
/** A thin dark ring round the area dot: its residents grew fast. */
const growthRing = (cx: number, cy: number, r = 6.5): string =>
  circle(cx, cy, r, `class="ring ring--fast-growth" fill="none" stroke="${INK.axis}" stroke-width="1.2"`);

/** "Dartford: +13.0 pp; its similar areas +2.4 pp; residents +66%; low-confidence footprint". */
function rowTitle(r: AreaRow): string {
  const flags = rowFlags(r).map((f) => `; ${lowerFirst(f)}`);
  return `${r.name}: ${fmtPp(r.area)}; its similar areas ${fmtPp(r.comparator)}${flags.join('')}`;
}

/** Draws a placement. */
export function layout(data: BigLocalArea[], state: State, size: Size): AreaChangesLayout {
  const p = place(data, state, size);
  const W = p.width;
  const { x, rowsTop, rowsBottom } = p;
  const b = new SvgBuilder();
  const areaColour = GROUP_COLOURS.area;
  const compColour = GROUP_COLOURS.comparator;

  b.raw(`<g class="legend">`);
  for (const { kind, swatchX: sx, label } of p.legend) {
    const ly = label.baseline;
    const cx = sx + 5;
    const cy = ly - 4.5;
    b.raw(
      kind === 'area'
        ? circle(cx, cy, 5, `fill="${areaColour}"`)
        : kind === 'comparator'
          ? circle(cx, cy, 4, `fill="#ffffff" stroke="${compColour}" stroke-width="2"`)
          : kind === 'low-confidence'
            ? lowConfidenceDot(cx, cy, 5, areaColour)
            : circle(cx, cy, 3, `fill="${areaColour}"`) + growthRing(cx, cy),
    );
    b.text(label.x, ly, label.text, { size: 13, fill: INK.text, className: 'legend-label' });
  }
  b.raw(`</g>`);
  for (const t of p.note) b.text(t.x, t.baseline, t.text, { size: 12, fill: INK.muted, className: 'note' });

  const hi = p.rows[p.highlight];
  if (hi) b.raw(rect(0, hi.top, W, hi.height, `class="highlight" fill="${INK.highlight}"`));

  b.raw(`<g class="axis axis--x">`);
  for (const t of p.ticks) {
    if (t !== 0) {
      b.raw(line(x(t), rowsTop, x(t), rowsBottom, `class="grid" stroke="${INK.grid}" stroke-width="1" stroke-dasharray="2 3"`));
    }
    b.text(x(t), p.topAxisY, p.tickLabel(t), { size: 12, anchor: 'middle', fill: INK.muted, className: 'tick-label' });
    b.text(x(t), p.bottomAxisY, p.tickLabel(t), { size: 12, anchor: 'middle', fill: INK.muted, className: 'tick-label' });
  }
  b.raw(line(x(0), rowsTop - 2, x(0), rowsBottom + 2, `class="zero-line" stroke="${INK.axis}" stroke-width="1.5"`));
  b.raw(`</g>`);

  if (p.rows.length === 0) {
    b.text(W / 2, rowsTop + 11, 'No areas', { size: 13, anchor: 'middle', fill: INK.muted, className: 'empty' });
  }

  b.raw(`<g class="areas">`);
  p.rows.forEach((r, i) => {
    const isHi = i === p.highlight;
    b.raw(`<g class="area${isHi ? ' area--highlight' : ''}" data-code="${escapeXml(r.code)}">`);
    b.raw(`<title>${escapeXml(rowTitle(r))}</title>`);
    // The whole row is the pointer's and the finger's target, not just its dots.
    b.raw(rect(0, r.top, W, r.height, 'class="hit" fill="#ffffff" fill-opacity="0"'));
    if (r.label) {
      b.text(r.label.x, r.label.baseline, r.label.text, { size: 12, bold: isHi, fill: INK.text, className: 'area-name' });
    }
    for (const t of r.labelMore ?? []) b.text(t.x, t.baseline, t.text, { size: 12, bold: isHi, fill: INK.text, className: 'area-name' });
    if (r.value) {
      b.text(r.value.x, r.value.baseline, r.value.text, { size: 12, bold: isHi, anchor: 'end', fill: INK.text, className: 'area-value' });
    }
    b.raw(line(r.xArea, r.cy, r.xComparator, r.cy, `class="connector" stroke="${INK.grid}" stroke-width="1.5"`));
    b.raw(
      circle(r.xComparator, r.cy, 3.5, `class="dot dot--comparator" data-value="${round1(r.comparator)}" fill="#ffffff" stroke="${compColour}" stroke-width="1.5"`),
    );
    const areaAttrs = `class="dot dot--area${r.lowConfidence ? ' dot--low-confidence' : ''}" data-value="${round1(r.area)}" `;
    b.raw(
      r.lowConfidence
        ? lowConfidenceDot(r.xArea, r.cy, isHi ? 5.5 : 4, areaColour, areaAttrs)
        : circle(r.xArea, r.cy, isHi ? 5.5 : 4, `${areaAttrs}fill="${areaColour}"${isHi ? ` stroke="${INK.axis}" stroke-width="1.5"` : ''}`),
    );
    if (r.fastGrowth) b.raw(growthRing(r.xArea, r.cy, isHi ? 8 : 6.5));
    b.raw(`</g>`);
  });
  b.raw(`</g>`);

  for (const g of p.gaps) {
    b.raw(rect(0, g.top + 2, W, g.height - 4, `class="gap" fill="#ffffff"`));
    for (const t of g.lines) b.text(t.x, t.baseline, t.text, { size: 12, fill: INK.muted, className: 'gap-note' });
  }

  const c = p.callout;
  if (c) {
    b.raw(`<g class="callout">`);
    b.raw(line(c.leader.x1, c.leader.y1, c.leader.x2, c.leader.y2, `class="leader" stroke="${INK.axis}" stroke-width="1"`));
    b.raw(rect(c.x, c.y, c.width, c.height, `fill="#ffffff" fill-opacity="0.96" stroke="${areaColour}" stroke-width="1.5" rx="3"`));
    for (const t of c.nameLines) b.text(t.x, t.baseline, t.text, { size: 13, bold: true, fill: INK.text, className: 'callout-name' });
    b.text(c.values.x, c.values.baseline, c.values.text, { size: 12, fill: INK.text, className: 'callout-values' });
    if (c.flags) b.text(c.flags.x, c.flags.baseline, c.flags.text, { size: 12, fill: INK.text, className: 'callout-flags' });
    b.raw(`</g>`);
  }

  for (const t of p.caption) b.text(t.x, t.baseline, t.text, { size: 12, fill: INK.muted, className: 'axis-caption' });

  return { body: b.toString(), width: W, height: p.height, labels: b.labels, x, order: p.rows.map((r) => r.code) };
}

export const render: (data: BigLocalArea[], state: State, size: Size, opts?: RenderOptions) => string = chartRenderer(id, layout, title, summary);
