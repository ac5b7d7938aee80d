/**
 * Security hardening, checked on one page of every type:
 *  - the strict Content-Security-Policy (<meta> in src/layouts/Base.astro) holds: pages load with
 *    JavaScript on and report no CSP violation and no console error or warning;
 *  - public/_headers gives every page the same policy as an HTTP header plus frame-ancestors: any
 *    site may frame /embed/*, only this site may frame the rest (checked as a file, and by serving
 *    pages with those headers to a foreign host page);
 *  - hostile query strings (and fragments) are inert on every page type. share.spec.ts already
 *    covers the chart-state parameters of /charts|embed/area-changes/; this adds the other page
 *    types, the pym.js parameters, and the charts with a `measures` list or a group highlight.
 *
 * File checks read the built site in dist/ (DIST_DIR overrides, for a build elsewhere).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { launchOptionsForRoutedHosts } from './helpers.ts';
import { expect, test, type Page } from '@playwright/test';
import { MAX_QUERY_LENGTH, MAX_QUERY_WITH_PYM, PYM_PARAMS } from '../../src/state/url.ts';

// The host pages here are fulfilled by page.route: see launchOptionsForRoutedHosts.
test.use({ launchOptions: launchOptionsForRoutedHosts() });

const DIST = process.env.DIST_DIR ?? join(process.cwd(), 'dist');
const HEADERS_FILE = join(process.cwd(), 'public', '_headers');

/** One page of every type. `view`: a chart/embed page (reads its query through src/state/url.ts). */
const PAGES = [
  { type: 'story', path: '/', chart: true },
  { type: 'method', path: '/method/', chart: false },
  { type: 'areas index', path: '/areas/', chart: true },
  { type: 'area page', path: '/areas/aberfeldy/', chart: true },
  { type: 'chart page', path: '/charts/area-changes/very-good/', chart: true, view: true },
  { type: 'embed page', path: '/embed/area-changes/very-good/', chart: true, view: true },
  { type: '404', path: '/404.html', chart: false },
] as const;

// ---------------------------------------------------------------------------------------------
// Watching a page

interface Watch {
  console: string[];
  dialogs: string[];
  errors: string[];
}

