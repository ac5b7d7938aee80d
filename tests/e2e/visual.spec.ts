/**
 * Visual regression: screenshots of the story's first screen, an area page's first screen, a chart
 * page and an embed, at 1280 px (desktop project) and 375 px (mobile project), compared with the
 * committed images in visual.spec.ts-snapshots/ (up to 1 % of pixels may differ).
 *
 * After an intended visual change, look at the diff (test-results/), then refresh the images:
 *   npx playwright test visual.spec.ts --update-snapshots
 * Charts and share images use the bundled Inter (@fontsource), but the page text uses the system
 * font stacks (--font-ui, --font-body: see the README's "Fonts"), so the images hold only on a
 * machine with the same fonts: Debian Chromium (/usr/bin/chromium) with fonts-dejavu-core and
 * fonts-liberation and no other font package. Before each screenshot the test asks Chromium (over
 * the DevTools protocol) which fonts it drew the text with, and fails naming the package to install,
 * or saying which font got in first, when they are not those: a font difference is never reported
 * as a mere pixel difference.
 */
import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';

const SHOTS = [
  { name: 'story-first-screen', path: '/', fullPage: false },
  { name: 'area-first-screen', path: '/areas/aberfeldy/', fullPage: false },
  { name: 'chart-page', path: '/charts/group-comparison/very-good/highlight/big-local/', fullPage: false, view: true },
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

/** The fonts the snapshots were made with: what draws each kind of text, and its Debian package. */
const SNAPSHOT_FONTS = [
  { text: 'headings and interface text (--font-ui)', stack: 'system-ui', family: 'DejaVu Sans', pkg: 'fonts-dejavu-core' },
  { text: 'body text (--font-body)', stack: 'Charter', family: 'Liberation Serif', pkg: 'fonts-liberation' },
] as const;

function installedFamilies(): Set<string> {
  try {
    const out = execFileSync('fc-list', [':', 'family'], { encoding: 'utf8' });
    return new Set(out.split('\n').flatMap((l) => l.split(',')).map((f) => f.trim()).filter(Boolean));
  } catch {
    return new Set();
  }
}

/** Fails, saying what to do, unless the text of `page` is drawn in the snapshot fonts. */
async function expectSnapshotFonts(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const installed = installedFamilies();
  let checked = 0;
  for (const [i, want] of SNAPSHOT_FONTS.entries()) {
    // The first element on screen whose own text is set in this stack.
    const found = await page.evaluate(
      ({ stack, i }) => {
        const el = [...document.querySelectorAll('body *')].find(
          (e) =>
            getComputedStyle(e).fontFamily.startsWith(stack) &&
            [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim().length > 3) &&
            e.getBoundingClientRect().height > 0,
        );
        el?.setAttribute('data-font-probe', String(i));
        return Boolean(el);
      },
      { stack: want.stack, i },
    );
    // Chart pages and embeds set no body text; a page with neither kind of text has nothing to check.
    if (!found) continue;
    checked++;
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: `[data-font-probe="${i}"]` });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    const drawn = [...fonts].sort((a, b) => b.glyphCount - a.glyphCount)[0]?.familyName ?? '(none)';
    const why = !installed.has(want.family)
      ? `${want.family} is not installed: apt-get install -y ${want.pkg} (.ci/run does)`
      : `another font comes first in the stack (${drawn}): the snapshots were made with ` +
        `${SNAPSHOT_FONTS.map((f) => f.pkg).join(' and ')} only, so remove the package that provides ${drawn} ` +
        'or refresh the snapshots and say so';
    expect(drawn, `${want.text} on ${page.url()} is drawn in ${drawn}, not ${want.family}: ${why}`).toBe(want.family);
  }
  expect(checked, `no text in any checked font stack on ${page.url()}`).toBeGreaterThan(0);
  await cdp.detach();
}

for (const shot of SHOTS) {
  test(`${shot.name} looks as before`, async ({ page }) => {
    await page.goto(shot.path);
    await steady(page, 'view' in shot);
    await expectSnapshotFonts(page);
    await expect(page).toHaveScreenshot(`${shot.name}.png`, {
      fullPage: shot.fullPage,
      animations: 'disabled',
      caret: 'hide',
      scale: 'css',
      maxDiffPixelRatio: 0.01,
    });
  });
}
