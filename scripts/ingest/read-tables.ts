/**
 * CSV → typed rows. Every problem in an input becomes an InputError that names the file, the
 * line and the column, so a reader of the message can open the file and see the fault.
 */
import { readFileSync, existsSync } from 'node:fs';
import Papa from 'papaparse';

export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly column: number | string | null,
    readonly problem: string,
  ) {
    const where = [file, line === null ? null : `line ${line}`, column === null ? null : `column ${column}`]
      .filter(Boolean)
      .join(', ');
    super(`${where}: ${problem}`);
    this.name = 'InputError';
  }
}

export type ColumnKind = 'code' | 'count' | 'text' | 'number';

export interface ColumnSpec {
  /** The name the pipeline uses. */
  key: string;
  /** Accepted header names (the tidy one first, then official Nomis/ONS ones). Matched after normalising. */
  aliases: readonly string[];
  kind: ColumnKind;
  optional?: boolean;
}

/** Case, spaces and punctuation differ between downloads of the same table; compare without them. */
export function normaliseHeader(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export interface Table<K extends string> {
  file: string;
  /** Values by key; counts and numbers are already numbers. */
  rows: Array<Record<K, string | number> & { __line: number }>;
}

function readText(file: string): string {
  if (!existsSync(file)) throw new InputError(file, null, null, 'file not found');
  let text = readFileSync(file, 'utf8');
  // A byte-order mark from Excel would otherwise become part of the first header name.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text;
}

/**
 * Reads a CSV with a header row. Columns are found by alias; a row must have as many fields as
 * the header. Line numbers are 1-based and count the header as line 1.
 */
export function readCsv<S extends readonly ColumnSpec[]>(
  file: string,
  columns: S,
  options: { rowFilter?: (field: (key: S[number]['key']) => string) => boolean } = {},
): Table<S[number]['key']> {
  const text = readText(file);
  if (text.trim() === '') throw new InputError(file, 1, null, 'file is empty: expected a header row');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  const data = parsed.data;
  // Papaparse reports unbalanced quotes as errors with a row index; a stray quote would shift fields.
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoteError) {
    throw new InputError(file, lineOf(text, quoteError.index ?? 0), null, `malformed quotes (${quoteError.message})`);
  }
  const header = data[0] ?? [];
  const normalised = header.map(normaliseHeader);
  const indexOf: Record<string, number> = {};
  for (const spec of columns) {
    const wanted = spec.aliases.map(normaliseHeader);
    const at = normalised.findIndex((h) => wanted.includes(h));
    if (at === -1) {
      if (spec.optional) continue;
      throw new InputError(
        file,
        1,
        spec.aliases[0] ?? spec.key,
        `missing column "${spec.aliases[0]}" (also accepted: ${spec.aliases.slice(1).map((a) => `"${a}"`).join(', ') || 'none'}); header has ${header.map((h) => `"${h}"`).join(', ')}`,
      );
    }
    indexOf[spec.key] = at;
  }
  const lineNumbers = lineIndex(text, data.length);
  const rows: Table<S[number]['key']>['rows'] = [];
  for (let r = 1; r < data.length; r++) {
    const fields = data[r]!;
    const line = lineNumbers[r] ?? r + 1;
    if (fields.length !== header.length) {
      throw new InputError(file, line, fields.length < header.length ? fields.length + 1 : header.length + 1,
        `expected ${header.length} fields, found ${fields.length}`);
    }
    if (options.rowFilter && !options.rowFilter((key) => (fields[indexOf[key] ?? -1] ?? '').trim())) continue;
    const row = { __line: line } as Record<string, string | number> & { __line: number };
    for (const spec of columns) {
      const at = indexOf[spec.key];
      if (at === undefined) continue;
      const raw = (fields[at] ?? '').trim();
      row[spec.key] = convert(raw, spec, file, line, at + 1);
    }
    rows.push(row as (typeof rows)[number]);
  }
  return { file, rows };
}

function convert(raw: string, spec: ColumnSpec, file: string, line: number, column: number): string | number {
  switch (spec.kind) {
    case 'text':
      return raw;
    case 'code':
      if (raw === '') throw new InputError(file, line, column, `empty ${spec.key}`);
      if (!/^[\w-]+$/.test(raw)) throw new InputError(file, line, column, `${spec.key} "${raw}" is not a code (letters, digits, hyphens): a stray quote or separator?`);
      return raw;
    case 'count': {
      if (!/^\d+$/.test(raw)) {
        const why = /^-\d/.test(raw) ? 'is negative' : 'is not a whole number';
        throw new InputError(file, line, column, `${spec.key} "${raw}" ${why}`);
      }
      return Number(raw);
    }
    case 'number': {
      const n = Number(raw);
      if (raw === '' || !Number.isFinite(n)) throw new InputError(file, line, column, `${spec.key} "${raw}" is not a number`);
      return n;
    }
  }
}

/** Line number (1-based) of each parsed row, allowing for quoted fields that contain newlines. */
function lineIndex(text: string, rowCount: number): number[] {
  // Fast path: without quotes, row r is on line r + 1 (blank lines are skipped by the parser, so count them).
  const lines: number[] = [];
  let line = 1;
  let inQuotes = false;
  let rowStarted = false;
  for (let i = 0; i < text.length && lines.length < rowCount; i++) {
    const ch = text.charCodeAt(i);
    if (!rowStarted && ch !== 10 && ch !== 13) {
      lines.push(line);
      rowStarted = true;
    }
    if (ch === 34) inQuotes = !inQuotes;
    else if (ch === 10) {
      line++;
      if (!inQuotes) rowStarted = false;
    }
  }
  return lines;
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Reports the first repeated code in a column. */
export function assertUnique<K extends string>(table: Table<K>, key: K, column: string): void {
  const seen = new Map<string | number, number>();
  for (const row of table.rows) {
    const code = row[key];
    const first = seen.get(code);
    if (first !== undefined) {
      throw new InputError(table.file, row.__line, column, `duplicate code ${code} (first on line ${first})`);
    }
    seen.set(code, row.__line);
  }
}
