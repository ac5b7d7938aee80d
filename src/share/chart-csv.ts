/**
 * A chart state's CSV downloads (build time): data.csv (exactly the chart's table, the address
 * published since the first release) and the descriptively named file (downloadFileName) with the
 * ONS codes of the rows that are places added at the end; each with a CSVW metadata file.
 */
import Papa from 'papaparse';
import type { TableData } from '../charts/svg.ts';
import { areas, districts } from '../data/load.ts';
import { PUBLICATION } from '../data/publication.ts';
import type { RenderedState } from '../state/chart-states.ts';
import { csvwMetadata, tableColumns } from './csvw.ts';
import { downloadFileName } from './file-names.ts';
import { withPlaceCodes, type PlaceNames } from './place-codes.ts';

const placeNames: PlaceNames = {
  districts: new Map(districts.map((d) => [d.name, d.code])),
  areas: new Map(areas.map((a) => [a.name, a.code])),
};

export const csvFileName = (r: Pick<RenderedState, 'id' | 'state'>) => downloadFileName(r.id, r.state, 'csv');

/** The table a chart's CSV holds: data.csv the table as shown; the named file with place codes. */
export function chartCsvTable(r: Pick<RenderedState, 'table'>, file: string): TableData {
  return file === 'data.csv' ? r.table : withPlaceCodes(r.table, placeNames);
}

export function csvText(t: TableData): string {
  return `${Papa.unparse({ fields: t.columns, data: t.rows }, { newline: '\r\n' })}\r\n`;
}

/** The CSVW metadata of one of a chart state's CSV files. */
export function chartCsvMetadata(r: Pick<RenderedState, 'title' | 'summary' | 'source' | 'table'>, file: string): Record<string, unknown> {
  return csvwMetadata({
    file,
    title: r.title,
    description: r.summary,
    source: r.source,
    publisher: PUBLICATION.organisation,
    modified: PUBLICATION.updated,
    columns: tableColumns(chartCsvTable(r, file)),
  });
}
