/**
 * The map geometry runs in a worker thread beside the rest of the ingest.
 *
 * Reading the 47 MB boundary file into a topology and drawing the maps from it is about half of
 * the ingest's work, and most of it needs little from the census tables. So the worker starts
 * first and works while this thread reads the census and lookups: it sends back each LSOA's
 * inside point as soon as it has them (the footprints need them), and draws each map as soon as
 * this thread sends what that map needs, returning the finished map files as text. One worker
 * serves one ingest and is stopped when the ingest ends, however it ends.
 */
import { Worker } from 'node:worker_threads';
import { isBuiltin } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { reviveError, toJson, type DistrictInputs, type FromWorker, type LsoaMapList, type MapInputs, type ToWorker, type WorkerStart } from './geometry-messages.ts';
import type { LsoaPoint } from './footprints.ts';

export interface GeometryThread {
  /** Each LSOA's inside point, in boundary-file order. */
  points: Promise<LsoaPoint[]>;
  /** LSOAs sharing a boundary, as flat pairs of indices into `points`. */
  neighbours: Promise<Int32Array>;
  /** Starts the England district map. */
  districts(inputs: DistrictInputs): void;
  /** Starts cutting the LSOA maps' geometry. */
  lsoaMaps(list: LsoaMapList): void;
  /** The map files (path under the output folder → text); call after `districts` and `lsoaMaps`. */
  maps(inputs: MapInputs): Promise<Map<string, string>>;
  /** Stops the worker, whether its work is done or abandoned (the main thread found bad input). */
  close(): Promise<void>;
}

const WORKER_SOURCE = fileURLToPath(new URL('./geometry-worker.ts', import.meta.url));

/**
 * The worker's code, as one ES module built once per process. A worker cannot start from these
 * TypeScript modules by itself (Node's type stripping refuses InputError's parameter properties,
 * and registering tsx in the worker costs 0.25 s before it can begin), so esbuild (a dependency,
 * as mapshaper is) bundles the worker's own modules, in a few hundredths of a second.
 *
 * The bundle stays in memory and the worker starts from it as a data: URL, so nothing is written
 * to disk: no cache folder to go stale, no temporary file to clean up or to share with whoever
 * else uses the machine's temporary folder. A data: module resolves only absolute imports, so each
 * package import is resolved here, by Node as from this folder (where all the worker's modules
 * live), to its file URL and left out of the bundle; for the same reason `import.meta.url`, by
 * which lsoa-boundaries.ts requires mapshaper, is the worker source's own URL.
 */
let bundled: Promise<URL> | null = null;
function workerUrl(): Promise<URL> {
  bundled ??= esbuild
    .build({
      entryPoints: [WORKER_SOURCE],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node24',
      write: false,
      logLevel: 'silent',
      define: { 'import.meta.url': JSON.stringify(pathToFileURL(WORKER_SOURCE).href) },
      plugins: [
        {
          name: 'packages-by-file-url',
          setup(build) {
            build.onResolve({ filter: /^[^./]/ }, ({ path }) => ({ path: isBuiltin(path) ? path : import.meta.resolve(path), external: true }));
          },
        },
      ],
    })
    .then(({ outputFiles }) => {
      // Stack traces name the bundle by this, rather than by the whole data: URL.
      const code = `${outputFiles[0]!.text}\n//# sourceURL=${pathToFileURL(WORKER_SOURCE).href}.bundle.mjs\n`;
      return new URL(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
    });
  // A failed build is not kept: the next ingest tries again.
  bundled.catch(() => (bundled = null));
  return bundled;
}

export async function startGeometryThread(boundaryFile: string, log: (message: string) => void): Promise<GeometryThread> {
  // Not this process's `--import tsx` or test-runner flags: the bundle needs no loader.
  const worker = new Worker(await workerUrl(), { workerData: { boundaryFile } satisfies WorkerStart, execArgv: [] });
  const points = Promise.withResolvers<LsoaPoint[]>();
  const neighbours = Promise.withResolvers<Int32Array>();
  const files = Promise.withResolvers<Map<string, string>>();
  // Awaited later, or never when the ingest stops first: until then a failure must not count as
  // an unhandled rejection.
  points.promise.catch(() => {});
  neighbours.promise.catch(() => {});
  files.promise.catch(() => {});
  // The first failure settles whatever is still awaited; settling a settled promise does nothing.
  const fail = (err: Error) => {
    points.reject(err);
    neighbours.reject(err);
    files.reject(err);
  };
  worker.on('message', (m: FromWorker) => {
    if (m.kind === 'log') log(m.message);
    else if (m.kind === 'points') points.resolve(m.points);
    else if (m.kind === 'neighbours') neighbours.resolve(m.pairs);
    else if (m.kind === 'files') files.resolve(new Map(m.files));
    else fail(reviveError(m.error));
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the geometry worker stopped (exit code ${code}) before it finished`)));
  const send = (m: ToWorker) => worker.postMessage(m);

  return {
    points: points.promise,
    neighbours: neighbours.promise,
    districts: (inputs) => send({ kind: 'districts', json: toJson(inputs) }),
    lsoaMaps: (list) => send({ kind: 'lsoa-maps', json: toJson(list) }),
    maps(inputs) {
      send({ kind: 'maps', json: toJson(inputs) });
      return files.promise;
    },
    async close() {
      await worker.terminate();
    },
  };
}
