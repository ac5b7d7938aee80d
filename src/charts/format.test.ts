import fc from 'fast-check';
import { format } from 'd3';
import { describe, expect, it } from 'vitest';
import { displaySign, fmtPct, fmtPp, fmtPpAbs, fmtSigned, round1 } from './format.ts';

// What the charts printed with d3's format('.1f') before format.ts dropped d3, as the reference.
const MINUS = '\u2212';
const d3f1 = format('.1f');
const reference = {
  fmtPct: (v: number) => `${d3f1(round1(v)).replace('-', MINUS)}%`,
  fmtSigned: (v: number) => {
    const r = round1(v);
    return r === 0 ? '0.0' : r > 0 ? `+${d3f1(r)}` : `${MINUS}${d3f1(-r)}`;
  },
  fmtPpAbs: (v: number) => `${d3f1(Math.abs(round1(v)))} pp`,
};

describe('format', () => {
  it('prints what d3 format(".1f") printed, for every value on a 0.001 grid and random ones', () => {
    const check = (v: number) => {
      expect(fmtPct(v), String(v)).toBe(reference.fmtPct(v));
      expect(fmtSigned(v), String(v)).toBe(reference.fmtSigned(v));
      expect(fmtPpAbs(v), String(v)).toBe(reference.fmtPpAbs(v));
    };
    for (let i = -120_000; i <= 120_000; i++) check(i / 1000);
    fc.assert(fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (v) => check(v)));
  });

  it('signs and rounds as displayed', () => {
    expect(fmtPp(-0.04)).toBe('0.0 pp');
    expect(fmtPp(0.05)).toBe('+0.1 pp');
    expect(fmtPct(-1.25)).toBe('\u22121.2%');
    expect(displaySign(0.04)).toBe(0);
    expect(displaySign(-0.06)).toBe(-1);
  });
});
