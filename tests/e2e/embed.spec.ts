import { readFileSync } from 'node:fs';
import { launchOptionsForRoutedHosts } from './helpers.ts';
import { expect, test, type Browser, type Frame, type Page } from '@playwright/test';

/**
 * Embeds in a host page on another origin (served by page.route from tests/e2e/fixtures/host.html):
 * /embed.js creates the iframes and sets each one's height from the embed's pym.js messages.
 */
const HOST = 'http://host.example.test/host.html';

// The host pages here are fulfilled by page.route: see launchOptionsForRoutedHosts.
test.use({ launchOptions: launchOptionsForRoutedHosts() });
const AREA = 'aberfeldy';

async function openHost(page: Page, baseURL: string) {
  const html = readFileSync(new URL('./fixtures/host.html', import.meta.url), 'utf8')
    .replaceAll('SITE', baseURL.replace(/\/$/, ''))
    .replaceAll('AREA', AREA);
  await page.route(HOST, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
  await page.goto(HOST);
}

/**
 * The height the embed's content takes: the bottom of its last part plus the wrapper's padding.
 * (The wrapper itself always fills the iframe: the embed page fits any height it is given.)
 */
async function contentHeight(frame: Frame): Promise<number> {
  return frame.evaluate(() => {
    const el = document.querySelector<HTMLElement>('[data-embed-root]');
    if (!el) return -1;
    const bottoms = [...el.children].filter((c) => c.getBoundingClientRect().height > 0).map((c) => c.getBoundingClientRect().bottom);
    return Math.max(...bottoms) + parseFloat(getComputedStyle(el).paddingBottom);
  });
}

async function expectFitted(page: Page) {
  const iframes = page.locator('iframe[data-biglocal-frame]');
  await expect(iframes).toHaveCount(2);
  for (let i = 0; i < 2; i++) {
    const handle = await iframes.nth(i).elementHandle();
    const frame = (await handle!.contentFrame())!;
    await frame.waitForSelector('[data-chart-view][data-ready="true"]');
    await expect
      .poll(async () => {
        const box = await iframes.nth(i).boundingBox();
        return Math.abs((box?.height ?? 0) - (await contentHeight(frame)));
      }, { timeout: 5000 })
      .toBeLessThanOrEqual(2);
  }
}

test('two embeds on one host page fit their content, at 1280 px and again at 375 px', async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openHost(page, baseURL!);
  await expectFitted(page);
  const wide = await page.locator('iframe[data-biglocal-frame]').first().boundingBox();
  await page.setViewportSize({ width: 375, height: 800 });
  await expectFitted(page);
  const narrow = await page.locator('iframe[data-biglocal-frame]').first().boundingBox();
  expect(narrow!.height).not.toBe(wide!.height);
});

test('embed.js ignores height messages from other origins', async ({ page, baseURL }) => {
  await openHost(page, baseURL!);
  await expectFitted(page);
  const iframe = page.locator('iframe[data-biglocal-frame]').first();
  const before = (await iframe.boundingBox())!.height;
  await page.evaluate(() => window.postMessage('pymxPYMxxPYMxheightxPYMx5', '*'));
  await page.waitForTimeout(200);
  expect((await iframe.boundingBox())!.height).toBe(before);
});

test('embed page: chart, title, source and story link without JavaScript, no overflow at 280 px', async ({ browser, baseURL }) => {
  const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 280, height: 600 } });
  const page = await ctx.newPage();
  await page.goto(`${baseURL}/embed/area-change/${AREA}/very-good/`);
  await expect(page.locator('h1')).toContainText('Aberfeldy');
  await expect(page.locator('[data-chart-narrow] svg')).toBeVisible();
  await expect(page.locator('figcaption')).toContainText('Source');
  await expect(page.getByRole('link', { name: /full story/ })).toHaveAttribute('href', /\/$/);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await ctx.close();
});

test('embed page posts pym.js height messages with its childId', async ({ page, baseURL }) => {
  await page.route(HOST, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html',
      body: `<iframe id="f" src="${baseURL}/embed/group-comparison/fair/?childId=pym-1&initialWidth=500" width="500"></iframe>`,
    }),
  );
  const got = page.waitForEvent('console', (m) => m.text().startsWith('pymxPYMx'));
  await page.addInitScript(() => window.addEventListener('message', (e) => console.log(String(e.data))));
  await page.goto(HOST);
  expect((await got).text()).toMatch(/^pymxPYMxpym-1xPYMxheightxPYMx\d+$/);
});

async function weigh(browser: Browser, url: string) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const sizes: { url: string; bytes: number; type: string }[] = [];
  page.on('response', async (res) => {
    const type = res.request().resourceType();
    if (['script', 'stylesheet', 'fetch', 'xhr', 'document'].includes(type)) {
      const body = await res.body().catch(() => Buffer.alloc(0));
      const { gzipSync } = await import('node:zlib');
      sizes.push({ url: res.url(), bytes: gzipSync(body).length, type });
    }
  });
  await page.goto(url);
  await page.waitForSelector('[data-chart-view][data-ready="true"]');
  await page.waitForLoadState('networkidle');
  const doc = sizes.filter((s) => s.type === 'document').reduce((a, s) => a + s.bytes, 0);
  const assets = sizes.filter((s) => s.type !== 'document').reduce((a, s) => a + s.bytes, 0);
  console.log(
    `${url}: JS+CSS+data ${(assets / 1024).toFixed(1)} KB gz, HTML (inline SVG) ${(doc / 1024).toFixed(1)} KB gz:`,
    sizes.map((s) => `${s.url.split('/').pop()} ${s.bytes}`).join(', '),
  );
  await ctx.close();
  return { doc, assets };
}

test('embed page weight (JS + CSS + data) stays under 40 KB gzipped', async ({ browser, baseURL }) => {
  // A highlighted embed is its own prerendered page: no chart code or data to load.
  for (const path of ['/embed/area-changes/very-good/', `/embed/area-changes/very-good/highlight/${AREA}/`, `/embed/area-change/${AREA}/very-good/`, '/embed/area-map/aberfeldy/very-good/']) {
    const { assets } = await weigh(browser, `${baseURL}${path}`);
    expect(assets).toBeLessThan(40 * 1024);
  }
  // An old `?highlight=` embed loads the chart code and its data to redraw in place: logged, see the report.
  await weigh(browser, `${baseURL}/embed/area-changes/very-good/?highlight=${AREA}`);
});
