import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  boxesOverlap,
  escapeXml,
  fmtPct,
  fmtPp,
  fmtSigned,
  pctTickFormat,
  ppTickFormat,
  resolveLabels,
  round1,
  tickDecimals,
  sanitizeId,
  svgRoot,
  SvgBuilder,
  textWidth,
  truncate,
  wrap,
  wrapBalanced,
} from './svg.ts';
import { parseSvg } from './test-helpers.ts';

describe('escapeXml', () => {
  it('escapes the five XML special characters', () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;',
    );
  });
  it('escapes "&" first so entities are not double-decoded', () => {
    expect(escapeXml('&lt;')).toBe('&amp;lt;');
  });
});

describe('svgRoot', () => {
  const root = (idPrefix: string) =>
    svgRoot({ idPrefix, width: 300, height: 100, title: 'A <b> title', desc: 'Desc & more', body: '<g/>' });

  it('is an accessible image labelled by its own title and desc', () => {
    const els = parseSvg(root('fig-1'));
    const svg = els[0]!;
    expect(svg.name).toBe('svg');
    expect(svg.attrs.role).toBe('img');
    expect(svg.attrs['aria-labelledby']).toBe('fig-1-title fig-1-desc');
    expect(els.find((e) => e.name === 'title')!.attrs.id).toBe('fig-1-title');
    expect(els.find((e) => e.name === 'desc')!.attrs.id).toBe('fig-1-desc');
    expect(svg.attrs.viewBox).toBe('0 0 300 100');
    expect(svg.attrs['font-family']).toContain('system-ui');
  });

  it('escapes title and description', () => {
    const s = root('x');
    expect(s).toContain('<title id="x-title">A &lt;b&gt; title</title>');
    expect(s).toContain('Desc &amp; more');
  });

  it('gives different prefixes different ids, and sanitises them', () => {
    expect(root('a')).not.toBe(root('b'));
    expect(sanitizeId('my chart "1"')).toBe('my-chart-1');
    expect(sanitizeId('2nd')).toBe('c-2nd');
    expect(sanitizeId('')).toBe('chart');
    expect(parseSvg(root('"><script>'))[0]!.attrs['aria-labelledby']).toBe('script-title script-desc');
  });
});

describe('number formatting', () => {
  it('formats percentages with one decimal', () => {
    expect(fmtPct(48.5)).toBe('48.5%');
    expect(fmtPct(48.54)).toBe('48.5%');
    expect(fmtPct(48.56)).toBe('48.6%');
    expect(fmtPct(5)).toBe('5.0%');
  });
  it('signs percentage-point changes with a true minus', () => {
    expect(fmtPp(1.3)).toBe('+1.3 pp');
    expect(fmtPp(-1.3)).toBe('\u22121.3 pp');
    expect(fmtPp(-0.04)).toBe('0.0 pp');
    expect(fmtPp(0.04)).toBe('0.0 pp');
    expect(fmtSigned(-12.345)).toBe('\u221212.3');
    expect(fmtPp(-1.3)).not.toContain('-');
  });
  it('rounds to one decimal, never to −0 (coordinates and displayed values alike)', () => {
    expect(round1(1.25)).toBe(1.3);
    expect(round1(-0.04)).toBe(0);
    expect(Object.is(round1(-0.04), -0)).toBe(false);
    expect(round1(123.456)).toBe(123.5);
  });
  it('gives tick labels as many decimals as the tick step needs, in points and in percent', () => {
    expect(tickDecimals([0, 5, 10])).toBe(0);
    expect(tickDecimals([0, 0.5, 1])).toBe(1);
    expect(tickDecimals([0, 0.05, 0.1])).toBe(2);
    expect(tickDecimals([3])).toBe(0);
    const pp = ppTickFormat([-0.5, 0, 0.5]);
    expect([-0.5, 0, 0.5].map(pp)).toEqual(['\u22120.5', '0', '+0.5']);
    const pct = pctTickFormat([40, 45, 50]);
    expect([40, 45].map(pct)).toEqual(['40%', '45%']);
    expect(pctTickFormat([-1, -0.5, 0]).call(null, -0.5)).toBe('\u22120.5%');
  });
});

