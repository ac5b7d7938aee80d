/**
 * The story (home page): every chart with its summary and table, with JavaScript on and off;
 * scroll steps swap the sticky chart; the headline numbers match summary.csv; axe finds nothing.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { expect, test, type Page } from '@playwright/test';
import { axeViolations, horizontalOverflow } from './helpers';

interface SummaryRow {
  group: 'england' | 'big_local' | 'similar_areas';
  pct_very_good_2011: number;
  pct_very_good_2021: number;
  pct_bad_or_very_bad_2011: number;
  pct_bad_or_very_bad_2021: number;
}
const csv = Papa.parse<SummaryRow>(readFileSync('data/processed/public/summary.csv', 'utf8'), {
  header: true,
  dynamicTyping: true,
  skipEmptyLines: true,
}).data;
const row = (g: SummaryRow['group']): SummaryRow => {
  const r = csv.find((x) => x.group === g);
  if (!r) throw new Error(`summary.csv has no ${g} row`);
  return r;
};

const STEP_IDS = ['step-england', 'step-very-good-england', 'step-very-good-similar', 'step-bad'];

/** Every figure, including the scrolly ones hidden while another step is active. */
function figures(page: Page) {
  return page.getByRole('main').locator('figure');
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`story, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test('every chart shows, with its summary and data table', async ({ page }) => {
      // The page carries the England map and 150-row charts: give the walk through every figure room.
      test.slow();
      await page.goto('/');
      const figs = figures(page);
      const count = await figs.count();
      expect(count).toBeGreaterThanOrEqual(STEP_IDS.length + 2);
      for (let i = 0; i < count; i++) {
        const fig = figs.nth(i);
        // In the enhanced (sticky) layout only the active step's figure is shown (the others are stacked
        // under it, faded out); the step test covers the rest.
        if (!(await fig.isVisible()) || (await fig.evaluate((el) => el.classList.contains('is-inactive')))) continue;
        await fig.scrollIntoViewIfNeeded();
        await expect(fig.getByRole('heading')).toBeVisible();
        await expect(fig.getByRole('img').filter({ visible: true }).first()).toBeVisible();
        const summary = fig.locator('.figure__summary');
        await expect(summary).toHaveText(/\d/);
        const toggle = fig.getByText('Show the data');
        await toggle.click();
        const table = fig.getByRole('table');
        await expect(table).toBeVisible();
        expect(await table.getByRole('row').count()).toBeGreaterThan(1);
      }
      // Every scrolly step's figure exists, with a heading and a table, whatever is on screen.
      for (const id of STEP_IDS) {
        const fig = page.locator(`figure#fig-${id}`);
        await expect(fig).toHaveCount(1);
        await expect(fig.locator('table')).toHaveCount(1);
      }
    });

    test('the headline numbers equal those in summary.csv', async ({ page }) => {
      await page.goto('/');
      const bl = row('big_local');
      const en = row('england');
      const sim = row('similar_areas');
      const blChange = bl.pct_very_good_2021 - bl.pct_very_good_2011;
      const enChange = en.pct_very_good_2021 - en.pct_very_good_2011;
      const simChange = sim.pct_very_good_2021 - sim.pct_very_good_2011;
      // The page shows one decimal, the CSV two: equal within the two roundings.
      const close = (shown: number, csvValue: number) => expect(Math.abs(shown - csvValue)).toBeLessThanOrEqual(0.061);
      const text = (await page.getByTestId('standfirst').textContent()) ?? '';
      const num = (re: RegExp): number => {
        const m = re.exec(text);
        expect(m, `${re} in "${text}"`).not.toBeNull();
        return Number(m![1]);
      };
      close(num(/by (\d+\.\d) percentage points/), Math.abs(blChange));
      close(num(/of (\d+\.\d) points across England/), Math.abs(enChange));
      close(num(/of (\d+\.\d) points in places with similar/), Math.abs(simChange));
      // Bad or very bad health, the report's second claim, in the same sentence pair.
      const badChange = (g: SummaryRow) => g.pct_bad_or_very_bad_2021 - g.pct_bad_or_very_bad_2011;
      close(num(/bad or very bad health (?:fell|rose) by (\d+\.\d) points/), Math.abs(badChange(bl)));
      close(num(/against a (?:fall|rise) of (\d+\.\d) points in similar places/), Math.abs(badChange(sim)));
      // The headline leads with the like-for-like comparison: similar places, not England.
      await expect(page.getByRole('heading', { level: 1 })).toContainText('in similar places');
      // The very good comparison table carries the same shares.
      const rows = await page.locator('#fig-step-very-good-similar table tbody tr').evaluateAll((trs) =>
        trs.map((tr) => Array.from(tr.children).map((c) => (c.textContent ?? '').trim().replace('\u2212', '-'))),
      );
      const label: Record<SummaryRow['group'], string> = { england: 'England', big_local: 'Big Local areas', similar_areas: 'Similar areas' };
      for (const r of [bl, en, sim]) {
        const cells = rows.find((c) => c[0] === label[r.group]);
        expect(cells, r.group).toBeDefined();
        close(Number(cells![1]), r.pct_very_good_2011);
        close(Number(cells![2]), r.pct_very_good_2021);
      }
    });

    test('axe finds nothing', async ({ page }) => {
      test.slow();
      await page.goto('/');
      expect(await axeViolations(page, { javaScriptEnabled })).toEqual([]);
    });

    test('no sideways scrolling', async ({ page }) => {
      await page.goto('/');
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    });
  });
}

