/**
 * Benchmark (not a test): Lighthouse (mobile, the default form factor) on one page of each kind of
 * the built site, served by `astro preview`. Prints a table of the four category scores against the
 * budgets, then what each page loses points on. Exits 1 when a score is under its budget.
 *
 *   npm run build && npm run bench:lighthouse
 *   npm run bench:lighthouse -- --outDir /tmp/dist --path /areas/ --path /method/
 *   npm run bench:lighthouse -- --runs 3          (median of three runs per page)
 *
 * Default pages: the story, an area page, a chart page and an embed. SEO does not apply to embeds
 * (they are noindex by design: the chart page is their canonical), so it is shown but not budgeted.
 * Uses the system Chromium (CHROME_PATH, default /usr/bin/chromium), headless, no sandbox.
 */
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { Result } from 'lighthouse';
import { assertProjectNode } from './runtime.mjs';

assertProjectNode('bench:lighthouse');

const args = process.argv.slice(2);
const opt = (name: string, fallback?: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const opts = (name: string): string[] => args.flatMap((a, i) => (a === `--${name}` && args[i + 1] ? [args[i + 1]!] : []));
const PORT = Number(opt('port', '4329'));
const RUNS = Math.max(1, Number(opt('runs', '1')));
const OUT_DIR = opt('outDir');
const DEFAULT_PATHS = [
  '/',
  '/areas/aberfeldy/',
  '/charts/group-comparison/very-good/highlight/big-local/',
  '/embed/area-change/aberfeldy/very-good/',
];
const PATHS = opts('path').length ? opts('path') : DEFAULT_PATHS;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const BUDGET: Record<(typeof CATEGORIES)[number], number> = { performance: 97, accessibility: 100, 'best-practices': 100, seo: 95 };
/** Budgets that do not apply to a page. */
const notApplicable = (path: string, cat: string) => cat === 'seo' && path.startsWith('/embed/');

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

// Astro itself (not npx), so killing it stops the server; on this process's Node, the project's.
const preview = spawn(
  process.execPath,
  ['node_modules/astro/bin/astro.mjs', 'preview', '--port', String(PORT), '--host', '127.0.0.1', ...(OUT_DIR ? ['--outDir', OUT_DIR] : [])],
  { stdio: 'ignore' },
);
let chrome: chromeLauncher.LaunchedChrome | undefined;
let failed = false;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Row {
  path: string;
  scores: Record<string, number>;
  metrics: string;
  losses: string[];
}
const rows: Row[] = [];
let version = '';
let formFactor = '';
try {
  const origin = `http://127.0.0.1:${PORT}`;
  await waitFor(`${origin}/favicon.svg`);
  chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  for (const path of PATHS) {
    const url = `${origin}${path}`;
    const runs: Result[] = [];
    for (let i = 0; i < RUNS; i++) {
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
      if (!result) throw new Error(`lighthouse returned no result for ${url}`);
      runs.push(result.lhr);
    }
    const perf = (r: Result) => r.categories.performance?.score ?? 0;
    // The run with the median performance score stands for the page (its audits explain its scores).
    const lhr = [...runs].sort((a, b) => perf(a) - perf(b))[Math.floor(runs.length / 2)]!;
    version = lhr.lighthouseVersion;
    formFactor = lhr.configSettings.formFactor;
    const scores: Record<string, number> = {};
    for (const id of CATEGORIES) scores[id] = median(runs.map((r) => Math.round((r.categories[id]?.score ?? 0) * 100)));
    const metric = (k: string) => lhr.audits[k]?.displayValue ?? '–';
    const losses: string[] = [];
    for (const cat of Object.values(lhr.categories)) {
      if (notApplicable(path, cat.id)) continue;
      for (const ref of cat.auditRefs) {
        const a = lhr.audits[ref.id];
        if (ref.weight > 0 && a && a.score !== null && a.score < 1) losses.push(`${cat.id}: ${a.id} (${a.score}) ${a.title}`);
      }
    }
    rows.push({
      path,
      scores,
      metrics: `FCP ${metric('first-contentful-paint')} · LCP ${metric('largest-contentful-paint')} · TBT ${metric('total-blocking-time')} · CLS ${metric('cumulative-layout-shift')}`,
      losses,
    });
  }
} finally {
  chrome?.kill();
  preview.kill();
}

const short: Record<string, string> = { performance: 'Perf', accessibility: 'A11y', 'best-practices': 'BP', seo: 'SEO' };
const width = Math.max(4, ...rows.map((r) => r.path.length));
console.log(`Lighthouse ${version}, ${formFactor}${RUNS > 1 ? `, median of ${RUNS} runs` : ''}`);
console.log(`budgets: ${CATEGORIES.map((c) => `${short[c]} ≥ ${BUDGET[c]}`).join(', ')} (SEO n/a for embeds)\n`);
console.log(`${'Page'.padEnd(width)}  ${CATEGORIES.map((c) => short[c]!.padStart(5)).join(' ')}`);
for (const r of rows) {
  const cells = CATEGORIES.map((c) => {
    const s = r.scores[c]!;
    if (notApplicable(r.path, c)) return `(${s})`.padStart(5);
    const ok = s >= BUDGET[c];
    if (!ok) failed = true;
    return `${s}${ok ? ' ' : '!'}`.padStart(5);
  });
  console.log(`${r.path.padEnd(width)}  ${cells.join(' ')}`);
}
console.log('\n! = under budget; (n) = not applicable');
for (const r of rows) {
  console.log(`\n${r.path}\n  ${r.metrics}`);
  for (const l of r.losses) console.log(`  - ${l}`);
}
process.exitCode = failed ? 1 : 0;