describe('text measurement', () => {
  it('grows with length, size and weight', () => {
    expect(textWidth('abc', 12)).toBeLessThan(textWidth('abcd', 12));
    expect(textWidth('abc', 12)).toBeLessThan(textWidth('abc', 14));
    expect(textWidth('abc', 12)).toBeLessThan(textWidth('abc', 12, true));
    expect(textWidth('iii', 12)).toBeLessThan(textWidth('MMM', 12));
  });
  it('truncates to fit with an ellipsis', () => {
    const t = truncate('A rather long Big Local area name', 100, 12);
    expect(t.endsWith('…')).toBe(true);
    expect(textWidth(t, 12)).toBeLessThanOrEqual(100);
    expect(truncate('Short', 100, 12)).toBe('Short');
  });
  it('wraps words into lines that fit', () => {
    const lines = wrap('one two three four five six seven eight', 80, 12);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(textWidth(l, 12)).toBeLessThanOrEqual(80);
    expect(lines.join(' ')).toBe('one two three four five six seven eight');
  });
  it('balances wrapped lines without adding one or leaving an orphan word', () => {
    const text = 'Areas ranked by their change, largest rise at the top';
    const greedy = wrap(text, 304, 12);
    const balanced = wrapBalanced(text, 304, 12);
    expect(greedy.at(-1)).toBe('top');
    expect(balanced).toHaveLength(greedy.length);
    expect(balanced.join(' ')).toBe(text);
    const widths = balanced.map((l) => textWidth(l, 12));
    expect(Math.max(...widths)).toBeLessThanOrEqual(304);
    expect(Math.min(...widths)).toBeGreaterThan(Math.max(...widths) / 2);
    expect(wrapBalanced('Short', 304, 12)).toEqual(['Short']);
  });
  it('never under-estimates Inter or DejaVu Sans (advance widths measured in Chromium)', () => {
    // Sums of per-character advances at 100 px, measured with canvas measureText.
    expect(textWidth('Areas ranked by their change, largest rise at the top', 100)).toBeGreaterThanOrEqual(2632);
    expect(textWidth('Joy → ←', 100)).toBeGreaterThanOrEqual(0.571 * 100 + 2 * 100);
    expect(textWidth('Y-J', 100, true)).toBeGreaterThanOrEqual((0.731 + 0.468 + 0.584) * 100);
  });
});

describe('SvgBuilder', () => {
  it('records the box of each label and escapes its text', () => {
    const b = new SvgBuilder();
    const box = b.text(10, 20, 'a < b', { anchor: 'end', size: 12 });
    expect(b.toString()).toContain('>a &lt; b</text>');
    expect(box.x + box.width).toBeCloseTo(10);
    expect(box.y).toBeLessThan(20);
    expect(b.labels).toHaveLength(1);
  });
  it('draws a backing box behind the whole line, before the text, in the colour asked for', () => {
    const b = new SvgBuilder();
    const box = b.text(100, 50, 'Very good health', { anchor: 'middle', size: 13, bold: true, backing: '#e6f2ef' });
    const [backing, text] = parseSvg(`<svg>${b.toString()}</svg>`).slice(1);
    expect(backing!.name).toBe('rect');
    expect(backing!.attrs.fill).toBe('#e6f2ef');
    expect(text!.name).toBe('text');
    // It covers the text's box on every side.
    const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((k) => Number(backing!.attrs[k]));
    expect(x).toBeLessThanOrEqual(box.x);
    expect(y).toBeLessThanOrEqual(box.y);
    expect(x! + w!).toBeGreaterThanOrEqual(box.x + box.width);
    expect(y! + h!).toBeGreaterThanOrEqual(box.y + box.height);
    // White by default; none unless asked.
    const plain = new SvgBuilder();
    plain.text(0, 10, 'a', { backing: true });
    expect(plain.toString()).toMatch(/^<rect [^>]*fill="#ffffff"/);
    const none = new SvgBuilder();
    none.text(0, 10, 'a', { halo: true });
    expect(none.toString()).not.toContain('<rect');
  });
  it('never draws text smaller than 12px', () => {
    const b = new SvgBuilder();
    b.text(0, 0, 'x', { size: 9 });
    expect(b.toString()).toContain('font-size="12"');
  });
});

