/**
 * How far the finding holds: the difference in differences and its 95% interval (the bootstrap's, stretched side by side as the placebo test stretches the main one) under
 * each specification (other comparators, other footprint rules, without fast-growing
 * neighbourhoods), grouped by what they vary, with zero marked and the main one emphasised.
 * Each specification's label sits above its interval, so long labels stay legible on phones.
 */
import { SPECIFICATION_GROUPS, type Robustness, type RobustnessMeasure, type RobustnessRow, type SpecificationGroup } from '../data/constants.ts';
import { chooseTicks, intervalScale } from './dumbbell.ts';
import { GROUP_COLOURS, INK } from './palette.ts';
import { directionNote, directionWords, fmtPp2, fmtSigned2, measurePhrase, robustnessMeasureOf, round2 } from './robustness-words.ts';
import {
  chartRenderer,
  circle,
  escapeXml,
  line,
  ppTickFormat,
  rect,
  round1,
  SvgBuilder,
  textWidth,
  wrap,
  type Box,
  type RenderOptions,
  type Size,
  type TableData,
} from './svg.ts';
import { includesZero } from './words.ts';

export const id = 'robustness';

export interface State {
  measure: RobustnessMeasure;
}

export const defaultState: State = { measure: 'very_good' };

/** Group headings: what the specifications in each group change. */
export const GROUP_HEADINGS: Record<SpecificationGroup, string> = {
  comparator: 'Other ways of choosing similar areas',
  footprints: 'Other ways of drawing Big Local areas',
  growth: 'Leaving out fast population growth',
};

export interface RobustnessLayout {
  body: string;
  width: number;
  height: number;
  labels: Box[];
  x: (v: number) => number;
}

/** The measure's specifications, main first, then in group order (stable within a group). */
export function rowsOf(data: Robustness, state: State): RobustnessRow[] {
  const m = robustnessMeasureOf(state);
  const rows = data.specifications.filter((s) => s.measure === m);
  const rank = (r: RobustnessRow) => SPECIFICATION_GROUPS.indexOf(r.group) * 2 + (r.specification === 'main' ? 0 : 1);
  return rows.map((r, i) => ({ r, i })).sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i).map(({ r }) => r);
}

const intervalText = (r: RobustnessRow): string => `${fmtSigned2(r.lower)} to ${fmtSigned2(r.upper)}`;

export function title(data: Robustness, state: State): string {
  const m = robustnessMeasureOf(state);
  return `How far the finding holds: the difference in ${measurePhrase(m)} under ${rowsOf(data, state).length} ways of making the comparison`;
}

export function summary(data: Robustness, state: State): string {
  const m = robustnessMeasureOf(state);
  const rows = rowsOf(data, state);
  if (rows.length === 0) return `No robustness checks are available for ${measurePhrase(m)}.`;
  const n = rows.length;
  const zero = rows.filter((r) => includesZero(r)).length;
  const est = rows.map((r) => r.estimate);
  const main = rows.find((r) => r.specification === 'main');
  const mainText = main ? ` (main comparison ${fmtPp2(main.estimate)}, 95% interval ${intervalText(main)})` : '';
  const intervals =
    zero === n ? `all ${n} intervals include zero` : zero === 0 ? `none of the ${n} intervals includes zero` : `${zero} of the ${n} intervals include zero`;
  return (
    `Under ${n} ways of making the comparison, Big Local’s difference in ${measurePhrase(m)} (${directionNote(m)}) ` +
    `ranges from ${fmtPp2(Math.min(...est))} to ${fmtPp2(Math.max(...est))}${mainText}; ${intervals}.`
  );
}

export function tableRows(data: Robustness, state: State): TableData {
  return {
    columns: ['Specification', 'Group', 'Difference (pp)', '95% interval, lower (pp)', '95% interval, upper (pp)', 'Big Local areas'],
    rows: rowsOf(data, state).map((r) => [r.label, r.group, round2(r.estimate), round2(r.lower), round2(r.upper), r.areas]),
  };
}

const PAD = 8;
const LABEL_SIZE = 12;
const LABEL_LINE_H = 15;
const HEADING_H = 30;
/** Height of the interval line's strip under a row's label. */
const STRIP_H = 22;
const ROW_GAP = 8;

