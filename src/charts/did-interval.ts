/**
 * The difference in differences — Big Local areas' change minus similar areas' change — for a
 * few measures, each with the site's 95% interval (from the placebo test) and a zero reference
 * line. Its numbers print two decimals, as the placebo and robustness charts' do: the differences
 * are a tenth of a point or less, and one decimal would print an interval from −0.007 as "0.0".
 */
import { HEALTH_MEASURES, MEASURE_LABELS, type HealthMeasure, type Interval, type Summary } from '../data/constants.ts';
import { chooseTicks, intervalScale } from './dumbbell.ts';
import { GROUP_COLOURS, INK } from './palette.ts';
import {
  centredBaseline,
  circle,
  escapeXml,
  line,
  lowerFirst,
  round1,
  SvgBuilder,
  textWidth,
  wrap,
  type Box,
  type RenderOptions,
  type Size,
  type TableData,
  chartRenderer,
  ppTickFormat,
} from './svg.ts';
import { includesZero, listJoin } from './words.ts';
import { fmtPp2, fmtSigned2, round2 } from './robustness-words.ts';

export const id = 'did-interval';

export interface State {
  measures: HealthMeasure[];
}

export const defaultState: State = { measures: ['very_good', 'very_good_or_good', 'bad_or_very_bad'] };

export interface DidLayout {
  body: string;
  width: number;
  height: number;
  labels: Box[];
  x: (v: number) => number;
}

function measuresOf(state: State): HealthMeasure[] {
  const ms = state.measures.length > 0 ? state.measures : defaultState.measures;
  return ms.filter((m, i) => HEALTH_MEASURES.includes(m) && ms.indexOf(m) === i);
}

/**
 * Whether a higher share is better for health: true for the good measures, false for the bad ones
 * (for bad or very bad health, "Big Local higher" is the worse result), null for fair health.
 */
export function higherIsBetter(m: HealthMeasure): boolean | null {
  if (m === 'very_good' || m === 'good' || m === 'very_good_or_good') return true;
  if (m === 'bad' || m === 'very_bad' || m === 'bad_or_very_bad') return false;
  return null;
}

/** The row's hint, "higher is better" / "higher is worse" (short: "better →" / "worse →"), or null for fair health. */
export function directionHint(m: HealthMeasure, short = false): string | null {
  const better = higherIsBetter(m);
  if (better === null) return null;
  const word = better ? 'better' : 'worse';
  return short ? `${word} \u2192` : `higher is ${word}`;
}

function intervalText(i: Interval): string {
  return `${fmtSigned2(i.lower)} to ${fmtSigned2(i.upper)}`;
}

export function title(_data: Summary, _state: State): string {
  return 'Change in Big Local areas minus change in similar areas, 2011 to 2021, with 95% intervals';
}

export function summary(data: Summary, state: State): string {
  const parts = measuresOf(state).map((m) => {
    const d = data.differenceInDifferences[m];
    const r = round2(d.estimate);
    const size = r === 0 ? 'no different' : `${Math.abs(r).toFixed(2)} pp ${r > 0 ? 'higher' : 'lower'}`;
    // Where a higher share is the worse result (bad health), say so: a reading guide, not a verdict.
    const worse = higherIsBetter(m) === false ? 'where higher is worse; ' : '';
    return (
      `${size} for ${lowerFirst(MEASURE_LABELS[m])} ` +
      `(${worse}95% interval ${intervalText(d)} pp, which ${includesZero(d) ? 'includes' : 'excludes'} zero)`
    );
  });
  return `Relative to similar areas, the 2011–2021 change in Big Local areas was ${listJoin(parts)}.`;
}

export function tableRows(data: Summary, state: State): TableData {
  return {
    columns: ['Measure', 'Difference (pp)', '95% interval, lower (pp)', '95% interval, upper (pp)'],
    rows: measuresOf(state).map((m) => {
      const d = data.differenceInDifferences[m];
      return [MEASURE_LABELS[m], round2(d.estimate), round2(d.lower), round2(d.upper)];
    }),
  };
}

const PAD = 8;
const ROW_H = 64;
/** Extra height for each further line of a row's value label. */
const LINE_H = 14;
/** The widest a value label on a backing wraps to: two lines of about 140 px each. */
const BACKED_WIDTH = 170;