describe('resolveLabels', () => {
  it('leaves labels that do not collide where they are', () => {
    const r = resolveLabels([{ target: 10, size: 10 }, { target: 50, size: 10 }], { gap: 2 });
    expect(r.positions).toEqual([10, 50]);
    expect(r.overflow).toBe(false);
  });

  it('pushes colliding labels apart symmetrically', () => {
    const r = resolveLabels([{ target: 50, size: 10 }, { target: 50, size: 10 }], { gap: 2 });
    expect(r.positions[0]).toBeCloseTo(44);
    expect(r.positions[1]).toBeCloseTo(56);
  });

  it('keeps labels inside [min, max]', () => {
    const r = resolveLabels([{ target: 98, size: 10 }, { target: 99, size: 10 }, { target: 100, size: 10 }], {
      min: 0,
      max: 100,
      gap: 0,
    });
    expect(r.positions).toEqual([75, 85, 95]);
    expect(r.overflow).toBe(false);
  });

  it('reports overflow when the labels cannot fit', () => {
    const r = resolveLabels([{ target: 5, size: 10 }, { target: 6, size: 10 }], { min: 0, max: 15, gap: 0 });
    expect(r.overflow).toBe(true);
  });

  it('returns positions in input order even when targets are unsorted', () => {
    const r = resolveLabels([{ target: 30, size: 10 }, { target: 0, size: 10 }, { target: 2, size: 10 }], { gap: 0 });
    expect(r.positions[1]!).toBeLessThan(r.positions[2]!);
    expect(r.positions[2]!).toBeLessThan(r.positions[0]!);
  });

  it('never overlaps, keeps order and stays in bounds when there is room (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ target: fc.double({ min: 0, max: 300, noNaN: true }), size: fc.double({ min: 1, max: 40, noNaN: true }) }), {
          maxLength: 25,
        }),
        fc.double({ min: 0, max: 8, noNaN: true }),
        (spans, gap) => {
          const total = spans.reduce((s, x) => s + x.size, 0) + gap * Math.max(0, spans.length - 1);
          const max = Math.max(300, total);
          const { positions, overflow } = resolveLabels(spans, { min: 0, max, gap });
          expect(overflow).toBe(false);
          const order = spans.map((_, i) => i).sort((a, b) => spans[a]!.target - spans[b]!.target || a - b);
          for (let k = 0; k < order.length; k++) {
            const i = order[k]!;
            const lo = positions[i]! - spans[i]!.size / 2;
            const hi = positions[i]! + spans[i]!.size / 2;
            expect(lo).toBeGreaterThanOrEqual(-1e-6);
            expect(hi).toBeLessThanOrEqual(max + 1e-6);
            if (k > 0) {
              const j = order[k - 1]!;
              expect(positions[j]! + spans[j]!.size / 2 + gap).toBeLessThanOrEqual(lo + 1e-6);
            }
          }
        },
      ),
    );
  });
});

describe('boxesOverlap', () => {
  it('detects overlap and touching', () => {
    expect(boxesOverlap({ x: 0, y: 0, width: 10, height: 10 }, { x: 5, y: 5, width: 10, height: 10 })).toBe(true);
    expect(boxesOverlap({ x: 0, y: 0, width: 10, height: 10 }, { x: 10, y: 0, width: 10, height: 10 })).toBe(false);
  });
});