test.describe('scroll steps', () => {
  // Phones stack the steps instead of a sticky chart: desktop project only.
  test('steps change the sticky chart (wide screen, JavaScript on)', { tag: '@desktop-only' }, async ({ page }) => {
    await page.goto('/');
    const graphic = page.locator('[data-scrolly-graphic]');
    await expect(graphic).toBeVisible();
    expect(await graphic.evaluate((el) => getComputedStyle(el).position)).toBe('sticky');
    const seen: string[] = [];
    for (const id of STEP_IDS) {
      await page.locator(`#${id}`).evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 150));
      const fig = graphic.locator(`#fig-${id}`);
      await expect(fig).toBeVisible();
      await expect(fig).toHaveCSS('opacity', '1');
      // The other figures stay in the column (their controls in the tab order), faded out and not clickable.
      await expect(graphic.getByRole('figure')).toHaveCount(STEP_IDS.length);
      for (const other of await graphic.getByRole('figure').all()) {
        if ((await other.getAttribute('id')) === `fig-${id}`) continue;
        await expect(other).toHaveCSS('opacity', '0');
        await expect(other).toHaveCSS('pointer-events', 'none');
      }
      seen.push((await fig.getByRole('heading').textContent()) ?? '');
    }
    expect(new Set(seen).size).toBe(STEP_IDS.length);
  });

  test('in a short window, the sticky chart with its table open keeps its links in view', { tag: '@desktop-only' }, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 600 });
    await page.goto('/');
    const graphic = page.locator('[data-scrolly-graphic]');
    await page.locator(`#${STEP_IDS[0]}`).evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 150));
    const fig = graphic.locator(`#fig-${STEP_IDS[0]}`);
    await expect(fig).toBeVisible();
    await fig.getByText('Show the data').click();
    await expect(fig.getByRole('table')).toBeVisible();
    // Taller than the window once open: without its own scrolling, the links below would be cut off.
    expect((await fig.boundingBox())!.height).toBeGreaterThan(600);
    // Keyboard: from the toggle, tab on to the figure's Share link; it must be on screen (WCAG 2.4.11),
    // and the chart must still be the one the reader opened (a page jump would change the step).
    await fig.getByText('Show the data').focus();
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.textContent?.trim().startsWith('Share'))) break;
    }
    const focused = await page.evaluate(() => {
      const el = document.activeElement!;
      const r = el.getBoundingClientRect();
      return { text: el.textContent?.trim() ?? '', inFigure: !!el.closest('#fig-step-england'), top: r.top, bottom: r.bottom };
    });
    expect(focused.text).toMatch(/^Share/);
    expect(focused.inFigure).toBe(true);
    await expect(fig).toBeVisible();
    expect(focused.top).toBeGreaterThanOrEqual(0);
    // Scrolled into view flush with the window's bottom edge, give or take a subpixel.
    expect(focused.bottom).toBeLessThanOrEqual(601);
  });

  test('with reduced motion the steps are a plain sequence', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('/');
    await expect(page.locator('[data-scrolly-graphic]')).toBeHidden();
    for (const id of STEP_IDS) {
      const fig = page.locator(`#${id} figure`);
      await expect(fig).toHaveCount(1);
      await fig.scrollIntoViewIfNeeded();
      await expect(fig).toBeVisible();
    }
  });

  test('on a phone the steps stack: each figure follows its words', { tag: '@mobile-only' }, async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('[data-scrolly-graphic]')).toBeHidden();
    for (const id of STEP_IDS) {
      const fig = page.locator(`#${id} figure`);
      await fig.scrollIntoViewIfNeeded();
      await expect(fig).toBeVisible();
    }
  });
});

