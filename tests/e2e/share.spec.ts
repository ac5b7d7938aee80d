import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';

const AREA = 'aberfeldy';
const AREA_NAME = 'Aberfeldy';
const AREA_PAGE = `/charts/area-change/${AREA}/very-good/`;

/** The chart drawing the reader currently sees (the container query shows one of two). */
async function visibleSvg(page: Page): Promise<string> {
  return page.evaluate(() => {
    const svgs = [...document.querySelectorAll<SVGSVGElement>('[data-chart] svg')];
    const shown = svgs.find((s) => s.getBoundingClientRect().width > 0);
    return shown ? shown.outerHTML : '';
  });
}

const ready = (page: Page) => page.waitForSelector('[data-chart-view][data-ready="true"]');

test('chart page: title, summary, chart, source, share, embed and downloads', async ({ page }) => {
  await page.goto(AREA_PAGE);
  await expect(page.locator('h1')).toContainText(AREA_NAME);
  await expect(page).toHaveTitle(new RegExp(AREA_NAME));
  expect(await visibleSvg(page)).toContain('<svg');
  await expect(page.locator('figcaption')).toContainText('Source');
  await expect(page.locator('#share-url')).toHaveValue(new RegExp(`${AREA_PAGE}$`));
  await expect(page.locator('#embed-script')).toHaveValue(/data-biglocal-embed=.*\/embed\.js/s);
  await expect(page.locator('#embed-iframe')).toHaveValue(/<iframe [^>]*height="\d+"/);
  await expect(page.locator('#embed-image')).toHaveValue(/og\.png/);
  for (const f of ['og.png', 'chart.svg', 'data.csv', 'data.json']) {
    const res = await page.request.get(`${AREA_PAGE}${f}`);
    expect(res.status(), f).toBe(200);
  }
  const svg = await (await page.request.get(`${AREA_PAGE}chart.svg`)).text();
  expect(svg).toContain('@font-face');
  expect(svg).toContain(AREA_NAME);
  expect(svg).toContain('Source');
  const meta = await (await page.request.get(`${AREA_PAGE}data.json`)).json();
  expect(meta.licence.name).toMatch(/Open Government Licence v3/);
  expect(meta.permalink).toMatch(new RegExp(`${AREA_PAGE}$`));
});

test('PNG download: chart.svg rasterised at 2× article width', async ({ page }) => {
  await page.goto(AREA_PAGE);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-png-download]').click()]);
  expect(download.suggestedFilename()).toBe('big-local-aberfeldy-very-good-health-2011-2021.png');
  const { readFileSync } = await import('node:fs');
  const png = readFileSync((await download.path())!);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(png.readUInt32BE(16)).toBe(2 * 672);
});

test('og:image names a 1200×630 PNG of this state; twitter card is summary_large_image', async ({ page }) => {
  await page.goto(AREA_PAGE);
  const og = await page.locator('meta[property="og:image"]').getAttribute('content');
  expect(og).toMatch(new RegExp(`${AREA_PAGE}og\\.png$`));
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', new RegExp(AREA_NAME));
  const res = await page.request.get(new URL(og!).pathname);
  expect(res.status()).toBe(200);
  const png = await res.body();
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(png.readUInt32BE(16)).toBe(1200);
  expect(png.readUInt32BE(20)).toBe(630);
});

// The pages people share that are not chart pages: each previews with a 1200×630 card of its own
// data (src/share/page-cards.ts), titled as the page, not a text-only card.
const PAGE_CARDS = [
  { path: '/', card: '/cards/story.png', title: /Very good health/ },
  { path: '/areas/', card: '/cards/areas.png', title: /Big Local areas/ },
  { path: `/areas/${AREA}/`, card: `/cards/areas/${AREA}.png`, title: new RegExp(AREA_NAME) },
  { path: '/method/', card: '/cards/method.png', title: /./ },
];
for (const c of PAGE_CARDS) {
  test(`share card for ${c.path}: summary_large_image with a 1200×630 PNG of its data`, async ({ page }) => {
    await page.goto(c.path);
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', c.title);
    const og = await page.locator('meta[property="og:image"]').getAttribute('content');
    expect(new URL(og!).pathname).toBe(c.card);
    await expect(page.locator('meta[name="twitter:image"]')).toHaveAttribute('content', og!);
    await expect(page.locator('meta[property="og:image:alt"]')).toHaveAttribute('content', /^Chart: .+\. .+/);
    await expect(page.locator('meta[property="og:image:width"]')).toHaveCount(1);
    const res = await page.request.get(c.card);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toMatch(/image\/png/);
    const png = await res.body();
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });
}

