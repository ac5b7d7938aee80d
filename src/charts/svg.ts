/**
 * Small, DOM-free helpers shared by every chart: escaping, the accessible SVG root, number
 * formatting, text measurement and a one-dimensional label-collision resolver.
 *
 * Everything here is pure so charts render identically at build time (Node, Astro `set:html`)
 * and in the browser.
 */
import { round1 } from './format.ts';

export const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** Minimum rendered font size, in px, for any text a chart draws. */
export const MIN_FONT_SIZE = 12;

export interface Size {
  width: number;
}

export interface RenderOptions {
  /**
   * Prefix for every id inside the SVG (title, desc). Must be unique on the page: pass a
   * distinct one when the same chart appears twice. Defaults to the chart id.
   */
  idPrefix?: string;
}

export interface TableData {
  columns: string[];
  rows: (string | number)[][];
  /**
   * Optional column groups, left to right, spanning every column once: a group with a label heads
   * its columns in a row above their own heads (e.g. "Very good health" over 2011, 2021 and the
   * change); a column in an unlabelled group heads both rows.
   */
  groups?: TableColumnGroup[];
}

export interface TableColumnGroup {
  label?: string;
  span: number;
}

/** An axis-aligned box in SVG user units (x, y is the top-left corner). */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
  /** What the box holds, for test messages. */
  text?: string;
}

