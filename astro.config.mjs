// @ts-check
import { defineConfig, passthroughImageService } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { assertProjectNode } from './scripts/runtime.mjs';

assertProjectNode('astro');

// SITE_URL lets a deploy set the canonical origin; the default is the project's own.
export default defineConfig({
  site: process.env.SITE_URL ?? 'https://biglocal-health.example.org',
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
  integrations: [sitemap()],
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
