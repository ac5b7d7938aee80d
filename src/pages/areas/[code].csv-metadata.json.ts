/**
 * /areas/<code>.csv-metadata.json: the CSVW metadata of /areas/<code>.csv (one area's row of
 * big-local-areas.csv): source, licence, every column's meaning and unit (src/share/csvw.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { areas, PROCESSED_DIR } from '../../data/load.ts';
import { PUBLICATION } from '../../data/publication.ts';
import { csvwMetadata, publicCsvMeta } from '../../share/csvw.ts';

const csv = readFileSync(join(PROCESSED_DIR, 'public', 'big-local-areas.csv'), 'utf8');
const header = Papa.parse<string[]>(csv.slice(0, csv.indexOf('\n'))).data[0] ?? [];

export const getStaticPaths = (() =>
  areas.map((a) => {
    const meta = publicCsvMeta('big-local-areas.csv', header, PUBLICATION.organisation, PUBLICATION.updated);
    const doc = csvwMetadata({ ...meta, file: `${a.code}.csv`, title: `${a.name}: general health, Census 2011 and 2021`, description: `${a.name}'s row of big-local-areas.csv.` });
    return { params: { code: a.code }, props: { body: JSON.stringify(doc, null, 2) } };
  })) satisfies GetStaticPaths;

export const GET: APIRoute<{ body: string }> = ({ props }) =>
  new Response(props.body, { headers: { 'Content-Type': 'application/csvm+json' } });