export function layout(data: Robustness, state: State, size: Size): RobustnessLayout {
  const W = Math.max(size.width, 280);
  const m = robustnessMeasureOf(state);
  const rows = rowsOf(data, state);
  const b = new SvgBuilder();

  const vals = rows.flatMap((r) => [r.lower, r.upper, r.estimate]);
  const x = intervalScale(vals, 0.04, [PAD + 8, W - PAD - 8]);
  const x0 = x(0);

  // Which way is better for this measure (for bad health, higher is worse).
  const long = directionWords(m, false);
  const fits = textWidth(long[0], 12) + textWidth(long[1], 12) + 16 <= W - 2 * PAD;
  const [left, right] = fits ? long : directionWords(m, true);
  b.raw(`<g class="direction">`);
  b.text(PAD, 14, left, { size: 12, fill: INK.muted, className: 'direction-label' });
  b.text(W - PAD, 14, right, { size: 12, anchor: 'end', fill: INK.muted, className: 'direction-label' });
  b.raw(`</g>`);

  // Vertical positions first (labels wrap to the width), so grid and zero line span every row.
  const top = 26;
  type Placed = { r: RobustnessRow; heading?: string; headingY: number; lines: string[]; labelY: number; value: string; valueY: number; cy: number };
  const placed: Placed[] = [];
  let yy = top;
  let lastGroup: SpecificationGroup | undefined;
  for (const r of rows) {
    let heading: string | undefined;
    let headingY = 0;
    if (r.group !== lastGroup && r.specification !== 'main') {
      heading = GROUP_HEADINGS[r.group];
      headingY = yy + 20;
      yy += HEADING_H;
    }
    if (r.specification !== 'main') lastGroup = r.group;
    const main = r.specification === 'main';
    const lines = wrap(r.label, W - 2 * PAD, LABEL_SIZE, main);
    const labelY = yy + 12;
    const value = `${fmtSigned2(r.estimate)} (${intervalText(r)})`;
    const lastWidth = textWidth(lines[lines.length - 1]!, LABEL_SIZE, main);
    const besideLabel = PAD + lastWidth + 12 + textWidth(value, 12, main) <= W - PAD;
    const textLines = lines.length + (besideLabel ? 0 : 1);
    const valueY = labelY + (textLines - 1) * LABEL_LINE_H;
    const cy = yy + textLines * LABEL_LINE_H + STRIP_H / 2;
    placed.push({ r, heading, headingY, lines, labelY, value, valueY, cy });
    yy = cy + STRIP_H / 2 + ROW_GAP;
  }
  const rowsBottom = yy;

  const fmt0 = ppTickFormat(x.ticks(5));
  let ticks = chooseTicks(x, W < 480 ? 5 : 7, fmt0, [0, W]);
  ticks = chooseTicks(x, ticks.length, ppTickFormat(ticks), [0, W]);
  // Format with the final ticks' step (a wider step needs fewer decimals), rounded first: −0.2 − (−0.3)
  // is 0.0999…, which tickDecimals would read as a step below 0.1 and print "−0.30".
  const fmt = ppTickFormat([0, ticks.length > 1 ? Number((ticks[1]! - ticks[0]!).toFixed(6)) : 1]);
  b.raw(`<g class="axis axis--x">`);
  for (const t of ticks) {
    if (t !== 0) b.raw(line(x(t), top, x(t), rowsBottom, `class="grid" stroke="${INK.grid}" stroke-width="1" stroke-dasharray="2 3"`));
    b.text(x(t), rowsBottom + 16, fmt(t), { size: 12, anchor: 'middle', fill: INK.muted, className: 'tick-label' });
  }
  b.raw(line(x0, top, x0, rowsBottom + 4, `class="zero-line" stroke="${INK.axis}" stroke-width="1.5"`));
  b.raw(`</g>`);

  for (const p of placed) {
    const { r } = p;
    const main = r.specification === 'main';
    const colour = main ? GROUP_COLOURS.big_local : INK.axis;
    if (p.heading) {
      b.text(PAD, p.headingY, p.heading, { size: 13, bold: true, fill: INK.text, backing: true, className: 'group-heading' });
    }
    b.raw(
      `<g class="row${main ? ' row--main' : ''}" data-specification="${escapeXml(r.specification)}" data-group="${r.group}">` +
        `<title>${escapeXml(`${r.label}: ${fmtPp2(r.estimate)} (95% interval ${fmtPp2(r.lower)} to ${fmtPp2(r.upper)}), ${r.areas} Big Local areas`)}</title>`,
    );
    if (main) {
      const y1 = p.labelY - 14;
      b.raw(rect(0, y1, W, p.cy + STRIP_H / 2 + 4 - y1, `class="main-band" fill="${INK.highlight}"`));
      // The band hides the grid and zero line: draw the zero line again over it.
      b.raw(line(x0, y1, x0, p.cy + STRIP_H / 2 + 4, `stroke="${INK.axis}" stroke-width="1.5"`));
    }
    p.lines.forEach((text, k) => {
      b.text(PAD, p.labelY + k * LABEL_LINE_H, text, {
        size: LABEL_SIZE,
        bold: main,
        fill: INK.text,
        // Boxed, so the grid and zero line stop at the words rather than running through them.
        backing: main ? INK.highlight : true,
        className: 'row-label',
      });
    });
    const xl = x(r.lower);
    const xu = x(r.upper);
    const cy = p.cy;
    b.raw(line(xl, cy, xu, cy, `class="interval" stroke="${colour}" stroke-width="${main ? 3 : 2}"`));
    b.raw(line(xl, cy - 5, xl, cy + 5, `class="interval-cap" stroke="${colour}" stroke-width="2"`));
    b.raw(line(xu, cy - 5, xu, cy + 5, `class="interval-cap" stroke="${colour}" stroke-width="2"`));
    b.raw(
      circle(x(r.estimate), cy, main ? 6 : 5, `class="estimate" data-value="${round2(r.estimate)}" fill="${colour}" stroke="#ffffff" stroke-width="1.5"`),
    );
    // The values, right-aligned in a column on the label's last line (or a line of their own),
    // so nothing is drawn over the interval.
    b.text(W - PAD, p.valueY, p.value, {
      size: 12,
      bold: main,
      anchor: 'end',
      fill: main ? GROUP_COLOURS.big_local : INK.text,
      backing: main ? INK.highlight : true,
      className: 'value',
    });
    b.raw(`</g>`);
  }

  const captionY = rowsBottom + 36;
  b.text(PAD, captionY, 'Difference in change (pp) and 95% interval', { size: 12, fill: INK.muted, className: 'axis-caption' });
  return { body: b.toString(), width: W, height: round1(captionY + 8), labels: b.labels, x };
}

export const render: (data: Robustness, state: State, size: Size, opts?: RenderOptions) => string = chartRenderer(id, layout, title, summary);
