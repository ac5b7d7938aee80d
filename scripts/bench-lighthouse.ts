/**
 * Benchmark (not a test): Lighthouse (mobile, the default form factor) on the built home page,
 * served by `astro preview`. Prints the four category scores against the budgets.
 *
 *   npm run build && npm run bench:lighthouse
 *   npm run bench:lighthouse -- --outDir /tmp/dist --path /areas/
 *
 * Uses the system Chromium (CHROME_PATH, default /usr/bin/chromium), headless, no sandbox.
 */
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const args = process.argv.slice(2);
const opt = (name: string, fallback?: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const PORT = Number(opt('port', '4329'));
const PATH = opt('path', '/')!;
const OUT_DIR = opt('outDir');
const BUDGET: Record<string, number> = { performance: 95, accessibility: 100, 'best-practices': 95, seo: 95 };

async function waitFor(url: string, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await sleep(250);
  }
  throw new Error(`server did not answer at ${url}`);
}

// The astro binary itself (not npx), so killing it stops the server.
const preview = spawn(
  'node_modules/.bin/astro',
  ['preview', '--port', String(PORT), '--host', '127.0.0.1', ...(OUT_DIR ? ['--outDir', OUT_DIR] : [])],
  { stdio: 'ignore' },
);
let chrome: chromeLauncher.LaunchedChrome | undefined;
let failed = false;
try {
  const url = `http://127.0.0.1:${PORT}${PATH}`;
  await waitFor(url);
  chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const result = await lighthouse(url, {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: Object.keys(BUDGET),
  });
  if (!result) throw new Error('lighthouse returned no result');
  const { lhr } = result;
  console.log(`Lighthouse ${lhr.lighthouseVersion}, ${lhr.configSettings.formFactor}, ${url}`);
  for (const [id, min] of Object.entries(BUDGET)) {
    const cat = lhr.categories[id];
    const score = Math.round((cat?.score ?? 0) * 100);
    const ok = score >= min;
    if (!ok) failed = true;
    console.log(`  ${(cat?.title ?? id).padEnd(16)} ${String(score).padStart(3)}   (budget ≥ ${min}) ${ok ? 'OK' : 'BELOW'}`);
  }
  const metric = (k: string) => lhr.audits[k]?.displayValue ?? '–';
  console.log(`  FCP ${metric('first-contentful-paint')} · LCP ${metric('largest-contentful-paint')} · TBT ${metric('total-blocking-time')} · CLS ${metric('cumulative-layout-shift')}`);
  for (const cat of Object.values(lhr.categories)) {
    for (const ref of cat.auditRefs) {
      const a = lhr.audits[ref.id];
      if (ref.weight > 0 && a && a.score !== null && a.score < 1) console.log(`  - ${cat.id}: ${a.id} (${a.score}) ${a.title}`);
    }
  }
} finally {
  chrome?.kill();
  preview.kill();
}
process.exitCode = failed ? 1 : 0;
