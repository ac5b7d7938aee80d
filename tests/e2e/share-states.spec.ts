/**
 * A shared chart state previews, embeds and downloads as the sender saw it (issue 14): every state
 * the Share control or a story step produces is its own prerendered page (src/state/url.ts puts the
 * highlight and the list of groups in the path). Read as a link unfurler reads it: JavaScript off,
 * and the served HTML through open-graph-scraper, a real Open Graph parser.
 */
import { expect, test, type Page } from '@playwright/test';
import ogs from 'open-graph-scraper';

test.use({ javaScriptEnabled: false });

const STATES = [
  {
    base: '/charts/area-changes/very-good/',
    path: '/charts/area-changes/very-good/highlight/aberfeldy/',
    name: 'Aberfeldy',
    file: 'big-local-areas-very-good-health-change-highlighting-aberfeldy-2011-2021',
  },
  {
    // The story's first comparison (src/story/steps.ts): two groups, Big Local highlighted.
    base: '/charts/group-comparison/very-good/groups/england+big-local/',
    path: '/charts/group-comparison/very-good/groups/england+big-local/highlight/big-local/',
    name: 'Big Local areas',
    file: 'big-local-very-good-health-highlighting-big-local-2011-2021',
  },
];

/** The wide drawing as served (no JavaScript ran). */
const wideSvg = (page: Page) => page.locator('[data-chart-wide]').innerHTML();

for (const s of STATES) {
  test(`${s.path}: card, canonical and oEmbed name this state, and its image shows it`, async ({ page }) => {
    const res = await page.request.get(s.path);
    expect(res.status()).toBe(200);
    const { error, result } = await ogs({ html: await res.text() });
    expect(error).toBe(false);
    expect(new URL(result.ogUrl!).pathname).toBe(s.path);
    expect(result.ogTitle).toContain(`${s.name} highlighted`);
    expect(result.twitterCard).toBe('summary_large_image');
    const image = result.ogImage?.[0];
    expect(new URL(image!.url).pathname).toBe(`${s.path}og.png`);
    expect([Number(image!.width), Number(image!.height)]).toEqual([1200, 630]);

    await page.goto(s.path);
    await expect(page).toHaveTitle(new RegExp(`${s.name} highlighted`));
    expect(new URL((await page.locator('link[rel="canonical"]').getAttribute('href'))!).pathname).toBe(s.path);
    const oembedHref = await page.locator('link[rel="alternate"][type="application/json+oembed"]').getAttribute('href');
    expect(new URL(oembedHref!).pathname).toBe(`${s.path}oembed.json`);
    const o = await (await page.request.get(`${s.path}oembed.json`)).json();
    expect(o.html).toContain(`src="${new URL(s.path.replace(/^\/charts\//, '/embed/'), oembedHref!).href}"`);
    expect(new URL(o.thumbnail_url).pathname).toBe(`${s.path}og.png`);

    // The card and the drawing are this state's, not the unhighlighted one's.
    const card = await (await page.request.get(`${s.path}og.png`)).body();
    const baseCard = await (await page.request.get(`${s.base}og.png`)).body();
    expect(card.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(card.equals(baseCard)).toBe(false);
    const svg = await wideSvg(page);
    await page.goto(s.base);
    expect(svg).not.toBe(await wideSvg(page));
  });

  test(`${s.path}: downloads and the embed show this state without JavaScript`, async ({ page }) => {
    await page.goto(s.path);
    const svgLink = page.getByRole('link', { name: 'SVG image' });
    await expect(svgLink).toHaveAttribute('href', `${s.path}chart.svg`);
    await expect(svgLink).toHaveAttribute('download', `${s.file}.svg`);
    await expect(page.getByRole('link', { name: 'PNG image' })).toHaveAttribute('download', `${s.file}.png`);
    const chartSvg = await (await page.request.get(`${s.path}chart.svg`)).text();
    const baseSvg = await (await page.request.get(`${s.base}chart.svg`)).text();
    expect(chartSvg).toContain(s.path);
    expect(chartSvg).not.toBe(baseSvg);
    // The numbers are the same with or without a highlight: the CSVs are the base page's.
    const meta = await (await page.request.get(`${s.path}data.json`)).json();
    expect(new URL(meta.permalink).pathname).toBe(s.path);
    expect(new URL(meta.csv).pathname).toBe(`${s.base}data.csv`);
    const csvHref = await page.getByRole('link', { name: 'Data (CSV)' }).getAttribute('href');
    expect(csvHref!.startsWith(s.base) && !csvHref!.includes('/highlight/')).toBe(true);
    expect((await page.request.get(csvHref!)).status()).toBe(200);

    const svg = await wideSvg(page);
    await page.goto(s.path.replace(/^\/charts\//, '/embed/'));
    expect(await wideSvg(page)).toBe(svg);
  });
}

test('group highlights are links to their pages, which work without JavaScript', async ({ page }) => {
  await page.goto('/charts/group-comparison/fair/');
  const nav = page.getByRole('navigation', { name: 'Highlight' });
  await expect(nav.getByRole('link', { name: 'None' })).toHaveAttribute('aria-current', 'page');
  await nav.getByRole('link', { name: 'Similar areas' }).click();
  await expect(page).toHaveURL(/\/charts\/group-comparison\/fair\/highlight\/similar-areas\/$/);
  await expect(nav.getByRole('link', { name: 'Similar areas' })).toHaveAttribute('aria-current', 'page');
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', /\/fair\/highlight\/similar-areas\/og\.png$/);
});

test('an area highlight needs JavaScript, and says so; measures without highlight pages offer none', async ({ page }) => {
  await page.goto('/charts/area-changes/very-good/');
  await expect(page.getByText('Highlighting an area here needs JavaScript')).toBeVisible();
  // No select that could change nothing.
  await expect(page.getByLabel('Highlight')).toBeHidden();
  await page.goto('/charts/area-changes/fair/');
  await expect(page.getByLabel('Highlight')).toHaveCount(0);
});

test('on a highlighted ranking, a note says which measures keep the highlight; unhighlighted, none', async ({ page }) => {
  await page.goto('/charts/area-changes/very-good/highlight/aberfeldy/');
  const note = page.getByText(/Only Very good health and Bad or very bad health can show a highlight/);
  await expect(note).toBeVisible();
  // The switches it speaks of: the ones without highlight pages open the unhighlighted chart.
  const measures = page.getByRole('navigation', { name: 'Measure' });
  await expect(measures.getByRole('link', { name: 'Bad health', exact: true })).toHaveAttribute('href', '/charts/area-changes/bad/');
  await expect(measures.getByRole('link', { name: 'Bad or very bad health' })).toHaveAttribute('href', /\/highlight\/aberfeldy\/$/);
  await page.goto('/charts/area-changes/very-good/');
  await expect(note).toBeHidden();
  // Where every measure keeps its highlights there is nothing to say.
  await page.goto('/charts/group-comparison/very-good/highlight/big-local/');
  await expect(page.getByText(/can show a highlight/)).toHaveCount(0);
});

test('an area page links to the ranking with that area highlighted, without JavaScript', async ({ page }) => {
  await page.goto('/areas/aberfeldy/');
  await page.getByRole('link', { name: 'bad or very bad health', exact: true }).click();
  await expect(page).toHaveURL(/\/charts\/area-changes\/bad-or-very-bad\/highlight\/aberfeldy\/$/);
  await expect(page).toHaveTitle(/Aberfeldy highlighted/);
  expect(await page.locator('[data-chart] svg .area--highlight').count()).toBeGreaterThan(0);
});
