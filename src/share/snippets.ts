/** The embed snippets offered on chart pages and in oEmbed responses (build time). */
import { escapeXml } from '../charts/svg.ts';
import { NARROW_WIDTH, type RenderedState } from '../state/chart-states.ts';
import { statePath } from '../state/url.ts';

export const EMBED_WIDTH = 640;

/** The height the embed needs at EMBED_WIDTH: title, chart, source and link (the script version adjusts it live). */
export function embedHeight(r: RenderedState): number {
  const h = Number(/\sheight="([\d.]+)"/.exec(r.svgWide)?.[1] ?? 400);
  return Math.ceil(h + 170);
}

export interface Snippets {
  /** <div data-biglocal-embed> + /embed.js: resizes to fit. */
  script: string;
  /** A fixed-height iframe, for CMSs that strip scripts. */
  iframe: string;
  /** An image that links to the chart page, for places without iframes. */
  image: string;
}

export function urlsFor(r: RenderedState, site: string | URL) {
  const page = new URL(statePath(r.spec, r.state), site).href;
  const embed = new URL(statePath(r.spec, r.state, 'embed'), site).href;
  return {
    page,
    embed,
    og: new URL('og.png', page).href,
    png: new URL('chart.png', page).href,
    svg: new URL('chart.svg', page).href,
    csv: new URL('data.csv', page).href,
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
  const img = `<a href="${u.page}"><img src="${u.og}" alt="${t}" width="1200" height="630" style="max-width:100%;height:auto"></a>`;
  return {
    script:
      `<div data-biglocal-embed="${u.embed}">${iframe.replace('<iframe ', '<iframe data-biglocal-frame ')}` +
      `<noscript>${img}</noscript></div>\n<script async src="${u.embedJs}"></script>`,
    iframe,
    image: img,
  };
}
