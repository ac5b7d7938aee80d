/**
 * Words and numbers shared by the charts of differences from similar areas (placebo, robustness,
 * did-interval) and the story's sentences about them. The differences are a tenth of a point or
 * less, so they print two decimals where the other charts print one: at one decimal every
 * specification would read "+0.1" or "0.0".
 */
import { MEASURE_LABELS, ROBUSTNESS_MEASURES, type RobustnessMeasure } from '../data/constants.ts';

const MINUS = '\u2212';

/** Round to two decimals, returning +0 rather than −0 (values in tables and CSVs). */
export function round2(v: number): number {
  const r = Math.round(v * 100) / 100;
  return Object.is(r, -0) ? 0 : r;
}

/** A signed number with two decimals and a true minus: "+0.10", "−0.02", "0.00". */
export function fmtSigned2(v: number): string {
  const r = round2(v);
  if (r === 0) return '0.00';
  return r > 0 ? `+${r.toFixed(2)}` : `${MINUS}${(-r).toFixed(2)}`;
}

/** A difference in percentage points with two decimals: "+0.10 pp". */
export const fmtPp2 = (v: number): string => `${fmtSigned2(v)} pp`;

/** The measure a state names, or very good health when it names none the checks were run for. */
export function robustnessMeasureOf(state: { measure: string }): RobustnessMeasure {
  return (ROBUSTNESS_MEASURES as readonly string[]).includes(state.measure) ? (state.measure as RobustnessMeasure) : 'very_good';
}

/** Whether a higher share is better for health (very good health) or worse (bad or very bad). */
export const higherIsBetter = (m: RobustnessMeasure): boolean => m !== 'bad_or_very_bad';

/** The direction words at the two ends of a difference axis: [left, right]. */
export function directionWords(m: RobustnessMeasure, short: boolean): [string, string] {
  const [worse, better] = short ? ['Worse', 'Better'] : ['Worse than similar areas', 'Better than similar areas'];
  return higherIsBetter(m) ? [`\u2190 ${worse}`, `${better} \u2192`] : [`\u2190 ${better}`, `${worse} \u2192`];
}

/** "very good health", for use inside a sentence. */
export const measurePhrase = (m: RobustnessMeasure): string => MEASURE_LABELS[m].toLowerCase();

/** A clause saying which way is better, for the bad-health measure where higher is worse. */
export const directionNote = (m: RobustnessMeasure): string =>
  higherIsBetter(m) ? 'higher is better' : 'higher is worse';
