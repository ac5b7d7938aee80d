/**
 * One measured run, in its own process so that peak memory (maxRSS) belongs to it alone.
 * --mode parse: only read and parse every input (papaparse for CSV, JSON.parse for GeoJSON).
 * --mode full:  the whole ingest, writing into a temporary folder.
 */
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { INPUT_PATHS, FOOTPRINT_CANDIDATES } from '../ingest/inputs.ts';
import { runIngest } from '../ingest/run.ts';

const { values } = parseArgs({ options: { mode: { type: 'string' }, raw: { type: 'string' } } });
const raw = values.raw!;
const t0 = performance.now();
/** The ingest's own step timings ("  label   1.23 s"), so the bench can print each step. */
const steps: { label: string; s: number }[] = [];
const stepLine = /^\s+(.+?)\s+(\d+\.\d+) s$/;
if (values.mode === 'parse') {
  for (const rel of [...Object.values(INPUT_PATHS), FOOTPRINT_CANDIDATES[FOOTPRINT_CANDIDATES.length - 1]!]) {
    const text = readFileSync(join(raw, rel), 'utf8');
    if (rel.endsWith('.csv')) Papa.parse(text, { skipEmptyLines: 'greedy' });
    else JSON.parse(text);
  }
} else {
  const out = join(mkdtempSync(join(tmpdir(), 'bench-ingest-')), 'processed');
  await runIngest({
    raw,
    out,
    log: (line) => {
      const m = stepLine.exec(line);
      if (m && m[1] !== 'total') steps.push({ label: m[1]!, s: Number(m[2]) });
    },
  });
  rmSync(join(out, '..'), { recursive: true, force: true });
}
const ms = performance.now() - t0;
process.stdout.write(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, steps }) + '\n');
