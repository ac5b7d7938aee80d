/**
 * The ingest: raw inputs in, every processed file the site reads out. `runIngest` only calls the
 * steps in order; the building is in assemble.ts, the reading in inputs.ts, the maps in the
 * geometry worker (geometry-thread.ts), which works beside this thread from the start: the lines
 * marked "worker" are where the two meet.
 *
 * Everything is written to a temporary folder beside --out and swapped in by rename only when the
 * whole run has succeeded, so a failed run never leaves a half-written or emptied data folder.
 */
import { mkdirSync, writeFileSync, renameSync, rmSync, existsSync } from 'node:fs';
import { dirname, join, resolve, basename } from 'node:path';
import { INPUT_PATHS, readInputs, type Step } from './inputs.ts';
import { startGeometryThread } from './geometry-thread.ts';
import { BOOTSTRAP_REPLICATES } from './compare.ts';
import {
  assembleTables,
  compareAreas,
  comparisonUnits,
  districtMapInputs,
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
import { robustnessReport } from './robustness.ts';
import { RobustnessSchema, type Summary } from '../../src/data/schema.ts';

export interface IngestOptions {
  raw: string;
  out: string;
  /** A footprint file to use instead of the ones found under raw/biglocal. */
  footprints?: string;
  log?: (message: string) => void;
}

export interface IngestResult {
  summary: Summary;
  files: string[];
}

export async function runIngest(options: IngestOptions): Promise<IngestResult> {
  const log = options.log ?? (() => {});
  const raw = resolve(options.raw);
  const boundaryFile = join(raw, INPUT_PATHS.lsoa21Boundaries);
  const started = performance.now();
  const step = timedStep(log);

  // Worker: reads the LSOA boundaries and finds each LSOA's inside point, while this thread reads the rest.
  const geometry = await startGeometryThread(boundaryFile, log);
  try {
    // 1. Read and check every input.
    const inputs = readInputs(raw, options.footprints, step);
    geometry.districts(districtMapInputs(inputs.lsoaLookup.rows, inputs.lads)); // worker: the England district map
    const index = step('comparison units', () => comparisonUnits(inputs));
    // 2. The footprint map from polygons, drawn while the worker finishes the inside points.
    const order = footprintOrder(inputs.footprints.areas, inputs.areaList);
    const footprintMap = footprintPolygonMap(inputs.footprints, order);

    // 3. The units in each footprint, by the LSOAs' inside points.
    const points = await geometry.points; // worker: every LSOA's inside point
    const footprints = step('units inside each footprint', () => placeFootprints(inputs.footprints, points, index, inputs.lads, boundaryFile));

    // 4. Maps: the worker cuts them while this thread works out the figures.
    const plan = step('LSOA maps: which LSOAs each shows', () => lsoaMapPlan(points.map((p) => p.code), index.lsoa21Lad, footprints));
    geometry.lsoaMaps(plan); // worker: each LSOA map's geometry
    const maps = geometry.maps( // worker: every map file, once it has their properties
      step('LSOA maps: properties and groups', () => ({
        lsoaProperties: lsoaProperties(plan, index, inputs.health2021.counts, footprints.areaOfUnit),
        footprintGroups: footprintGroups(inputs.footprints, order, footprints),
      })),
    );

    // 5. Each area against its similar areas, then every table.
    const comparison = step(`bootstrap (${BOOTSTRAP_REPLICATES} replicates)`, () => compareAreas(index.units, footprints, inputs.lads, inputs.ladFile));
    const tables = step('tables, checked against the schema', () => assembleTables(inputs, index, footprints, comparison, order, points));
    // How far the comparison holds: other specifications, placebo sets of neighbouring units.
    const neighbours = { codes: points.map((p) => p.code), pairs: await geometry.neighbours }; // worker: LSOAs sharing a boundary
    const checks = step('robustness: units, pool and neighbours', () =>
      robustnessInputs(index, footprints, tables.areas, inputs.lads, inputs.ladFile, inputs.health2021.counts, neighbours),
    );
    const robustness = RobustnessSchema.parse(robustnessReport(checks, step));

    const summary = siteSummary(tables.summary, robustness.intervals); // the site's interval is the placebo test's

    // 6. Write everything to a temporary folder, then swap it in.
    const files = step('tables as JSON and CSV text', () => tableFiles({ ...tables, summary }, robustness, index.units, inputs.lads, footprints.areaOfUnit));
    if (footprintMap) files.set('geo/footprints.topo.json', JSON.stringify(footprintMap) + '\n');
    for (const [name, text] of await maps) files.set(name, text); // worker: done
    step('write files', () => writeAtomically(resolve(options.out), files));
    log(`  ${'total'.padEnd(44)} ${((performance.now() - started) / 1000).toFixed(2).padStart(6)} s`);
    return { summary, files: [...files.keys()].sort() };
  } finally {
    await geometry.close();
  }
}

/** A step that logs how long it took. */
function timedStep(log: (message: string) => void): Step {
  return (label, fn) => {
    const t0 = performance.now();
    const value = fn();
    log(`  ${label.padEnd(44)} ${((performance.now() - t0) / 1000).toFixed(2).padStart(6)} s`);
    return value;
  };
}

export function writeAtomically(out: string, files: Map<string, string>): void {
  const parent = dirname(out);
  mkdirSync(parent, { recursive: true });
  const tmp = join(parent, `.${basename(out)}.tmp-${process.pid}`);
  const old = join(parent, `.${basename(out)}.old-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  try {
    for (const [name, content] of [...files].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const path = join(tmp, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
    }
    if (existsSync(out)) renameSync(out, old);
    renameSync(tmp, out);
    rmSync(old, { recursive: true, force: true });
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(out) && existsSync(old)) renameSync(old, out);
    throw err;
  }
}
