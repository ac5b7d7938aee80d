/**
 * Every Big Local area's change in a measure beside its similar areas' change: a ranked dot
 * plot, one 14 px row per area (largest rise at the top), with a zero line. Area names are
 * drawn when the chart is wide enough; on phones each row keeps a tooltip and the highlighted
 * area gets a callout with its name and values.
 */
import { scaleLinear } from 'd3';
import { MEASURE_LABELS, type BigLocalArea, type HealthMeasure } from '../data/constants.ts';
import { chooseTicks } from './dumbbell.ts';
import { GROUP_COLOURS, INK } from './palette.ts';
import {
  centredBaseline,
  circle,
  displaySign,
  escapeXml,
  fmtPp,
  line,
  lowerFirst,
  rect,
  round1,
  round1dp,
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
  let rose = 0;
  let fell = 0;
  let higher = 0;
  let lower = 0;
  for (const a of data) {
    const s = displaySign(a.health.changePp[m]);
    if (s > 0) rose++;
    else if (s < 0) fell++;
    const rel = displaySign(round1dp(a.health.changePp[m]) - round1dp(a.comparator.changePp[m]));
    if (rel > 0) higher++;
    else if (rel < 0) lower++;
  }
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
    `${relParts}${relSame > 0 ? ` (${relSame} the same)` : ''}.`
  );
}

export function tableRows(data: BigLocalArea[], state: State): TableData {
  const m = state.measure;
  return {
    columns: ['Rank', 'Big Local area', 'Local authority', 'Area change (pp)', 'Similar areas change (pp)', 'Difference (pp)'],
    rows: ranked(data, m).map((a, i) => {
      const ac = round1dp(a.health.changePp[m]);
      const cc = round1dp(a.comparator.changePp[m]);
      return [i + 1, a.name, a.ladName, ac, cc, round1dp(ac - cc)];
    }),
  };
}

