/**
 * Whole-site checks on the built dist/: no broken internal link, image or download; no orphan
 * page; the standard files every publisher expects. Reads files, so it runs once (desktop project).
 */
import { test, expect } from '@playwright/test';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

// DIST_DIR lets a private build (e.g. /tmp/x) be checked; npm test uses dist/.
const DIST = process.env.DIST_DIR ?? join(process.cwd(), 'dist');

function htmlFiles(dir = DIST): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return htmlFiles(p);
    return p.endsWith('.html') ? [p] : [];
  });
}

/** The URL path a built file is served at (directory format: /x/index.html → /x/). */
const urlOf = (file: string) => {
  const rel = file.slice(DIST.length).split('\\').join('/');
  return rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
};

/** The file a URL path resolves to, or null. */
function fileFor(pathname: string): string | null {
  const clean = decodeURIComponent(pathname.split('#')[0]!.split('?')[0]!);
  const candidates = clean.endsWith('/') ? [join(DIST, clean, 'index.html')] : [join(DIST, clean), join(DIST, clean, 'index.html')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

/** Internal references in a page: links, images, scripts, styles, iframes, srcset entries. */
function references(html: string, pageUrl: string): string[] {
  const out: string[] = [];
  const attr = /\s(?:href|src|poster|data-src)\s*=\s*"([^"]*)"/g;
  for (const m of html.matchAll(attr)) out.push(m[1]!);
  for (const m of html.matchAll(/\ssrcset\s*=\s*"([^"]*)"/g)) for (const part of m[1]!.split(',')) out.push(part.trim().split(/\s+/)[0]!);
  return out
    .map((u) => u.replace(/&amp;/g, '&'))
    .filter((u) => u && !u.startsWith('#') && !/^(mailto:|tel:|data:|javascript:)/i.test(u))
    .map((u) => {
      const url = new URL(u, `https://site.invalid${pageUrl}`);
      return url.origin === 'https://site.invalid' ? url.pathname : null;
    })
    .filter((u): u is string => u !== null);
}

// File-level checks on dist/: run once, in the desktop project (see playwright.config.ts).
test.describe('built site', { tag: '@desktop-only' }, () => {

  const pages = htmlFiles();

  test('has no broken internal link, image or download', () => {
    const broken: string[] = [];
    for (const file of pages) {
      const url = urlOf(file);
      for (const ref of new Set(references(readFileSync(file, 'utf8'), url))) {
        if (!fileFor(ref)) broken.push(`${url} → ${ref}`);
      }
    }
    expect(broken.slice(0, 30), `${broken.length} broken references`).toEqual([]);
  });

  test('has no orphan page: every page is reachable by links from the home page', () => {
    const seen = new Set<string>(['/']);
    const queue = ['/'];
    while (queue.length) {
      const url = queue.shift()!;
      const file = fileFor(url);
      if (!file || !file.endsWith('.html')) continue;
      for (const ref of references(readFileSync(file, 'utf8'), url)) {
        const target = fileFor(ref);
        if (!target || !target.endsWith('.html')) continue;
        const key = urlOf(target);
        if (!seen.has(key)) {
          seen.add(key);
          queue.push(key);
        }
      }
    }
    // The 404 page is reached by a missing URL, never by a link.
    const orphans = pages.map(urlOf).filter((u) => !seen.has(u) && u !== '/404.html');
    expect(orphans.slice(0, 30), `${orphans.length} orphan pages`).toEqual([]);
  });

  test('has the standard site files', () => {
    for (const f of ['404.html', 'robots.txt', 'favicon.svg']) expect(existsSync(join(DIST, f)), f).toBe(true);
    const sitemaps = readdirSync(DIST).filter((f) => /^sitemap.*\.xml$/.test(f));
    expect(sitemaps.length).toBeGreaterThan(0);
    expect(readFileSync(join(DIST, 'robots.txt'), 'utf8')).toMatch(/Sitemap: https?:\/\/.+sitemap-index\.xml/);
  });

  test('every indexable page has a canonical URL, a description and Open Graph and Twitter tags', () => {
    const missing: string[] = [];
    for (const file of pages) {
      const html = readFileSync(file, 'utf8');
      if (/<meta name="robots" content="noindex/.test(html)) continue;
      const url = urlOf(file);
      for (const [label, re] of [
        ['canonical', /<link rel="canonical" href="https?:\/\/[^"]+"/],
        ['description', /<meta name="description" content="[^"]+"/],
        ['og:title', /<meta property="og:title" content="[^"]+"/],
        ['og:url', /<meta property="og:url" content="[^"]+"/],
        ['twitter:card', /<meta name="twitter:card" content="[^"]+"/],
      ] as const) {
        if (!re.test(html)) missing.push(`${url}: ${label}`);
      }
    }
    expect(missing.slice(0, 30), `${missing.length} missing tags`).toEqual([]);
  });
});

