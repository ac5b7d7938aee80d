/**
 * Words never run together: every built page, read as a file, has no word joined to the next
 * across an inline element's edge (see joined-words.ts: Astro 7's default HTML compression did
 * that, as in "this site.Big Local"). Then, in the browser, the rendered text of one page of each
 * type says the same: a word a reader sees is never two source words without a space.
 *
 * File checks read the built site in dist/ (DIST_DIR overrides, for a build elsewhere). They
 * do not depend on the viewport, so they run in the desktop project only.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { joinedWords } from './joined-words.ts';

const DIST = process.env.DIST_DIR ?? join(process.cwd(), 'dist');

test('no built page runs two words together @desktop-only', () => {
  const pages = (readdirSync(DIST, { recursive: true }) as string[]).filter((f) => f.endsWith('.html'));
  expect(pages.length).toBeGreaterThan(1000);
  const joins: string[] = [];
  for (const f of pages) for (const j of joinedWords(readFileSync(join(DIST, f), 'utf8'))) joins.push(`${f}: ${j}`);
  expect(joins.slice(0, 20), `${joins.length} joins`).toEqual([]);
});

for (const path of ['/', '/method/', '/areas/', '/areas/aberfeldy/', '/charts/did-interval/', '/embed/did-interval/']) {
  test(`the footer and source lines read as separate words on ${path}`, async ({ page }) => {
    await page.goto(path);
    // innerText is the text as laid out: inline elements add no space of their own.
    const text = await page.locator('body').innerText();
    // A sentence's full stop followed straight by a capital ("site.Big") is a join in this site's prose.
    const joined = [...text.matchAll(/[a-z]{2,}[.,;:][A-Z][a-z]/g)].map((m) => m[0]);
    expect(joined).toEqual([]);
  });
}
