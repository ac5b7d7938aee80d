// @ts-check
import { defineConfig } from 'astro/config';

// SITE_URL lets a deploy set the canonical origin; the default is the project's own.
export default defineConfig({
  site: process.env.SITE_URL ?? 'https://biglocal-health.example.org',
  trailingSlash: 'always',
  build: { format: 'directory' },
});
