/**
 * Times the full site build (every page) and prints it, with the budget (3 minutes):
 *   npx tsx scripts/bench-build.ts
 * Exits 1 when the build fails or runs over budget.
 */
import { spawnSync } from 'node:child_process';

const BUDGET_S = 180;
const t0 = process.hrtime.bigint();
const res = spawnSync('npx', ['astro', 'build'], { stdio: ['ignore', 'ignore', 'inherit'], env: process.env });
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const pages = (() => {
  const r = spawnSync('sh', ['-c', "find dist -name '*.html' | wc -l"], { encoding: 'utf8' });
  return r.stdout.trim();
})();
console.log(`Full build: ${seconds.toFixed(1)} s (${pages} HTML files; budget ${BUDGET_S} s)${res.status === 0 ? '' : ' FAILED'}`);
process.exit(res.status === 0 && seconds <= BUDGET_S ? 0 : 1);
