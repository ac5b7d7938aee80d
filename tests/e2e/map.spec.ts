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

  test('one data table gives both measures, each heading its three columns', async ({ page }) => {
    await page.goto('/areas/');
    await page.locator('.emap-figure details.figure__data > summary').click();
    const table = page.getByRole('region', { name: /each local authority’s|each local authority's/ }).getByRole('table');
    await expect(table).toHaveCount(1);
    for (const name of ['Very good health', 'Bad or very bad health']) {
      const group = table.getByRole('columnheader', { name, exact: true });
      await expect(group).toHaveAttribute('scope', 'colgroup');
      await expect(group).toHaveAttribute('colspan', '3');
    }
    await expect(table.getByRole('columnheader', { name: '2011 (%)', exact: true })).toHaveCount(2);
    // Every district row has all nine cells, and one row per district drawn on the map.
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(await page.locator('svg.emap path.emap-lad').count());
    expect(await rows.first().locator('th, td').count()).toBe(9);
    // The table is there whichever measure colours the map.
    await page.getByRole('radio', { name: 'bad or very bad health' }).check();
    await expect(table).toBeVisible();
  });

  test('scrolled in its box, the table keeps its column heads on top and the names at the left', async ({ page }) => {
    // At phone width, where the nine columns are wider than the box.
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto('/areas/');
    await page.locator('.emap-figure details.figure__data > summary').click();
    const box = page.locator('.emap-figure .table-scroll');
    await box.scrollIntoViewIfNeeded();
    const within = await box.evaluate((el) => {
      // Far enough that the first group's first column (after the names and the regions) has
      // gone 40 px under the names, while the rest of the group is still in view.
      const group = el.querySelector('thead th.colgroup')!;
      const pinned = el.querySelector('thead th')!;
      el.scrollLeft = group.getBoundingClientRect().left - pinned.getBoundingClientRect().right + 40;
      el.scrollTop = 400;
      const b = el.getBoundingClientRect();
      // The cell drawn at a point of the box, as a reader sees it.
      const at = (x: number, y: number) => document.elementFromPoint(b.left + x, b.top + y)?.closest('th, td');
      const name = [...el.querySelectorAll('tbody th')].find((th) => {
        const r = th.getBoundingClientRect();
        return r.top > b.top + 120 && r.bottom < b.bottom;
      });
      const r = name!.getBoundingClientRect();
      // The first group's label, whose first column has scrolled under the names: it stops beside them.
      const label = el.querySelector('thead .colgroup__label')!;
      const l = label.getBoundingClientRect();
      const centre = document.elementFromPoint(l.left + l.width / 2, l.top + l.height / 2);
      return {
        label: {
          text: label.textContent,
          besideNames: l.left >= r.right - 1 && l.right <= b.right,
          seen: centre === label || label.contains(centre),
          // Its group's first column has indeed scrolled under the names.
          columnUnder: label.closest('th')!.getBoundingClientRect().left < r.right,
        },
        scrolled: el.scrollLeft > 0 && el.scrollTop > 0,
        // The top-left corner shows the first column's head, the top edge the other heads, and a
        // row's name sits at the box's left edge.
        corner: at(4, 4)?.closest('thead') ? (at(4, 4)?.textContent?.trim() ?? '') : '',
        headsOnTop: Boolean(at(b.width - 40, 4)?.closest('thead')),
        nameAtLeft: Math.abs(r.left - b.left) < 1 && at(4, r.top - b.top + r.height / 2) === name,
      };
    });
    expect(within.scrolled).toBe(true);
    expect(within.nameAtLeft).toBe(true);
    expect(within.corner).toBe('Local authority');
    expect(within.headsOnTop).toBe(true);
    expect(within.label).toEqual({ text: 'Very good health', besideNames: true, seen: true, columnUnder: true });
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

/**
 * Touch: a finger has no hover, and the dots are 9 px at the map's own scale (5.5 px on a phone),
 * most of them within 24 px of another. A tap previews, a second tap or the preview's link opens.
 */
test.describe('England map by touch', () => {
  /** Centre of a marker's dot, in CSS px of the viewport. */
  const dotCentre = (marker: import('@playwright/test').Locator) =>
    marker.locator('circle').evaluate((c) => {
      const b = c.getBoundingClientRect();
      return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
    });
  /** A marker of the story map whose nearest neighbour is at least 24 px away: one a finger can hit. */
  const loneMarker = (page: import('@playwright/test').Page) =>
    page.locator('#story-map a.emap-marker, [data-emap] a.emap-marker').evaluateAll((ms) => {
      const c = ms.map((m) => {
        const b = m.querySelector('circle')!.getBoundingClientRect();
        return { code: (m as HTMLElement).dataset.code!, x: b.x + b.width / 2, y: b.y + b.height / 2 };
      });
      return c.find((a) => c.every((b) => b === a || Math.hypot(a.x - b.x, a.y - b.y) >= 24))!.code;
    });

  test('a tap on a dot shows a preview naming the area and stays on the page', { tag: '@mobile-only' }, async ({ page }) => {
    await page.goto('/areas/');
    const code = await loneMarker(page);
    const marker = page.locator(`a.emap-marker[data-code="${code}"]`);
    const name = (await marker.getAttribute('data-name'))!;
    await marker.scrollIntoViewIfNeeded();
    const p = await dotCentre(marker);
    await page.touchscreen.tap(p.x, p.y);
    const preview = page.getByRole('group', { name: 'Selected Big Local area' });
    await expect(preview).toBeVisible();
    await expect(preview).toContainText(name);
    await expect(preview).toContainText(/very good health: [+−]\d+\.\d pp/);
    await page.waitForTimeout(300);
    await expect(page).toHaveURL(/\/areas\/$/);
    await expect(page.locator('[data-emap-live]')).toContainText(name);
    // Close puts it away.
    await preview.getByRole('button', { name: 'Close', exact: true }).tap();
    await expect(preview).toBeHidden();
  });

  test('the preview’s link opens the area page; so does a second tap on the dot', { tag: '@mobile-only' }, async ({ page }) => {
    await page.goto('/areas/');
    const code = await loneMarker(page);
    const marker = page.locator(`a.emap-marker[data-code="${code}"]`);
    const name = (await marker.getAttribute('data-name'))!;
    await marker.scrollIntoViewIfNeeded();
    let p = await dotCentre(marker);
    await page.touchscreen.tap(p.x, p.y);
    const open = page.getByRole('link', { name: `Open area page: ${name}` });
    await expect(open).toBeVisible();
    const box = (await open.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(24);
    await open.tap();
    await expect(page).toHaveURL(new RegExp(`/areas/${code}/$`));

    await page.goto('/areas/');
    await marker.scrollIntoViewIfNeeded();
    p = await dotCentre(marker);
    await page.touchscreen.tap(p.x, p.y);
    await expect(page.getByRole('group', { name: 'Selected Big Local area' })).toBeVisible();
    await page.touchscreen.tap(p.x, p.y);
    await expect(page).toHaveURL(new RegExp(`/areas/${code}/$`));
  });

  test('every area is one tap and at most one 24 px button away; lone dots have 24 px targets', { tag: '@mobile-only' }, async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto('/');
    const map = page.locator('#story-map, [data-emap]').first();
    await map.scrollIntoViewIfNeeded();
    const markers = map.locator('a.emap-marker');
    const codes = await markers.evaluateAll((ms) => ms.map((m) => (m as HTMLElement).dataset.code!));
    expect(codes).toHaveLength(150);
    // WCAG 2.5.8 from the DOM: a dot whose neighbours are all 24 px or more away must have a
    // target (its hit area) of at least 24 × 24 CSS px.
    const geometry = await markers.evaluateAll((ms) =>
      ms.map((m) => {
        const c = m.querySelector('circle')!.getBoundingClientRect();
        const hit = m.querySelector('.emap-hit')?.getBoundingClientRect();
        return { x: c.x + c.width / 2, y: c.y + c.height / 2, w: hit?.width ?? c.width, h: hit?.height ?? c.height };
      }),
    );
    const lone = geometry.filter((a) => geometry.every((b) => b === a || Math.hypot(a.x - b.x, a.y - b.y) >= 24));
    expect(lone.length).toBeGreaterThan(0);
    for (const g of lone) {
      expect(g.w).toBeGreaterThanOrEqual(24);
      expect(g.h).toBeGreaterThanOrEqual(24);
    }
    // Crowded dots (the 8 with most neighbours, and every thirtieth of the rest): a tap on the dot
    // previews it or a neighbour, and then the dot's area is the preview itself or one of its
    // "also at this spot" buttons, each at least 24 px tall.
    const preview = page.getByRole('group', { name: 'Selected Big Local area' });
    const crowding = geometry.map((a) => geometry.filter((b) => b !== a && Math.hypot(a.x - b.x, a.y - b.y) < 24).length);
    const order = codes.map((code, i) => ({ code, n: crowding[i]! })).sort((a, b) => b.n - a.n);
    const sample = [...order.slice(0, 8), ...order.slice(8).filter((_, i) => i % 30 === 0)];
    for (const { code } of sample) {
      const marker = map.locator(`a.emap-marker[data-code="${code}"]`);
      const p = await dotCentre(marker);
      await page.touchscreen.tap(p.x, p.y);
      await expect(preview).toBeVisible();
      const shown = await preview.locator('[data-emap-preview-open]').getAttribute('href');
      if (shown !== `/areas/${code}/`) {
        const name = (await marker.getAttribute('data-name'))!;
        const button = preview.getByRole('button', { name, exact: true });
        await expect(button, `${code} from ${shown}`).toHaveCount(1);
        const b = (await button.boundingBox())!;
        expect(b.height).toBeGreaterThanOrEqual(24);
        expect(b.width).toBeGreaterThanOrEqual(24);
      }
      await preview.getByRole('button', { name: 'Close', exact: true }).tap();
      await expect(preview).toBeHidden();
    }
    await expect(page).toHaveURL(/\/$/);
  });

  test('a neighbour’s button in the preview switches the preview to it', { tag: '@mobile-only' }, async ({ page }) => {
    await page.goto('/areas/');
    const map = page.locator('[data-emap]').first();
    await map.scrollIntoViewIfNeeded();
    // The dot with the most neighbours within 24 px.
    const code = await map.locator('a.emap-marker').evaluateAll((ms) => {
      const c = ms.map((m) => {
        const b = m.querySelector('circle')!.getBoundingClientRect();
        return { code: (m as HTMLElement).dataset.code!, x: b.x + b.width / 2, y: b.y + b.height / 2 };
      });
      const n = (a: (typeof c)[number]) => c.filter((b) => b !== a && Math.hypot(a.x - b.x, a.y - b.y) < 24).length;
      return [...c].sort((a, b) => n(b) - n(a))[0]!.code;
    });
    const p = await dotCentre(map.locator(`a.emap-marker[data-code="${code}"]`));
    await page.touchscreen.tap(p.x, p.y);
    const preview = page.getByRole('group', { name: 'Selected Big Local area' });
    const first = preview.getByRole('button').filter({ hasNotText: 'Close' }).first();
    const other = (await first.textContent())!;
    await first.tap();
    await expect(preview.locator('[data-emap-preview-name]')).toHaveText(other);
    await expect(preview.getByRole('link', { name: `Open area page: ${other}` })).toBeVisible();
  });
});

test('a mouse click on a dot still opens the area page at once', { tag: '@desktop-only' }, async ({ page }) => {
  await page.goto('/areas/');
  const marker = page.locator('a.emap-marker').nth(20);
  const code = await marker.getAttribute('data-code');
  await marker.locator('circle').click({ force: true });
  await expect(page).toHaveURL(new RegExp(`/areas/${code}/$`));
});

test('at 1280 px the dots’ hit areas reach 24 × 24 px wherever neighbours leave room', { tag: '@desktop-only' }, async ({ page }) => {
  await page.goto('/areas/');
  const geometry = await page.locator('[data-emap] a.emap-marker').evaluateAll((ms) =>
    ms.map((m) => {
      const c = m.querySelector('circle')!.getBoundingClientRect();
      const hit = m.querySelector('.emap-hit')!.getBoundingClientRect();
      return { x: c.x + c.width / 2, y: c.y + c.height / 2, w: hit.width, h: hit.height };
    }),
  );
  const lone = geometry.filter((a) => geometry.every((b) => b === a || Math.hypot(a.x - b.x, a.y - b.y) >= 24));
  expect(lone.length).toBeGreaterThan(10);
  for (const g of lone) expect(Math.min(g.w, g.h)).toBeGreaterThanOrEqual(24);
});
