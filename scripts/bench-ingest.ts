/**
 * `npm run bench:ingest [-- --raw DIR --runs N]`: the full ingest beside the bare parse of its
 * inputs, each in a fresh process, N runs of each interleaved; prints the median and the fastest.
 * Targets (issue 2): full ≤ 2× parse, peak < 2 GB.
 */
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { assertProjectNode } from './runtime.mjs';

assertProjectNode('bench:ingest');

const { values } = parseArgs({ options: { raw: { type: 'string', default: '../shared/data' }, runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);

type Run = { ms: number; maxRssMb: number; steps?: { label: string; s: number }[] };
const once = (mode: 'parse' | 'full'): Run =>
  JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', 'scripts/bench/ingest-worker.ts', '--mode', mode, '--raw', values.raw!], { encoding: 'utf8' })) as Run;

// Interleaved, so that a change in the machine's load during the benchmark falls on both alike.
const runsOf = { parse: [] as Run[], full: [] as Run[] };
for (let i = 0; i < runs; i++) {
  runsOf.parse.push(once('parse'));
  runsOf.full.push(once('full'));
}
const summary = (rs: Run[]) => {
  const s = rs.map((r) => r.ms / 1000).sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, fastest: s[0]!, peakMb: Math.max(...rs.map((r) => r.maxRssMb)) };
};
const parse = summary(runsOf.parse);
const full = summary(runsOf.full);
const row = (label: string, r: ReturnType<typeof summary>) =>
  `${label.padEnd(28)} ${r.median.toFixed(2).padStart(8)} s ${r.fastest.toFixed(2).padStart(8)} s ${r.peakMb.toFixed(0).padStart(8)} MB`;
console.log(`ingest benchmark on ${values.raw}, ${runs} interleaved runs each, ${process.version}`);
console.log(`${''.padEnd(28)} ${'median'.padStart(10)} ${'fastest'.padStart(10)} ${'peak RSS'.padStart(11)}`);
console.log(row('read + parse inputs only', parse));
console.log(row('full ingest', full));
// Each step of the full ingest, median over the runs. "[geometry]" steps run in the worker thread,
// beside the others, so the steps add up to more than the total.
console.log('steps of the full ingest (median s; [geometry] runs beside the main thread):');
const labels = runsOf.full[0]?.steps?.map((s) => s.label) ?? [];
for (const label of labels) {
  const times = runsOf.full.map((r) => r.steps?.find((s) => s.label === label)?.s ?? NaN).sort((a, b) => a - b);
  console.log(`  ${label.padEnd(46)} ${times[Math.floor(times.length / 2)]!.toFixed(2).padStart(6)} s`);
}
console.log(
  `ratio full / parse: ${(full.median / parse.median).toFixed(2)}× by medians, ${(full.fastest / parse.fastest).toFixed(2)}× by fastest runs (target ≤ 2×); ` +
    `peak ${full.peakMb.toFixed(0)} MB (target < 2048 MB)`,
);
