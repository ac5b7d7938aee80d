/**
 * The dumbbell form shared by group-comparison and area-change: one row per place, a hollow dot
 * for 2011 joined to a filled dot for 2021, the values beside the dots and the change in pp in a
 * right-hand column.
 */
import { scaleLinear, type ScaleLinear } from 'd3';
import { GROUP_COLOURS, INK, type ColourKey } from './palette.ts';
import {
  centredBaseline,
  circle,
  escapeXml,
  fmtPct,
  fmtPp,
  line,
  rect,
  round1,
  SvgBuilder,
  textBox,
  textWidth,
  truncate,
  wrapBalanced,
  pctTickFormat,
  type Box,
} from './svg.ts';

export interface DumbbellRow {
  /** Stable key written to data-key (a group id or a place code). */
  key: string;
  label: string;
  colour: ColourKey;
  v2011: number;
  v2021: number;
  change: number;
  highlight?: boolean;
}

export interface DumbbellLayout {
  body: string;
  width: number;
  height: number;
  labels: Box[];
  x: ScaleLinear<number, number>;
}

const PAD = 8;
const R2011 = 5.5;
const R2021 = 6;
const ROW_H = 48;
const LABEL_SIZE = 13;
/** Line spacing when a row label wraps. */
const LABEL_LINE_H = 17;
const VALUE_SIZE = 12;
const TICK_SIZE = 12;

/** Pick the most ticks (up to maxCount) whose labels keep 8 px apart and inside the chart. */
/**
 * The x scale of estimates with intervals: always showing zero, at least half a point wide, with
 * `margin` (a share of the span) either side, rounded to nice ends.
 */
export function intervalScale(values: number[], margin: number, range: [number, number]): ScaleLinear<number, number> {
  let lo = Math.min(0, ...values);
  let hi = Math.max(0, ...values);
  if (hi - lo < 0.5) {
    lo -= 0.25;
    hi += 0.25;
  }
  const span = hi - lo;
  return scaleLinear()
    .domain([lo - span * margin, hi + span * margin])
    .nice()
    .range(range);
}

export function chooseTicks(
  x: ScaleLinear<number, number>,
  maxCount: number,
  fmt: (v: number) => string,
  bounds: [number, number],
): number[] {
  for (let count = maxCount; count >= 2; count--) {
    const ticks = x.ticks(count);
    if (ticks.length > maxCount + 2) continue;
    const boxes = ticks.map((t) => textBox(x(t), 0, fmt(t), { size: TICK_SIZE, anchor: 'middle' }));
    const inside = boxes.every((b) => b.x >= bounds[0] && b.x + b.width <= bounds[1]);
    const apart = boxes.every((b, i) => i === 0 || boxes[i - 1]!.x + boxes[i - 1]!.width + 8 <= b.x);
    if (inside && apart) return ticks;
  }
  return x.domain();
}

