import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

/**
 * Attribution and citation: the story and every chart page say who made it, when it was published
 * and updated, which version and data, how to cite it and how to report a correction; the
 * corrections page lists the changelog; downloads have descriptive names.
 */
const changelog = JSON.parse(readFileSync('data/reference/changelog.json', 'utf8')) as { entries: { date: string; summary: string }[] };

/** One chart page per chart, from the build. */
function oneChartPagePerChart(): string[] {
  if (!existsSync('dist/charts')) return [];
  return readdirSync('dist/charts')
    .sort()
    .map((id) => {
      // Base states only: a highlighted or two-group page shares its base page's CSVs (tested below).
      const files = (readdirSync(`dist/charts/${id}`, { recursive: true }) as string[])
        .filter((f) => f.endsWith('index.html') && !/(^|\/)(highlight|groups)\//.test(f))
        .sort();
      const pick = files.find((f) => f.includes('aberfeldy') && f.includes('very-good')) ?? files.find((f) => f.includes('very-good')) ?? files[0]!;
      return `/charts/${id}/${pick.replace(/index\.html$/, '')}`;
    });
}

async function expectCredit(page: Page, title: RegExp | string) {
  const credit = page.getByRole('region', { name: 'Credit and citation' });
  await expect(credit).toBeVisible();
  await expect(credit).toContainText('Big Local health project team');
  const published = credit.locator('time[data-published]');
  const updated = credit.locator('time[data-updated]');
  await expect(published).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
  await expect(updated).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
  expect((await updated.getAttribute('datetime'))! >= (await published.getAttribute('datetime'))!).toBe(true);
  await expect(credit).toContainText(/Version \d+\.\d+\.\d+/);
  await expect(credit).toContainText(/Census 2011 and Census 2021/);
  await expect(credit).toContainText(/Indices of Deprivation 2019/);
  const cite = credit.locator('[data-citation]');
  await expect(cite).toContainText(title);
  await expect(cite).toContainText(/^\s*Big Local health project team \(\d{4}\)\./);
  await expect(cite).toContainText(new RegExp(`Retrieved from https?://[^ ]+${new URL(page.url()).pathname.replace(/[/.+*?()[\]]/g, '\\$&')} \\[online resource\\]`));
  await credit.getByText('BibTeX').click();
  await expect(credit.locator('pre')).toContainText('@misc{');
  await expect(credit.getByRole('link', { name: 'Report a correction' })).toHaveAttribute('href', /./);
  await expect(credit.getByRole('link', { name: /Corrections and changes/ })).toHaveAttribute('href', '/corrections/');
}

test('the story says who made it, when, how to cite it and where to report a correction', async ({ page }) => {
  await page.goto('/');
  const headline = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
  await expectCredit(page, headline);
});

for (const path of oneChartPagePerChart()) {
  test(`chart page ${path} carries the credit, dates, citation and corrections link`, async ({ page }) => {
    await page.goto(path);
    const title = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
    await expectCredit(page, title);
  });

  test(`chart page ${path}: the CSV download has a descriptive file name`, async ({ page }) => {
    await page.goto(path);
    const link = page.getByRole('link', { name: 'Data (CSV)' });
    const name = (await link.getAttribute('download'))!;
    expect(name).toMatch(/^big-local-[a-z0-9]+(-[a-z0-9]+)*-2011-2021\.csv$/);
    expect(await link.getAttribute('href')).toBe(`${path}${name}`);
    const res = await page.request.get(`${path}${name}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toMatch(/^text\/csv/);
    const meta = await (await page.request.get(`${path}${name}-metadata.json`)).json();
    expect(meta.url).toBe(name);
    expect(meta['dc:license']['@id']).toMatch(/open-government-licence/);
    // The address published before the file had a name still answers.
    expect((await page.request.get(`${path}data.csv`)).status()).toBe(200);
  });
}

test('a highlighted chart page cites its own address, and its CSV is its base page’s', async ({ page }) => {
  const path = '/charts/group-comparison/very-good/groups/england+big-local/highlight/big-local/';
  await page.goto(path);
  const title = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
  await expectCredit(page, title);
  const link = page.getByRole('link', { name: 'Data (CSV)' });
  const base = '/charts/group-comparison/very-good/groups/england+big-local/';
  expect(await link.getAttribute('href')).toBe(`${base}${await link.getAttribute('download')}`);
});

test('the story’s CSV downloads have descriptive file names', async ({ page }) => {
  await page.goto('/');
  const links = page.getByRole('region', { name: 'Sources, method and credits' }).locator('a[download]');
  expect(await links.count()).toBeGreaterThan(0);
  for (const name of await links.evaluateAll((els) => els.map((e) => e.getAttribute('download')))) {
    expect(name).toMatch(/^big-local-[a-z0-9-]+-2011-2021\.csv$/);
  }
});

test('the corrections page lists every changelog entry, newest first, with its date', async ({ page }) => {
  await page.goto('/corrections/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Corrections and changes');
  await expect(page.getByRole('heading', { name: 'Report a correction' })).toBeVisible();
  const items = page.locator('.changelog > li');
  await expect(items).toHaveCount(changelog.entries.length);
  const dates = await items.locator('time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!));
  expect(dates).toEqual(changelog.entries.map((e) => e.date).sort().reverse());
  for (const e of changelog.entries) await expect(page.getByText(e.summary)).toBeVisible();
  await expect(page.locator('#source')).toBeVisible();
});

test('the method page links "the project\'s repository", and agrees with the story on what the report published', async ({ page }) => {
  await page.goto('/method/');
  const repo = page.getByRole('link', { name: /the project.s repository/ });
  await expect(repo).toHaveAttribute('href', /^(https:\/\/|\/corrections\/#source$)/);
  const wording = /published its finding as a direction, not as\s+figures/;
  await expect(page.getByRole('main')).toContainText(wording);
  await page.goto('/');
  await expect(page.getByRole('main')).toContainText(wording);
  await expect(page.getByRole('main')).not.toContainText('We have not seen the report');
});
