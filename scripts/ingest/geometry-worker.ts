/**
 * Inside the geometry worker (see geometry-thread.ts), one ingest's maps. In the order the main
 * thread sends what each step needs: reads the LSOA boundaries into a topology and sends their
 * inside points; draws the district map once sent the districts; cuts each LSOA map's geometry
 * once sent which LSOAs it holds; and, once sent their properties, returns every map file as text.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { dissolvedTopology, lsoaInsidePoints, readLsoa21Boundaries, sharedArcNeighbours, type LsoaBoundaries } from './lsoa-boundaries.ts';
import { QUANTIZE, SIMPLIFY, lsoaGeometryIndex, subsetTopology } from './geometry.ts';
import { fromJson, serialiseError, type DistrictInputs, type FromWorker, type LsoaMapList, type MapInputs, type ToWorker, type WorkerStart } from './geometry-messages.ts';
import type { GeometryCollection, Topology } from 'topojson-specification';

const port = parentPort!;
const send = (m: FromWorker) => port.postMessage(m);
const logTime = (label: string, t0: number) =>
  send({ kind: 'log', message: `  ${`[geometry] ${label}`.padEnd(44)} ${((performance.now() - t0) / 1000).toFixed(2).padStart(6)} s` });
const step = <T>(label: string, fn: () => T): T => {
  const t0 = performance.now();
  const value = fn();
  logTime(label, t0);
  return value;
};

async function prepare(boundaryFile: string): Promise<LsoaBoundaries> {
  const t0 = performance.now();
  const boundaries = await readLsoa21Boundaries(boundaryFile);
  logTime('LSOA 2021 boundaries (mapshaper)', t0);
  send({ kind: 'points', points: step('inside point of every LSOA', () => lsoaInsidePoints(boundaries)) });
  // After the points, which the main thread waits for first; the placebo sets need these later.
  const pairs = step('LSOAs sharing a boundary', () => sharedArcNeighbours(boundaries.dataset.shapes));
  port.postMessage({ kind: 'neighbours', pairs } satisfies FromWorker, [pairs.buffer as ArrayBuffer]);
  return boundaries;
}

const json = (value: unknown) => JSON.stringify(value) + '\n';

/** The England map: every LSOA of the boundary file, grouped by district in order of their codes. */
function districtMap(boundaries: LsoaBoundaries, inputs: DistrictInputs): string {
  const byLad = new Map<string, string[]>();
  for (const code of boundaries.lsoas.map((l) => l.code).sort()) {
    const lad = inputs.ladOf[code];
    // An LSOA or district missing from a lookup is reported by the main thread, file and line.
    if (lad === undefined || !inputs.properties[lad]) continue;
    let codes = byLad.get(lad);
    if (!codes) byLad.set(lad, (codes = []));
    codes.push(code);
  }
  const districts = [...byLad].map(([lad, codes]) => ({ codes, properties: inputs.properties[lad]! }));
  return json(dissolvedTopology(boundaries, 'lads', districts, SIMPLIFY.district, QUANTIZE));
}

/** Each LSOA map's geometry, cut from the England topology; properties come later (see maps). */
function lsoaMapTopologies(boundaries: LsoaBoundaries, list: LsoaMapList): Array<{ file: string; codes: string[]; topology: Topology }> {
  const index = lsoaGeometryIndex(boundaries);
  return list.map(({ code, codes }) => ({
    file: `geo/lsoa/${code}.topo.json`,
    codes,
    topology: subsetTopology(index, { lsoa: codes.map((c) => ({ geometry: index.objectOf.get(c)!, properties: undefined })) }),
  }));
}

function maps(boundaries: LsoaBoundaries, districtFile: string, lsoaMaps: ReturnType<typeof lsoaMapTopologies>, inputs: MapInputs): Array<[string, string]> {
  const files: Array<[string, string]> = [];
  files.push(['geo/england-districts.topo.json', districtFile]);
  const groups = inputs.footprintGroups;
  if (groups) {
    files.push(['geo/footprints.topo.json', step('footprint map', () => json(dissolvedTopology(boundaries, 'footprints', groups, SIMPLIFY.footprint, QUANTIZE)))]);
  }
  step('LSOA map properties and text', () => {
    for (const { file, codes, topology } of lsoaMaps) {
      // Each geometry was made with an empty `properties` slot, so its keys keep their order.
      (topology.objects.lsoa as GeometryCollection).geometries.forEach((g, i) => (g.properties = inputs.lsoaProperties[codes[i]!]!));
      files.push([file, json(topology)]);
    }
  });
  return files;
}

// One step at a time, in order, each once the one before has finished; after a failure, none.
let queue = Promise.resolve();
let failed = false;
const inTurn = (work: () => void | Promise<void>) => {
  queue = queue.then(async () => {
    if (failed) return;
    try {
      await work();
    } catch (err) {
      failed = true;
      send({ kind: 'error', error: serialiseError(err) });
    }
  });
};

let boundaries: LsoaBoundaries;
let districtFile: string | null = null;
let lsoaMaps: ReturnType<typeof lsoaMapTopologies> | null = null;
inTurn(async () => {
  boundaries = await prepare((workerData as WorkerStart).boundaryFile);
});
port.on('message', (m: ToWorker) =>
  inTurn(() => {
    if (m.kind === 'districts') {
      districtFile = step('district map', () => districtMap(boundaries, fromJson(m.json)));
    } else if (m.kind === 'lsoa-maps') {
      lsoaMaps = step('LSOA maps around the areas', () => lsoaMapTopologies(boundaries, fromJson(m.json)));
    } else {
      if (districtFile === null || lsoaMaps === null) throw new Error('the map files were asked for before the district and LSOA maps');
      send({ kind: 'files', files: maps(boundaries, districtFile, lsoaMaps, fromJson(m.json)) });
    }
  }),
);
