/**
 * ONS codes for the rows of a chart's table that are places, for the chart's CSV download: a data
 * desk joins on codes, not names. Pure: the caller passes the names it knows.
 *
 * - a "Local authority" column gets "Local authority code (ONS)";
 * - a "Neighbourhood (LSOA)" column ("Tower Hamlets 018A (E01004245)") gets "LSOA 2021 code (ONS)";
 * - a "Big Local area" column gets "Big Local area code" (the areas have no ONS code);
 * - a "Place" or "Group" column gets "ONS code" for England and local authorities, and
 *   "Big Local area code" for a Big Local area.
 * Columns that no row fills are left out; rows that are not places (similar areas) get ''.
 */
import type { TableData } from '../charts/svg.ts';

export const ENGLAND_CODE = 'E92000001';

export interface PlaceNames {
  /** Local authority district name → ONS code. */
  districts: ReadonlyMap<string, string>;
  /** Big Local area name → area code. */
  areas: ReadonlyMap<string, string>;
}

const LSOA_IN_LABEL = /\((E01\d{6})\)\s*$/;

export function withPlaceCodes(table: TableData, names: PlaceNames): TableData {
  const added: { title: string; values: string[] }[] = [];
  const col = (title: string) => table.columns.indexOf(title);
  const add = (title: string, values: string[]) => {
    if (values.some(Boolean) && !table.columns.includes(title) && !added.some((a) => a.title === title)) added.push({ title, values });
  };
  const cell = (row: (string | number)[], i: number) => String(row[i] ?? '').trim();

  const lad = col('Local authority');
  if (lad >= 0) add('Local authority code (ONS)', table.rows.map((r) => names.districts.get(cell(r, lad)) ?? ''));
  const lsoa = col('Neighbourhood (LSOA)');
  if (lsoa >= 0) add('LSOA 2021 code (ONS)', table.rows.map((r) => LSOA_IN_LABEL.exec(cell(r, lsoa))?.[1] ?? ''));
  const area = col('Big Local area');
  if (area >= 0) add('Big Local area code', table.rows.map((r) => names.areas.get(cell(r, area)) ?? ''));
  for (const title of ['Place', 'Group']) {
    const i = col(title);
    if (i < 0) continue;
    add('ONS code', table.rows.map((r) => (cell(r, i) === 'England' ? ENGLAND_CODE : (names.districts.get(cell(r, i)) ?? ''))));
    add('Big Local area code', table.rows.map((r) => names.areas.get(cell(r, i)) ?? ''));
  }
  return {
    columns: [...table.columns, ...added.map((a) => a.title)],
    rows: table.rows.map((r, j) => [...r, ...added.map((a) => a.values[j]!)]),
  };
}