export function layout(data: BigLocalArea[], state: State, size: Size): AreaChangesLayout {
  const W = Math.max(size.width, 280);
  const m = state.measure;
  const b = new SvgBuilder();
  const areas = ranked(data, m);
  const areaColour = GROUP_COLOURS.area;
  const compColour = GROUP_COLOURS.comparator;
  const showNames = W >= NAMES_MIN_WIDTH;
  const nameW = showNames ? Math.min(240, Math.round(W * 0.3)) : 0;
  const plotLeft = PAD + (showNames ? nameW + 12 : 0) + 12;
  const plotRight = W - PAD - 12;

  // Legend (wraps when narrow).
  b.raw(`<g class="legend">`);
  const items: [string, string][] = [
    ['area', 'Big Local area'],
    ['comparator', 'Its similar areas'],
  ];
  let lx = PAD;
  let ly = 14;
  for (const [kind, label] of items) {
    const w = 16 + textWidth(label, 13);
    if (lx > PAD && lx + w > W - PAD) {
      lx = PAD;
      ly += 20;
    }
    b.raw(
      kind === 'area'
        ? circle(lx + 5, ly - 4.5, 5, `fill="${areaColour}"`)
        : circle(lx + 5, ly - 4.5, 4, `fill="#ffffff" stroke="${compColour}" stroke-width="2"`),
    );
    b.text(lx + 16, ly, label, { size: 13, fill: INK.text, className: 'legend-label' });
    lx += w + 18;
  }
  b.raw(`</g>`);
  for (const noteLine of wrapBalanced('Areas ranked by their change, largest rise at the top', W - 2 * PAD, 12)) {
    ly += 18;
    b.text(PAD, ly, noteLine, { size: 12, fill: INK.muted, className: 'note' });
  }

  const values = areas.flatMap((a) => [a.health.changePp[m], a.comparator.changePp[m]]);
  let lo = Math.min(0, ...values);
  let hi = Math.max(0, ...values);
  if (hi - lo < 1) {
    lo -= 0.5;
    hi += 0.5;
  }
  const x = scaleLinear().domain([lo, hi]).nice().range([plotLeft, plotRight]);
  const fmt0 = ppTickFormat(x.ticks(5));
  let ticks = chooseTicks(x, W < 480 ? 5 : 8, fmt0, [showNames ? plotLeft - 12 : 0, W]);
  const fmt = ppTickFormat(ticks);
  ticks = chooseTicks(x, ticks.length, fmt, [showNames ? plotLeft - 12 : 0, W]);

  const topAxisY = ly + 26;
  const rowsTop = topAxisY + 8;
  const rowsBottom = rowsTop + Math.max(areas.length, 1) * ROW_H;
  const bottomAxisY = rowsBottom + 18;

  const hi_i = state.highlight ? areas.findIndex((a) => a.code === state.highlight) : -1;
  if (hi_i >= 0) {
    b.raw(rect(0, rowsTop + hi_i * ROW_H, W, ROW_H, `class="highlight" fill="${INK.highlight}"`));
  }

  b.raw(`<g class="axis axis--x">`);
  for (const t of ticks) {
    if (t !== 0) {
      b.raw(line(x(t), rowsTop, x(t), rowsBottom, `class="grid" stroke="${INK.grid}" stroke-width="1" stroke-dasharray="2 3"`));
    }
    b.text(x(t), topAxisY, fmt(t), { size: 12, anchor: 'middle', fill: INK.muted, className: 'tick-label' });
    b.text(x(t), bottomAxisY, fmt(t), { size: 12, anchor: 'middle', fill: INK.muted, className: 'tick-label' });
  }
  b.raw(line(x(0), rowsTop - 2, x(0), rowsBottom + 2, `class="zero-line" stroke="${INK.axis}" stroke-width="1.5"`));
  b.raw(`</g>`);

  if (areas.length === 0) {
    b.text(W / 2, rowsTop + 11, 'No areas', { size: 13, anchor: 'middle', fill: INK.muted, className: 'empty' });
  }

  b.raw(`<g class="areas">`);
  areas.forEach((a, i) => {
    const cy = rowsTop + i * ROW_H + ROW_H / 2;
    const ac = a.health.changePp[m];
    const cc = a.comparator.changePp[m];
    const xa = x(ac);
    const xc = x(cc);
    const isHi = i === hi_i;
    b.raw(`<g class="area${isHi ? ' area--highlight' : ''}" data-code="${escapeXml(a.code)}">`);
    b.raw(`<title>${escapeXml(`${a.name}: ${fmtPp(ac)}; its similar areas ${fmtPp(cc)}`)}</title>`);
    if (showNames) {
      b.text(PAD, centredBaseline(cy, 12), truncate(a.name, nameW, 12, isHi), {
        size: 12,
        bold: isHi,
        fill: INK.text,
        className: 'area-name',
      });
    }
    b.raw(line(xa, cy, xc, cy, `class="connector" stroke="${INK.grid}" stroke-width="1.5"`));
    b.raw(
      circle(xc, cy, 3.5, `class="dot dot--comparator" data-value="${round1dp(cc)}" fill="#ffffff" stroke="${compColour}" stroke-width="1.5"`),
    );
    b.raw(
      circle(
        xa,
        cy,
        isHi ? 5.5 : 4,
        `class="dot dot--area" data-value="${round1dp(ac)}" fill="${areaColour}"${isHi ? ` stroke="${INK.axis}" stroke-width="1.5"` : ''}`,
      ),
    );
    b.raw(`</g>`);
  });
  b.raw(`</g>`);

  // Callout for the highlighted area.
  if (hi_i >= 0) {
    const a = areas[hi_i]!;
    const cy = rowsTop + hi_i * ROW_H + ROW_H / 2;
    const xa = x(a.health.changePp[m]);
    const xc = x(a.comparator.changePp[m]);
    const maxInner = plotRight - plotLeft + 12 - 12;
    // The name is what the reader is looking for: up to three lines before it is shortened.
    const nameLines = wrapBalanced(a.name, maxInner, 13, true);
    const l1 = nameLines.length > 3 ? [...nameLines.slice(0, 2), truncate(nameLines.slice(2).join(' '), maxInner, 13, true)] : nameLines;
    const l2 = `${fmtPp(a.health.changePp[m])} · similar areas ${fmtPp(a.comparator.changePp[m])}`;
    const bw = Math.max(...l1.map((l) => textWidth(l, 13, true)), textWidth(l2, 12)) + 12;
    const bh = 40 + (l1.length - 1) * 16;
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
      const above = hi_i >= 4;
      by = above ? cy - ROW_H - bh : cy + ROW_H;
      anchorX = xa;
      anchorY = above ? cy - 6 : cy + 6;
    }
    by = Math.min(Math.max(by, rowsTop), rowsBottom - bh);
    // Leader from the dot to the nearest point of the box.
    const edgeX = Math.min(Math.max(anchorX, bx), bx + bw);
    const edgeY = Math.min(Math.max(anchorY, by), by + bh);
    b.raw(`<g class="callout">`);
    b.raw(line(anchorX, anchorY, edgeX, edgeY, `class="leader" stroke="${INK.axis}" stroke-width="1"`));
    b.raw(rect(bx, by, bw, bh, `fill="#ffffff" fill-opacity="0.96" stroke="${areaColour}" stroke-width="1.5" rx="3"`));
    l1.forEach((l, k) => b.text(bx + 6, by + 16 + k * 16, l, { size: 13, bold: true, fill: INK.text, className: 'callout-name' }));
    b.text(bx + 6, by + bh - 7, l2, { size: 12, fill: INK.text, className: 'callout-values' });
    b.raw(`</g>`);
  }

  // The caption names the measure and the unit: wrapped, never cut short.
  const caption = wrapBalanced(`Change 2011–2021 in ${lowerFirst(MEASURE_LABELS[m])}, percentage points`, W - 2 * PAD, 12);
  let captionY = bottomAxisY + 4;
  for (const captionLine of caption) {
    captionY += 18;
    b.text(PAD, captionY, captionLine, { size: 12, fill: INK.muted, className: 'axis-caption' });
  }

  return {
    body: b.toString(),
    width: W,
    height: round1(captionY + 8),
    labels: b.labels,
    x,
    order: areas.map((a) => a.code),
  };
}

export const render: (data: BigLocalArea[], state: State, size: Size, opts?: RenderOptions) => string = chartRenderer(id, layout, title, summary);
