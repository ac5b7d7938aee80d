/**
 * The placebo test: the difference in differences of each random set of pseudo-Big-Local areas
 * (clusters of similar neighbourhoods with no programme, each with its own comparator), as a
 * histogram, with the real Big Local value and zero marked. If the real value sits among the sets,
 * chance alone produces gaps of its size.
 */
import { bin, max, scaleLinear } from 'd3';
import type { Robustness, RobustnessMeasure } from '../data/constants.ts';
import { chooseTicks } from './dumbbell.ts';
import { GROUP_COLOURS, INK } from './palette.ts';
import { directionNote, directionWords, fmtPp2, measurePhrase, robustnessMeasureOf, round2 } from './robustness-words.ts';
import {
  chartRenderer,
  escapeXml,
  line,
  ppTickFormat,
  rect,
  round1,
  SvgBuilder,
  textWidth,
  type Box,
  type RenderOptions,
  type Size,
  type TableData,
} from './svg.ts';

export const id = 'placebo';

export interface State {
  measure: RobustnessMeasure;
}

export const defaultState: State = { measure: 'very_good' };

export interface PlaceboLayout {
  body: string;
  width: number;
  height: number;
  labels: Box[];
  x: (v: number) => number;
  y: (sets: number) => number;
}

export interface PlaceboBin {
  from: number;
  to: number;
  sets: number;
}

const SET_COUNT = new Intl.NumberFormat('en-GB');

/** The axis domain: every set, the real value and zero, with a little room. */
function domainOf(draws: readonly number[], real: number): [number, number] {
  let lo = Math.min(0, real, ...draws);
  let hi = Math.max(0, real, ...draws);
  if (hi - lo < 0.2) {
    lo -= 0.1;
    hi += 0.1;
  }
  const pad = (hi - lo) * 0.04;
  const nice = scaleLinear().domain([lo - pad, hi + pad]).nice().domain();
  return [nice[0]!, nice[1]!];
}

/**
 * The histogram's bins (d3.bin on about 24 round thresholds). Independent of the drawing width, so
 * the table (and the CSV) is the same at every size.
 */
export function bins(data: Robustness, state: State): PlaceboBin[] {
  const m = robustnessMeasureOf(state);
  const draws = data.placebo.draws[m];
  const domain = domainOf(draws, data.placebo.measures[m].real);
  // Only thresholds inside the domain: one at its upper end would make a last bin of no width
  // ("1.00 to 1.00"), empty, in the table and the downloads.
  const thresholds = scaleLinear().domain(domain).ticks(24).filter((t) => t > domain[0]! && t < domain[1]!);
  return bin()
    .domain(domain)
    .thresholds(thresholds)(draws)
    .map((b) => ({ from: round2(b.x0!), to: round2(b.x1!), sets: b.length }));
}

/** The bin holding a value (the last bin is closed on the right, as d3.bin's is). */
function binIndexOf(bs: readonly PlaceboBin[], v: number): number {
  const i = bs.findIndex((b) => v >= b.from && v < b.to);
  return i >= 0 ? i : v >= bs[bs.length - 1]!.to - 1e-9 ? bs.length - 1 : 0;
}

export function title(data: Robustness, state: State): string {
  const m = robustnessMeasureOf(state);
  return `Big Local among ${SET_COUNT.format(data.placebo.sets)} random sets of similar neighbourhoods: ${measurePhrase(m)}`;
}

/** Areas per placebo set: as many as the main estimate has Big Local areas. */
function areasPerSet(data: Robustness): number | undefined {
  return data.specifications.find((s) => s.specification === 'main')?.areas;
}

/** A two-sided p as printed: two decimals, or "below 0.01". */
export function fmtP(p: number): string {
  return p < 0.01 ? 'below 0.01' : p.toFixed(2);
}

/** Where a percentile puts the real value: "higher than 48%", "lower than 60%". */
export function placeWords(percentile: number): string {
  const pct = Math.round(percentile);
  return percentile >= 50 ? `higher than ${pct}%` : `lower than ${100 - pct}%`;
}

export function summary(data: Robustness, state: State): string {
  const m = robustnessMeasureOf(state);
  const pm = data.placebo.measures[m];
  const draws = data.placebo.draws[m];
  const n = areasPerSet(data);
  const sets = `${SET_COUNT.format(data.placebo.sets)} random sets of ${n ? `${n} ` : ''}look-alike areas built from similar neighbourhoods with no Big Local programme`;
  const where = `${placeWords(pm.percentile)} of the sets`;
  // The p in words: how often sets with no programme lie at least as far from their middle.
  const share = pm.p < 0.01 ? 'fewer than 1%' : `${Math.round(pm.p * 100)}%`;
  const verdict = `${share} of the sets, with no programme, lie at least this far from their middle`;
  return (
    `Among ${sets}, the difference in ${measurePhrase(m)} (${directionNote(m)}) ran from ${fmtPp2(Math.min(...draws))} ` +
    `to ${fmtPp2(Math.max(...draws))}, averaging ${fmtPp2(pm.mean)}; Big Local’s ${fmtPp2(pm.real)} is ${where} ` +
    `(two-sided p ${pm.p < 0.01 ? '' : '= '}${fmtP(pm.p)}): ${verdict}.`
  );
}

export function tableRows(data: Robustness, state: State): TableData {
  const m = robustnessMeasureOf(state);
  const bs = bins(data, state);
  const real = data.placebo.measures[m].real;
  const at = binIndexOf(bs, real);
  return {
    columns: ['Difference from (pp)', 'Difference to (pp)', 'Placebo sets', 'Big Local value'],
    rows: bs.map((b, i) => [b.from, b.to, b.sets, i === at ? `${fmtPp2(real)} (in this bin)` : '']),
  };
}

