/**
 * The area pages and the area finder: every page exists, numbers match the published CSV, the
 * keyboard alone can find and open an area, honest-geography wording, axe.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { expect, test } from '@playwright/test';
import { axeViolations, horizontalOverflow } from './helpers';

interface AreaJson {
  code: string;
  name: string;
  confidence: string;
  ladName: string;
}
const areas: AreaJson[] = JSON.parse(readFileSync('data/processed/areas.json', 'utf8'));
const csvText = readFileSync('data/processed/public/big-local-areas.csv', 'utf8');
const csv = Papa.parse<Record<string, string>>(csvText, { header: true, skipEmptyLines: true }).data;
const rowOf = (code: string) => {
  const row = csv.find((r) => r.area_code === code);
  if (!row) throw new Error(`no CSV row for ${code}`);
  return row;
};

const HIGH = areas.find((a) => a.confidence === 'high')!;
const LOW = areas.find((a) => a.confidence === 'low')!;
const SAMPLES = [areas[0]!.code, HIGH.code, LOW.code];

test.describe('every area page', () => {
  test('exists in dist for all 150 areas, with its CSV row', () => {
    expect(areas).toHaveLength(150);
    const missing = areas.filter(
      (a) => !existsSync(join('dist', 'areas', a.code, 'index.html')) || !existsSync(join('dist', 'areas', `${a.code}.csv`)),
    );
    expect(missing.map((a) => a.code)).toEqual([]);
  });

  test('is served over HTTP (a sample)', async ({ request }) => {
    for (const code of [...SAMPLES, areas[areas.length - 1]!.code]) {
      const res = await request.get(`/areas/${code}/`);
      expect(res.status(), code).toBe(200);
      const csvRes = await request.get(`/areas/${code}.csv`);
      expect(csvRes.status()).toBe(200);
      const lines = csvText.split('\n');
      const row = lines.find((l) => Papa.parse<string[]>(l).data[0]?.[0] === code)!;
      expect(await csvRes.text()).toBe(`${lines[0]}\n${row}\n`);
    }
  });
});

test.describe('area page numbers', () => {
  for (const code of SAMPLES) {
    test(`${code} shows the numbers of its CSV row`, async ({ page }) => {
      const row = rowOf(code);
      await page.goto(`/areas/${code}/`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(row.area_name!);
      await expect(page.locator('.kicker')).toContainText(row.lad_name!);
      const table = page.locator('[data-area-counts]');
      const num = (s: string) => Number(s.replace(/,/g, '').replace('\u2212', '-').replace('%', ''));
      for (const year of ['2011', '2021']) {
        for (const c of ['residents', 'very_good', 'good', 'fair', 'bad', 'very_bad']) {
          const field = `${c}_${year}`;
          const text = await table.locator(`[data-field="${field}"]`).innerText();
          expect(num(text), field).toBe(Number(row[field]));
        }
        for (const p of ['pct_very_good', 'pct_bad_or_very_bad']) {
          const field = `${p}_${year}`;
          const text = await table.locator(`[data-field="${field}"]`).innerText();
          // The page prints one decimal; the CSV keeps two.
          expect(num(text), field).toBeCloseTo(Number(row[field]), 1);
          expect(Math.abs(num(text) - Number(row[field]))).toBeLessThanOrEqual(0.05 + 1e-9);
        }
      }
      // The chart tables agree too: the area's row of the very-good comparison.
      const change = Math.round((Number(row.pct_very_good_2021) - Number(row.pct_very_good_2011)) * 10) / 10;
      const lede = await page.locator('.lede').innerText();
      expect(lede).toContain(`${Number(row.pct_very_good_2011).toFixed(1)}%`);
      expect(lede).toContain(`${Number(row.pct_very_good_2021).toFixed(1)}%`);
      expect(Math.abs(change)).toBeGreaterThanOrEqual(0);
    });
  }
});

test.describe('honest geography', () => {
  test('a low-confidence page warns that figures may describe the wider neighbourhood', async ({ page }) => {
    await page.goto(`/areas/${LOW.code}/`);
    await expect(page.getByText(/may describe the wider neighbourhood more than the Big Local area itself/)).toBeVisible();
    await expect(page.getByText(/not official Big Local boundaries/).first()).toBeVisible();
    await expect(page.locator('.area-geo')).toContainText('Low');
  });

  test('a high-confidence page states its confidence, method and evidence, without the warning', async ({ page }) => {
    await page.goto(`/areas/${HIGH.code}/`);
    await expect(page.locator('.area-geo')).toContainText('High');
    await expect(page.locator('.area-geo')).toContainText('Method');
    await expect(page.locator('.area-geo')).toContainText('Evidence');
    await expect(page.getByText(/may describe the wider neighbourhood/)).toHaveCount(0);
    await expect(page.getByText(/not official Big Local boundaries/).first()).toBeVisible();
  });

  test('the local map outlines the footprint and has a legend, table and summary', async ({ page }) => {
    await page.goto(`/areas/${HIGH.code}/`);
    const fig = page.locator('figure#local-map');
    await expect(fig.locator('svg.amap')).toBeVisible();
    await expect(fig.locator('.amap-footprint path')).toHaveCount(2);
    await expect(fig.locator('.emap-legend__classes li')).toHaveCount(7);
    await expect(fig.locator('.figure__summary')).toContainText('approximate footprint');
    await fig.getByText('Show the data').click();
    await expect(fig.getByRole('table')).toBeVisible();
  });

  test('links to the previous and next area, the story and the CSV row', async ({ page }) => {
    await page.goto(`/areas/${HIGH.code}/`);
    const nav = page.getByRole('navigation', { name: 'More areas and data' });
    await expect(nav.getByRole('link', { name: /Previous area/ })).toHaveAttribute('href', /^\/areas\/[a-z0-9-]+\/$/);
    await expect(nav.getByRole('link', { name: /Next area/ })).toHaveAttribute('href', /^\/areas\/[a-z0-9-]+\/$/);
    await expect(nav.getByRole('link', { name: 'Read the story' })).toHaveAttribute('href', '/');
    await expect(nav.getByRole('link', { name: /row of the data/ })).toHaveAttribute('href', `/areas/${HIGH.code}.csv`);
  });
});

test.describe('population change and why a figure moved', () => {
  interface Counts {
    health: { counts2011: { residents: number }; counts2021: { residents: number }; changePp: { very_good: number } };
  }
  const full = JSON.parse(readFileSync('data/processed/areas.json', 'utf8')) as (AreaJson & Counts)[];
  const dartford = full.find((a) => a.code === 'dartford')!;
  const nf = new Intl.NumberFormat('en-GB');
  const r2011 = nf.format(dartford.health.counts2011.residents);
  const r2021 = nf.format(dartford.health.counts2021.residents);
  const pct = Math.round((100 * (dartford.health.counts2021.residents - dartford.health.counts2011.residents)) / dartford.health.counts2011.residents);
  const steady = full.find(
    (a) => a.confidence !== 'low' && a.health.counts2021.residents < 1.4 * a.health.counts2011.residents && a.name !== a.ladName,
  )!;

  for (const width of [375, 1280]) {
    test(`/areas/dartford/ shows its residents and says why its figure moved, at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await page.goto('/areas/dartford/');
      await expect(page.getByText(`Residents: ${r2011} in 2011 and ${r2021} in 2021 (+${pct}%).`)).toBeVisible();
      const note = page.getByRole('note').filter({ hasText: 'Why this figure moved' });
      await expect(note).toBeVisible();
      await expect(note).toContainText(`Its residents grew from ${r2011} to ${r2021} (+${pct}%)`);
      await expect(note).toContainText('mostly reflects who lives there now');
      await expect(note).toContainText('rough location');
      // The local authority that shares the area's name is named as such.
      await expect(page.locator('.lede')).toContainText('the local authority of Dartford (');
      await expect(page.getByRole('heading', { name: 'Beside similar areas, the local authority of Dartford and England', exact: true })).toBeVisible();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    });
  }

  test('a low-confidence area that did not grow fast says to read its figure with care', async ({ page }) => {
    const low = full.find((a) => a.confidence === 'low' && a.health.counts2021.residents < 1.4 * a.health.counts2011.residents)!;
    await page.goto(`/areas/${low.code}/`);
    const note = page.getByRole('note').filter({ hasText: 'Read this figure with care' });
    await expect(note).toBeVisible();
    await expect(note).toContainText('may not describe the Big Local area itself');
    await expect(note).not.toContainText('residents grew');
  });

  test('an area with steady residents and a surer footprint shows its residents and no note', async ({ page }) => {
    await page.goto(`/areas/${steady.code}/`);
    await expect(page.getByText(`Residents: ${nf.format(steady.health.counts2011.residents)} in 2011`)).toBeVisible();
    await expect(page.getByText('Why this figure moved')).toHaveCount(0);
    await expect(page.locator('[data-area-caveat]')).toHaveCount(0);
    // Each comparison is said once, so the authority may follow another place in the same clause.
    await expect(page.locator('.lede')).toContainText(`${steady.ladName} (`);
    await expect(page.locator('.lede')).not.toContainText('the local authority of');
  });
});

test.describe('area finder', () => {
  test('the keyboard alone can find an area and open its page', async ({ page }) => {
    await page.goto('/areas/');
    const combo = page.getByRole('combobox', { name: /Area, place or local authority/ });
    await expect(combo).toBeVisible();
    // Tab from the top of the page to the combobox.
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      if (await combo.evaluate((el) => el === document.activeElement)) break;
    }
    await expect(combo).toBeFocused();
    await page.keyboard.type('aberf');
    await expect(combo).toHaveAttribute('aria-expanded', 'true');
    const listbox = page.getByRole('listbox');
    await expect(listbox.getByRole('option').first()).toContainText('Aberfeldy');
    await page.keyboard.press('ArrowDown');
    await expect(listbox.getByRole('option', { selected: true })).toContainText('Aberfeldy');
    await expect(combo).toHaveAttribute('aria-activedescendant', /.+/);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/areas\/aberfeldy\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aberfeldy');
  });

  test('filters by local authority and region, and sorts by change', async ({ page }) => {
    await page.goto('/areas/');
    const combo = page.getByRole('combobox', { name: /Area, place or local authority/ });
    await combo.fill('Tower Hamlets');
    const options = page.getByRole('listbox').getByRole('option');
    await expect(options.first()).toContainText('Tower Hamlets');
    await page.keyboard.press('Escape');
    await expect(combo).toHaveAttribute('aria-expanded', 'false');
    await page.keyboard.press('Escape');
    await expect(combo).toHaveValue('');

    await page.getByLabel('Region', { exact: true }).selectOption('London');
    const items = page.locator('[data-finder-list] li:not([hidden])');
    const regions = await items.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.region));
    expect(regions.length).toBeGreaterThan(5);
    expect(new Set(regions)).toEqual(new Set(['London']));

    await page.getByLabel('Sort the list by').selectOption('vg-desc');
    const vg = await items.evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.vg)));
    expect(vg).toEqual([...vg].sort((a, b) => b - a));
    await expect(page.locator('[data-finder-status]')).toContainText('in London');
  });

  // The places the story's examples name (src/components/story/Communities.astro), and the areas
  // the data place them in (footprint evidence; W12 from data/reference/area-aliases.json).
  for (const [place, name] of [
    ['Kirkby', 'Northwood'],
    ['Maryport', 'Ewanrigg'],
    ['W12', 'Wormholt and White City'],
  ] as const) {
    test(`typing "${place}" finds ${name}`, async ({ page }) => {
      const code = areas.find((a) => a.name === name)!.code;
      await page.goto('/areas/');
      const combo = page.getByRole('combobox', { name: /Area, place or local authority/ });
      await combo.fill(place);
      const option = page.getByRole('listbox').getByRole('option');
      await expect(option).toHaveCount(1);
      await expect(option).toContainText(name);
      // The option says which other name matched.
      await expect(option).toContainText(place);
      await expect(page.locator('[data-finder-status]')).toHaveText(`1 Big Local area matching “${place}”, A to Z.`);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(new RegExp(`/areas/${code}/$`));
    });
  }

  test('on a phone the search box is in the first screen of /areas/, before the map', { tag: '@mobile-only' }, async ({ page }) => {
    await page.goto('/areas/');
    const combo = page.getByRole('combobox', { name: /Area, place or local authority/ });
    const box = (await combo.boundingBox())!;
    const screen = page.viewportSize()!.height;
    expect(box.y + box.height).toBeLessThanOrEqual(screen);
    const map = (await page.getByRole('group', { name: /Big Local areas/ }).first().boundingBox())!;
    expect(box.y).toBeLessThan(map.y);
  });

  test('the story’s examples link to their areas’ pages', async ({ page }) => {
    await page.goto('/');
    const section = page.getByRole('region', { name: 'What the communities did' });
    for (const [text, name] of [
      ['Kirkby, Merseyside', 'Northwood'],
      ['HAVA Big Local, Leeds', 'Hawksworth Wood Estate, the Abbeydales and the Vespers (HAVA)'],
      ['Ewanrigg, Maryport', 'Ewanrigg'],
      ['W12 Together Big Local', 'Wormholt and White City'],
    ] as const) {
      const code = areas.find((a) => a.name === name)!.code;
      await expect(section.getByRole('link', { name: text })).toHaveAttribute('href', `/areas/${code}/`);
    }
    await section.getByRole('link', { name: 'Kirkby, Merseyside' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Northwood');
  });

  test('without JavaScript, the list of all 150 areas links to every page', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/areas/');
    await expect(page.locator('[data-finder-list] li a')).toHaveCount(150);
    await expect(page.getByRole('combobox', { name: /Area, place or local authority/ })).toBeHidden();
    await context.close();
  });
});

test.describe('accessibility and layout', () => {
  test('axe finds nothing on /areas/', async ({ page }) => {
    await page.goto('/areas/');
    expect(await axeViolations(page)).toEqual([]);
  });

  test('axe finds nothing on an area page (low confidence)', async ({ page }) => {
    await page.goto(`/areas/${LOW.code}/`);
    expect(await axeViolations(page)).toEqual([]);
  });

  test('no horizontal scroll on /areas/ and an area page', async ({ page }) => {
    for (const path of ['/areas/', `/areas/${HIGH.code}/`]) {
      await page.goto(path);
      expect(await horizontalOverflow(page), path).toBeLessThanOrEqual(0);
    }
  });
});
