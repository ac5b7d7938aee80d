/**
 * `npm run audit`: the production dependencies' known advisories (`npm audit --omit=dev`).
 * Exits 0 only when the registry answered and no advisory of high or critical severity applies;
 * exits 1 on such an advisory, and 2, saying so, when no audit could be done.
 */
import { spawnSync } from 'node:child_process';
import { judgeAudit } from './audit/judge.ts';
import { assertProjectNode } from './runtime.mjs';

assertProjectNode('audit');

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
const verdict = judgeAudit(run.stdout ?? '', 'high');
if (verdict.kind === 'not-done') {
  console.error(`audit NOT DONE: ${verdict.reason}.`);
  console.error('No advisory was checked: run `npm run audit` where the registry answers audit requests.');
  process.exit(2);
}
const line = Object.entries(verdict.counts).map(([s, n]) => `${n} ${s}`).join(', ');
console.log(`audit: ${line}`);
for (const a of verdict.advisories) console.log(`  ${a}`);
process.exit(verdict.failing ? 1 : 0);
