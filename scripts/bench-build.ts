/**
 * Times the full site build (every page) and prints it, with the budget (3 minutes):
 *   npx tsx scripts/bench-build.ts
 * Prints whether it is within budget; exits 1 only when the build itself fails, so `npm run bench`
 * goes on to the other figures.
 */
import { spawnSync } from 'node:child_process';
import { assertProjectNode } from './runtime.mjs';

assertProjectNode('bench:build');

const BUDGET_S = 180;
const t0 = process.hrtime.bigint();
const res = spawnSync('npx', ['astro', 'build'], { stdio: ['ignore', 'ignore', 'inherit'], env: process.env });
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const pages = (() => {
  const r = spawnSync('sh', ['-c', "find dist -name '*.html' | wc -l"], { encoding: 'utf8' });
  return r.stdout.trim();
})();
console.log(`Full build: ${seconds.toFixed(1)} s (${pages} HTML files; budget ${BUDGET_S} s: ${seconds <= BUDGET_S ? 'within' : 'OVER'})${res.status === 0 ? '' : ' FAILED'}`);
process.exit(res.status === 0 ? 0 : 1);
