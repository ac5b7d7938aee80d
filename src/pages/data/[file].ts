/**
 * Publishes the pipeline's download CSVs (data/processed/public/*.csv) at /data/<name>.csv.
 *
 * The files are read through Vite's glob import, so the build fails loudly if a file cannot be read
 * and the dev server reloads when the pipeline rewrites one. Nothing is transformed: the bytes the
 * pipeline wrote are the bytes a reader downloads.
 */
import type { APIRoute, GetStaticPaths } from 'astro';

const files = import.meta.glob<string>('/data/processed/public/*.csv', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export const getStaticPaths = (() =>
  Object.entries(files).map(([path, body]) => ({
    params: { file: path.slice(path.lastIndexOf('/') + 1) },
    props: { body },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ body: string }> = ({ props }) =>
  new Response(props.body, {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
