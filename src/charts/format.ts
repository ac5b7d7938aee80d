/**
 * Numbers as the site prints them: one decimal, true minus signs, signs from the value as displayed.
 * No d3 and nothing else imported, so a browser enhancer (src/client/map.ts) can use the same
 * formatting as the charts without loading chart code. svg.ts re-exports all of it.
 */

/**
 * Round to one decimal (and return +0 rather than −0): coordinates to 0.1 px, so the markup (and
 * snapshots) stay short and stable, and values to the one decimal the charts display.
 */
export function round1(v: number): number {
  const r = Math.round(v * 10) / 10;
  return Object.is(r, -0) ? 0 : r;
}

const MINUS = '\u2212';
/**
 * One decimal, for values already rounded by round1 (as every caller passes): then toFixed prints
 * exactly the digits d3's format('.1f') does, and a minus becomes the true minus below.
 */
const f1 = (v: number): string => v.toFixed(1);

/** A share in percent with one decimal: "48.5%". */
export function fmtPct(v: number): string {
  return `${f1(round1(v)).replace('-', MINUS)}%`;
}

/** A signed number with one decimal and a true minus sign: "+1.3", "−0.4", "0.0". */
export function fmtSigned(v: number): string {
  const r = round1(v);
  if (r === 0) return '0.0';
  return r > 0 ? `+${f1(r)}` : `${MINUS}${f1(-r)}`;
}

/** A change in percentage points: "+1.3 pp", "−0.4 pp", "0.0 pp". */
export function fmtPp(v: number): string {
  return `${fmtSigned(v)} pp`;
}

/** An unsigned amount of percentage points: "1.3 pp". */
export function fmtPpAbs(v: number): string {
  return `${f1(Math.abs(round1(v)))} pp`;
}

/** -1, 0 or 1 for a value as displayed (to one decimal), so words always match the numbers. */
export function displaySign(v: number): -1 | 0 | 1 {
  const r = round1(v);
  return r > 0 ? 1 : r < 0 ? -1 : 0;
}
