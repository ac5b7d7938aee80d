import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expect, test, type Frame, type Locator, type Page } from '@playwright/test';
import { launchOptionsForRoutedHosts } from './helpers.ts';

/**
 * The embed snippets a chart page offers, pasted unchanged into a host page on another origin, at
 * host column widths from 320 px: the script-free iframe (also the oEmbed html) with its one fixed
 * height, and the resizing script embed. Nothing inside may be cut off or scroll, the credit line
 * must sit wholly inside the iframe's box, and the plain iframe's height must be enough that the
 * chart is not shrunk to fit it (the embed page scales the chart into the space left, so a height
 * that was too small would show as a smaller chart, not as a cut).
 */
const HOST = 'http://host.example.test/article.html';
const HOST_WIDTHS = [320, 375, 640, 1280];
test.use({ launchOptions: launchOptionsForRoutedHosts() });

/** One embed per chart, from the build: the very-good-health state where the chart has one. */
function oneEmbedPerChart(): string[] {
  const root = 'dist/embed';
  if (!existsSync(root)) return [];
  const pages = (dir: string): string[] =>
    readdirSync(dir)
      .sort()
      .flatMap((name) => {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) return pages(p);
        return name === 'index.html' ? [dir] : [];
      });
  return readdirSync(root)
    .sort()
    .map((id) => {
      const all = pages(join(root, id)).map((d) => `/${d.slice('dist/'.length)}/`);
      const oneArea = all.filter((p) => p.includes('/aberfeldy/'));
      const pool = oneArea.length ? oneArea : all;
      return pool.find((p) => p.includes('/very-good/')) ?? pool[0]!;
    });
}

const EMBEDS = oneEmbedPerChart();

