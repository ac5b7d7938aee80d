/**
 * Enhancements on the story page: chart tooltips (src/client/chart-tooltips.ts) on the marks that
 * carry a <title>, and the England map's summary following its measure toggle beside its one table
 * of both measures (CSS only, so with JavaScript off as well as on).
 */
import { expect, test, type Page } from '@playwright/test';

const DID = /Change in Big Local areas minus change in similar areas/;
const MAP = /How general health changed in each local authority/;

test.describe('story chart tooltips', () => {
  test('hovering a mark shows its text in a tooltip and highlights it; Escape hides it', async ({ page }) => {
    await page.goto('/');
    const fig = page.getByRole('figure', { name: DID });
    await fig.scrollIntoViewIfNeeded();
    const mark = fig.locator('[data-tip]').filter({ visible: true }).first();
    const text = await mark.getAttribute('data-tip');
    expect(text).toMatch(/^Very good health: .+ pp \(95% interval/);
    // The browser's own tooltip would double up: the <title> has moved to data-tip.
    await expect(mark.locator('title')).toHaveCount(0);
    await expect(fig.getByRole('tooltip')).toBeHidden();

    await mark.locator('circle').hover();
    const tip = fig.getByRole('tooltip');
    await expect(tip).toBeVisible();
    await expect(tip).toHaveText(text!);
    await expect(mark).toHaveClass(/\bis-active\b/);
    // The tooltip stays inside the chart's box.
    const box = (await fig.locator('.figure__chart').boundingBox())!;
    const t = (await tip.boundingBox())!;
    expect(t.x).toBeGreaterThanOrEqual(box.x - 1);
    expect(t.x + t.width).toBeLessThanOrEqual(box.x + box.width + 1);

    await page.keyboard.press('Escape');
    await expect(tip).toBeHidden();
    await expect(mark).not.toHaveClass(/\bis-active\b/);
  });

  test('no tooltip transition when the reader prefers reduced motion', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('/');
    const mark = page.getByRole('figure', { name: DID }).locator('[data-tip]').filter({ visible: true }).first();
    // The site's global reduced-motion rule may leave a token 0.01 ms: nothing anyone can see.
    const duration = await mark.evaluate((el) => parseFloat(getComputedStyle(el).transitionDuration));
    expect(duration).toBeLessThanOrEqual(0.001);
  });
});

async function visibleSummary(page: Page) {
  const fig = page.getByRole('figure', { name: MAP });
  const summary = fig.locator('.figure__summary p').filter({ visible: true });
  await expect(summary).toHaveCount(1);
  return summary;
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`England map summary follows the toggle; its one table holds both measures, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test('switching to bad or very bad health swaps the summary and keeps the table of both', async ({ page }) => {
      await page.goto('/');
      const fig = page.getByRole('figure', { name: MAP });
      await fig.scrollIntoViewIfNeeded();
      await expect(await visibleSummary(page)).toContainText('very good health');
      await fig.getByText('Show the data').click();
      const table = fig.getByRole('table');
      await expect(table).toHaveCount(1);
      await expect(table).toHaveAccessibleName(/^How general health changed in each local authority.*both years and the change$/);
      await expect(table.getByRole('columnheader').first()).toHaveText('Local authority');
      const groups = table.locator('th[scope="colgroup"]');
      await expect(groups).toHaveText(['Very good health', 'Bad or very bad health']);

      await fig.getByRole('radio', { name: 'bad or very bad health' }).check();
      const summary = await visibleSummary(page);
      await expect(summary).toContainText('bad or very bad health');
      await expect(summary).not.toContainText('very good health');
      // The same one table, still showing both measures.
      await expect(table).toHaveCount(1);
      await expect(table).toBeVisible();
      await expect(groups).toHaveText(['Very good health', 'Bad or very bad health']);

      await fig.getByRole('radio', { name: 'very good health' }).check();
      await expect(await visibleSummary(page)).toContainText('very good health');
      await expect(table).toBeVisible();
    });
  });
}
