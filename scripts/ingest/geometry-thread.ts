/**
 * The map geometry runs in a worker thread beside the rest of the ingest.
 *
 * Reading the 47 MB boundary file into a topology and drawing the maps from it is about half of
 * the ingest's work, and most of it needs little from the census tables. So the worker starts
 * first and works while this thread reads the census and lookups: it sends back each LSOA's
 * inside point as soon as it has them (the footprints need them), and draws each map as soon as
 * this thread sends what that map needs, returning the finished map files as text.
 */
import { Worker } from 'node:worker_threads';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { InputError } from './read-tables.ts';
import type { LsoaPoint } from './footprints.ts';
import type { LsoaProperties } from '../../src/data/schema.ts';

/**
 * What the England district map needs: known as soon as the lookups are read, so the worker draws
 * it while this thread is still working out the figures.
 */
export interface DistrictInputs {
  /** LSOA 2021 code → district code, from the LSOA lookup. */
  ladOf: Record<string, string>;
  /** District code → its properties on the map. */
  properties: Record<string, Record<string, unknown>>;
}

/** The detailed LSOA maps: a district's code and the LSOAs its file holds, sorted. */
export type LsoaMapList = Array<{ code: string; codes: string[] }>;

/** What the other maps need from the rest of the ingest. */
export interface MapInputs {
  /** The properties of every LSOA on some LSOA map. */
  lsoaProperties: Record<string, LsoaProperties>;
  /** Footprints given as groups of LSOAs, to be dissolved into the footprint map; else null. */
  footprintGroups: Array<{ codes: string[]; properties: Record<string, unknown> }> | null;
}

/**
 * Every message carries its job's number, so a worker reused after an abandoned job cannot mix
 * them up. Inputs travel as JSON text: the structured clone of 20,000 small LSOA records took
 * half a second to arrive, JSON a few hundredths.
 */
export type ToWorker = { job: number } & (
  | { kind: 'job'; boundaryFile: string }
  | { kind: 'districts'; json: Json<DistrictInputs> }
  | { kind: 'lsoa-maps'; json: Json<LsoaMapList> }
  | { kind: 'maps'; json: Json<MapInputs> }
);

/** JSON text of a T. */
export type Json<T> = string & { readonly __of?: T };
export const toJson = <T>(value: T): Json<T> => JSON.stringify(value);
export const fromJson = <T>(json: Json<T>): T => JSON.parse(json) as T;

export type FromWorker = { job: number } & (
  | { kind: 'log'; message: string }
  | { kind: 'points'; points: LsoaPoint[] }
  | { kind: 'files'; files: Array<[string, string]> }
  | { kind: 'error'; error: SerialisedError }
);

export interface SerialisedError {
  name: string;
  message: string;
  stack?: string;
  input?: { file: string; line: number | null; column: number | string | null; problem: string };
}

export function serialiseError(err: unknown): SerialisedError {
  const e = err instanceof Error ? err : new Error(String(err));
  return {
    name: e.name,
    message: e.message,
    stack: e.stack,
    input: err instanceof InputError ? { file: err.file, line: err.line, column: err.column, problem: err.problem } : undefined,
  };
}

/** Rebuilds an error from the worker so an InputError stays an InputError, with its place. */
function reviveError(s: SerialisedError): Error {
  if (s.input) return new InputError(s.input.file, s.input.line, s.input.column, s.input.problem);
  const err = new Error(s.message);
  err.name = s.name;
  if (s.stack) err.stack = s.stack;
  return err;
}

export interface GeometryThread {
  /** Each LSOA's inside point, in boundary-file order. */
  points: Promise<LsoaPoint[]>;
  /** Starts the England district map. */
  districts(inputs: DistrictInputs): void;
  /** Starts cutting the LSOA maps' geometry. */
  lsoaMaps(list: LsoaMapList): void;
  /** The map files (path under the output folder → text); call after `districts` and `lsoaMaps`. */
  maps(inputs: MapInputs): Promise<Map<string, string>>;
  /** Ends the job: a worker that finished cleanly is kept for the next ingest, any other is stopped. */
  close(): Promise<void>;
}

/**
 * The worker is kept between ingests in one process: starting one costs about 0.2 s, which the
 * property tests would otherwise pay hundreds of times. A job abandoned half-way (the main thread
 * found bad input first) just runs on; its messages are ignored by job number.
 */
let idleWorker: Worker | null = null;
let jobs = 0;

let bundledEntry: URL | null = null;

