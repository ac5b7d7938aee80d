/**
 * WCAG 1.4.10 (reflow): at 320 CSS px nothing scrolls sideways, on every page type and for every
 * chart (its first prerendered chart page and embed). Wide data tables scroll inside their own
 * box, which is allowed; the page itself must not. Sets its own viewport, so desktop project only.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const DIST = process.env.DIST_DIR ?? join(process.cwd(), 'dist');

/** The first built page of each chart, as a site path. */
function firstPages(kind: 'charts' | 'embed'): string[] {
  return readdirSync(join(DIST, kind)).map((id) => {
    const html = (readdirSync(join(DIST, kind, id), { recursive: true }) as string[]).filter((f) => f.endsWith('index.html')).sort((a, b) => a.length - b.length || a.localeCompare(b))[0]!;
    return `/${kind}/${id}/${html.replace(/index\.html$/, '')}`;
  });
}

const PATHS = ['/', '/areas/', '/areas/dartford/', '/areas/grassland-and-hasmoor/', '/method/', '/corrections/', '/404.html', '/charts/area-changes/very-good/highlight/aberfeldy/', '/charts/group-comparison/very-good/groups/england+big-local/highlight/big-local/', ...firstPages('charts'), ...firstPages('embed')];

test.use({ viewport: { width: 320, height: 720 } });

test('nothing scrolls sideways at 320 px, on any page type or chart @desktop-only', async ({ page }) => {
  test.setTimeout(120_000);
  expect(PATHS.length).toBeGreaterThan(20);
  const wide: string[] = [];
  for (const path of PATHS) {
    await page.goto(path);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 320) wide.push(`${path}: ${width} px`);
  }
  expect(wide).toEqual([]);
});
