import AxeBuilder from '@axe-core/playwright';
import type { LaunchOptions, Page } from '@playwright/test';
import config from '../../playwright.config.ts';

/** axe rule tags for WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

export interface AxeOptions {
  /** Limit the scan to these selectors (default: whole page). */
  include?: string[];
  /** Leave these selectors out of the scan. */
  exclude?: string[];
  /** Switch off rules by id, e.g. for a known, documented exception. */
  disableRules?: string[];
  /**
   * Set false when the page was loaded with JavaScript disabled (pass the `javaScriptEnabled` fixture).
   * axe cannot run in such a page (its timers never fire), so the helper scans a copy of the page's
   * no-JS DOM in a fresh JS-enabled context: scripts removed, <noscript> content shown, same URL and
   * stylesheets, same viewport.
   */
  javaScriptEnabled?: boolean;
}

/**
 * Runs axe on the page with the WCAG 2.2 AA rule set.
 * Returns one readable block per violation (empty when the page passes), so a test can do
 * `expect(await axeViolations(page)).toEqual([])` and the failure message shows what is wrong and where.
 */
export async function axeViolations(page: Page, options: AxeOptions = {}): Promise<string[]> {
  if (options.javaScriptEnabled === false) return axeOnNoJsCopy(page, options);
  let builder = new AxeBuilder({ page }).withTags([...WCAG_22_AA]);
  for (const selector of options.include ?? []) builder = builder.include(selector);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  if (options.disableRules?.length) builder = builder.disableRules(options.disableRules);

  const { violations } = await builder.analyze();
  return violations.map((v) => {
    const nodes = v.nodes
      .slice(0, 10)
      .map((n) => {
        const target = n.target.map(String).join(' ');
        const why = (n.failureSummary ?? '').replace(/\s*\n\s*/g, ' ').trim();
        return `    - ${target}\n      ${n.html.slice(0, 200)}\n      ${why}`;
      })
      .join('\n');
    const more = v.nodes.length > 10 ? `\n    … and ${v.nodes.length - 10} more` : '';
    return `[${v.impact ?? 'unknown'}] ${v.id}: ${v.help} (${v.nodes.length} node${v.nodes.length === 1 ? '' : 's'})\n  ${v.helpUrl}\n${nodes}${more}`;
  });
}

/** Width by which the document is wider than the viewport (0 = no horizontal scroll). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const doc = document.documentElement;
    return Math.max(doc.scrollWidth, document.body.scrollWidth) - doc.clientWidth;
  });
}

/** Up to `limit` elements that stick out past the right edge of the viewport, as short descriptions. */
export async function overflowingElements(page: Page, limit = 5): Promise<string[]> {
  return page.evaluate((max) => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > width + 0.5) {
        const cls = el.getAttribute('class');
        out.push(`<${el.tagName.toLowerCase()}${cls ? ` class="${cls}"` : ''}> right=${Math.round(r.right)}px`);
        if (out.length >= max) break;
      }
    }
    return out;
  }, limit);
}

async function axeOnNoJsCopy(page: Page, options: AxeOptions): Promise<string[]> {
  const browser = page.context().browser();
  if (!browser) throw new Error('axeViolations: page has no browser (persistent context?)');
  const html = (await page.content())
    .replace(/<script\b[\s\S]*?<\/script>/gi, '')
    .replace(/<\/?noscript\b[^>]*>/gi, '');
  const url = page.url();
  const context = await browser.newContext({ viewport: page.viewportSize(), javaScriptEnabled: true });
  try {
    const copy = await context.newPage();
    await copy.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    await copy.goto(url);
    return await axeViolations(copy, { ...options, javaScriptEnabled: true });
  } finally {
    await context.close();
  }
}

/**
 * Launch options for tests whose host page is fulfilled by page.route: such a page has no address,
 * so Chromium's Local Network Access checks would block its requests and frames to the preview
 * server on 127.0.0.1. A real newsroom page is on the public internet talking to a public site,
 * where the checks do not apply.
 */
export function launchOptionsForRoutedHosts(): LaunchOptions {
  const launch = config.use?.launchOptions ?? {};
  return {
    ...launch,
    args: [
      ...(launch.args ?? []),
      '--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessSendPreflights',
    ],
  };
}
