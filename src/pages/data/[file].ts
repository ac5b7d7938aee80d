/**
 * Publishes the pipeline's download CSVs (data/processed/public/*.csv) at /data/<name>.csv, each
 * with its CSVW metadata at /data/<name>.csv-metadata.json (source, licence, every column's meaning
 * and unit: src/share/csvw.ts; public/_headers points at it with a Link header).
 *
 * The files are read through Vite's glob import, so the build fails loudly if a file cannot be read
 * and the dev server reloads when the pipeline rewrites one. Nothing is transformed: the bytes the
 * pipeline wrote are the bytes a reader downloads.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import Papa from 'papaparse';
import { PUBLICATION } from '../../data/publication.ts';
import { csvwMetadata, publicCsvMeta } from '../../share/csvw.ts';

const files = import.meta.glob<string>('/data/processed/public/*.csv', {
  query: '?raw',
  import: 'default',
  eager: true,
});

const headerOf = (csv: string) => Papa.parse<string[]>(csv.slice(0, csv.indexOf('\n')), { skipEmptyLines: true }).data[0] ?? [];

export const getStaticPaths = (() =>
  Object.entries(files).flatMap(([path, body]) => {
    const name = path.slice(path.lastIndexOf('/') + 1);
    const meta = csvwMetadata(publicCsvMeta(name, headerOf(body), PUBLICATION.organisation, PUBLICATION.updated));
    return [
      { params: { file: name }, props: { body, type: 'text/csv; charset=utf-8' } },
      { params: { file: `${name}-metadata.json` }, props: { body: JSON.stringify(meta, null, 2), type: 'application/csvm+json' } },
    ];
  })) satisfies GetStaticPaths;

export const GET: APIRoute<{ body: string; type: string }> = ({ props }) =>
  new Response(props.body, {
    headers: { 'Content-Type': props.type },
  });
