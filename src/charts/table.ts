/**
 * How a chart's table (`tableRows()`, TableData) is shown: which cells are numeric, which cell heads
 * its row and the text of each. The one server renderer (src/components/DataTable.astro) and the
 * browser's refill of a redrawn chart page (src/client/view.ts) both print these cells, so a
 * redrawn table reads like the built one.
 *
 * Two styles, because the built pages show two (and must keep showing what they show):
 * - `formatted` (story and area figures): a column is numeric when every non-empty cell is a
 *   number, its cells carry the same number of decimals down the column (at most 4), grouped
 *   thousands and a true minus sign; the first text column heads each row.
 * - `plain` (chart pages and embeds): numbers as the chart module gives them (already rounded to
 *   what the chart shows); a header is numeric when the first row's cell under it is a number
 *   (never the first column); no row headers.
 */
import type { TableColumnGroup, TableData } from './svg.ts';

export type TableStyle = 'formatted' | 'plain';

export interface TableHead {
  text: string;
  num: boolean;
}

export interface TableCell {
  text: string;
  num: boolean;
  /** Printed as <th scope="row">. */
  rowHeader: boolean;
}

export interface TableCells {
  head: TableHead[];
  rows: TableCell[][];
}

/** One cell of a table's header rows (`headRows`). */
export interface TableHeadCell extends TableHead {
  scope: 'col' | 'colgroup';
  colspan: number;
  rowspan: number;
}

const MINUS = '\u2212';

/** Decimals of a number as JavaScript prints it (0 for exponent notation). */
function decimalsOf(v: number): number {
  const s = String(v);
  const i = s.indexOf('.');
  return i === -1 || /e/i.test(s) ? 0 : s.length - i - 1;
}

export function tableCells(data: TableData, style: TableStyle): TableCells {
  if (style === 'plain') {
    return {
      head: data.columns.map((text, c) => ({ text, num: c > 0 && typeof data.rows[0]?.[c] === 'number' })),
      rows: data.rows.map((row) => row.map((v) => ({ text: String(v), num: typeof v === 'number', rowHeader: false }))),
    };
  }
  const numeric = data.columns.map((_, c) =>
    data.rows.every((r) => r[c] === undefined || r[c] === '' || typeof r[c] === 'number'),
  );
  const headerCol = Math.max(0, numeric.indexOf(false));
  const decimals = data.columns.map((_, c) =>
    Math.min(4, Math.max(0, ...data.rows.map((r) => (typeof r[c] === 'number' ? decimalsOf(r[c] as number) : 0)))),
  );
  const nf = decimals.map(
    (d) => new Intl.NumberFormat('en-GB', { minimumFractionDigits: d, maximumFractionDigits: d, useGrouping: true }),
  );
  const text = (v: string | number | undefined, c: number): string => {
    if (v === undefined) return '';
    if (typeof v !== 'number') return v;
    return nf[c]!.format(v).replace('-', MINUS);
  };
  return {
    head: data.columns.map((t, c) => ({ text: t, num: numeric[c]! })),
    rows: data.rows.map((row) => row.map((v, c) => ({ text: text(v, c), num: numeric[c]!, rowHeader: c === headerCol }))),
  };
}

/**
 * The header rows of a table: one row of the column heads, or, when the table has column groups,
 * two: each labelled group's label over its columns (scope=colgroup), and the heads of an
 * unlabelled group's columns spanning both rows. Groups that do not span every column exactly
 * once are a programming error and throw.
 */
export function headRows(head: TableHead[], groups: TableColumnGroup[] | undefined): TableHeadCell[][] {
  const cell = (h: TableHead, rowspan = 1): TableHeadCell => ({ ...h, scope: 'col', colspan: 1, rowspan });
  if (!groups?.length) return [head.map((h) => cell(h))];
  const spanned = groups.reduce((n, g) => n + g.span, 0);
  if (spanned !== head.length || groups.some((g) => !Number.isInteger(g.span) || g.span < 1)) {
    throw new Error(`Table groups span ${spanned} columns, but the table has ${head.length}`);
  }
  const top: TableHeadCell[] = [];
  const sub: TableHeadCell[] = [];
  let c = 0;
  for (const g of groups) {
    const cols = head.slice(c, c + g.span);
    c += g.span;
    if (g.label === undefined) {
      top.push(...cols.map((h) => cell(h, 2)));
    } else {
      top.push({ text: g.label, num: cols.every((h) => h.num), scope: 'colgroup', colspan: g.span, rowspan: 1 });
      sub.push(...cols.map((h) => cell(h)));
    }
  }
  return [top, sub];
}
