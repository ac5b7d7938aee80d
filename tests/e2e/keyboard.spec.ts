/**
 * The story by keyboard alone (issue 15): Tab reaches every control of every scrolly figure, in
 * the order of the steps, and the figure holding the focused control is on show and on screen.
 * With motion allowed on a wide screen the figures share one sticky column (only one on show at a
 * time); with reduced motion each follows its step.
 */
import { expect, test, type Page } from '@playwright/test';

interface Focused {
  /** The focused control's own text (its accessible name starts with it). */
  text: string;
  /** The accessible name of the scrolly figure holding it, or null outside the scrolly figures. */
  figure: string | null;
}

/** The scrolly figures' controls a keyboard can reach, in DOM order, as "figure name / text". */
async function scrollyControls(page: Page): Promise<string[]> {
  return page.locator('[data-scrolly] figure').evaluateAll((figs) =>
    figs.flatMap((f) => {
      const name = document.getElementById(f.getAttribute('aria-labelledby') ?? '')?.textContent?.trim() ?? '';
      return Array.from(f.querySelectorAll<HTMLElement>('a[href], summary, button, input, select, textarea, [tabindex]'))
        .filter((el) => el.tabIndex >= 0 && el.checkVisibility())
        .map((el) => `${name} / ${(el.textContent ?? '').trim()}`);
    }),
  );
}

async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const fig = el?.closest('[data-scrolly] figure');
    const name = fig ? (document.getElementById(fig.getAttribute('aria-labelledby') ?? '')?.textContent?.trim() ?? '') : null;
    return { text: (el?.textContent ?? '').trim(), figure: name };
  });
}

/** Tabs from the top of the page to the first control after the scrolly, checking each scrolly control on the way. */
async function tabThroughScrolly(page: Page): Promise<string[]> {
  const reached: string[] = [];
  let entered = false;
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f.figure === null) {
      if (entered) return reached;
      continue;
    }
    entered = true;
    reached.push(`${f.figure} / ${f.text}`);
    const control = page.locator(':focus');
    const fig = page.getByRole('figure', { name: f.figure, exact: true });
    await expect(fig, `${f.figure} is on show while "${f.text}" has focus`).toBeVisible();
    // Playwright counts a transparent element as visible: the stacked figures fade, so check it is opaque.
    await expect(fig).toHaveCSS('opacity', '1');
    await expect(fig).toBeInViewport();
    await expect(control).toBeInViewport();
  }
  throw new Error(`Tab never left the scrolly figures; reached ${reached.length} controls`);
}

test.describe('keyboard: every scrolly control, in order, on show when focused', () => {
  // Some 16 controls, each checked for being on show, opaque and on screen: more than the default 30 s on a shared machine.
  test.setTimeout(120_000);
  test.use({ viewport: { width: 1280, height: 800 } });

  test('wide screen, motion allowed: the sticky figures', { tag: '@desktop-only' }, async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await page.goto('/');
    // The enhanced layout is on: one sticky column holding every figure.
    const graphic = page.locator('[data-scrolly-graphic]');
    await expect(graphic).toBeVisible();
    await expect(graphic.getByRole('figure')).toHaveCount(4);
    const expected = await scrollyControls(page);
    // Show the data, Share, Embed and Data in each of the four figures.
    expect(expected.length).toBeGreaterThanOrEqual(16);
    expect(await tabThroughScrolly(page)).toEqual(expected);
    // Focus went back up (Shift+Tab) into the first figure: it is shown again, beside its step.
    const first = expected[0]!.split(' / ')[0]!;
    for (let i = 0; i < 40 && (await focused(page)).figure !== first; i++) await page.keyboard.press('Shift+Tab');
    await expect(page.getByRole('figure', { name: first, exact: true })).toHaveCSS('opacity', '1');
    await expect(page.locator('[data-step].is-active')).toHaveAttribute('id', 'step-england');
    await expect(page.getByRole('heading', { name: 'England’s health in 2011 and 2021', exact: true })).toBeInViewport();
  });

  test('reduced motion: each figure after its step', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('/');
    await expect(page.locator('[data-scrolly-graphic]')).toBeHidden();
    const expected = await scrollyControls(page);
    expect(expected.length).toBeGreaterThanOrEqual(16);
    expect(await tabThroughScrolly(page)).toEqual(expected);
  });
});
