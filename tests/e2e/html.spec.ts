/**
 * Every page type validates clean in the Nu HTML Checker (vnu-jar, the W3C validator's engine,
 * run on the built files with the machine's Java). Errors only: its CSP notes are about file: URLs,
 * which have no origin, and do not apply to the served site.
 *
 * A file check of dist/ (DIST_DIR overrides): it does not depend on the viewport, so it runs in
 * the desktop project only.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const DIST = process.env.DIST_DIR ?? join(process.cwd(), 'dist');
const VNU = createRequire(import.meta.url)('vnu-jar') as string;

/** One built page of each type, with the most markup of its kind. */
const PAGES = [
  'index.html',
  'method/index.html',
  'corrections/index.html',
  'areas/index.html',
  'areas/grassland-and-hasmoor/index.html',
  'charts/area-changes/very-good/index.html',
  'charts/did-interval/index.html',
  // A highlighted state with group-highlight links, and one with the area select.
  'charts/group-comparison/very-good/groups/england+big-local/highlight/big-local/index.html',
  'charts/area-changes/bad-or-very-bad/highlight/dartford/index.html',
  'charts/robustness/very-good/index.html',
  'embed/placebo/very-good/index.html',
  'charts/area-map/worle/very-good/index.html',
  'embed/area-changes/very-good/index.html',
  'embed/england-map/very-good/index.html',
  '404.html',
];

interface VnuMessage {
  type: string;
  subType?: string;
  url: string;
  lastLine?: number;
  firstColumn?: number;
  message: string;
  extract?: string;
}

test('every page type passes the Nu HTML Checker @desktop-only', () => {
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (java.error || java.status !== 0) {
    throw new Error('Java is needed to run the Nu HTML Checker (vnu-jar): apt-get install -y default-jre-headless');
  }
  const files = PAGES.map((p) => join(DIST, p));
  for (const f of files) expect(existsSync(f), `${f} is built`).toBe(true);
  const run = spawnSync('java', ['-jar', VNU, '--errors-only', '--format', 'json', '--exit-zero-always', ...files], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  // vnu writes its JSON report to stderr.
  const report = JSON.parse(run.stderr) as { messages: VnuMessage[] };
  const errors = report.messages.map(
    (m) => `${m.url.replace(/^.*\/dist\//, '')}:${m.lastLine ?? '?'}:${m.firstColumn ?? '?'}: ${m.message}${m.extract ? ` [${m.extract.trim().slice(0, 80)}]` : ''}`,
  );
  expect(errors).toEqual([]);
});
