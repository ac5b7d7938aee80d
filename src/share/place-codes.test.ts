import { describe, expect, it } from 'vitest';
import { ENGLAND_CODE, withPlaceCodes, type PlaceNames } from './place-codes.ts';

const names: PlaceNames = {
  districts: new Map([
    ['Tower Hamlets', 'E09000030'],
    ['Dartford', 'E07000107'],
  ]),
  areas: new Map([
    ['Aberfeldy', 'aberfeldy'],
    ['Dartford', 'dartford'],
  ]),
};

describe('withPlaceCodes', () => {
  it('codes each kind of place in a mixed "Place" column, and leaves rows that are not places empty', () => {
    const t = withPlaceCodes(
      { columns: ['Place', '2011 (%)'], rows: [['Aberfeldy', 45.5], ['Its similar areas', 45.6], ['Tower Hamlets', 44], ['England', 47.2]] },
      names,
    );
    expect(t.columns).toEqual(['Place', '2011 (%)', 'ONS code', 'Big Local area code']);
    expect(t.rows).toEqual([
      ['Aberfeldy', 45.5, '', 'aberfeldy'],
      ['Its similar areas', 45.6, '', ''],
      ['Tower Hamlets', 44, 'E09000030', ''],
      ['England', 47.2, ENGLAND_CODE, ''],
    ]);
  });

  it('reads an area name and a district name with the same words by their columns', () => {
    const t = withPlaceCodes({ columns: ['Big Local area', 'Local authority'], rows: [['Dartford', 'Dartford']] }, names);
    expect(t.columns).toEqual(['Big Local area', 'Local authority', 'Local authority code (ONS)', 'Big Local area code']);
    expect(t.rows[0]).toEqual(['Dartford', 'Dartford', 'E07000107', 'dartford']);
  });

  it('takes the LSOA code out of a neighbourhood label', () => {
    const t = withPlaceCodes({ columns: ['Neighbourhood (LSOA)', 'Change (pp)'], rows: [['Tower Hamlets 018A (E01004245)', 9.2]] }, names);
    expect(t.rows[0]).toEqual(['Tower Hamlets 018A (E01004245)', 9.2, 'E01004245']);
  });

  it('adds nothing to a table with no places', () => {
    const table = { columns: ['Measure', 'Difference (pp)'], rows: [['Very good health', 0.1]] };
    expect(withPlaceCodes(table, names)).toEqual(table);
  });
});
