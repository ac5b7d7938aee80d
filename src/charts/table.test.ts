import { describe, expect, it } from 'vitest';
import { headRows, tableCells } from './table.ts';

const data = {
  columns: ['Rank', 'Area', 'Change (pp)', 'Residents'],
  rows: [
    [1, 'Dartford', 13, 12345],
    [2, 'St Matthew\u2019s', -0.25, 987],
  ],
};

describe('tableCells', () => {
  it('formatted: aligned decimals, grouping, a true minus and the first text column as row header', () => {
    const t = tableCells(data, 'formatted');
    expect(t.head.map((h) => h.num)).toEqual([true, false, true, true]);
    expect(t.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['1', 'Dartford', '13.00', '12,345'],
      ['2', 'St Matthew\u2019s', '\u22120.25', '987'],
    ]);
    expect(t.rows[0]!.map((c) => c.rowHeader)).toEqual([false, true, false, false]);
  });

  it('formatted: a column with any text is not numeric, and decimals stop at four', () => {
    const t = tableCells({ columns: ['A', 'B'], rows: [[0.123456, 'x'], [1, 2]] }, 'formatted');
    expect(t.head.map((h) => h.num)).toEqual([true, false]);
    expect(t.rows[0]![0]!.text).toBe('0.1235');
    expect(t.rows[1]![1]).toEqual({ text: '2', num: false, rowHeader: true });
  });

  it('formatted: an all-number table heads its rows with the first column', () => {
    const t = tableCells({ columns: ['Year', 'Share'], rows: [[2011, 47.2]] }, 'formatted');
    expect(t.rows[0]!.map((c) => c.rowHeader)).toEqual([true, false]);
  });

  it('plain: numbers as given, numeric heads from the first row (never the first column), no row headers', () => {
    const t = tableCells(data, 'plain');
    expect(t.head.map((h) => h.num)).toEqual([false, false, true, true]);
    expect(t.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['1', 'Dartford', '13', '12345'],
      ['2', 'St Matthew\u2019s', '-0.25', '987'],
    ]);
    expect(t.rows.flat().some((c) => c.rowHeader)).toBe(false);
    expect(t.rows[1]!.map((c) => c.num)).toEqual([true, false, true, true]);
  });

  it('handles an empty table', () => {
    expect(tableCells({ columns: ['A'], rows: [] }, 'plain')).toEqual({ head: [{ text: 'A', num: false }], rows: [] });
    expect(tableCells({ columns: ['A'], rows: [] }, 'formatted').head).toEqual([{ text: 'A', num: true }]);
  });
});

describe('headRows', () => {
  const head = ['Area', '2011 (%)', '2021 (%)', '2011 (%)', '2021 (%)', 'Areas'].map((text, i) => ({ text, num: i > 0 }));

  it('is one row of column heads without groups', () => {
    const rows = headRows(head, undefined);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.map((h) => [h.text, h.scope, h.colspan, h.rowspan])).toEqual(head.map((h) => [h.text, 'col', 1, 1]));
  });

  it('puts each labelled group over its columns and lets unlabelled columns span both rows', () => {
    const [top, sub] = headRows(head, [{ span: 1 }, { label: 'Very good', span: 2 }, { label: 'Bad', span: 2 }, { span: 1 }]);
    expect(top!.map((h) => [h.text, h.scope, h.colspan, h.rowspan])).toEqual([
      ['Area', 'col', 1, 2],
      ['Very good', 'colgroup', 2, 1],
      ['Bad', 'colgroup', 2, 1],
      ['Areas', 'col', 1, 2],
    ]);
    expect(sub!.map((h) => h.text)).toEqual(['2011 (%)', '2021 (%)', '2011 (%)', '2021 (%)']);
    // Every column is headed once: in the second row, or by a head spanning both.
    expect(sub!.length + top!.filter((h) => h.rowspan === 2).length).toBe(head.length);
  });

  it('rejects groups that do not span the table', () => {
    expect(() => headRows(head, [{ label: 'A', span: 2 }])).toThrow(/span 2 columns, but the table has 6/);
    expect(() => headRows(head, [{ span: 0 }, { span: 6 }])).toThrow(/span/);
  });
});