test('oEmbed: discovery link and valid rich JSON', async ({ page }) => {
  await page.goto(AREA_PAGE);
  const href = await page.locator('link[rel="alternate"][type="application/json+oembed"]').getAttribute('href');
  const o = await (await page.request.get(new URL(href!).pathname)).json();
  expect(o).toMatchObject({ type: 'rich', version: '1.0', provider_name: 'Big Local health' });
  expect(o.html).toMatch(/^<iframe [^>]*src="[^"]*\/embed\/area-change\/aberfeldy\/very-good\/"/);
  expect(Number.isInteger(o.width) && o.width > 0).toBe(true);
  expect(Number.isInteger(o.height) && o.height > 0).toBe(true);
  expect(o.title).toContain(AREA_NAME);
});

test('CSV parses and equals the chart table', async ({ page }) => {
  for (const path of [AREA_PAGE, '/charts/group-comparison/very-good/', '/charts/area-changes/fair/']) {
    await page.goto(path);
    const table = await page.evaluate(() => {
      const t = document.querySelector('[data-table]') as HTMLTableElement;
      return [...t.rows].map((r) => [...r.cells].map((c) => c.textContent!.trim()));
    });
    const csv = await (await page.request.get(`${path}data.csv`)).text();
    const parsed = Papa.parse<string[]>(csv.trim(), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual(table);
  }
});

test('round trip: highlight and table set in the UI → URL → its prerendered page draws the same SVG', async ({ page, context }) => {
  const BASE = '/charts/area-changes/very-good/';
  const HIGHLIGHTED = `${BASE}highlight/${AREA}/`;
  await page.goto(BASE);
  await ready(page);
  await page.getByLabel('Highlight').selectOption(AREA);
  await expect(page).toHaveURL(new RegExp(`${HIGHLIGHTED}$`));
  await ready(page);
  await expect(page.locator('[data-chart] svg .area--highlight').first()).toBeAttached();
  // Now that there is a highlight, the note that some measures drop it shows too.
  await expect(page.getByText(/can show a highlight; the other measures/)).toBeVisible();
  // Everything the reader can copy or download now names the highlighted state's page.
  await expect(page.locator('#share-url')).toHaveValue(new RegExp(`${HIGHLIGHTED}$`));
  await expect(page.locator('#embed-iframe')).toHaveValue(new RegExp(`src="[^"]*/embed/area-changes/very-good/highlight/${AREA}/"`));
  await expect(page.locator('#embed-image')).toHaveValue(new RegExp(`${HIGHLIGHTED}og\\.png`));
  await expect(page.locator('[data-citation]')).toContainText(HIGHLIGHTED);
  const svgLink = page.getByRole('link', { name: 'SVG image' });
  await expect(svgLink).toHaveAttribute('href', `${HIGHLIGHTED}chart.svg`);
  await expect(svgLink).toHaveAttribute('download', `big-local-areas-very-good-health-change-highlighting-${AREA}-2011-2021.svg`);
  await expect(page.getByRole('link', { name: 'About the data (JSON)' })).toHaveAttribute('href', `${HIGHLIGHTED}data.json`);
  // The CSV is the same with or without a highlight: the base page's.
  await expect(page.getByRole('link', { name: 'Data (CSV)' })).toHaveAttribute('href', new RegExp(`^${BASE}[a-z0-9-]+\\.csv$`));
  await expect(page.getByRole('link', { name: 'Bad or very bad health' })).toHaveAttribute('href', `/charts/area-changes/bad-or-very-bad/highlight/${AREA}/`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'PNG image' }).click()]);
  expect(download.suggestedFilename()).toBe(`big-local-areas-very-good-health-change-highlighting-${AREA}-2011-2021.png`);

  await page.locator('[data-table-toggle] > summary').click();
  await expect(page).toHaveURL(new RegExp(`${HIGHLIGHTED}\\?table=1$`));
  const svg = await visibleSvg(page);
  const url = page.url();

  const other = await context.newPage();
  await other.goto(url);
  await ready(other);
  expect(await visibleSvg(other)).toBe(svg);
  await expect(other.locator('[data-table-toggle]')).toHaveAttribute('open', '');
  await expect(other.locator('#highlight')).toHaveValue(AREA);
  const shared = new URL(await other.locator('#share-url').inputValue());
  expect(shared.pathname + shared.search).toBe(new URL(url).pathname + new URL(url).search);

  // Clearing the highlight returns to the prerendered drawing and the base page's links.
  await page.selectOption('[data-highlight]', '');
  await expect(page).toHaveURL(new RegExp(`${BASE}\\?table=1$`));
  await expect(svgLink).toHaveAttribute('href', `${BASE}chart.svg`);
});

