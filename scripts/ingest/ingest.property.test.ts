/**
 * Property-based robustness: corrupt one raw input at random and the ingest either succeeds with
 * the right answer or stops with an InputError naming the file, never with an unhandled exception;
 * in both cases the previous output stays intact.
 *
 * Most cases run the readers and the assembly in this thread (ingestTables below), which is where
 * every InputError arises, the LSOA boundaries included; a few run the whole ingest, worker and
 * write, to show that what holds there holds for the command too.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runIngest } from './run.ts';
import { InputError } from './read-tables.ts';
import { INPUT_PATHS, readInputs } from './inputs.ts';
import { lsoaInsidePoints, readLsoa21Boundaries, sharedArcNeighbours } from './lsoa-boundaries.ts';
import { robustnessReport } from './robustness.ts';
import { RobustnessSchema } from '../../src/data/schema.ts';
import {
  assembleTables,
  compareAreas,
  comparisonUnits,
  footprintGroups,
  footprintOrder,
  footprintPolygonMap,
  lsoaMapPlan,
  lsoaProperties,
  placeFootprints,
  robustnessInputs,
  siteSummary,
  tableFiles,
} from './assemble.ts';
import { fixtureFiles, writeFixture } from './test-fixtures.ts';
import { snapshotDir } from './test-fixtures.ts';

const good = fixtureFiles();
const csvInputs = Object.keys(good).filter((k) => k.endsWith('.csv'));
const allInputs = Object.keys(good);

/**
 * The ingest's reading and building, in this thread and in runIngest's order, without the worker's
 * maps or the write: the text of every table file, keyed as snapshotDir keys them, and what the
 * maps would be drawn from.
 */
async function ingestTables(raw: string): Promise<{ files: Record<string, string>; maps: unknown }> {
  const boundaryFile = join(raw, INPUT_PATHS.lsoa21Boundaries);
  const inputs = readInputs(raw);
  const index = comparisonUnits(inputs);
  const order = footprintOrder(inputs.footprints.areas, inputs.areaList);
  const footprintMap = footprintPolygonMap(inputs.footprints, order);
  const boundaries = await readLsoa21Boundaries(boundaryFile);
  const points = lsoaInsidePoints(boundaries);
  const footprints = placeFootprints(inputs.footprints, points, index, inputs.lads, boundaryFile);
  const plan = lsoaMapPlan(points.map((p) => p.code), index.lsoa21Lad, footprints);
  const maps = { points, footprintMap, plan, properties: lsoaProperties(plan, index, inputs.health2021.counts, footprints.areaOfUnit), groups: footprintGroups(inputs.footprints, order, footprints) };
  const comparison = compareAreas(index.units, footprints, inputs.lads, inputs.ladFile);
  const tables = assembleTables(inputs, index, footprints, comparison, order, points);
  const neighbours = { codes: points.map((p) => p.code), pairs: sharedArcNeighbours(boundaries.dataset.shapes) };
  const robustness = RobustnessSchema.parse(robustnessReport(robustnessInputs(index, footprints, tables.areas, inputs.lads, inputs.ladFile, inputs.health2021.counts, neighbours)));
  const files = tableFiles({ ...tables, summary: siteSummary(tables.summary, robustness.intervals) }, robustness, index.units, inputs.lads, footprints.areaOfUnit);
  return { files: Object.fromEntries([...files].map(([name, text]) => [`/${name}`, text])), maps };
}

/** The figures of a run, which no corruption that leaves a valid table may change. */
const figures = (files: Record<string, string>) => ({
  groups: JSON.parse(files['/summary.json']!).groups,
  did: JSON.parse(files['/summary.json']!).differenceInDifferences,
  areas: (JSON.parse(files['/areas.json']!) as Array<{ code: string; health: unknown; comparator: unknown }>).map((a) => [a.code, a.health, a.comparator]),
  units: files['/public/units.csv'],
});

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
  let written: Record<string, string>;
  let reference: Awaited<ReturnType<typeof ingestTables>>;
  beforeAll(async () => {
    await runIngest({ raw: goodRaw, out });
    written = snapshotDir(out);
    reference = await ingestTables(goodRaw);
  });

  it('builds in this thread exactly the tables the whole ingest writes', () => {
    for (const [name, text] of Object.entries(reference.files)) expect(written[name], name).toBe(text);
  });

  /** Either an InputError that names the corrupted file, or the reference's figures. */
  const refusedOrRight = async (c: Corruption, run: () => Promise<Record<string, string>>, onRefusal: () => void = () => {}) => {
    let files: Record<string, string>;
    try {
      files = await run();
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      // The message names the corrupted file (as the file at fault, or as the one missing a row).
      expect(err.message).toContain(c.file.split('/').pop()!);
      onRefusal();
      return;
    }
    // Some corruptions leave a valid table (a cut in trailing whitespace, a stray quote inside a
    // name, a lost row of the optional area notes): names and notes may then differ, but every
    // figure must be the reference's.
    expect(figures(files)).toEqual(figures(reference.files));
  };

  it('refuses harmful corruption cleanly, or gets the right answer', async () => {
    await fc.assert(
      fc.asyncProperty(harmful, (c) => refusedOrRight(c, async () => (await ingestTables(writeFixture({ [c.file]: corrupt(good[c.file]!, c) }))).files)),
      { numRuns: 200, seed: 42 },
    );
  });

  it('reads byte-order marks, CRLF line ends and reordered columns as the same table', async () => {
    await fc.assert(
      fc.asyncProperty(harmless, async (c) => {
        const now = await ingestTables(writeFixture({ [c.file]: corrupt(good[c.file]!, c) }));
        expect(now.files).toEqual(reference.files);
        expect(now.maps).toEqual(reference.maps);
      }),
      { numRuns: 60, seed: 7 },
    );
  });

  it('as a whole run, worker and write included, refuses cleanly and leaves the previous output', async () => {
    await fc.assert(
      fc.asyncProperty(harmful, async (c) => {
        await runIngest({ raw: goodRaw, out });
        const raw = writeFixture({ [c.file]: corrupt(good[c.file]!, c) });
        await refusedOrRight(c, async () => (await runIngest({ raw, out }), snapshotDir(out)), () => expect(snapshotDir(out)).toEqual(written));
      }),
      { numRuns: 6, seed: 42 },
    );
  });

  it('as a whole run, reads the LSOA boundaries (the worker\'s alone) the same with a byte-order mark or CRLF', async () => {
    for (const kind of ['bom', 'crlf']) {
      const file = INPUT_PATHS.lsoa21Boundaries;
      await runIngest({ raw: writeFixture({ [file]: corrupt(good[file]!, { kind, file }) }), out });
      expect(snapshotDir(out)).toEqual(written);
    }
  });
});
