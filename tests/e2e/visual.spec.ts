/**
 * Visual regression: screenshots of the story's first screen, an area page's first screen, a chart
 * page and an embed, at 1280 px (desktop project) and 375 px (mobile project), compared with the
 * committed images in visual.spec.ts-snapshots/ (up to 1 % of pixels may differ).
 *
 * After an intended visual change, look at the diff (test-results/), then refresh the images:
 *   npx playwright test visual.spec.ts --update-snapshots
 * Charts use the bundled Inter (@fontsource), but the page text uses the system font stack
 * (--font-ui, --font-body), so the images belong to the machine that made them: Debian Chromium
 * (/usr/bin/chromium, playwright.config.ts) with its fonts. On another setup, refresh them first.
 */
import { expect, test, type Page } from '@playwright/test';

const SHOTS = [
  { name: 'story-first-screen', path: '/', fullPage: false },
  { name: 'area-first-screen', path: '/areas/aberfeldy/', fullPage: false },
  { name: 'chart-page', path: '/charts/group-comparison/very-good/?highlight=big_local', fullPage: false, view: true },
  { name: 'embed', path: '/embed/area-change/aberfeldy/very-good/', fullPage: true, view: true },
] as const;

/** Waits until nothing more will change: network quiet, charts drawn, web fonts in, two frames painted. */
async function steady(page: Page, view: boolean) {
  await page.waitForLoadState('networkidle');
  if (view) await page.waitForSelector('[data-chart-view][data-ready="true"]');
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
}

for (const shot of SHOTS) {
  test(`${shot.name} looks as before`, async ({ page }) => {
    await page.goto(shot.path);
    await steady(page, 'view' in shot);
    await expect(page).toHaveScreenshot(`${shot.name}.png`, {
      fullPage: shot.fullPage,
      animations: 'disabled',
      caret: 'hide',
      scale: 'css',
      maxDiffPixelRatio: 0.01,
    });
  });
}
