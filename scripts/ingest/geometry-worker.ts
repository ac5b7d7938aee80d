/**
 * Inside the geometry worker (see geometry-thread.ts). For each job: reads the LSOA boundaries,
 * sends their inside points, builds the simplified England topology while the census is read in
 * the main thread, then cuts the map files once it is sent the properties to put on them.
 */
import { parentPort } from 'node:worker_threads';
import { lsoaInsidePoints } from './footprints.ts';
import { readLsoaBoundaries } from './lsoa-boundaries.ts';
import { districtTopology, dissolve, footprintTopology, simplifiedLsoaTopology, subsetTopology, type LsoaGeometryIndex } from './geometry.ts';
import { serialiseError, type FromWorker, type MapInputs, type ToWorker } from './geometry-thread.ts';

const port = parentPort!;
let job = 0;
type Message = FromWorker extends infer M ? (M extends unknown ? Omit<M, 'job'> : never) : never;
const send = (m: Message) => port.postMessage({ ...m, job });
const step = <T>(label: string, fn: () => T): T => {
  const t0 = performance.now();
  const value = fn();
  send({ kind: 'log', message: `  ${`[geometry] ${label}`.padEnd(44)} ${((performance.now() - t0) / 1000).toFixed(2).padStart(6)} s` });
  return value;
};

async function prepare(boundaryFile: string): Promise<LsoaGeometryIndex> {
  const t0 = performance.now();
  const boundaries = await readLsoaBoundaries(boundaryFile, ['LSOA21CD', 'lsoa21cd'], 'LSOA 2021 boundaries');
  send({ kind: 'log', message: `  ${'[geometry] LSOA 2021 boundaries and topology'.padEnd(44)} ${((performance.now() - t0) / 1000).toFixed(2).padStart(6)} s` });
  send({ kind: 'points', points: step('inside point of every LSOA', () => lsoaInsidePoints(boundaries.lsoas)) });
  return step('simplify LSOA topology', () => simplifiedLsoaTopology(boundaries));
}

function maps(index: LsoaGeometryIndex, inputs: MapInputs): Array<[string, string]> {
  const json = (value: unknown) => JSON.stringify(value) + '\n';
  const files: Array<[string, string]> = [];
  const districts = inputs.districts.map(({ codes, properties }) => ({ codes, properties }));
  files.push(['geo/england-districts.topo.json', step('district map', () => json(districtTopology(index, districts)))]);
  const footprints = inputs.footprints.kind === 'polygons' ? inputs.footprints.collection : dissolve(index, inputs.footprints.groups);
  files.push(['geo/footprints.topo.json', step('footprint map', () => json(footprintTopology(footprints)))]);
  step('LSOA maps around the areas', () => {
    for (const { code, codes } of inputs.lsoaMaps) {
      const lsoa = codes.map((c) => ({ geometry: index.objectOf.get(c)!, properties: inputs.lsoaProperties[c]! }));
      files.push([`geo/lsoa/${code}.topo.json`, json(subsetTopology(index.topology, { lsoa }))]);
    }
  });
  return files;
}

let index: LsoaGeometryIndex | null = null;
async function handle(m: ToWorker): Promise<void> {
  job = m.job;
  try {
    if (m.kind === 'job') {
      index = null;
      index = await prepare(m.boundaryFile);
    } else {
      const files = maps(index!, m.inputs);
      index = null;
      send({ kind: 'files', files });
    }
  } catch (err) {
    index = null;
    send({ kind: 'error', error: serialiseError(err) });
  }
}
// One message at a time, in order, as when the work was synchronous: `job` tags what is sent.
let queue = Promise.resolve();
port.on('message', (m: ToWorker) => {
  queue = queue.then(() => handle(m));
});