test.describe('the order of the story on a phone', () => {
  // The issue's measure: a 375 × 667 phone screen. Before: the story was 56 screens long, with "How sure
  // can we be?" at 41, under the 150-row chart and the list of all 150 areas.
  test.use({ viewport: { width: 375, height: 667 } });
  const HOW_SURE_BUDGET = 15;

  test('the argument comes before the areas one by one, and the list of areas is folded away @mobile-only', async ({ page }) => {
    await page.goto('/');
    const screens = (loc: ReturnType<Page['locator']>) => loc.evaluate((el) => (el.getBoundingClientRect().top + window.scrollY) / window.innerHeight);
    const caveats = await screens(page.getByRole('complementary', { name: 'Read with care' }));
    const howSure = await screens(page.getByRole('heading', { name: 'How sure can we be?', exact: true }));
    const howFar = await screens(page.getByRole('heading', { name: 'How far the finding holds', exact: true }));
    const oneByOne = await screens(page.getByRole('heading', { name: /areas, one by one$/ }));
    expect(caveats).toBeLessThan(3);
    expect(howSure, `"How sure can we be?" starts ${howSure.toFixed(1)} screens down`).toBeLessThan(HOW_SURE_BUDGET);
    expect(howFar).toBeGreaterThan(howSure);
    expect(oneByOne).toBeGreaterThan(howFar);
    // The full list of areas is one disclosure, closed, that a keyboard opens.
    const toggle = page.getByText(/^Search or browse all \d+ areas/);
    const list = page.getByRole('main').getByRole('link', { name: 'Dartford', exact: true });
    await expect(list).toBeHidden();
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(list).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Area, place or local authority' })).toBeVisible();
    // And /areas/ has them all, linked from the section.
    await expect(page.getByRole('link', { name: /^all \d+ areas on a map$/ })).toHaveAttribute('href', '/areas/');
  });
});

test.describe('words and numbers a reader trips on', () => {
  test('the story says once, by the first figures, that figures are rounded only at the end @mobile-only', async ({ page }) => {
    await page.goto('/');
    const note = page.getByRole('main').getByText(/only then rounded, so rounded figures set side by side may not add up/);
    await expect(note).toHaveCount(1);
    // In the first step, with the words of the first figure.
    await expect(page.locator('#step-england').getByText(/only then rounded/)).toBeVisible();
  });

  test('the difference chart says which way is better for each measure @mobile-only', async ({ page }) => {
    await page.goto('/');
    const fig = page.getByRole('figure', { name: /^Change in Big Local areas minus change in similar areas/ });
    await fig.scrollIntoViewIfNeeded();
    const chart = fig.getByRole('img').filter({ visible: true });
    await expect(chart.getByText('higher is worse', { exact: true })).toHaveCount(1);
    await expect(chart.getByText('higher is better', { exact: true })).toHaveCount(2);
    await expect(fig.locator('.figure__summary')).toContainText('for bad or very bad health (where higher is worse;');
  });

  test('an area page says each comparison once, and how its figures round @mobile-only', async ({ page }) => {
    // Northwood: no change in bad health, a fall in each place it is set against.
    await page.goto('/areas/northwood/');
    const bad = page.getByRole('figure', { name: /^Bad or very bad health in Northwood/ }).locator('.figure__summary');
    const text = (await bad.textContent()) ?? '';
    expect(text.match(/unlike/g) ?? [], text).toHaveLength(1);
    expect(text.match(/where it fell/g) ?? [], text).toHaveLength(1);
    await expect(page.getByText(/only then rounded/)).toBeVisible();
  });
});

test.describe('what the census says, and how far it holds', () => {
  test('the key caveats come within the first three screens, and link to the full reasons @mobile-only', async ({ page }) => {
    await page.goto('/');
    const box = page.getByRole('complementary', { name: 'Read with care' });
    await expect(box).toBeVisible();
    const top = await box.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    const screen = page.viewportSize()!.height;
    expect(top / screen).toBeLessThan(3);
    for (const word of ['Crude rates', 'pandemic', 'Approximate footprints', 'Population change']) await expect(box).toContainText(word);
    await box.getByRole('link', { name: /how far the finding holds/i }).click();
    await expect(page.getByRole('heading', { name: 'Five reasons for caution' })).toBeInViewport();
  });

  test('both of the report’s claims, the robustness checks and the placebo test are in words', async ({ page }) => {
    await page.goto('/');
    const main = page.getByRole('main');
    await expect(main).toContainText('The report said very good health rose more, and bad health fell more');
    await expect(main).toContainText('bad or very bad health fell slightly less than in similar areas');
    await expect(page.getByRole('heading', { name: 'How far the finding holds', exact: true })).toBeVisible();
    const robustness = Papa.parse<{ specification: string; measure: string }>(readFileSync('data/processed/public/robustness.csv', 'utf8'), { header: true, skipEmptyLines: true }).data;
    const n = robustness.filter((r) => r.measure === 'very_good').length;
    await expect(page.getByTestId('robustness-sentence')).toContainText(`out ${n} ways`);
    await expect(page.getByTestId('placebo-sentence')).toContainText('1,000 sets of pretend Big Local areas');
    await expect(page.getByTestId('coverage-sentence')).toContainText('should wrongly exclude zero in about 5%');
    await expect(main).not.toContainText('a fresh random set of Big Local areas');
    // Where the interval first appears, the story says why it is wide and need not sit evenly around
    // the estimate (the headline interval is off-centre: the pretend sets lean a little).
    const howSure = page.getByRole('region', { name: 'How sure can we be?' });
    await expect(howSure).toContainText('a check on the pretend sets found it too narrow');
    await expect(howSure).toContainText('need not be centred on the estimate');
  });
});
