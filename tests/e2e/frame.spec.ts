/**
 * The site frame: layout shell, method page, 404, download CSVs, keyboard access, small screens, axe.
 * Runs against the built site served by `astro preview` (see playwright.config.ts).
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { axeViolations, horizontalOverflow, overflowingElements } from './helpers';

const FRAME_PAGES = ['/method/', '/404.html'];
const ATTRIBUTION = 'Source: Office for National Statistics licensed under the Open Government Licence v.3.0';

/** ATX headings of a Markdown file, outside front matter and fenced code. */
function markdownHeadings(markdown: string): { depth: number; text: string }[] {
  const lines = markdown.replace(/^---\n[\s\S]*?\n---\n/, '').split('\n');
  const headings: { depth: number; text: string }[] = [];
  let fence: string | null = null;
  for (const line of lines) {
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (f) {
      const marker = f[1]!;
      if (fence === null) fence = marker[0]!;
      else if (marker[0] === fence) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const m = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (m) headings.push({ depth: m[1]!.length, text: m[2]! });
  }
  return headings;
}

/** Compare heading text loosely: Markdown syntax, smart quotes and dashes differ between source and HTML. */
function normalise(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

async function tabTo(page: Page, count = 1): Promise<void> {
  for (let i = 0; i < count; i++) await page.keyboard.press('Tab');
}

test.describe('method page', () => {
  test('renders the headings of METHOD.md, in order, under one h1', async ({ page }) => {
    const expected = markdownHeadings(readFileSync('METHOD.md', 'utf8'));
    expect(expected.length, 'METHOD.md has headings').toBeGreaterThan(0);

    await page.goto('/method/');
    const rendered = await page
      .locator('main article')
      .locator('h1, h2, h3, h4, h5, h6')
      .evaluateAll((els) => els.map((el) => ({ depth: Number(el.tagName[1]), text: el.textContent ?? '' })));

    const renderedKeys = rendered.map((h) => `${h.depth}:${normalise(h.text)}`);
    let from = 0;
    for (const h of expected) {
      const key = `${h.depth}:${normalise(h.text)}`;
      const at = renderedKeys.indexOf(key, from);
      expect(at, `heading "${'#'.repeat(h.depth)} ${h.text}" rendered after position ${from}`).toBeGreaterThanOrEqual(from);
      from = at + 1;
    }
    await expect(page.locator('main h1')).toHaveCount(1);
    await expect(page).toHaveTitle(/\| Big Local health$/);
  });

  test('has the head metadata every page needs', async ({ page }) => {
    await page.goto('/method/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /^.{40,200}$/);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /^https?:\/\/[^/]+\/method\/$/);
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /\S/);
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', /^summary/);
    await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', '/favicon.svg');
    await expect(page.getByRole('link', { name: 'Method', exact: true }).first()).toHaveAttribute('aria-current', 'page');
  });
});

test.describe('404 page', () => {
  test('an unknown address gets the friendly 404 with links home and to the areas', async ({ page }) => {
    const response = await page.goto('/no-such-page/');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(/can.t find that page/i);
    const main = page.getByRole('main');
    await expect(main.locator('a[href="/"]')).toBeVisible();
    await expect(main.locator('a[href="/areas/"]')).toBeVisible();
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  });

  test('/404.html is built', async ({ request }) => {
    const response = await request.get('/404.html');
    expect(response.ok()).toBe(true);
    expect(response.headers()['content-type']).toMatch(/^text\/html/);
  });
});

test.describe('downloads', () => {
  test('footer links to both download CSVs and carries the attributions', async ({ page }) => {
    await page.goto('/method/');
    const footer = page.getByRole('contentinfo');
    await expect(footer.locator('a[href="/data/big-local-areas.csv"]')).toBeVisible();
    await expect(footer.locator('a[href="/data/summary.csv"]')).toBeVisible();
    await expect(footer).toContainText(ATTRIBUTION);
    await expect(footer).toContainText('Contains OS data © Crown copyright and database right');
    await expect(footer).toContainText(/Indices of Deprivation 2019/);
  });

  const dir = 'data/processed/public';
  const published = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.csv')) : [];
  const required = ['big-local-areas.csv', 'summary.csv'];

  for (const file of [...new Set([...required, ...published])]) {
    test(`/data/${file} is served as text/csv, byte for byte`, async ({ request }) => {
      const response = await request.get(`/data/${file}`);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toMatch(/^text\/csv/);
      const body = await response.text();
      expect(body.length).toBeGreaterThan(0);
      if (existsSync(`${dir}/${file}`)) expect(body).toBe(readFileSync(`${dir}/${file}`, 'utf8'));
    });
  }

  test('robots.txt allows all and points at the sitemap, which exists', async ({ request }) => {
    const robots = await (await request.get('/robots.txt')).text();
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).toMatch(/^Allow: \/$/m);
    const sitemap = /^Sitemap: (\S+)$/m.exec(robots)?.[1];
    expect(sitemap).toMatch(/^https?:\/\/.+\/sitemap-index\.xml$/);
    const index = await request.get(new URL(sitemap!).pathname);
    expect(index.status()).toBe(200);
    expect(await index.text()).toContain('<sitemapindex');
  });
});

test.describe('no inline scripts (strict CSP)', () => {
  for (const path of FRAME_PAGES) {
    test(`${path} has only external scripts`, async ({ request }) => {
      const html = await (await request.get(path)).text();
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      for (const [tag, attrs, body] of scripts) {
        // JSON data blocks are not executed, so a CSP does not govern them.
        if (/type=["']?application\/(ld\+)?json/i.test(attrs ?? '')) continue;
        expect(attrs, tag.slice(0, 120)).toMatch(/\bsrc=/);
        expect(body?.trim(), tag.slice(0, 120)).toBe('');
      }
      expect(html).not.toMatch(/\son[a-z]+=["']/i);
    });
  }
});

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });

    test('the skip link is the first Tab stop, shows on focus and moves focus to main', async ({ page }) => {
      await page.goto('/method/');
      await tabTo(page);
      const skip = page.getByRole('link', { name: 'Skip to main content' });
      await expect(skip).toBeFocused();
      await expect(skip).toBeInViewport({ ratio: 1 });
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(/#main$/);
      await expect(page.locator('main#main')).toBeFocused();
      // The next Tab lands inside main, not back in the header.
      await tabTo(page);
      const inMain = await page.evaluate(() => document.activeElement?.closest('main') !== null);
      expect(inMain).toBe(true);
    });

    for (const path of FRAME_PAGES) {
      test(`${path} has no horizontal scroll at 320 px`, async ({ page }) => {
        await page.setViewportSize({ width: 320, height: 640 });
        await page.goto(path);
        const overflow = await horizontalOverflow(page);
        expect(overflow, `wider than 320 px: ${(await overflowingElements(page)).join(', ')}`).toBeLessThanOrEqual(0);
      });

      test(`${path} has no axe WCAG 2.2 AA violations`, async ({ page }) => {
        await page.goto(path);
        expect(await axeViolations(page, { javaScriptEnabled })).toEqual([]);
      });
    }
  });
}