export function layout(data: Summary, state: State, size: Size): DidLayout {
  const W = Math.max(size.width, 280);
  const b = new SvgBuilder();
  const measures = measuresOf(state);
  const colour = GROUP_COLOURS.big_local;

  const vals = measures.flatMap((m) => {
    const d = data.differenceInDifferences[m];
    return [d.lower, d.upper, d.estimate];
  });
  const x = intervalScale(vals, 0.05, [PAD + 14, W - PAD - 14]);

  // Which way is which.
  b.raw(`<g class="direction">`);
  b.text(PAD, 14, '\u2190 Big Local lower', { size: 12, fill: INK.muted, className: 'direction-label' });
  b.text(W - PAD, 14, 'Big Local higher \u2192', { size: 12, anchor: 'end', fill: INK.muted, className: 'direction-label' });
  b.raw(`</g>`);

  // Each row's value label sits under its interval, on its estimate's side of the zero line, on
  // one line or two. Where neither fits beside the line (a phone, an estimate near zero), it is
  // centred under the estimate on a white backing that breaks the zero line: a label on the far
  // side of zero reads as the wrong sign, and one drawn across the line as struck through.
  const x0 = x(0);
  const GAP = 6;
  const rows = measures.map((m) => {
    const d = data.differenceInDifferences[m];
    const xe = x(d.estimate);
    const one = `${fmtPp2(d.estimate)} (95% interval ${intervalText(d)})`;
    // The estimate's side (at zero itself: the side with more room).
    const [a, z] = xe < x0 || (xe === x0 && x0 - PAD > W - PAD - x0) ? [PAD, x0 - GAP] : [x0 + GAP, W - PAD];
    const beside = (maxLines: number) => {
      const lines = wrap(one, z - a, 12);
      const w = Math.max(...lines.map((l) => textWidth(l, 12)));
      if (lines.length <= maxLines && w <= z - a) return { lines, cx: Math.min(Math.max(xe, a + w / 2), z - w / 2), backed: false };
      return undefined;
    };
    const under = () => {
      const lines = wrap(one, Math.min(W - 2 * PAD, BACKED_WIDTH), 12);
      const w = Math.max(...lines.map((l) => textWidth(l, 12)));
      return { lines, cx: Math.min(Math.max(xe, PAD + w / 2), W - PAD - w / 2), backed: true };
    };
    const label = beside(1) ?? beside(2) ?? under();
    return { m, d, xe, label, height: ROW_H + (label.lines.length - 1) * LINE_H };
  });

  const top = 24;
  const rowsBottom = top + rows.reduce((sum, r) => sum + r.height, 0);

  const fmt0 = ppTickFormat(x.ticks(5));
  let ticks = chooseTicks(x, W < 480 ? 5 : 7, fmt0, [0, W]);
  const fmt = ppTickFormat(ticks);
  ticks = chooseTicks(x, ticks.length, fmt, [0, W]);
  b.raw(`<g class="axis axis--x">`);
  for (const t of ticks) {
    if (t !== 0) {
      b.raw(line(x(t), top, x(t), rowsBottom, `class="grid" stroke="${INK.grid}" stroke-width="1" stroke-dasharray="2 3"`));
    }
    b.text(x(t), rowsBottom + 16, fmt(t), { size: 12, anchor: 'middle', fill: INK.muted, className: 'tick-label' });
  }
  b.raw(line(x0, top, x0, rowsBottom + 4, `class="zero-line" stroke="${INK.axis}" stroke-width="1.5"`));
  b.raw(`</g>`);

  let y0 = top;
  for (const { m, d, xe, label, height } of rows) {
    const cy = y0 + 32;
    const hint = directionHint(m);
    b.raw(
      `<g class="row" data-measure="${m}"><title>${escapeXml(
        `${MEASURE_LABELS[m]}: ${fmtPp2(d.estimate)} (95% interval ${fmtPp2(d.lower)} to ${fmtPp2(d.upper)})${hint ? `; ${hint}` : ''}`,
      )}</title>`,
    );
    // Boxed: on phones a long label reaches across the zero line, which stops at it.
    b.text(PAD, y0 + 15, MEASURE_LABELS[m], { size: 13, bold: true, fill: INK.text, backing: true, className: 'row-label' });
    // Which way is better for this measure, at the right of its label: "Big Local higher" is the
    // better result for very good health and the worse one for bad health. Shortened to an arrow
    // when the label leaves too little room.
    if (hint) {
      const room = W - 2 * PAD - textWidth(MEASURE_LABELS[m], 13, true) - 8;
      const fits = textWidth(hint, 12) <= room ? hint : directionHint(m, true)!;
      b.text(W - PAD, y0 + 15, fits, { size: 12, anchor: 'end', fill: INK.muted, className: 'row-direction' });
    }
    const xl = x(d.lower);
    const xu = x(d.upper);
    b.raw(line(xl, cy, xu, cy, `class="interval" stroke="${colour}" stroke-width="3"`));
    b.raw(line(xl, cy - 6, xl, cy + 6, `class="interval-cap" stroke="${colour}" stroke-width="2"`));
    b.raw(line(xu, cy - 6, xu, cy + 6, `class="interval-cap" stroke="${colour}" stroke-width="2"`));
    b.raw(circle(xe, cy, 6.5, `class="estimate" data-value="${round2(d.estimate)}" fill="${colour}" stroke="#ffffff" stroke-width="1.5"`));
    label.lines.forEach((text, k) => {
      b.text(label.cx, centredBaseline(cy + 21 + k * LINE_H, 12), text, {
        size: 12,
        anchor: 'middle',
        fill: INK.text,
        // Across the zero line, on a box that breaks it; beside it, a halo over the grid is enough.
        ...(label.backed ? { backing: true } : { halo: true }),
        className: 'value',
      });
    });
    b.raw(`</g>`);
    y0 += height;
  }

  const captionY = rowsBottom + 36;
  b.text(PAD, captionY, 'Difference in change, percentage points', { size: 12, fill: INK.muted, className: 'axis-caption' });
  return { body: b.toString(), width: W, height: round1(captionY + 8), labels: b.labels, x };
}

export const render: (data: Summary, state: State, size: Size, opts?: RenderOptions) => string = chartRenderer(id, layout, title, summary);
