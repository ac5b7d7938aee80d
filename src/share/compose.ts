/**
 * Build-time only: turns a rendered chart state into the files a reader downloads or a platform
 * previews: a self-contained SVG (title, chart, source, permalink, Inter embedded), the share card
 * (1200×630) and a 2× article-width PNG, rendered with resvg using the same Inter as the pages.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { renderAsync, Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { escapeXml, wrap } from '../charts/svg.ts';
import type { RenderedState } from '../state/chart-states.ts';
import { ARTICLE_WIDTH } from '../state/chart-states.ts';

const require = createRequire(import.meta.url);
const TTF = [
  require.resolve('@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf'),
  require.resolve('@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf'),
];
const WOFF2 = {
  400: require.resolve('@fontsource/inter/files/inter-latin-400-normal.woff2'),
  700: require.resolve('@fontsource/inter/files/inter-latin-700-normal.woff2'),
};
export const FONT = "Inter, 'Helvetica Neue', Arial, sans-serif";
const SITE_NAME = 'Big Local health';
const INK = '#1a1a1a';
const MUTED = '#595959';
const ACCENT = '#007b6e';

let fontFace: string | undefined;
/** @font-face rules with the latin Inter woff2 files inlined (what the pages load). */
function inlineFontFace(): string {
  fontFace ??= ([400, 700] as const)
    .map(
      (w) =>
        `@font-face{font-family:Inter;font-style:normal;font-weight:${w};` +
        `src:url(data:font/woff2;base64,${readFileSync(WOFF2[w]).toString('base64')}) format('woff2')}`,
    )
    .join('');
  return fontFace;
}

interface Sized {
  markup: string;
  width: number;
  height: number;
}

/** The chart's root <svg> re-placed at (x, y) scaled to `width`, in Inter. */
function placeChart(svg: string, x: number, y: number, width: number, maxHeight = Infinity): Sized {
  const m = /^<svg\b([^>]*)>/.exec(svg);
  if (!m) throw new Error('not an SVG');
  const w = Number(/\swidth="([\d.]+)"/.exec(m[1]!)?.[1]);
  const h = Number(/\sheight="([\d.]+)"/.exec(m[1]!)?.[1]);
  let k = width / w;
  if (h * k > maxHeight) k = maxHeight / h;
  const attrs = m[1]!
    .replace(/\s(width|height|role|aria-labelledby)="[^"]*"/g, '')
    .replace(/\sfont-family="[^"]*"/, ` font-family="${escapeXml(FONT)}"`);
  const out = `<svg${attrs} x="${x + (width - w * k) / 2}" y="${y}" width="${w * k}" height="${h * k}">`;
  return { markup: out + svg.slice(m[0].length), width: w * k, height: h * k };
}

function textLines(lines: string[], x: number, y: number, size: number, lh: number, attrs: string): string {
  return lines
    .map((l, i) => `<text x="${x}" y="${y + i * lh}" font-size="${size}" ${attrs}>${escapeXml(l)}</text>`)
    .join('');
}

/**
 * The SVG readers download: the chart as on the page at article width, with its title above and
 * its source and permalink below, fonts inlined, no external references.
 */
export function downloadSvg(r: RenderedState, permalink: string, embedFonts = true): string {
  const pad = 16;
  const W = ARTICLE_WIDTH + 2 * pad;
  const titleLines = wrap(r.title, ARTICLE_WIDTH, 18, true);
  let y = pad + 18;
  const title = textLines(titleLines, pad, y, 18, 24, `font-weight="700" fill="${INK}"`);
  y += (titleLines.length - 1) * 24 + 14;
  const chart = placeChart(r.svgWide, pad, y, ARTICLE_WIDTH);
  y += chart.height + 22;
  const srcLines = wrap(r.source, ARTICLE_WIDTH, 12);
  const source = textLines(srcLines, pad, y, 12, 16, `fill="${MUTED}"`);
  y += srcLines.length * 16;
  const link = textLines([`${SITE_NAME} · ${permalink}`], pad, y + 2, 12, 16, `fill="${MUTED}"`);
  const H = Math.ceil(y + 2 + pad);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" ` +
    `font-family="${escapeXml(FONT)}" role="img" aria-label="${escapeXml(r.title)}">` +
    `<title>${escapeXml(r.title)}</title><desc>${escapeXml(r.summary)}</desc>` +
    (embedFonts ? `<style>${inlineFontFace()}</style>` : '') +
    `<rect width="100%" height="100%" fill="#ffffff"/>${title}${chart.markup}${source}${link}</svg>`
  );
}

/** The 1200×630 share card: site name, title (with the state's area in it), the chart, the source. */
export function ogSvg(r: RenderedState): string {
  const W = 1200;
  const H = 630;
  const pad = 48;
  const inner = W - 2 * pad;
  let y = pad + 20;
  const kicker = `<text x="${pad}" y="${y}" font-size="22" font-weight="700" fill="${ACCENT}">${escapeXml(SITE_NAME.toUpperCase())}</text>`;
  y += 46;
  let titleLines = wrap(r.title, inner, 34, true);
  if (titleLines.length > 3) titleLines = [...titleLines.slice(0, 2), `${titleLines[2]!.replace(/\s*\S+$/, '')} …`];
  const title = textLines(titleLines, pad, y, 34, 42, `font-weight="700" fill="${INK}"`);
  y += (titleLines.length - 1) * 42 + 26;
  const footer = H - pad + 8;
  const chart = placeChart(r.svgWide, pad, y, inner, footer - 34 - y);
  const source = textLines([r.source.length > 150 ? `${r.source.slice(0, 147)}…` : r.source], pad, footer, 16, 20, `fill="${MUTED}"`);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${escapeXml(FONT)}">` +
    `<rect width="${W}" height="${H}" fill="#ffffff"/><rect width="${W}" height="8" fill="${ACCENT}"/>` +
    `${kicker}${title}${chart.markup}${source}</svg>`
  );
}

const options = (width?: number): ResvgRenderOptions => ({
  font: { fontFiles: TTF, loadSystemFonts: false, defaultFontFamily: 'Inter', sansSerifFamily: 'Inter' },
  fitTo: width ? { mode: 'width', value: width } : { mode: 'original' },
  background: '#ffffff',
});

/** Rasterises an SVG with Inter (TTF of the same face the pages load as woff2). */
export function toPng(svg: string, width?: number): Buffer {
  return new Resvg(svg, options(width)).render().asPng();
}

/** The same off the main thread (libuv pool), so concurrent builds of pages overlap renders. */
export async function toPngAsync(svg: string, width?: number): Promise<Buffer> {
  return (await renderAsync(svg, options(width))).asPng();
}

export const ogPng = (r: RenderedState): Promise<Buffer> => toPngAsync(ogSvg(r));
/** 2× the article width, for download (the site rasterises chart.svg in the browser instead: build time). */
export const downloadPng = (r: RenderedState, permalink: string): Promise<Buffer> =>
  toPngAsync(downloadSvg(r, permalink, false), 2 * (ARTICLE_WIDTH + 32));
