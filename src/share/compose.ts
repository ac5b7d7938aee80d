/**
 * Build-time only: turns a rendered chart state into the files a reader downloads or a platform
 * previews: a self-contained SVG (title, chart, source, permalink, Inter embedded), the share card
 * (1200×630) and a 2× article-width PNG, rendered with resvg using the same Inter as the pages.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { renderAsync, Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { escapeXml, truncate, wrap } from '../charts/svg.ts';
import { SHARE_CARD_SIZE } from '../data/constants.ts';
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

function svgSize(svg: string): { w: number; h: number } {
  const head = /^<svg\b([^>]*)>/.exec(svg)?.[1] ?? '';
  return { w: Number(/\swidth="([\d.]+)"/.exec(head)?.[1]), h: Number(/\sheight="([\d.]+)"/.exec(head)?.[1]) };
}

/**
 * The chart's root <svg> re-placed at (x, y) scaled to `width` (or down to `maxHeight`), in Inter.
 * With `cropHeight`, only the top that fits in that height is shown.
 */
function placeChart(svg: string, x: number, y: number, width: number, maxHeight = Infinity, cropHeight = Infinity): Sized {
  const m = /^<svg\b([^>]*)>/.exec(svg);
  if (!m) throw new Error('not an SVG');
  const { w, h } = svgSize(svg);
  let k = width / w;
  if (h * k > maxHeight) k = maxHeight / h;
  const shownH = Math.min(h * k, cropHeight);
  const attrs = m[1]!
    .replace(/\s(width|height|role|aria-labelledby|viewBox)="[^"]*"/g, '')
    .replace(/\sfont-family="[^"]*"/, ` font-family="${escapeXml(FONT)}"`);
  const out =
    `<svg${attrs} viewBox="0 0 ${w} ${shownH / k}" x="${x + (width - w * k) / 2}" y="${y}" ` +
    `width="${w * k}" height="${shownH}">`;
  return { markup: out + svg.slice(m[0].length), width: w * k, height: shownH };
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

/**
 * The 1200×630 share card: site name, title (with the state's area in it), the chart, the source.
 * A chart that would come out narrow (maps, tall lists) goes on the right with the summary beside it;
 * one too tall to read at that size (the 150-row list) is cropped to its top with a fade.
 */
export function ogSvg(r: RenderedState): string {
  const { width: W, height: H } = SHARE_CARD_SIZE;
  const pad = 48;
  const inner = W - 2 * pad;
  let y = pad + 20;
  const kicker = `<text x="${pad}" y="${y}" font-size="22" font-weight="700" fill="${ACCENT}">${escapeXml(SITE_NAME.toUpperCase())}</text>`;
  y += 46;
  let titleLines = wrap(r.title, inner, 34, true);
  if (titleLines.length > 3) titleLines = [...titleLines.slice(0, 2), truncate(`${titleLines[2]} ${titleLines[3]}`, inner - 40, 34, true)];
  const title = textLines(titleLines, pad, y, 34, 42, `font-weight="700" fill="${INK}"`);
  y += (titleLines.length - 1) * 42 + 26;
  // The source on up to three lines, the last cut short if need be: an area's caveat comes at its
  // end ("Read with care: …"), and a card that travels without the page must keep it.
  const wrapped = wrap(r.source, inner, 16);
  const srcLines = wrapped.length <= 3 ? wrapped : [...wrapped.slice(0, 2), truncate(wrapped.slice(2).join(' '), inner, 16)];
  const footer = H - pad + 8 - (srcLines.length - 1) * 20;
  const availH = footer - 34 - y;
  const source = textLines(srcLines, pad, footer, 16, 20, `fill="${MUTED}"`);

  const { w, h } = svgSize(r.svgWide);
  let body: string;
  if ((availH / h) * w >= inner * 0.6) {
    body = placeChart(r.svgWide, pad, y, inner, availH).markup;
  } else {
    // Chart on the right, summary on the left; a chart that would shrink below 30% is cropped instead.
    const fitScale = availH / h;
    const k = fitScale >= 0.3 ? fitScale : Math.min(0.6, (inner * 0.55) / w);
    const cw = w * k;
    const x = W - pad - cw;
    body = placeChart(r.svgWide, x, y, cw, Infinity, availH).markup;
    if (fitScale < k) {
      body += `<defs><linearGradient id="og-fade" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#fff" stop-opacity="0"/><stop offset="1" stop-color="#fff"/></linearGradient></defs>`;
      body += `<rect x="${x}" y="${y + availH - 80}" width="${cw}" height="80" fill="url(#og-fade)"/>`;
    }
    const textW = inner - cw - 40;
    const lines = wrap(r.summary, textW, 24).slice(0, Math.floor((availH - 10) / 34));
    body += textLines(lines, pad, y + 30, 24, 34, `fill="${INK}"`);
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${escapeXml(FONT)}">` +
    `<rect width="${W}" height="${H}" fill="#ffffff"/><rect width="${W}" height="8" fill="${ACCENT}"/>` +
    `${kicker}${title}${body}${source}</svg>`
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