/** Records console errors and warnings, uncaught errors, dialogs and (in the page) CSP violations. */
async function watch(page: Page): Promise<Watch> {
  const w: Watch = { console: [], dialogs: [], errors: [] };
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') w.console.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => w.errors.push(String(e)));
  page.on('dialog', (d) => {
    w.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await page.addInitScript(() => {
    const list: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = list;
    document.addEventListener('securitypolicyviolation', (e) => {
      list.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  return w;
}

const cspViolations = (page: Page) => page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);

/** Lets late work (fetches, redraws, fonts) finish, so its violations would be seen. */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

const ready = (page: Page) => page.waitForSelector('[data-chart-view][data-ready="true"]');

/** Elements a payload would have created: event-handler attributes, the img[src=x], inline scripts. */
function injected(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const name of el.getAttributeNames()) {
        if (/^on/i.test(name)) found.push(`<${el.tagName.toLowerCase()} ${name}>`);
      }
    }
    if (document.querySelector('img[src="x"]')) found.push('<img src="x">');
    for (const s of Array.from(document.scripts)) {
      if (!s.src && !/json/.test(s.type)) found.push(`inline <script>${s.textContent?.slice(0, 40)}`);
    }
    if ((window as unknown as { __pwned?: unknown }).__pwned !== undefined) found.push('window.__pwned set');
    return found;
  });
}

/** The page's main heading and (where it has one) a visible chart drawing. */
async function expectRendered(page: Page, chart: boolean, label: string) {
  await expect(page.locator('main h1').first(), label).toBeVisible();
  if (chart) await expect(page.locator('main figure svg').filter({ visible: true }).first(), label).toBeVisible();
}

// ---------------------------------------------------------------------------------------------
// CSP

const EXPECTED_META_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

test.describe('Content-Security-Policy', () => {
  for (const p of PAGES) {
    test(`${p.type}: strict meta CSP, no violation, no console error or warning`, async ({ page }) => {
      const w = await watch(page);
      await page.goto(p.path);
      if ('view' in p) await ready(page);
      await settle(page);
      // Exercise what the page does after load: scroll the whole story (scrolly swaps charts).
      await page.evaluate(async () => {
        for (let y = 0; y < document.body.scrollHeight; y += 600) {
          window.scrollTo(0, y);
          await new Promise((r) => setTimeout(r, 30));
        }
        window.scrollTo(0, 0);
      });
      await settle(page);

      const meta = await page.evaluate(() => {
        const m = document.head.querySelector('meta[http-equiv="Content-Security-Policy"]');
        const all = Array.from(document.head.children);
        const firstResource = all.findIndex((el) => el.matches('script, link[rel="stylesheet"], style'));
        return {
          count: document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]').length,
          content: m?.getAttribute('content') ?? null,
          // The policy only covers what comes after it in the document.
          beforeResources: m !== null && (firstResource < 0 || all.indexOf(m) < firstResource),
        };
      });
      expect(meta.count).toBe(1);
      expect(meta.content).toBe(EXPECTED_META_CSP);
      expect(meta.beforeResources).toBe(true);
      expect(meta.content).not.toMatch(/unsafe-|https?:|\*/);

      await expectRendered(page, p.chart, p.path);
      expect(await cspViolations(page)).toEqual([]);
      expect(w.console).toEqual([]);
      expect(w.errors).toEqual([]);
      expect(w.dialogs).toEqual([]);
    });
  }

  test('chart page: the PNG download (blob: image) works under the policy', async ({ page }) => {
    const w = await watch(page);
    await page.goto('/charts/area-changes/very-good/');
    await ready(page);
    const png = page.locator('[data-png-download]');
    if ((await png.count()) > 0) {
      const download = page.waitForEvent('download');
      await png.click();
      expect((await download).suggestedFilename()).toMatch(/\.png$/);
    }
    await settle(page);
    expect(await cspViolations(page)).toEqual([]);
    expect(w.console).toEqual([]);
    expect(w.errors).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// public/_headers

interface Rule {
  path: string;
  headers: Record<string, string>;
}

/** Netlify / Cloudflare Pages _headers format: a path line, then indented `Name: value` lines. */
function parseHeaders(text: string): Rule[] {
  const rules: Rule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (/^\S/.test(line)) rules.push({ path: line.trim(), headers: {} });
    else {
      const m = /^\s+([A-Za-z0-9-]+):\s*(.*)$/.exec(line);
      if (!m || !rules.length) throw new Error(`_headers: cannot read line ${JSON.stringify(line)}`);
      rules.at(-1)!.headers[m[1]!.toLowerCase()] = m[2]!.trim();
    }
  }
  return rules;
}

/** Whether a rule path matches a URL path (a trailing `*` matches anything, including nothing). */
const matches = (rule: string, path: string) => (rule.endsWith('*') ? path.startsWith(rule.slice(0, -1)) : rule === path);

/** The headers a host sends for a path: every matching rule applies; repeated names join with ", ". */
function headersFor(rules: Rule[], path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of rules.filter((x) => matches(x.path, path))) {
    for (const [k, v] of Object.entries(r.headers)) out[k] = out[k] ? `${out[k]}, ${v}` : v;
  }
  return out;
}

function htmlPaths(dir = DIST, base = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return htmlPaths(p, `${base}/${name}`);
    if (!name.endsWith('.html')) return [];
    return [name === 'index.html' ? `${base}/` : `${base}/${name}`];
  });
}

const directive = (csp: string, name: string) =>
  csp
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.split(/\s+/)[0] === name);

