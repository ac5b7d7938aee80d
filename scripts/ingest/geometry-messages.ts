/**
 * What the main thread and the geometry worker send each other (see geometry-thread.ts). Kept
 * apart from both sides so that the worker's bundle holds none of the main thread's machinery.
 */
import { InputError } from './read-tables.ts';
import type { LsoaPoint } from './footprints.ts';
import type { LsoaProperties } from '../../src/data/schema.ts';

/** Given to the worker as it starts: it begins reading at once. */
export interface WorkerStart {
  boundaryFile: string;
}

/**
 * What the England district map needs: known as soon as the lookups are read, so the worker draws
 * it while the main thread is still working out the figures.
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
 * Inputs travel as JSON text: the structured clone of 20,000 small LSOA records took half a second
 * to arrive, JSON a few hundredths.
 */
export type ToWorker =
  | { kind: 'districts'; json: Json<DistrictInputs> }
  | { kind: 'lsoa-maps'; json: Json<LsoaMapList> }
  | { kind: 'maps'; json: Json<MapInputs> };

/** JSON text of a T. */
export type Json<T> = string & { readonly __of?: T };
export const toJson = <T>(value: T): Json<T> => JSON.stringify(value);
export const fromJson = <T>(json: Json<T>): T => JSON.parse(json) as T;

export type FromWorker =
  | { kind: 'log'; message: string }
  | { kind: 'points'; points: LsoaPoint[] }
  /** LSOAs sharing a boundary: flat pairs of indices into `points` (see sharedArcNeighbours). */
  | { kind: 'neighbours'; pairs: Int32Array }
  | { kind: 'files'; files: Array<[string, string]> }
  | { kind: 'error'; error: SerialisedError };

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
export function reviveError(s: SerialisedError): Error {
  if (s.input) return new InputError(s.input.file, s.input.line, s.input.column, s.input.problem);
  const err = new Error(s.message);
  err.name = s.name;
  if (s.stack) err.stack = s.stack;
  return err;
}
