/**
 * `npm run ingest -- --raw DIR --out DIR [--footprints FILE]`
 *
 * --raw defaults to data/raw (git-ignored; lay the downloaded inputs out as in ../shared/data),
 * --out to data/processed, the folder the site reads and the repository commits.
 */
import { parseArgs } from 'node:util';
import { runIngest } from './run.ts';
import { InputError } from './read-tables.ts';
import { assertProjectNode } from '../runtime.mjs';

const { values } = parseArgs({
  options: {
    raw: { type: 'string', default: 'data/raw' },
    out: { type: 'string', default: 'data/processed' },
    footprints: { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
});

assertProjectNode('ingest', { quiet: values.quiet });

try {
  console.log(`ingest: ${values.raw} → ${values.out}`);
  const result = await runIngest({
    raw: values.raw!,
    out: values.out!,
    footprints: values.footprints,
    log: values.quiet ? undefined : (m) => console.log(m),
  });
  const g = result.summary.groups;
  console.log(`ingest: wrote ${result.files.length} files; England 2021 very good ${g.england.pct2021.very_good.toFixed(2)}%`);
} catch (err) {
  if (err instanceof InputError) {
    console.error(`ingest failed: ${err.message}`);
    console.error('The previous processed data was left untouched.');
    process.exit(1);
  }
  throw err;
}