/** Escape text for use in SVG/XML element content and attribute values. */
export function escapeXml(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Keep an id prefix to characters that are valid in an XML id and safe in a URL fragment. */
export function sanitizeId(prefix: string): string {
  const cleaned = prefix.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  if (cleaned === '') return 'chart';
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `c-${cleaned}`;
}

export interface SvgRootOptions {
  idPrefix: string;
  width: number;
  height: number;
  title: string;
  desc: string;
  /** Extra class names, e.g. "chart--england-health". "chart" is always set. */
  className?: string;
  /** Already-built SVG markup for the chart body. */
  body: string;
}

/**
 * The chart's root element: role="img", labelled by its own <title> and <desc>, whose ids are
 * derived from the (sanitised) id prefix so several charts can share a page.
 */
/**
 * A chart's render function from its parts: every chart draws its layout inside the same
 * accessible root (title, description, class), so only the layout differs from chart to chart.
 */
export function chartRenderer<D, S>(
  id: string,
  layout: (data: D, state: S, size: Size) => { width: number; height: number; body: string },
  title: (data: D, state: S) => string,
  summary: (data: D, state: S) => string,
): (data: D, state: S, size: Size, opts?: RenderOptions) => string {
  return (data, state, size, opts = {}) => {
    const l = layout(data, state, size);
    return svgRoot({
      idPrefix: opts.idPrefix ?? id,
      width: l.width,
      height: l.height,
      title: title(data, state),
      desc: summary(data, state),
      className: `chart--${id}`,
      body: l.body,
    });
  };
}

/** Decimals a tick label needs to tell neighbouring ticks apart: 0 for a step of 1 or more, then 1, then 2. */
export function tickDecimals(ticks: number[]): number {
  const step = ticks.length > 1 ? Math.abs(ticks[1]! - ticks[0]!) : 1;
  return step >= 1 ? 0 : step >= 0.1 ? 1 : 2;
}

/** Axis tick labels in percentage points: signed, true minus, as many decimals as the tick step needs. */
export function ppTickFormat(ticks: number[]): (v: number) => string {
  const decimals = tickDecimals(ticks);
  return (v: number) => {
    const r = Number(v.toFixed(decimals));
    if (r === 0) return '0';
    return `${r > 0 ? '+' : '\u2212'}${Math.abs(r).toFixed(decimals)}`;
  };
}

/** Axis tick labels in percent: "48%", "47.5%", true minus, as many decimals as the tick step needs. */
export function pctTickFormat(ticks: number[]): (v: number) => string {
  const decimals = tickDecimals(ticks);
  return (v: number) => `${v.toFixed(decimals).replace('-', '\u2212')}%`;
}

export function svgRoot(o: SvgRootOptions): string {
  const id = sanitizeId(o.idPrefix);
  const w = round1(o.width);
  const h = round1(o.height);
  const cls = ['chart', ...(o.className ? [o.className] : [])].join(' ');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="${escapeXml(cls)}" width="${w}" height="${h}" ` +
    `viewBox="0 0 ${w} ${h}" role="img" aria-labelledby="${id}-title ${id}-desc" ` +
    `font-family="${escapeXml(FONT_FAMILY)}" font-size="13">` +
    `<title id="${id}-title">${escapeXml(o.title)}</title>` +
    `<desc id="${id}-desc">${escapeXml(o.desc)}</desc>` +
    o.body +
    `</svg>`
  );
}

// ---------------------------------------------------------------------------------------------
// Numbers

// Number formatting lives in format.ts (no d3, so a browser enhancer can import it alone); the
// charts import it from here with the rest of their helpers.
export { displaySign, fmtPct, fmtPp, fmtPpAbs, fmtSigned, round1 } from './format.ts';

/** Lower-case a label for use inside a sentence ("Very good health" → "very good health"). */
export function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

export function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// ---------------------------------------------------------------------------------------------
// Text measurement
//
// Advance widths (em): for each character the larger of DejaVu Sans (the widest of the common
// system UI fonts, so estimates are conservative for Segoe UI, Roboto, San Francisco and Helvetica)
// and Inter (the face pages and downloads use; wider than DejaVu for J, Y, hyphen, arrows and a
// few capitals). Kerning only narrows text, so a sum of advances never under-estimates.

const MEASURED =
  ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~−–—’‘“”…→←·×°éô';
const REGULAR = [
  0.318, 0.401, 0.466, 0.838, 0.642, 0.982, 0.78, 0.3, 0.39, 0.39, 0.501, 0.838, 0.318, 0.46, 0.318, 0.361, 0.636,
  0.636, 0.636, 0.636, 0.646, 0.636, 0.636, 0.636, 0.636, 0.636, 0.337, 0.337, 0.838, 0.838, 0.838, 0.531, 1, 0.69,
  0.686, 0.731, 0.77, 0.632, 0.591, 0.775, 0.752, 0.295, 0.571, 0.672, 0.566, 0.904, 0.754, 0.787, 0.639, 0.787, 0.695,
  0.642, 0.646, 0.745, 0.69, 0.989, 0.685, 0.679, 0.685, 0.39, 0.361, 0.39, 0.838, 0.5, 0.5, 0.613, 0.635, 0.572,
  0.635, 0.615, 0.371, 0.635, 0.634, 0.278, 0.278, 0.579, 0.278, 0.974, 0.634, 0.612, 0.635, 0.635, 0.411, 0.528,
  0.392, 0.634, 0.592, 0.819, 0.592, 0.592, 0.553, 0.636, 0.337, 0.636, 0.838, 0.838, 0.5, 1, 0.318, 0.318, 0.518,
  0.518, 1, 1, 1, 0.318, 0.838, 0.5, 0.615, 0.612,
];
const BOLD = [
  0.348, 0.456, 0.552, 0.838, 0.696, 1.016, 0.872, 0.339, 0.457, 0.457, 0.56, 0.838, 0.38, 0.468, 0.38, 0.389, 0.696,
  0.696, 0.696, 0.696, 0.696, 0.696, 0.696, 0.696, 0.696, 0.696, 0.4, 0.4, 0.838, 0.838, 0.838, 0.58, 1.017, 0.774,
  0.762, 0.74, 0.83, 0.683, 0.683, 0.821, 0.837, 0.372, 0.585, 0.775, 0.637, 0.995, 0.837, 0.85, 0.733, 0.85, 0.77,
  0.72, 0.682, 0.812, 0.774, 1.103, 0.771, 0.731, 0.725, 0.457, 0.389, 0.457, 0.838, 0.5, 0.5, 0.675, 0.716, 0.593,
  0.716, 0.678, 0.435, 0.716, 0.712, 0.343, 0.343, 0.665, 0.343, 1.042, 0.712, 0.687, 0.716, 0.716, 0.493, 0.595,
  0.478, 0.712, 0.652, 0.924, 0.645, 0.652, 0.582, 0.712, 0.372, 0.712, 0.838, 0.838, 0.5, 1, 0.38, 0.38, 0.657, 0.657,
  1.002, 1, 1, 0.38, 0.838, 0.5, 0.678, 0.687,
];
const widthTables = [REGULAR, BOLD].map((table) => {
  const m = new Map<string, number>();
  [...MEASURED].forEach((ch, i) => m.set(ch, table[i] ?? 0.7));
  return m;
});

/** Estimated rendered width of a single line of text, in px. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  const table = widthTables[bold ? 1 : 0]!;
  let em = 0;
  for (const ch of text) em += table.get(ch) ?? (bold ? 0.78 : 0.72);
  return em * fontSize;
}

/** Shorten text with an ellipsis so it fits maxWidth (returns the text unchanged when it fits). */
export function truncate(text: string, maxWidth: number, fontSize: number, bold = false): string {
  if (textWidth(text, fontSize, bold) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length > 1 && textWidth(`${chars.join('').trimEnd()}…`, fontSize, bold) > maxWidth) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

/** Greedy word wrap into lines no wider than maxWidth (a single over-long word is truncated). */
export function wrap(text: string, maxWidth: number, fontSize: number, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (textWidth(next, fontSize, bold) <= maxWidth || line === '') {
      line = next;
    } else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines.map((l) => truncate(l, maxWidth, fontSize, bold));
}

/**
 * Word wrap like `wrap`, but with lines of even length: the narrowest width that still gives the
 * greedy number of lines, so a note never ends on one orphaned word.
 */
export function wrapBalanced(text: string, maxWidth: number, fontSize: number, bold = false): string[] {
  const lines = wrap(text, maxWidth, fontSize, bold);
  if (lines.length < 2) return lines;
  let lo = 0;
  let hi = maxWidth;
  while (hi - lo > 1) {
    const mid = (lo + hi) / 2;
    const trial = wrap(text, mid, fontSize, bold);
    if (trial.length <= lines.length && trial.every((l) => !l.endsWith('…') || lines.includes(l))) hi = mid;
    else lo = mid;
  }
  return wrap(text, hi, fontSize, bold);
}

// ---------------------------------------------------------------------------------------------
// Building markup

export type Anchor = 'start' | 'middle' | 'end';

export interface TextOptions {
  size?: number;
  bold?: boolean;
  anchor?: Anchor;
  fill?: string;
  className?: string;
  /** Draw a halo behind the glyphs (for text over lines): true for white, or a colour. */
  halo?: boolean | string;
  /**
   * Draw a box behind the whole line (true for white, or a colour): for text that grid or zero
   * lines would otherwise run through, which a halo only breaks under the glyphs themselves.
   */
  backing?: boolean | string;
  /** Extra raw attributes (already escaped). */
  attrs?: string;
}

/** Ascent/descent of the box drawn around a text baseline, as a fraction of the font size. */
const ASCENT = 0.8;
const DESCENT = 0.24;

/** The box a text occupies given its baseline position. */
export function textBox(x: number, baseline: number, text: string, o: TextOptions = {}): Box {
  const size = o.size ?? 13;
  const w = textWidth(text, size, o.bold);
  const anchor = o.anchor ?? 'start';
  const left = anchor === 'start' ? x : anchor === 'middle' ? x - w / 2 : x - w;
  return { x: left, y: baseline - ASCENT * size, width: w, height: (ASCENT + DESCENT) * size, text };
}

/** The baseline that vertically centres text of this size on y. */
export function centredBaseline(y: number, size = 13): number {
  return y + ((ASCENT - DESCENT) / 2) * size;
}

/**
 * Collects SVG markup and the boxes of every label drawn, so tests (and the charts themselves)
 * can check that no two labels overlap.
 */
export class SvgBuilder {
  private parts: string[] = [];
  readonly labels: Box[] = [];

  raw(markup: string): this {
    this.parts.push(markup);
    return this;
  }

  /** Draw one line of text at a baseline and record its box. Returns the box. */
  text(x: number, baseline: number, content: string, o: TextOptions = {}): Box {
    const size = Math.max(o.size ?? 13, MIN_FONT_SIZE);
    const attrs = [
      `x="${round1(x)}"`,
      `y="${round1(baseline)}"`,
      o.anchor && o.anchor !== 'start' ? `text-anchor="${o.anchor}"` : '',
      size !== 13 ? `font-size="${size}"` : '',
      o.bold ? 'font-weight="700"' : '',
      `fill="${escapeXml(o.fill ?? '#333333')}"`,
      o.halo
        ? `stroke="${escapeXml(typeof o.halo === 'string' ? o.halo : '#ffffff')}" stroke-width="3" stroke-linejoin="round" paint-order="stroke"`
        : '',
      o.className ? `class="${escapeXml(o.className)}"` : '',
      o.attrs ?? '',
    ]
      .filter(Boolean)
      .join(' ');
    const box = textBox(x, baseline, content, { ...o, size });
    if (o.backing) {
      // A little wider than the estimated text, which a reader's font may exceed by a few per cent.
      const padX = 3;
      const fill = typeof o.backing === 'string' ? o.backing : '#ffffff';
      this.parts.push(rect(box.x - padX, box.y - 1, box.width + 2 * padX, box.height + 2, `class="text-backing" fill="${escapeXml(fill)}"`));
    }
    this.parts.push(`<text ${attrs}>${escapeXml(content)}</text>`);
    this.labels.push(box);
    return box;
  }

  toString(): string {
    return this.parts.join('');
  }
}

export function line(x1: number, y1: number, x2: number, y2: number, attrs: string): string {
  return `<line x1="${round1(x1)}" y1="${round1(y1)}" x2="${round1(x2)}" y2="${round1(y2)}" ${attrs}/>`;
}

export function rect(x: number, y: number, w: number, h: number, attrs: string): string {
  return `<rect x="${round1(x)}" y="${round1(y)}" width="${round1(Math.max(0, w))}" height="${round1(Math.max(0, h))}" ${attrs}/>`;
}

export function circle(cx: number, cy: number, r: number, attrs: string): string {
  return `<circle cx="${round1(cx)}" cy="${round1(cy)}" r="${round1(r)}" ${attrs}/>`;
}

// ---------------------------------------------------------------------------------------------
// Geometry

export function boxesOverlap(a: Box, b: Box, tolerance = 0): boolean {
  return (
    a.x < b.x + b.width - tolerance &&
    b.x < a.x + a.width - tolerance &&
    a.y < b.y + b.height - tolerance &&
    b.y < a.y + a.height - tolerance
  );
}

/** Every pair of boxes that overlap (by more than `tolerance` px), for tests and debugging. */
export function overlappingPairs(boxes: Box[], tolerance = 0.5): [Box, Box][] {
  const out: [Box, Box][] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (boxesOverlap(a, b, tolerance)) out.push([a, b]);
    }
  return out;
}

export interface LabelSpan {
  /** Where the label's centre would ideally be. */
  target: number;
  /** Its extent along the axis (height for vertical stacks, width for horizontal rows). */
  size: number;
}

export interface ResolveOptions {
  /** Smallest allowed start (top/left edge). */
  min?: number;
  /** Largest allowed end (bottom/right edge). */
  max?: number;
  /** Space to keep between neighbouring labels. */
  gap?: number;
}

export interface ResolvedLabels {
  /** Centre of each label, in the order they were given. */
  positions: number[];
  /** True when the labels could not all fit between min and max (they then overflow max). */
  overflow: boolean;
}

/**
 * Nudge labels along one axis so none overlap, keeping their order (by target) and moving them
 * as little as possible: overlapping neighbours are merged into blocks, each block is centred on
 * the mean of its members' ideal positions, then clamped into [min, max].
 */
export function resolveLabels(spans: LabelSpan[], o: ResolveOptions = {}): ResolvedLabels {
  const gap = o.gap ?? 2;
  const min = o.min ?? -Infinity;
  const max = o.max ?? Infinity;
  const order = spans.map((_, i) => i).sort((a, b) => spans[a]!.target - spans[b]!.target || a - b);

  interface Block {
    members: number[];
    /** Sum over members of (ideal start of the block implied by that member). */
    sumIdeal: number;
    length: number;
    start: number;
  }
  const clampStart = (start: number, length: number) => {
    let s = start;
    if (s + length > max) s = max - length;
    if (s < min) s = min;
    return s;
  };

  const blocks: Block[] = [];
  for (const i of order) {
    const s = spans[i]!;
    let block: Block = {
      members: [i],
      sumIdeal: s.target - s.size / 2,
      length: s.size,
      start: clampStart(s.target - s.size / 2, s.size),
    };
    // Merge with the previous block while they collide.
    for (;;) {
      const prev = blocks[blocks.length - 1];
      if (!prev || prev.start + prev.length + gap <= block.start + 1e-9) break;
      blocks.pop();
      // Each member of `block` now sits (prev.length + gap) further from the merged start.
      const shift = prev.length + gap;
      const merged: Block = {
        members: [...prev.members, ...block.members],
        sumIdeal: prev.sumIdeal + (block.sumIdeal - shift * block.members.length),
        length: prev.length + gap + block.length,
        start: 0,
      };
      merged.start = clampStart(merged.sumIdeal / merged.members.length, merged.length);
      block = merged;
    }
    blocks.push(block);
  }

  const positions = new Array<number>(spans.length).fill(0);
  let overflow = false;
  for (const b of blocks) {
    let cursor = b.start;
    for (const i of b.members) {
      const size = spans[i]!.size;
      positions[i] = cursor + size / 2;
      cursor += size + gap;
    }
    if (b.start + b.length > max + 1e-6) overflow = true;
  }
  return { positions, overflow };
}