test('an old ?highlight= link moves to its prerendered page, keeping the table setting', async ({ page }) => {
  await page.goto(`/charts/area-changes/bad-or-very-bad/?highlight=${AREA}&table=1#download-h`);
  await expect(page).toHaveURL(new RegExp(`/charts/area-changes/bad-or-very-bad/highlight/${AREA}/\\?table=1#download-h$`));
  await ready(page);
  await expect(page.locator('[data-notice]')).toBeEmpty();
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', new RegExp(`/highlight/${AREA}/og\\.png$`));
  await expect(page.locator('[data-table-toggle]')).toHaveAttribute('open', '');
});

test('back and forward follow measure switches, carrying the highlight', async ({ page }) => {
  await page.goto('/charts/group-comparison/very-good/highlight/big-local/');
  await ready(page);
  const highlight = page.getByRole('navigation', { name: 'Highlight' });
  await expect(highlight.getByRole('link', { name: 'Big Local areas' })).toHaveAttribute('aria-current', 'page');
  await page.getByRole('link', { name: 'Fair health' }).click();
  await expect(page).toHaveURL(/\/group-comparison\/fair\/highlight\/big-local\/$/);
  await ready(page);
  await expect(highlight.getByRole('link', { name: 'Big Local areas' })).toHaveAttribute('aria-current', 'page');
  await highlight.getByRole('link', { name: 'None' }).click();
  await expect(page).toHaveURL(/\/group-comparison\/fair\/$/);
  await page.goBack();
  await expect(page).toHaveURL(/\/fair\/highlight\/big-local\/$/);
  await page.goBack();
  await expect(page).toHaveURL(/\/very-good\/highlight\/big-local\/$/);
  await page.goForward();
  await expect(page).toHaveURL(/\/fair\/highlight\/big-local\/$/);
});

const HOSTILE = ['<script>window.__pwned=1</script>', '"><img src=x onerror="window.__pwned=1">', "'\"`", 'x'.repeat(10_000), '🙂\u202e'];

for (const kind of ['charts', 'embed'] as const) {
  test(`${kind}: hostile values in every query parameter are inert and show the fallback notice`, async ({ page }) => {
    test.setTimeout(120_000);
    const path = `/${kind}/area-changes/very-good/`;
    await page.goto(path);
    await ready(page);
    const clean = await visibleSvg(page);
    for (const key of ['highlight', 'table', 'measures', 'nonsense']) {
      for (const bad of HOSTILE) {
        await page.goto(`${path}?${new URLSearchParams({ [key]: bad })}`);
        await ready(page);
        const notice = page.locator('[data-notice]');
        await expect(notice, `${key}=${bad.slice(0, 20)}`).toBeVisible();
        await expect(notice).not.toContainText('<');
        expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
        expect(await page.locator('img[src="x"]').count()).toBe(0);
        expect(await visibleSvg(page)).toBe(clean);
        expect(await page.content()).not.toContain('onerror="window');
      }
    }
  });
}

