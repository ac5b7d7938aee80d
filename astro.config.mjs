// @ts-check
import { defineConfig, passthroughImageService } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { assertProjectNode } from './scripts/runtime.mjs';
import { siteUrl } from './scripts/site-url.mjs';

assertProjectNode('astro');

// The public origin, from SITE_URL (see scripts/site-url.mjs): without it, the preview's address
// and a loud warning, never a made-up domain.
const { site, warning } = siteUrl(process.env);

/**
 * Says, at the start and again at the end of a build, when the build is not for deployment.
 * @type {import('astro').AstroIntegration}
 */
const siteWarning = {
  name: 'site-url-warning',
  hooks: {
    'astro:build:start': ({ logger }) => {
      if (warning) logger.warn(warning);
    },
    'astro:build:done': ({ logger }) => {
      if (warning) logger.warn(`\n\n  ${'!'.repeat(20)} NOT FOR DEPLOYMENT ${'!'.repeat(20)}\n  ${warning}\n`);
    },
  },
};

export default defineConfig({
  site,
  trailingSlash: 'always',
  // Astro 7's default ('jsx') drops whitespace between a line's end and an inline element on the
  // next line, joining words ("this site.Big Local"); `true` only removes whitespace that never
  // shows. tests/e2e/text.spec.ts fails on any word run into an inline element.
  compressHTML: true,
  build: {
    format: 'directory',
    // Strict CSP (no 'unsafe-inline'): keep every stylesheet in an external file.
    inlineStylesheets: 'never',
    // Share cards (og.png per chart state) render with resvg's async API: two pages at a time keep
    // both cores busy (see src/pages/charts/[...state]/[file].ts).
    concurrency: 2,
  },
  // The sitemap lists the pages a search engine should index: not the embeds (noindex) nor a
  // chart's highlighted variants and group subsets, which are its base page redrawn.
  integrations: [sitemap({ filter: (page) => !/\/(embed|highlight|groups)\//.test(new URL(page).pathname) }), siteWarning],
  // The site optimises no images (charts are SVG; share cards are drawn by resvg), so Astro's Sharp
  // service, whose bundled libheif carries GHSA-26w7-cxv4-gfx2 in Astro < 7.2.8, is never loaded.
  image: { service: passthroughImageService() },
  // Strict CSP: Shiki writes colours as inline style="" attributes; code in METHOD.md stays plain.
  markdown: { syntaxHighlight: false },
  vite: {
    build: {
      // Strict CSP: Astro inlines bundled <script>s smaller than this limit; 0 keeps them external.
      assetsInlineLimit: 0,
    },
  },
});
