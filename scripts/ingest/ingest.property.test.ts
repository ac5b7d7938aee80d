/**
 * Property-based robustness: corrupt one raw input at random and the ingest either succeeds with
 * the right answer or stops with an InputError naming the file, never with an unhandled exception;
 * in both cases the previous output stays intact.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runIngest } from './run.ts';
import { InputError } from './read-tables.ts';
import { fixtureFiles, writeFixture } from './test-fixtures.ts';
import { snapshotDir } from './test-fixtures.ts';

const good = fixtureFiles();
const csvInputs = Object.keys(good).filter((k) => k.endsWith('.csv'));
const allInputs = Object.keys(good);

/**
 * Corruptions that change meaning: the ingest may refuse them, but must do so cleanly. (Swapping two
 * header names while leaving the data is not here: "good" labelled "very_good" is a valid table
 * that no reader can tell from the real one. Swapping whole columns is, in `harmless`.)
 */
const harmful = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), file: fc.constantFrom(...allInputs), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('stray-quote' as const), file: fc.constantFrom(...allInputs), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('empty' as const), file: fc.constantFrom(...allInputs) }),
  fc.record({ kind: fc.constant('drop-line' as const), file: fc.constantFrom(...csvInputs), line: fc.nat(20) }),
);
/** Corruptions that change only the encoding of the same table: the result must not change. */
const harmless = fc.oneof(
  fc.record({ kind: fc.constant('bom' as const), file: fc.constantFrom(...allInputs) }),
  fc.record({ kind: fc.constant('crlf' as const), file: fc.constantFrom(...allInputs) }),
  fc.record({ kind: fc.constant('swap-columns' as const), file: fc.constantFrom(...csvInputs), a: fc.nat(12), b: fc.nat(12) }),
);

type Corruption = { kind: string; file: string; at?: number; a?: number; b?: number; line?: number };

function corrupt(text: string, c: Corruption): string {
  const lines = text.split('\n');
  const swap = (fields: string[]) => {
    const a = c.a! % fields.length;
    const b = c.b! % fields.length;
    [fields[a], fields[b]] = [fields[b]!, fields[a]!];
    return fields;
  };
  switch (c.kind) {
    case 'truncate':
      return text.slice(0, Math.floor(c.at! * text.length));
    case 'stray-quote': {
      const i = Math.floor(c.at! * text.length);
      return text.slice(0, i) + '"' + text.slice(i);
    }
    case 'empty':
      return '';
    case 'drop-line':
      return lines.filter((_, i) => i !== 1 + (c.line! % Math.max(1, lines.length - 2))).join('\n');
    case 'bom':
      return '\uFEFF' + text;
    case 'crlf':
      return text.replace(/\n/g, '\r\n');
    case 'swap-columns':
      // Only tables without quoted commas: every line splits cleanly.
      if (text.includes('"')) return text;
      return lines.map((l) => (l === '' ? l : swap(l.split(',')).join(','))).join('\n');
    default:
      throw new Error(c.kind);
  }
}

describe('ingest under corrupted input', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'ingest-prop-')), 'processed');
  const goodRaw = writeFixture();
  let reference: Record<string, string>;
  beforeAll(async () => {
    await runIngest({ raw: goodRaw, out });
    reference = snapshotDir(out);
  });

  it('refuses harmful corruption cleanly, or gets the right answer', async () => {
    await fc.assert(
      fc.asyncProperty(harmful, async (c) => {
        // Start each case from the reference output, also while fast-check shrinks a failure.
        await runIngest({ raw: goodRaw, out });
        const raw = writeFixture({ [c.file]: corrupt(good[c.file]!, c) });
        try {
          await runIngest({ raw, out });
        } catch (err) {
          if (!(err instanceof InputError)) throw err;
          // The message names the corrupted file (as the file at fault, or as the one missing a row).
          expect(err.message).toContain(c.file.split('/').pop()!);
          expect(snapshotDir(out)).toEqual(reference);
          return;
        }
        // Some corruptions leave a valid table (a cut in trailing whitespace, a stray quote inside a
        // name, a lost row of the optional area notes): names and notes may then differ, but every
        // figure must be the reference's.
        const now = snapshotDir(out);
        const figures = (snap: Record<string, string>) => ({
          groups: JSON.parse(snap['/summary.json']!).groups,
          did: JSON.parse(snap['/summary.json']!).differenceInDifferences,
          areas: (JSON.parse(snap['/areas.json']!) as Array<{ code: string; health: unknown; comparator: unknown }>).map((a) => [a.code, a.health, a.comparator]),
          units: snap['/public/units.csv'],
        });
        expect(figures(now)).toEqual(figures(reference));
      }),
      { numRuns: 100, seed: 42 },
    );
  });

  it('reads byte-order marks, CRLF line ends and reordered columns as the same table', async () => {
    await fc.assert(
      fc.asyncProperty(harmless, async (c) => {
        await runIngest({ raw: writeFixture({ [c.file]: corrupt(good[c.file]!, c) }), out });
        expect(snapshotDir(out)).toEqual(reference);
      }),
      { numRuns: 40, seed: 7 },
    );
  });
});