/**
 * The worker's code as one JavaScript file. Node 20 cannot start a worker from TypeScript, and a
 * worker that loads it through tsx (geometry-worker.mjs) spends about 0.25 s registering the loader
 * and compiling before it can begin, time the ingest waits for. So esbuild bundles the worker's
 * own modules (10 ms once its service runs) into node_modules/.cache, named by content hash, from
 * where the bundle finds the project's packages; it then starts in about 0.1 s. Should esbuild be
 * missing or fail, the tsx entry still works.
 */
function workerEntry(): URL {
  if (bundledEntry) return bundledEntry;
  try {
    const esbuild = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
    const { outputFiles } = esbuild.buildSync({
      entryPoints: [fileURLToPath(new URL('./geometry-worker.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      write: false,
      logLevel: 'silent',
    });
    const text = outputFiles[0]!.text;
    const dir = fileURLToPath(new URL('../../node_modules/.cache/big-local-health/', import.meta.url));
    const file = join(dir, `geometry-worker-${createHash('sha256').update(text).digest('hex').slice(0, 16)}.mjs`);
    if (!existsSync(file)) {
      mkdirSync(dir, { recursive: true });
      const partial = `${file}.${process.pid}.tmp`;
      writeFileSync(partial, text);
      renameSync(partial, file);
    }
    bundledEntry = pathToFileURL(file);
  } catch {
    bundledEntry = new URL('./geometry-worker.mjs', import.meta.url);
  }
  return bundledEntry;
}

function newWorker(): Worker {
  // Not this process's `--import tsx`: the bundle needs no loader, and the fallback entry loads
  // tsx itself (inheriting it as well would register it twice, 0.1 s more).
  const worker = new Worker(workerEntry(), { execArgv: [] });
  // A worker that fails while idle is dropped, not left to crash the process with an unheard error.
  const retire = () => {
    if (idleWorker === worker) idleWorker = null;
  };
  worker.on('error', retire);
  worker.on('exit', retire);
  return worker;
}

export function startGeometryThread(boundaryFile: string, log: (message: string) => void): GeometryThread {
  const worker = idleWorker ?? newWorker();
  idleWorker = null;
  worker.ref();
  const job = ++jobs;
  let failure: Error | null = null;
  let broken = false;
  const waiting = new Set<(err: Error) => void>();
  const fail = (err: Error) => {
    failure ??= err;
    for (const reject of waiting) reject(failure);
    waiting.clear();
  };
  const handlers: Array<['message' | 'error' | 'exit', (...args: never[]) => void]> = [];
  const on = <A extends unknown[]>(event: 'message' | 'error' | 'exit', handler: (...args: A) => void) => {
    worker.on(event, handler as never);
    handlers.push([event, handler as never]);
  };
  const next = <K extends FromWorker['kind']>(kind: K): Promise<Extract<FromWorker, { kind: K }>> =>
    new Promise((resolve, reject) => {
      if (failure) return reject(failure);
      const onMessage = (m: FromWorker) => {
        if (m.job !== job || m.kind !== kind) return;
        worker.off('message', onMessage);
        waiting.delete(reject);
        resolve(m as Extract<FromWorker, { kind: K }>);
      };
      waiting.add(reject);
      on('message', onMessage);
    });
  on('message', (m: FromWorker) => {
    if (m.job !== job) return;
    if (m.kind === 'log') log(m.message);
    else if (m.kind === 'error') fail(reviveError(m.error));
  });
  on('error', (err: Error) => {
    broken = true;
    fail(err);
  });
  on('exit', (code: number) => {
    broken = true;
    fail(new Error(`the geometry worker stopped (exit code ${code}) before it finished`));
  });
  worker.postMessage({ job, kind: 'job', boundaryFile } satisfies ToWorker);

  const points = next('points').then((m) => m.points);
  // Awaited later; until then a failure must not count as an unhandled rejection.
  points.catch(() => {});
  return {
    points,
    districts(inputs) {
      worker.postMessage({ job, kind: 'districts', json: toJson(inputs) } satisfies ToWorker);
    },
    lsoaMaps(list) {
      worker.postMessage({ job, kind: 'lsoa-maps', json: toJson(list) } satisfies ToWorker);
    },
    async maps(inputs) {
      const files = next('files');
      worker.postMessage({ job, kind: 'maps', json: toJson(inputs) } satisfies ToWorker);
      return new Map((await files).files);
    },
    async close() {
      for (const [event, handler] of handlers) worker.off(event, handler as never);
      if (!broken && !idleWorker) {
        // Idle, it must not keep the process alive.
        worker.unref();
        idleWorker = worker;
      } else {
        await worker.terminate();
      }
    },
  };
}
