/** The embed snippets offered on chart pages and in oEmbed responses (build time). */
import { escapeXml } from '../charts/svg.ts';
import { SHARE_CARD_SIZE } from '../data/constants.ts';
import { NARROW_WIDTH, type RenderedState } from '../state/chart-states.ts';
import { dataPath, statePath } from '../state/url.ts';

/** The narrowest host column the script-free embed is made for (WCAG reflow width). */
export const MIN_EMBED_WIDTH = 320;

/** The embed page's padding on each side and the container width from which the wide drawing shows. */
const EMBED_PADDING = 8;
const WIDE_CONTAINER = 600;

/**
 * An upper estimate of the height the embed's words take at an iframe width: title, source line
 * and the two credit lines, each wrapped at a conservative characters-per-line for its type size
 * (wide system fonts such as DejaVu Sans fill about 0.6 em per character). Checked against Chromium
 * by tests/e2e/embed.spec.ts, which fails if the chart has to shrink noticeably to fit.
 */
export function embedTextHeight(r: Pick<RenderedState, 'title' | 'source'>, iframeWidth: number): number {
  const column = iframeWidth - 2 * EMBED_PADDING;
  // Font sizes from the embed page's CSS at this width (title clamp(1rem, 0.9rem + 0.6vw, 1.25rem)).
  const titlePx = Math.min(20, Math.max(16, 14.4 + 0.006 * iframeWidth));
  const smallPx = 12.8;
  const lines = (text: string, px: number) => Math.ceil(text.length / Math.floor(column / (0.62 * px)));
  const titleBlock = lines(r.title, titlePx) * Math.ceil(titlePx * 1.25) + 8;
  const sourceBlock = lines(r.source, smallPx) * Math.ceil(smallPx * 1.6) + 8;
  const credit = lines(EMBED_CREDIT_SAMPLE, smallPx) * Math.ceil(smallPx * 1.6) + 4;
  return 2 * EMBED_PADDING + titleBlock + sourceBlock + credit;
}

/** The longest credit text the embed page prints under the chart (src/pages/embed/[...state].astro). */
export const EMBED_CREDIT_SAMPLE =
  'Read the full story: Big Local health · Share or download. Big Local health project team, updated 30 September 2026.';

const svgHeight = (svg: string) => Number(/\sheight="([\d.]+)"/.exec(svg)?.[1] ?? 400);

/**
 * The script-free embed's fixed height: enough for its content at every host width from
 * MIN_EMBED_WIDTH up. Below WIDE_CONTAINER the phone drawing shows at (at most) its own size with the
 * words wrapped as at 320 px; from there the wide drawing shows at (at most) its own size with the
 * words wrapped as at the switch width. The larger of the two is the height, so no width needs more.
 * The embed page also fits whatever height it is given (the chart scales into the space left), so a
 * host that sets another height still shows everything.
 */
export function embedHeight(r: Pick<RenderedState, 'title' | 'source' | 'svgWide' | 'svgNarrow'>): number {
  const narrow = svgHeight(r.svgNarrow || r.svgWide) + embedTextHeight(r, MIN_EMBED_WIDTH);
  const wide = svgHeight(r.svgWide) + embedTextHeight(r, WIDE_CONTAINER + 2 * EMBED_PADDING);
  return Math.ceil(Math.max(narrow, wide));
}

export interface Snippets {
  /** <div data-biglocal-embed> + /embed.js: resizes to fit. */
  script: string;
  /** A fixed-height iframe, for CMSs that strip scripts: its height fits every width from MIN_EMBED_WIDTH. */
  iframe: string;
  /** An image that links to the chart page, for places without iframes. */
  image: string;
}

export function urlsFor(r: RenderedState, site: string | URL) {
  const page = new URL(statePath(r.spec, r.state), site).href;
  const embed = new URL(statePath(r.spec, r.state, 'embed'), site).href;
  // A highlight changes only the drawing: the data files are the unhighlighted state's.
  const data = new URL(dataPath(r.spec, r.state), site).href;
  return {
    page,
    embed,
    og: new URL('og.png', page).href,
    png: new URL('chart.png', page).href,
    svg: new URL('chart.svg', page).href,
    data,
    csv: new URL('data.csv', data).href,
    json: new URL('data.json', page).href,
    oembed: new URL('oembed.json', page).href,
    embedJs: new URL('/embed.js', site).href,
  };
}

export function snippets(r: RenderedState, site: string | URL): Snippets {
  const u = urlsFor(r, site);
  const t = escapeXml(r.title);
  const h = embedHeight(r);
  const iframe =
    `<iframe src="${u.embed}" title="${t}" width="100%" height="${h}" ` +
    `style="border:0;width:100%;min-width:${Math.min(280, NARROW_WIDTH)}px" loading="lazy"></iframe>`;
  const img = `<a href="${u.page}"><img src="${u.og}" alt="${t}" width="${SHARE_CARD_SIZE.width}" height="${SHARE_CARD_SIZE.height}" style="max-width:100%;height:auto"></a>`;
  return {
    script:
      `<div data-biglocal-embed="${u.embed}">${iframe.replace('<iframe ', '<iframe data-biglocal-frame ')}` +
      `<noscript>${img}</noscript></div>\n<script async src="${u.embedJs}"></script>`,
    iframe,
    image: img,
  };
}
