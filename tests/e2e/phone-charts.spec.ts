/**
 * "The 150 areas, one by one" on a phone (issue 15): at 375 px it was about 2,250 px of
 * unlabelled 8.5 px rows whose tooltip lasted only while the finger was down. Now the phone
 * drawing shows the ends of the ranking as named rows a finger can tap, and a tap keeps its
 * selection. The embed stays usable at phone width.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { axeViolations } from './helpers';

const SCREEN = 667;
const areas: { name: string }[] = JSON.parse(readFileSync('data/processed/areas.json', 'utf8'));
const names = new Set(areas.map((a) => a.name));

/** The story's figure of the 150 areas, and its drawing that is showing. */
async function areasFigure(page: Page): Promise<{ figure: Locator; chart: Locator }> {
  await page.goto('/');
  const section = page.getByRole('region', { name: /areas, one by one/ });
  const figure = section.locator('figure').first();
  const chart = figure.locator('svg.chart--area-changes:visible');
  await expect(chart).toHaveCount(1);
  return { figure, chart };
}

/** The rows' names as drawn ("12. Dartford" → "Dartford"; a wrapped name joined). */
const rowNames = (chart: Locator) =>
  chart.locator('g.area').evaluateAll((gs) =>
    gs.map((g) =>
      Array.from(g.querySelectorAll('.area-name'))
        .map((t) => t.textContent ?? '')
        .join(' ')
        .replace(/^\d+\.\s/, ''),
    ),
  );

test.describe('the 150-area chart on a phone', () => {
  test('is at most a screen and a half tall, and every row it draws is named', { tag: '@mobile-only' }, async ({ page }) => {
    const { figure, chart } = await areasFigure(page);
    const box = (await chart.boundingBox())!;
    expect(box.height).toBeLessThanOrEqual(1.5 * SCREEN);
    const drawn = await rowNames(chart);
    expect(drawn.length).toBeGreaterThanOrEqual(20);
    for (const n of drawn) expect(names.has(n), n).toBe(true);
    // Rows are tall enough to tap.
    const heights = await chart.locator('g.area .hit').evaluateAll((rs) => rs.map((r) => r.getBoundingClientRect().height));
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(24);
    // It says that the others are in the table, and the table has all 150.
    expect((await chart.locator('.gap-note').allTextContents()).join(' ')).toContain(`the table has all ${areas.length}.`);
    await figure.getByText('Show the data').first().tap();
    await expect(figure.getByRole('table').locator('tbody tr')).toHaveCount(areas.length);
  });

  test('a tap on a row selects it and keeps it after the finger lifts, announced', { tag: '@mobile-only' }, async ({ page }) => {
    const { figure, chart } = await areasFigure(page);
    const row = chart.locator('g.area').nth(3);
    await row.scrollIntoViewIfNeeded();
    const [name] = (await rowNames(chart)).slice(3, 4);
    const b = (await row.locator('.hit').boundingBox())!;
    await page.touchscreen.tap(b.x + b.width * 0.3, b.y + b.height / 2);
    await page.waitForTimeout(400);
    await expect(row).toHaveClass(/is-active/);
    const tip = figure.getByRole('tooltip');
    await expect(tip).toBeVisible();
    await expect(tip).toContainText(name!);
    await expect(figure.locator('[data-chart-live]')).toContainText(`Selected: ${name}`);
    // A second tap on it lets it go.
    await page.touchscreen.tap(b.x + b.width * 0.3, b.y + b.height / 2);
    await expect(tip).toBeHidden();
    await expect(row).not.toHaveClass(/is-active/);
  });

  test('no chart in the story is taller than a screen and a half at 375 px', { tag: '@mobile-only' }, async ({ page }) => {
    await page.goto('/');
    const heights = await page.locator('figure svg.chart:visible').evaluateAll((ss) =>
      ss.map((s) => ({ cls: s.getAttribute('class'), h: Math.round(s.getBoundingClientRect().height) })),
    );
    expect(heights.length).toBeGreaterThan(3);
    expect(heights.filter((x) => x.h > 1.5 * SCREEN)).toEqual([]);
  });

  test('the embed at phone width shows named rows within a screen and a half', { tag: '@mobile-only' }, async ({ page }) => {
    await page.goto('/embed/area-changes/very-good/');
    const chart = page.locator('svg.chart--area-changes:visible');
    await expect(chart).toHaveCount(1);
    expect((await chart.boundingBox())!.height).toBeLessThanOrEqual(1.5 * SCREEN);
    for (const n of await rowNames(chart)) expect(names.has(n), n).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  });

  test('the wide drawing still names all 150 rows', { tag: '@desktop-only' }, async ({ page }) => {
    const { chart } = await areasFigure(page);
    const drawn = await rowNames(chart);
    expect(drawn).toHaveLength(areas.length);
  });
});
