/**
 * /areas/<code>.csv: the header and this area's row of data/processed/public/big-local-areas.csv,
 * byte for byte as the pipeline wrote them.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { areas, PROCESSED_DIR } from '../../data/load.ts';

const csv = readFileSync(join(PROCESSED_DIR, 'public', 'big-local-areas.csv'), 'utf8');
const lines = csv.split(/\r?\n/);
const header = lines[0]!;
const eol = csv.includes('\r\n') ? '\r\n' : '\n';
const rowByCode = new Map<string, string>();
for (const line of lines.slice(1)) {
  if (!line) continue;
  const first = Papa.parse<string[]>(line).data[0]?.[0];
  if (first) rowByCode.set(first, line);
}

export const getStaticPaths = (() =>
  areas.map((a) => {
    const row = rowByCode.get(a.code);
    if (!row) throw new Error(`big-local-areas.csv has no row for area "${a.code}"`);
    return { params: { code: a.code }, props: { body: `${header}${eol}${row}${eol}` } };
  })) satisfies GetStaticPaths;

export const GET: APIRoute<{ body: string }> = ({ props }) =>
  new Response(props.body, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