test('groups in the link: chart page and embed draw only those groups and keep them in their links', async ({ page }) => {
  await page.goto('/charts/group-comparison/very-good/');
  await ready(page);
  expect(await visibleSvg(page)).toContain('Similar areas');
  const GROUPS = 'groups/england+big-local/highlight/big-local/';
  // The path form, and the query form of links from before December 2026 (migrated).
  const oldQuery = `?${new URLSearchParams({ groups: 'england,big_local', highlight: 'big_local' })}`;
  for (const kind of ['charts', 'embed'] as const) {
    for (const href of [`/${kind}/group-comparison/very-good/${GROUPS}`, `/${kind}/group-comparison/very-good/${oldQuery}`]) {
      await page.goto(href);
      await ready(page);
      await expect(page.locator('[data-notice]'), href).toBeEmpty();
      const svg = await visibleSvg(page);
      expect(svg, href).toContain('Big Local areas');
      expect(svg, href).toContain('England');
      expect(svg, href).not.toContain('Similar areas');
      await expect(page.locator('[data-title]')).not.toContainText(/similar/i);
    }
  }
  await page.goto(`/charts/group-comparison/very-good/${oldQuery}`);
  await expect(page).toHaveURL(new RegExp(`/charts/group-comparison/very-good/${GROUPS.replace(/\+/g, '\\+')}$`));
  await ready(page);
  await expect(page.locator('[data-table] tbody tr')).toHaveText([/^\s*England/, /^\s*Big Local areas/]);
  const shared = new URL(await page.locator('#share-url').inputValue());
  expect(shared.pathname).toBe(`/charts/group-comparison/very-good/${GROUPS}`);
  // Only the groups shown can be highlighted.
  await expect(page.getByRole('navigation', { name: 'Highlight' }).getByRole('link')).toHaveText(['None', 'Big Local areas', 'England']);
  // The measure switches carry the groups to the sibling pages.
  await page.getByRole('link', { name: 'Fair health' }).click();
  await expect(page).toHaveURL(/\/group-comparison\/fair\/groups\/england\+big-local\/highlight\/big-local\/$/);
  await ready(page);
  expect(await visibleSvg(page)).not.toContain('Similar areas');
});

test('an old chart address that no URL migration names stays on the 404 page', async ({ page }) => {
  const errors: Error[] = [];
  page.on('pageerror', (e) => errors.push(e));
  const res = await page.goto('/charts/no-such-chart/very-good/?table=1');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/can.t find that page/i);
  // The 404 page's migration script ran (it is there) and moved nowhere.
  await expect(page.locator('script[type="module"][src*="404"]')).toHaveCount(1);
  await page.waitForLoadState('networkidle');
  expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/charts/no-such-chart/very-good/?table=1');
  expect(errors).toEqual([]);
});

test('copy link and embed snippets name the origin the page was served from, not the one it was built for', async ({ page, baseURL }) => {
  await page.goto('/charts/did-interval/');
  await expect(page.locator('[data-chart-view][data-ready="true"]')).toHaveCount(1);
  const served = new URL(baseURL!).origin;
  const built = new URL((await page.locator('[data-chart-page]').getAttribute('data-page-url'))!).origin;
  // The preview serves 127.0.0.1; a build without SITE_URL writes localhost: the test needs them apart.
  expect(built).not.toBe(served);
  await expect(page.getByRole('textbox', { name: /link/i }).first()).toHaveValue(new RegExp(`^${served.replace(/[.]/g, '\\.')}/charts/did-interval/`));
  const snippets = await page.locator('textarea[data-snippet]').evaluateAll((ts) => ts.map((t) => (t as HTMLTextAreaElement).value));
  expect(snippets.length).toBeGreaterThan(0);
  expect(snippets.some((s) => s.includes(`${served}/embed/did-interval/`))).toBe(true);
  for (const s of snippets) {
    expect(s).toContain(`${served}/`);
    expect(s).not.toContain(built);
  }
});

test('share descriptions are cut at a word, never mid-word', async ({ page }) => {
  for (const chart of ['area-changes/very-good/', 'did-interval/']) {
    await page.goto(`/charts/${chart}`);
    const summary = ((await page.locator('[data-summary]').first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
    for (const kind of ['charts', 'embed']) {
      await page.goto(`/${kind}/${chart}`);
      const d = (await page.locator('meta[property="og:description"]').getAttribute('content')) ?? '';
      const what = `${kind}/${chart}: "${d.slice(-30)}"`;
      expect(d.length, what).toBeLessThanOrEqual(200);
      if (!d.endsWith('…')) {
        expect(d, what).toBe(summary);
        continue;
      }
      const kept = d.slice(0, -1);
      expect(summary.startsWith(kept), what).toBe(true);
      // What follows the cut in the full text is a space or punctuation: the last word is whole.
      expect(summary.slice(kept.length), what).toMatch(/^[\s,;:]/);
    }
  }
});
