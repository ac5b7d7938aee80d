/**
 * A build with SITE_URL names no other origin for the site anywhere in what it writes: not the
 * preview's address, not a placeholder. The whole site is built (every page type, share cards,
 * oEmbed files, downloads, sitemap) into a temporary folder.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PREVIEW_ORIGIN } from '../../scripts/site-url.mjs';
import { buildStoryOnly, PROJECT } from './story-build.ts';

const SITE = 'https://news.example.net';
const PAGES = (readdirSync(join(PROJECT, 'src', 'pages'), { recursive: true }) as string[]).filter((f) => /\.(astro|ts)$/.test(f) && !f.endsWith('.test.ts'));

describe(`a build with SITE_URL=${SITE}`, () => {
  let tmp: string;
  let dist: string;
  const texts = new Map<string, string>();
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'site-origin-'));
    dist = join(tmp, 'dist');
    buildStoryOnly(dist, undefined, PAGES, { SITE_URL: SITE });
    for (const f of readdirSync(dist, { recursive: true }) as string[]) {
      if (/\.(html|json|xml|txt|svg|csv|js)$/.test(f)) texts.set(f, readFileSync(join(dist, f), 'utf8'));
    }
  }, 600_000);
  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('builds every page type', () => {
    for (const f of ['index.html', 'method/index.html', 'areas/index.html', 'areas/dartford/index.html', 'charts/did-interval/index.html', 'embed/did-interval/index.html', 'sitemap-0.xml', 'robots.txt']) {
      expect(texts.has(f), f).toBe(true);
    }
  });

  it('contains no other origin for the site: not the preview address, nor a placeholder', () => {
    const other = [PREVIEW_ORIGIN, 'http://127.0.0.1', 'example.org'];
    const found = [...texts].flatMap(([f, t]) => other.filter((o) => t.includes(o)).map((o) => `${f}: ${o}`));
    expect(found.slice(0, 10), `${found.length} files`).toEqual([]);
  });

  it('makes every absolute URL of its own on SITE_URL: canonical, og, oEmbed, snippets, sitemap', () => {
    const html = texts.get('charts/did-interval/index.html')!;
    const wants = [
      /<link rel="canonical" href="([^"]+)"/,
      /<meta property="og:url" content="([^"]+)"/,
      /<meta property="og:image" content="([^"]+)"/,
      /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/,
    ];
    for (const re of wants) expect(re.exec(html)?.[1], String(re)).toMatch(new RegExp(`^${SITE}/`));
    const oembed = JSON.parse(texts.get('charts/did-interval/oembed.json')!) as { html: string; provider_url: string };
    expect(oembed.provider_url.startsWith(SITE)).toBe(true);
    expect(oembed.html).toContain(`${SITE}/embed/did-interval/`);
    const locs = [...texts.get('sitemap-0.xml')!.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(locs.length).toBeGreaterThan(100);
    for (const l of locs) expect(l.startsWith(`${SITE}/`), l).toBe(true);
  });
});