async function snippet(page: Page, embedPath: string, which: 'iframe' | 'script'): Promise<string> {
  await page.goto(embedPath.replace(/^\/embed\//, '/charts/'));
  const box = page.getByRole('textbox', { name: which === 'iframe' ? /Plain iframe/ : /Resizing embed/ });
  // The page rewrites the snippets to the origin it was served from (src/client/share.ts).
  await expect(box).toHaveValue(new RegExp(`src="${new URL(page.url()).origin}/`));
  return box.inputValue();
}

async function openHost(page: Page, width: number, html: string): Promise<Locator> {
  await page.setViewportSize({ width, height: 900 });
  // A plain article page whose column is exactly `width` wide.
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Article</title></head>
<body style="margin:0"><h1>An article</h1><div style="width:${width}px">${html}</div><p>After the chart.</p></body></html>`;
  await page.route(HOST, (route) => route.fulfill({ status: 200, contentType: 'text/html', body }));
  await page.goto(HOST);
  const iframe = page.locator('iframe').first();
  await expect(iframe).toBeVisible();
  return iframe;
}

async function embedFrame(iframe: Locator): Promise<Frame> {
  const frame = (await (await iframe.elementHandle())!.contentFrame())!;
  await frame.waitForSelector('[data-chart-view][data-ready="true"]');
  await frame.evaluate(() => document.fonts.ready.then(() => undefined));
  return frame;
}

/** What the embed shows, measured inside the iframe. */
async function measure(frame: Frame) {
  return frame.evaluate(() => {
    const doc = document.documentElement;
    const root = document.querySelector<HTMLElement>('[data-embed-root]')!;
    const bottoms = [...root.children].filter((c) => c.getBoundingClientRect().height > 0).map((c) => c.getBoundingClientRect().bottom);
    const svg = [...root.querySelectorAll<SVGSVGElement>('[data-chart] > div > svg')].find((s) => s.getBoundingClientRect().width > 0)!;
    const column = svg.parentElement!.parentElement!.getBoundingClientRect().width;
    const w = Number(svg.getAttribute('width'));
    const h = Number(svg.getAttribute('height'));
    return {
      viewportHeight: window.innerHeight,
      scrollOverflowY: doc.scrollHeight - doc.clientHeight,
      scrollOverflowX: doc.scrollWidth - doc.clientWidth,
      contentBottom: Math.max(...bottoms),
      /** Drawn size over the size it has when nothing limits its height (its own, or its column's width). */
      chartScale: svg.getBoundingClientRect().height / (h * Math.min(1, column / w)),
    };
  });
}

async function expectCreditInside(iframe: Locator) {
  const frame = iframe.contentFrame();
  const box = (await iframe.boundingBox())!;
  const parts: [string, Locator][] = [
    ['Read the full story', frame.getByRole('link', { name: /Read the full story/ })],
    ['Share or download', frame.getByRole('link', { name: /Share or download/ })],
    ['the credit', frame.getByText(/project team, updated/)],
  ];
  for (const [name, part] of parts) {
    const b = (await part.boundingBox())!;
    expect(b.height, `${name} is shown`).toBeGreaterThan(0);
    expect(b.y, `${name} starts inside the iframe`).toBeGreaterThanOrEqual(box.y - 0.5);
    expect(b.y + b.height, `${name} ends inside the iframe`).toBeLessThanOrEqual(box.y + box.height + 0.5);
    expect(b.x + b.width, `${name} is not cut at the side`).toBeLessThanOrEqual(box.x + box.width + 0.5);
  }
}

for (const path of EMBEDS) {
  test(`script-free iframe snippet of ${path}: nothing cut off at host widths ${HOST_WIDTHS.join(', ')}`, async ({ page }) => {
    const html = await snippet(page, path, 'iframe');
    const height = Number(/\sheight="(\d+)"/.exec(html)?.[1]);
    for (const width of HOST_WIDTHS) {
      const iframe = await openHost(page, width, html);
      expect((await iframe.boundingBox())!.height).toBeCloseTo(height, 0);
      const m = await measure(await embedFrame(iframe));
      test.info().annotations.push({ type: 'measured', description: `${path} at ${width}px: iframe ${height}px, content ${Math.round(m.contentBottom + 8)}px, chart ×${m.chartScale.toFixed(2)}` });
      expect(m.scrollOverflowY, `${width}px: content scrolls inside the iframe`).toBeLessThanOrEqual(0);
      expect(m.scrollOverflowX, `${width}px: content wider than the iframe`).toBeLessThanOrEqual(0);
      expect(m.contentBottom, `${width}px: content ends inside the iframe`).toBeLessThanOrEqual(m.viewportHeight);
      // The height is enough: the chart is not shrunk to fit it.
      expect(m.chartScale, `${width}px: chart shrunk to fit the iframe`).toBeGreaterThan(0.97);
      await expectCreditInside(iframe);
    }
  });
}

test('the script-free embed fits a height smaller than the snippet gives: the chart scales, the words stay whole', async ({ page }) => {
  const path = EMBEDS.find((p) => p.includes('/robustness/')) ?? EMBEDS[0]!;
  const html = (await snippet(page, path, 'iframe')).replace(/\sheight="\d+"/, ' height="420"');
  const iframe = await openHost(page, 375, html);
  const m = await measure(await embedFrame(iframe));
  expect(m.scrollOverflowY).toBeLessThanOrEqual(0);
  expect(m.contentBottom).toBeLessThanOrEqual(420);
  expect(m.chartScale).toBeLessThan(0.9);
  await expectCreditInside(iframe);
});

/** A height set from the embed's pym.js messages: the natural height, so the chart is full size and nothing scrolls. */
async function expectSizedToContent(iframe: Locator, frame: Frame) {
  await expect.poll(async () => (await measure(frame)).chartScale, { timeout: 5000 }).toBeGreaterThan(0.99);
  const m = await measure(frame);
  expect(m.scrollOverflowY).toBeLessThanOrEqual(0);
  expect(Math.abs(m.viewportHeight - (m.contentBottom + 8))).toBeLessThanOrEqual(2);
  await expectCreditInside(iframe);
}

for (const path of EMBEDS.filter((p) => /\/(area-changes|area-map|robustness|group-comparison)\//.test(p))) {
  test(`resizing script snippet of ${path}: fits its content and keeps the credit line at ${HOST_WIDTHS.join(', ')}`, async ({ page }) => {
    const html = await snippet(page, path, 'script');
    for (const width of HOST_WIDTHS) {
      const iframe = await openHost(page, width, html);
      const frame = await embedFrame(iframe);
      // embed.js sets the height from the embed's pym.js message: the natural height, so the chart is full size.
      await expectSizedToContent(iframe, frame);
    }
  });
}

test('oEmbed: the html is the script-free snippet, and width and height are what it needs from 320 px', async ({ request }) => {
  for (const path of EMBEDS) {
    const json = await (await request.get(`${path.replace(/^\/embed\//, '/charts/')}oembed.json`)).json();
    expect(json.type).toBe('rich');
    const height = Number(/\sheight="(\d+)"/.exec(json.html)?.[1]);
    expect(json.height).toBe(height);
    expect(json.html).toMatch(/\swidth="100%"/);
    // The html fills any width from 320 px, so it honours every maxwidth of 320 or more.
    expect(json.width).toBe(320);
  }
});

// The real pym.js Parent (npm pym.js), as a newsroom that already uses pym embeds would paste it
// into an article on its own origin: it sizes the iframe from the embed's own height messages.
const PYM = readFileSync(createRequire(import.meta.url).resolve('pym.js/dist/pym.v1.min.js'), 'utf8');

test('a real pym.js Parent on another origin sizes a highlighted embed to its content, credit line inside', async ({ page, baseURL }) => {
  await page.route(new URL('/pym.v1.min.js', HOST).href, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: PYM }));
  const src = `${baseURL}/embed/area-changes/very-good/highlight/aberfeldy/`;
  for (const width of [320, 375, 1280]) {
    const html = `<div id="chart"></div><script src="/pym.v1.min.js"></script><script>new pym.Parent('chart', '${src}', {});</script>`;
    const iframe = await openHost(page, width, html);
    const frame = await embedFrame(iframe);
    await expectSizedToContent(iframe, frame);
    // pym adds the host's address and title to the embed's query: read, never a notice.
    expect(new URL(frame.url()).searchParams.get('parentUrl')).toBe(HOST);
    await expect(frame.locator('[data-notice]')).toBeHidden();
    // The state is in the path: the prerendered drawing already highlights the area.
    expect(await frame.locator('[data-chart] svg .area--highlight').count()).toBeGreaterThan(0);
  }
});
