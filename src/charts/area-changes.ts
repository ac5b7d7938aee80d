/**
 * Every Big Local area's change in a measure beside its similar areas' change: a ranked dot
 * plot, one 14 px row per area (largest rise at the top), with a zero line. Area names are
 * drawn when the chart is wide enough; on phones each row keeps a tooltip and the highlighted
 * area gets a callout with its name and values. Areas whose change may reflect who lives there
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
/** Below this width the area names are left out (the data table and tooltips carry them). */
export const NAMES_MIN_WIDTH = 560;

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
      ? `in ${higher} it ended higher relative to the area's similar areas, in ${lower} lower`
      : `in ${lower} it ended lower relative to the area's similar areas, in ${higher} higher`;
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

/** A line of text at a baseline (x is its start unless said otherwise). */
export interface PlacedText {
  text: string;
  x: number;
  baseline: number;
}

export interface PlacedRow extends AreaRow {
  /** Centre line of the row. */
  cy: number;
  /** Centres of the area's and the comparator's dots. */
  xArea: number;
  xComparator: number;
  /** The name drawn left of the plot (shortened to fit), when names are shown. */
  label?: PlacedText;
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
  rows: PlacedRow[];
  /** Index of the highlighted row, or −1. */
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
function placeLegend(W: number, rows: AreaRow[]): { legend: AreaChangesPlacement['legend']; note: PlacedText[]; bottom: number } {
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
  for (const text of wrapBalanced('Areas ranked by their change, largest rise at the top', W - 2 * PAD, 12)) {
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
  const showNames = W >= NAMES_MIN_WIDTH;
  const nameW = showNames ? Math.min(240, Math.round(W * 0.3)) : 0;
  const plotLeft = PAD + (showNames ? nameW + 12 : 0) + 12;
  const plotRight = W - PAD - 12;

  const { legend, note, bottom } = placeLegend(W, ordered);
  const scale = placeScale(
    ordered.flatMap((r) => [r.area, r.comparator]),
    plotLeft,
    plotRight,
    W,
    showNames,
  );
  const { x } = scale;

  const topAxisY = bottom + 26;
  const rowsTop = topAxisY + 8;
  const rowsBottom = rowsTop + Math.max(ordered.length, 1) * ROW_H;
  const bottomAxisY = rowsBottom + 18;
  const highlight = state.highlight ? ordered.findIndex((r) => r.code === state.highlight) : -1;

  const placed: PlacedRow[] = ordered.map((r, i) => {
    const cy = rowsTop + i * ROW_H + ROW_H / 2;
    return {
      ...r,
      cy,
      xArea: x(r.area),
      xComparator: x(r.comparator),
      ...(showNames ? { label: { text: truncate(r.name, nameW, 12, i === highlight), x: PAD, baseline: centredBaseline(cy, 12) } } : {}),
    };
  });
  const callout =
    highlight >= 0 ? placeCallout(placed[highlight]!, highlight, { plotLeft, plotRight, W, rowsTop, rowsBottom }) : undefined;

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

  if (p.highlight >= 0) {
    b.raw(rect(0, rowsTop + p.highlight * ROW_H, W, ROW_H, `class="highlight" fill="${INK.highlight}"`));
  }

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
    if (r.label) {
      b.text(r.label.x, r.label.baseline, r.label.text, { size: 12, bold: isHi, fill: INK.text, className: 'area-name' });
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
