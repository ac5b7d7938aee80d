/**
 * The England map: renders with JavaScript off (and its toggle works), tooltips, zoom to a
 * region, keyboard movement between markers with a live announcement.
 */
import { expect, test } from '@playwright/test';

test.describe('England map without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('renders every district and all 150 area markers as links', async ({ page }) => {
    await page.goto('/areas/');
    const map = page.locator('svg.emap');
    await expect(map).toBeVisible();
    expect(await map.locator('path.emap-lad').count()).toBeGreaterThan(290);
    await expect(map.locator('a.emap-marker')).toHaveCount(150);
    const href = await map.locator('a.emap-marker').first().getAttribute('href');
    expect(href).toMatch(/^\/areas\/[a-z0-9-]+\/$/);
    await expect(page.locator('.emap-legend[data-legend-for="very_good"]')).toBeVisible();
    await expect(page.locator('.emap-legend[data-legend-for="bad_or_very_bad"]')).toBeHidden();
  });

  test('the measure toggle recolours the map and swaps the legend (CSS only)', async ({ page }) => {
    await page.goto('/areas/');
    const lad = page.locator('path.emap-lad[data-k-very_good="6"]').first();
    const before = await lad.evaluate((el) => getComputedStyle(el).fill);
    await page.getByRole('radio', { name: 'bad or very bad health' }).check();
    await expect(page.locator('.emap-legend[data-legend-for="bad_or_very_bad"]')).toBeVisible();
    await expect(page.locator('.emap-legend[data-legend-for="very_good"]')).toBeHidden();
    const k = await lad.getAttribute('data-k-bad_or_very_bad');
    const after = await lad.evaluate((el) => getComputedStyle(el).fill);
    if (k !== '0') expect(after).not.toBe(before);
  });
});

test.describe('England map with JavaScript', () => {
  // Hover is a pointer interaction: desktop project only (see playwright.config.ts).
  test('hovering a marker names the area in a tooltip', { tag: '@desktop-only' }, async ({ page }) => {
    await page.goto('/areas/');
    const marker = page.locator('a.emap-marker').nth(20);
    const name = await marker.getAttribute('data-name');
    await marker.locator('circle').hover({ force: true });
    await expect(page.locator('[data-emap-tooltip]')).toBeVisible();
    await expect(page.locator('[data-emap-tooltip]')).toContainText(name!);
  });

  test('zooms to a region and announces it', async ({ page }) => {
    await page.goto('/areas/');
    const frame = page.locator('svg.emap-frame');
    const full = await frame.getAttribute('viewBox');
    await page.getByLabel('Zoom to a region').selectOption({ label: 'London' });
    await expect(frame).not.toHaveAttribute('viewBox', full!);
    await expect(page.locator('[data-emap-live]')).toContainText('Zoomed to London');
    await page.getByLabel('Zoom to a region').selectOption({ label: 'All of England' });
    await expect(frame).toHaveAttribute('viewBox', full!);
  });

  test('markers are one tab stop; arrow keys move between them with a visible focus ring', async ({ page }) => {
    await page.goto('/areas/');
    const markers = page.locator('a.emap-marker');
    await expect(markers.locator('xpath=self::*[@tabindex="0"]')).toHaveCount(1);
    const first = page.locator('a.emap-marker[tabindex="0"]');
    await first.focus();
    await expect(page.locator('[data-emap-live]')).toContainText('Arrow keys');
    const before = await page.evaluate(() => document.activeElement?.getAttribute('data-code'));
    await page.keyboard.press('ArrowRight');
    const after = await page.evaluate(() => document.activeElement?.getAttribute('data-code'));
    expect(after).toBeTruthy();
    expect(after).not.toBe(before);
    const stroke = await page.evaluate(() => getComputedStyle(document.activeElement!.querySelector('circle')!).strokeWidth);
    expect(parseFloat(stroke)).toBeGreaterThanOrEqual(3);
    await expect(page.locator('[data-emap-tooltip]')).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/areas/${after}/$`));
  });
});
