/**
 * The public origin the build writes into every absolute URL: canonical links, share cards
 * (og:image, og:url), the oEmbed files, embed snippets, the sitemap, the footers of downloaded
 * SVGs and PNGs. It comes from SITE_URL.
 *
 * Without SITE_URL the build still works (the README's `npm run build` on a fresh machine), but it
 * does not quietly publish a made-up domain: it uses the address `npm run preview` serves the build
 * at, so every link works on the machine that built it, and it says loudly that this build is not
 * for deployment. With DEPLOY set (a deployment pipeline), a missing SITE_URL stops the build.
 * In the browser, "Copy link" and the embed snippets use the page's own origin whatever was built.
 */

/** Where `npm run preview` serves the site (Astro's default port). */
export const PREVIEW_ORIGIN = 'http://localhost:4321';

/**
 * @param {Record<string, string | undefined>} env
 * @returns {{ site: string; warning: string | null }}
 */
export function siteUrl(env) {
  const raw = env.SITE_URL?.trim();
  if (!raw) {
    if (env.DEPLOY) throw new Error('DEPLOY is set but SITE_URL is not: set SITE_URL to the public origin, e.g. SITE_URL=https://health.example.org');
    return {
      site: PREVIEW_ORIGIN,
      warning:
        `SITE_URL is not set, so this build's absolute URLs (share cards, canonical links, oEmbed, embed snippets, sitemap) ` +
        `point at ${PREVIEW_ORIGIN}, where \`npm run preview\` serves it. Do not deploy it: build with SITE_URL=https://your.domain.`,
    };
  }
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`SITE_URL "${raw}" is not a URL: give the public origin, e.g. SITE_URL=https://health.example.org`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`SITE_URL "${raw}" must start with https:// (or http://)`);
  if (url.pathname !== '/' || url.search || url.hash) throw new Error(`SITE_URL "${raw}" must be an origin only, with no path, query or fragment`);
  return { site: url.origin, warning: null };
}