// File checks: run once, in the desktop project (see playwright.config.ts).
test.describe('public/_headers', { tag: '@desktop-only' }, () => {
  const rules = parseHeaders(readFileSync(HEADERS_FILE, 'utf8'));

  test('is copied into the build', () => {
    expect(readFileSync(join(DIST, '_headers'), 'utf8')).toBe(readFileSync(HEADERS_FILE, 'utf8'));
  });

  test('every response gets nosniff, a referrer policy and a permissions policy; /* carries no CSP', () => {
    const all = rules.find((r) => r.path === '/*');
    expect(all).toBeDefined();
    expect(all!.headers['x-content-type-options']).toBe('nosniff');
    expect(all!.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(all!.headers['permissions-policy']).toMatch(/camera=\(\)/);
    // The hosts combine every matching rule: a CSP on /* would also reach /embed/*.
    expect(all!.headers['content-security-policy']).toBeUndefined();
    expect(all!.headers['x-frame-options']).toBeUndefined();
  });

  test('every built page gets exactly one CSP: the meta policy plus frame-ancestors (* for embeds, self otherwise)', () => {
    const problems: string[] = [];
    const paths = htmlPaths();
    expect(paths.length).toBeGreaterThan(100);
    for (const path of paths) {
      const h = headersFor(rules, path);
      const csp = h['content-security-policy'];
      const embed = path.startsWith('/embed/');
      if (!csp) {
        problems.push(`${path}: no CSP header`);
        continue;
      }
      if (csp.includes(', ')) problems.push(`${path}: several CSP rules match`);
      const fa = directive(csp, 'frame-ancestors');
      if (fa !== (embed ? 'frame-ancestors *' : "frame-ancestors 'self'")) problems.push(`${path}: ${fa ?? 'no frame-ancestors'}`);
      if (embed ? h['x-frame-options'] : h['x-frame-options'] !== 'SAMEORIGIN') problems.push(`${path}: X-Frame-Options ${h['x-frame-options']}`);
      const withoutFa = csp
        .split(';')
        .map((d) => d.trim())
        .filter((d) => !d.startsWith('frame-ancestors'))
        .join('; ');
      if (withoutFa !== EXPECTED_META_CSP) problems.push(`${path}: header CSP differs from the meta policy`);
      if (problems.length > 20) break;
    }
    // The meta policy in the built pages is the same one.
    const sample = ['/', '/embed/area-changes/very-good/', '/404.html'];
    for (const path of sample) {
      const file = path.endsWith('/') ? join(DIST, path, 'index.html') : join(DIST, path);
      const html = readFileSync(file, 'utf8');
      const m = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
      if (m?.[1]?.replace(/&#39;/g, "'") !== EXPECTED_META_CSP) problems.push(`${path}: meta CSP is ${m?.[1]}`);
    }
    expect(problems).toEqual([]);
  });

  test('no built page has an inline script, style element or style/on* attribute', () => {
    const problems: string[] = [];
    for (const path of htmlPaths()) {
      const file = path.endsWith('/') ? join(DIST, path, 'index.html') : join(DIST, path);
      const html = readFileSync(file, 'utf8');
      for (const m of html.matchAll(/<script\b([^>]*)>/gi)) {
        if (!/\ssrc=/.test(m[1]!) && !/type="application\/(ld\+)?json"/.test(m[1]!)) problems.push(`${path}: inline <script${m[1]}>`);
      }
      if (/<style\b/i.test(html)) problems.push(`${path}: <style>`);
      if (/<[a-z][^>]*\sstyle="/i.test(html)) problems.push(`${path}: style="" attribute`);
      if (/<[a-z][^>]*\son[a-z]+=/i.test(html)) problems.push(`${path}: on* attribute`);
      if (problems.length > 20) break;
    }
    expect(problems).toEqual([]);
  });
});

// Serving pages with the _headers headers (as Netlify / Cloudflare Pages would) to a host page on
// another origin: the embed loads in its iframe, the chart page is refused.
test.describe('framing under the _headers policy', () => {
  const HOST = 'http://news.example.test/article.html';

  test('another site can frame /embed/* but not /charts/*', async ({ page, baseURL }) => {
    const rules = parseHeaders(readFileSync(HEADERS_FILE, 'utf8'));
    const site = baseURL!.replace(/\/$/, '');
    await page.route(`${site}/**`, async (route) => {
      const res = await route.fetch();
      const path = new URL(route.request().url()).pathname;
      await route.fulfill({ response: res, headers: { ...res.headers(), ...headersFor(rules, path) } });
    });
    await page.route(HOST, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: `<!doctype html><title>Host</title>
          <iframe id="embed" title="embed" src="${site}/embed/area-changes/very-good/"></iframe>
          <iframe id="chart" title="chart" src="${site}/charts/area-changes/very-good/"></iframe>`,
      }),
    );
    const refused: string[] = [];
    page.on('console', (m) => {
      if (/frame-ancestors/.test(m.text())) refused.push(m.text());
    });
    await page.goto(HOST);
    const embed = page.frameLocator('#embed');
    await expect(embed.locator('[data-chart-view][data-ready="true"]')).toHaveCount(1, { timeout: 10_000 });
    await expect(embed.locator('main h1')).toBeVisible();
    // The refused frame shows the browser's error page instead of ours.
    await expect.poll(() => refused.length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(refused, 'only the chart page is refused').toHaveLength(1);
    const chart = await (await page.locator('#chart').elementHandle())!.contentFrame();
    expect(chart).not.toBeNull();
    expect(await chart!.locator('main h1').count()).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Hostile query strings

const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  `'"\`</title></textarea><svg onload=alert(1)>`,
  'a\u202eflipped\u202c 🙂👩🏽‍⚕️ \u0000\uFEFF',
  `javascript:alert(1)//${'x'.repeat(10_000)}`,
];
const label = (s: string) => JSON.stringify(s.slice(0, 24));

/** Parameters pages might plausibly read (none of these pages reads any today). */
const OTHER_PARAMS = ['q', 'area', 'highlight', 'measure', 'measures', 'table', 'childId', 'utm_source'];

/** URLs for a path: all params at once for short payloads; one per param for the long one (header limits). */
function hostileUrls(path: string, keys: readonly string[], value: string): string[] {
  if (value.length > MAX_QUERY_LENGTH) return keys.map((k) => `${path}?${new URLSearchParams({ [k]: value })}`);
  const q = new URLSearchParams();
  for (const k of keys) q.append(k, value);
  q.append(value, '1'); // a hostile key too
  return [`${path}?${q}#${encodeURIComponent(value)}`];
}

test.describe('hostile query strings', () => {
  for (const p of PAGES.filter((x) => !('view' in x))) {
    test(`${p.type}: hostile values in any parameter and the fragment are inert`, async ({ page }) => {
      test.setTimeout(90_000);
      const w = await watch(page);
      for (const value of HOSTILE) {
        for (const url of hostileUrls(p.path, OTHER_PARAMS, value)) {
          await page.goto(url);
          await settle(page);
          const what = `${p.type} ${label(value)}`;
          await expectRendered(page, p.chart, what);
          expect(await injected(page), what).toEqual([]);
          expect(await cspViolations(page), what).toEqual([]);
        }
      }
      expect(w.dialogs).toEqual([]);
      expect(w.errors).toEqual([]);
    });
  }

  test('unknown path with hostile segments: 404 page, inert', async ({ page }) => {
    const w = await watch(page);
    // No "/" in the segment: `astro preview` answers 500 to an encoded slash (%2F) in a path.
    for (const value of HOSTILE.slice(0, 4).map((v) => v.replaceAll('/', ''))) {
      const res = await page.goto(`/${encodeURIComponent(value)}/?q=${encodeURIComponent(value)}`);
      expect(res?.status()).toBe(404);
      await expect(page.locator('main h1')).toBeVisible();
      expect(await injected(page)).toEqual([]);
      expect(await cspViolations(page)).toEqual([]);
    }
    expect(w.dialogs).toEqual([]);
    expect(w.errors).toEqual([]);
  });

  // Chart-state parameters on the charts share.spec.ts does not try: a `measures` list (did-interval)
  // and a group highlight (group-comparison). Every hostile value falls back with a visible notice.
  for (const kind of ['charts', 'embed'] as const) {
    for (const [chart, keys] of [
      ['did-interval', ['measures', 'table']],
      ['group-comparison/very-good', ['highlight', 'table']],
    ] as const) {
      test(`${kind}/${chart}: hostile ${keys.join(', ')} fall back with a notice`, async ({ page }) => {
        test.setTimeout(90_000);
        const w = await watch(page);
        const path = `/${kind}/${chart}/`;
        for (const key of keys) {
          for (const value of HOSTILE) {
            await page.goto(`${path}?${new URLSearchParams({ [key]: value })}`);
            await ready(page);
            const what = `${key}=${label(value)}`;
            await expect(page.getByRole('status').filter({ hasText: /not recognised|too long/ }), what).toBeVisible();
            await expectRendered(page, true, what);
            expect(await injected(page), what).toEqual([]);
            expect(await cspViolations(page), what).toEqual([]);
          }
        }
        expect(w.dialogs).toEqual([]);
        expect(w.errors).toEqual([]);
      });
    }
  }

  // pym.js parameters (src/state/url.ts PYM_PARAMS) are read by embeds but are not chart state:
  // hostile values are ignored silently, unless too long to read at all. They do not count against
  // the chart settings' own cap, only against the larger one for the whole query.
  test('embed: hostile pym.js parameters are inert', async ({ page }) => {
    test.setTimeout(90_000);
    const w = await watch(page);
    const path = '/embed/area-changes/very-good/';
    for (const key of PYM_PARAMS) {
      for (const value of HOSTILE) {
        const query = new URLSearchParams({ [key]: value }).toString();
        await page.goto(`${path}?${query}`);
        await ready(page);
        const what = `${key}=${label(value)}`;
        const notice = page.locator('[data-notice]');
        if (query.length + 1 > MAX_QUERY_WITH_PYM) await expect(notice, what).toBeVisible();
        else await expect(notice, what).toBeHidden();
        await expectRendered(page, true, what);
        expect(await injected(page), what).toEqual([]);
        expect(await cspViolations(page), what).toEqual([]);
      }
    }
    expect(w.dialogs).toEqual([]);
    expect(w.errors).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Print

test.describe('print', () => {
  test('story prints without sticky or fixed elements, with vector charts and link URLs', async ({ page }) => {
    await page.goto('/');
    await settle(page);
    await page.emulateMedia({ media: 'print' });

    const stuck = await page.evaluate(() =>
      Array.from(document.querySelectorAll('*'))
        .filter((el) => ['sticky', 'fixed'].includes(getComputedStyle(el).position))
        .map((el) => `<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}">`),
    );
    expect(stuck).toEqual([]);

    const figures = await page.evaluate(() =>
      Array.from(document.querySelectorAll('main figure')).map((f) => {
        const shown = (el: Element) => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
        };
        return {
          id: f.id,
          shown: shown(f),
          svg: Array.from(f.querySelectorAll('svg')).filter(shown).length,
          raster: Array.from(f.querySelectorAll('img, canvas')).filter(shown).length,
        };
      }),
    );
    const printed = figures.filter((f) => f.shown);
    expect(printed.length).toBeGreaterThan(3);
    for (const f of printed) {
      expect(f.svg, `${f.id} prints an SVG`).toBeGreaterThan(0);
      expect(f.raster, `${f.id} prints no raster image`).toBe(0);
    }

    const links = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLAnchorElement>('main article .prose a[href]'))
        .filter((a) => !a.getAttribute('href')!.startsWith('#') && a.getBoundingClientRect().width > 0)
        .map((a) => ({ href: a.getAttribute('href')!, after: getComputedStyle(a, '::after').content })),
    );
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) expect(l.after, l.href).toContain(l.href);
  });
});

test('embed: a host URL full of tracking parameters does not push the chart settings past the cap', async ({ page }) => {
  const parentUrl = `https://news.example.net/2026/12/health-story/?${Array.from({ length: 40 }, (_, i) => `utm_campaign_${i}=${'x'.repeat(30)}`).join('&')}`;
  const query = new URLSearchParams({ highlight: 'dartford', initialWidth: '375', childId: 'c1', parentTitle: 'A long headline '.repeat(10), parentUrl });
  expect(query.toString().length).toBeGreaterThan(MAX_QUERY_LENGTH);
  await page.goto(`/embed/area-changes/very-good/?${query}`);
  await ready(page);
  await expect(page.locator('[data-notice]')).toBeHidden();
  // The chart's own setting survives: the highlighted area is drawn as such.
  await expect(page.locator('[data-chart-view]')).toHaveAttribute('data-ready', 'true');
  expect(await page.locator('[data-chart-view]').evaluate((el) => el.querySelector('svg')?.outerHTML.includes('Dartford') ?? false)).toBe(true);
});
