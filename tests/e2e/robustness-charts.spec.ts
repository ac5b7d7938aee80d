import { expect, test } from '@playwright/test';

/**
 * The placebo and robustness charts (issue 13) as a reader without JavaScript sees them, on a phone
 * and on a desktop: the chart, its summary and its data table are in the page, and nothing scrolls
 * sideways.
 */
const PAGES: { path: string; rows?: RegExp }[] = [
  { path: '/charts/placebo/very-good/', rows: /Placebo sets/ },
  { path: '/charts/placebo/bad-or-very-bad/', rows: /Placebo sets/ },
  { path: '/charts/robustness/very-good/', rows: /Specification/ },
  { path: '/charts/robustness/bad-or-very-bad/', rows: /Specification/ },
  // Embeds carry no table (their page links to the chart's): rows undefined.
  { path: '/embed/placebo/very-good/' },
  { path: '/embed/robustness/very-good/' },
];

test.describe('placebo and robustness charts without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  for (const width of [320, 375, 1280]) {
    for (const { path, rows } of PAGES) {
      test(`${path} at ${width} px`, async ({ page }) => {
        await page.setViewportSize({ width, height: 900 });
        const response = await page.goto(path);
        expect(response?.status()).toBe(200);
        const svg = page.locator('svg.chart:visible').first();
        await expect(svg).toBeVisible();
        const box = await svg.boundingBox();
        expect(box!.width).toBeLessThanOrEqual(width);
        // The summary is the chart's description, built from the numbers.
        const desc = await svg.locator('desc').textContent();
        expect(desc).toMatch(/[+\u2212]\d\.\d\d pp/);
        // A chart page's table is in the page (in a closed <details> without JavaScript).
        if (rows) expect(await page.locator('table th').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(rows)]));
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
      });
    }
  }
});
