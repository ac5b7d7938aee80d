/**
 * The story on paper (issue 15): the argument, without controls, with the site's links printed as
 * absolute addresses, and the 150 areas summarised in a line pointing at /areas/. Before this the
 * story printed to 22–25 A4 pages, about 10 of them the 150-row chart and the list of areas.
 */
import { expect, test, type Page } from '@playwright/test';

/** Pages in a PDF Chromium wrote: one /Type /Page object each (the tree's root is /Type /Pages). */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

/** The site's public origin, as the build wrote it (SITE_URL, or the preview's address). */
async function siteOrigin(page: Page): Promise<string> {
  const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
  return new URL(canonical!).origin;
}

// Paper has no viewport: one run is enough.
test.describe('the story in print', { tag: '@desktop-only' }, () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/');
    await page.emulateMedia({ media: 'print' });
  });

  test('prints no form controls, toggles or skip link', async ({ page }) => {
    const main = page.getByRole('main');
    for (const role of ['button', 'combobox', 'textbox', 'listbox', 'radio', 'checkbox'] as const) {
      await expect(page.getByRole(role).filter({ visible: true }), `${role}s on paper`).toHaveCount(0);
    }
    // "Show the data" and the list of areas are disclosures: their toggles do not print.
    await expect(main.getByText(/^Show the data/).filter({ visible: true })).toHaveCount(0);
    await expect(main.getByText(/^Search or browse all \d+ areas/)).toBeHidden();
    await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeHidden();
    // Nor do the figures' Share · Embed · Data links.
    await expect(main.getByRole('link', { name: /^Share this chart/ }).filter({ visible: true })).toHaveCount(0);
  });

  test('prints the site’s links with the site’s absolute address', async ({ page }) => {
    const origin = await siteOrigin(page);
    // The hero's link to the method (the same link closes the story).
    const method = page.getByRole('article').getByRole('link', { name: 'How the figures were made' }).first();
    expect(await method.getAttribute('href')).toBe('/method/');
    const printed = await method.evaluate((a) => getComputedStyle(a, '::after').content);
    expect(printed).toBe(`" (${origin}/method/)"`);
    // Every site-relative link in the article prints in full; links elsewhere print as they are.
    const links = await page.getByRole('article').getByRole('link').evaluateAll((as) =>
      as
        .filter((a) => a.getBoundingClientRect().width > 0 && a.getAttribute('href') !== null && !a.getAttribute('href')!.startsWith('#'))
        .map((a) => ({ href: a.getAttribute('href')!, after: getComputedStyle(a, '::after').content })),
    );
    expect(links.filter((l) => l.href.startsWith('/')).length).toBeGreaterThan(2);
    for (const l of links) {
      const url = /^" \((.*)\)"$/.exec(l.after)?.[1];
      expect(url, `${l.href} prints its address`).toBeDefined();
      expect(url, l.href).toBe(new URL(l.href, origin).href);
    }
  });

  test('summarises the 150 areas in a line, keeps figures whole, and fits far fewer pages', async ({ page }) => {
    const origin = await siteOrigin(page);
    const main = page.getByRole('main');
    // The 150-row chart and the list of areas are left to /areas/, said in one line.
    await expect(page.locator('#fig-areas')).toBeHidden();
    await expect(main.getByRole('link', { name: 'Dartford', exact: true })).toBeHidden();
    await expect(main.getByText(/^On paper the chart of the \d+ areas is left out/)).toBeVisible();
    await expect(main.getByText(/^On paper the chart of the \d+ areas is left out/)).toContainText(`${origin}/areas/`);
    // The argument prints: the caveats, how sure we can be, how far it holds, and its charts.
    for (const name of ['Read with care', 'How sure can we be?', 'How far the finding holds']) {
      await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
    }
    const figures = main.getByRole('figure').filter({ visible: true });
    expect(await figures.count()).toBeGreaterThanOrEqual(7);
    for (const f of await figures.all()) await expect(f).toHaveCSS('break-inside', 'avoid');

    const pages = pdfPages(await page.pdf({ format: 'A4' }));
    test.info().annotations.push({ type: 'A4 pages', description: String(pages) });
    expect(pages).toBeGreaterThan(5);
    expect(pages).toBeLessThanOrEqual(16);
  });
});

// Not only the story: every page's links print as addresses a reader can type.
test.describe('other pages in print', { tag: '@desktop-only' }, () => {
  for (const path of ['/areas/aberfeldy/', '/method/', '/charts/area-changes/very-good/']) {
    test(`${path} prints each of its links with its absolute address`, async ({ page }) => {
      await page.goto(path);
      await page.emulateMedia({ media: 'print' });
      const origin = await siteOrigin(page);
      const links = await page.getByRole('main').getByRole('link').evaluateAll((as) =>
        as
          .filter((a) => !(a instanceof SVGElement) && a.getBoundingClientRect().width > 0 && !(a.getAttribute('href') ?? '#').startsWith('#'))
          .map((a) => ({ href: a.getAttribute('href')!, text: a.textContent!.trim(), after: getComputedStyle(a, '::after').content })),
      );
      expect(links.length).toBeGreaterThan(0);
      for (const l of links) {
        // A link whose text is its address (an area's source pages) prints it once, as its text.
        const same = (a: string) => a.replace(/^https?:\/\//, '').replace(/\/$/, '');
        if (same(l.text) === same(l.href)) expect(l.after, `${l.href} prints its address once`).toBe('none');
        else expect(/^" \((.*)\)"$/.exec(l.after)?.[1], l.href).toBe(new URL(l.href, origin).href);
      }
      // A chart page's switches choose another chart on screen; paper does without them.
      await expect(page.getByRole('navigation', { name: 'Measure' })).toBeHidden();
    });
  }
});