const PAD = 8;
const LEFT = 36;
const PLOT_H = 200;

export function layout(data: Robustness, state: State, size: Size): PlaceboLayout {
  const W = Math.max(size.width, 280);
  const m = robustnessMeasureOf(state);
  const pm = data.placebo.measures[m];
  const bs = bins(data, state);
  const b = new SvgBuilder();

  const x = scaleLinear().domain([bs[0]!.from, bs[bs.length - 1]!.to]).range([LEFT + 4, W - PAD - 14]);
  const top = 24 + 44; // direction words, then the real value's two label lines above the plot
  const bottom = top + PLOT_H;
  const y = scaleLinear()
    .domain([0, max(bs, (d) => d.sets) ?? 1])
    .nice()
    .range([bottom, top]);

  // Which way is better for this measure (for bad health, higher is worse).
  const long = directionWords(m, false);
  const fits = textWidth(long[0], 12) + textWidth(long[1], 12) + 16 <= W - 2 * PAD;
  const [left, right] = fits ? long : directionWords(m, true);
  b.raw(`<g class="direction">`);
  b.text(PAD, 14, left, { size: 12, fill: INK.muted, className: 'direction-label' });
  b.text(W - PAD, 14, right, { size: 12, anchor: 'end', fill: INK.muted, className: 'direction-label' });
  b.raw(`</g>`);

  // Sets: horizontal grid lines and counts on the left.
  b.raw(`<g class="axis axis--y">`);
  for (const t of y.ticks(4)) {
    if (t !== 0) b.raw(line(LEFT, y(t), W - PAD, y(t), `class="grid" stroke="${INK.grid}" stroke-width="1" stroke-dasharray="2 3"`));
    b.text(LEFT - 6, y(t) + 4, String(t), { size: 12, anchor: 'end', fill: INK.muted, className: 'tick-label' });
  }
  b.raw(`</g>`);

  b.raw(`<g class="bars">`);
  for (const d of bs) {
    if (d.sets === 0) continue;
    const x0 = x(d.from);
    const x1 = x(d.to);
    b.raw(
      `<g class="bar"><title>${escapeXml(`${fmtPp2(d.from)} to ${fmtPp2(d.to)}: ${d.sets} ${d.sets === 1 ? 'set' : 'sets'}`)}</title>` +
        rect(x0 + 0.5, y(d.sets), x1 - x0 - 1, bottom - y(d.sets), `data-sets="${d.sets}" fill="${GROUP_COLOURS.similar_areas}"`) +
        `</g>`,
    );
  }
  b.raw(`</g>`);

  // The x axis: ticks in pp, a baseline, the zero line.
  const fmt0 = ppTickFormat(x.ticks(5));
  let ticks = chooseTicks(x, W < 480 ? 5 : 8, fmt0, [0, W]);
  ticks = chooseTicks(x, ticks.length, ppTickFormat(ticks), [0, W]);
  // Format with the final ticks' step (a wider step needs fewer decimals), rounded first: −0.2 − (−0.3)
  // is 0.0999…, which tickDecimals would read as a step below 0.1 and print "−0.30".
  const fmt = ppTickFormat([0, ticks.length > 1 ? Number((ticks[1]! - ticks[0]!).toFixed(6)) : 1]);
  b.raw(`<g class="axis axis--x">`);
  b.raw(line(LEFT, bottom, W - PAD, bottom, `stroke="${INK.axis}" stroke-width="1"`));
  for (const t of ticks) {
    b.raw(line(x(t), bottom, x(t), bottom + 4, `stroke="${INK.axis}" stroke-width="1"`));
    b.text(x(t), bottom + 18, fmt(t), { size: 12, anchor: 'middle', fill: INK.muted, className: 'tick-label' });
  }
  b.raw(line(x(0), top - 6, x(0), bottom, `class="zero-line" stroke="${INK.axis}" stroke-width="1.5" stroke-dasharray="4 3"`));
  b.raw(`</g>`);

  // The real value: a line through the bars and its label above them, kept inside the chart.
  const xr = x(pm.real);
  const colour = GROUP_COLOURS.big_local;
  const label = `Big Local areas: ${fmtPp2(pm.real)}`;
  const lw = textWidth(label, 13, true);
  const anchorLeft = xr + lw / 2 > W - PAD;
  const anchorRight = xr - lw / 2 < PAD;
  const lx = anchorLeft ? W - PAD : anchorRight ? PAD : xr;
  b.raw(`<g class="real" data-value="${round2(pm.real)}">`);
  b.raw(line(xr, top - 14, xr, bottom, `class="real-line" stroke="${colour}" stroke-width="3"`));
  b.text(lx, top - 20, label, {
    size: 13,
    bold: true,
    anchor: anchorLeft ? 'end' : anchorRight ? 'start' : 'middle',
    fill: colour,
    halo: true,
    className: 'real-label',
  });
  b.text(lx, top - 34, `${placeWords(pm.percentile)} of sets`, {
    size: 12,
    anchor: anchorLeft ? 'end' : anchorRight ? 'start' : 'middle',
    fill: INK.text,
    halo: true,
    className: 'real-percentile',
  });
  b.raw(`</g>`);

  const captionY = bottom + 40;
  b.text(PAD, captionY, 'Each set’s difference in change, percentage points', { size: 12, fill: INK.muted, className: 'axis-caption' });
  b.text(PAD, captionY + 16, 'Bars: number of placebo sets', { size: 12, fill: INK.muted, className: 'axis-caption' });
  return { body: b.toString(), width: W, height: round1(captionY + 24), labels: b.labels, x, y };
}

export const render: (data: Robustness, state: State, size: Size, opts?: RenderOptions) => string = chartRenderer(id, layout, title, summary);
