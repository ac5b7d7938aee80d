/**
 * `npm run bench:ingest [-- --raw DIR --runs N]`: the full ingest beside the bare parse of its
 * inputs, each in a fresh process, median of N runs. Targets (issue 2): full ≤ 2× parse, peak < 2 GB.
 */
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { raw: { type: 'string', default: '../shared/data' }, runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);

function measure(mode: 'parse' | 'full') {
  const results = Array.from({ length: runs }, () =>
    JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', 'scripts/bench/ingest-worker.ts', '--mode', mode, '--raw', values.raw!], { encoding: 'utf8' })) as { ms: number; maxRssMb: number },
  );
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { seconds: median(results.map((r) => r.ms)) / 1000, peakMb: Math.max(...results.map((r) => r.maxRssMb)) };
}

const parse = measure('parse');
const full = measure('full');
const row = (label: string, r: { seconds: number; peakMb: number }) =>
  `${label.padEnd(30)} ${r.seconds.toFixed(2).padStart(8)} s ${r.peakMb.toFixed(0).padStart(8)} MB`;
console.log(`ingest benchmark on ${values.raw}, median of ${runs} runs, ${process.version}`);
console.log(`${''.padEnd(30)} ${'wall'.padStart(10)} ${'peak RSS'.padStart(11)}`);
console.log(row('read + parse inputs only', parse));
console.log(row('full ingest', full));
console.log(`ratio full / parse: ${(full.seconds / parse.seconds).toFixed(2)}× (target ≤ 2×); peak ${full.peakMb.toFixed(0)} MB (target < 2048 MB)`);