export function dumbbell(rows: DumbbellRow[], width: number, caption: string): DumbbellLayout {
  const W = Math.max(width, 280);
  const b = new SvgBuilder();

  const changeTexts = rows.map((r) => fmtPp(r.change));
  const changeColW = Math.max(textWidth('Change', 12, true), ...changeTexts.map((t) => textWidth(t, LABEL_SIZE, true)));
  const valueW = Math.max(0, ...rows.flatMap((r) => [r.v2011, r.v2021].map((v) => textWidth(fmtPct(v), VALUE_SIZE))));
  const labelPad = valueW + R2021 + 5;
  const changeX = W - PAD; // right edge of the change column
  const plotLeft = PAD + labelPad;
  const plotRight = changeX - changeColW - 14 - labelPad;

  const values = rows.flatMap((r) => [r.v2011, r.v2021]);
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) [lo, hi] = [0, 100];
  if (hi - lo < 1) {
    const mid = (lo + hi) / 2;
    [lo, hi] = [mid - 0.5, mid + 0.5];
  }
  const x = scaleLinear().domain([lo, hi]).nice().range([plotLeft, plotRight]);
  if (x.domain()[0]! < 0) x.domain([0, x.domain()[1]!]);

  // Legend and column header.
  const legendY = 14;
  b.raw(`<g class="legend">`);
  b.raw(circle(PAD + R2011, legendY - 4, R2011 - 1, `fill="#ffffff" stroke="${INK.axis}" stroke-width="2"`));
  const l1 = b.text(PAD + 2 * R2011 + 5, legendY, '2011', { size: 12, fill: INK.text, className: 'legend-label' });
  const x2 = l1.x + l1.width + 14;
  b.raw(circle(x2 + R2021, legendY - 4, R2021 - 1, `fill="${INK.axis}"`));
  b.text(x2 + 2 * R2021 + 5, legendY, '2021', { size: 12, fill: INK.text, className: 'legend-label' });
  b.text(changeX, legendY, 'Change', { size: 12, bold: true, anchor: 'end', fill: INK.text, className: 'column-header' });
  b.raw(`</g>`);

  // Long row labels (area names) wrap onto a second line, which makes that row taller.
  const labelLines = rows.map((r) => {
    const lines = wrapBalanced(r.label, W - 2 * PAD, LABEL_SIZE, true);
    return lines.length > 2 ? [lines[0]!, truncate(lines.slice(1).join(' '), W - 2 * PAD, LABEL_SIZE, true)] : lines;
  });
  const rowHeights = labelLines.map((l) => ROW_H + (l.length - 1) * LABEL_LINE_H);
  const top = 26;
  const rowsBottom = top + rowHeights.reduce((a, h) => a + h, 0);

  // Grid and ticks.
  const fmt0 = pctTickFormat(x.ticks(5));
  let ticks = chooseTicks(x, W < 480 ? 4 : 6, fmt0, [0, changeX - changeColW - 14]);
  const fmt = pctTickFormat(ticks);
  ticks = chooseTicks(x, ticks.length, fmt, [0, changeX - changeColW - 14]);
  b.raw(`<g class="axis axis--x">`);
  for (const t of ticks) {
    b.raw(line(x(t), top, x(t), rowsBottom, `class="grid" stroke="${INK.grid}" stroke-width="1" stroke-dasharray="2 3"`));
    b.text(x(t), rowsBottom + 16, fmt(t), { size: TICK_SIZE, anchor: 'middle', fill: INK.muted, className: 'tick-label' });
  }
  b.raw(`</g>`);

  let y0 = top;
  rows.forEach((r, i) => {
    const extra = rowHeights[i]! - ROW_H;
    const cy = y0 + 33 + extra;
    const colour = GROUP_COLOURS[r.colour];
    const rising = r.v2021 >= r.v2011;
    const x11 = x(r.v2011);
    const x21 = x(r.v2021);
    b.raw(
      `<g class="row${r.highlight ? ' row--highlight' : ''}" data-key="${escapeXml(r.key)}">` +
        `<title>${escapeXml(`${r.label}: ${fmtPct(r.v2011)} in 2011, ${fmtPct(r.v2021)} in 2021`)}</title>`,
    );
    if (r.highlight) b.raw(rect(0, y0 + 1, W, rowHeights[i]! - 2, `class="highlight" fill="${INK.highlight}"`));
    labelLines[i]!.forEach((l, k) =>
      b.text(PAD, y0 + 16 + k * LABEL_LINE_H, l, {
        size: LABEL_SIZE,
        bold: true,
        fill: colour,
        // Halo: grid lines run behind the labels.
        halo: r.highlight ? INK.highlight : true,
        className: 'row-label',
      }),
    );
    b.raw(line(x11, cy, x21, cy, `class="connector" stroke="${colour}" stroke-width="${r.highlight ? 4 : 3}" stroke-linecap="round"`));
    b.raw(
      circle(x11, cy, R2011, `class="dot dot--2011" data-year="2011" fill="#ffffff" stroke="${colour}" stroke-width="2.5"`),
    );
    b.raw(circle(x21, cy, R2021, `class="dot dot--2021" data-year="2021" fill="${colour}"`));
    const base = centredBaseline(cy, VALUE_SIZE);
    const gap11 = R2011 + 4;
    const gap21 = R2021 + 4;
    b.text(rising ? x11 - gap11 : x11 + gap11, base, fmtPct(r.v2011), {
      size: VALUE_SIZE,
      anchor: rising ? 'end' : 'start',
      fill: INK.muted,
      halo: r.highlight ? INK.highlight : true,
      className: 'value value--2011',
    });
    b.text(rising ? x21 + gap21 : x21 - gap21, base, fmtPct(r.v2021), {
      size: VALUE_SIZE,
      anchor: rising ? 'start' : 'end',
      fill: INK.text,
      halo: r.highlight ? INK.highlight : true,
      className: 'value value--2021',
    });
    b.text(changeX, centredBaseline(cy, LABEL_SIZE), changeTexts[i]!, {
      size: LABEL_SIZE,
      bold: true,
      anchor: 'end',
      fill: colour,
      className: 'change',
    });
    b.raw(`</g>`);
    y0 += rowHeights[i]!;
  });

  // The caption names the measure and the unit: wrapped, never cut short.
  let captionY = rowsBottom + 18;
  for (const l of wrapBalanced(caption, W - 2 * PAD, 12)) {
    captionY += 18;
    b.text(PAD, captionY, l, { size: 12, fill: INK.muted, className: 'axis-caption' });
  }

  return { body: b.toString(), width: W, height: round1(captionY + 8), labels: b.labels, x };
}
