import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { csv } from './csv-text.ts';

describe('csv', () => {
  it('writes exactly what Papa.unparse writes, whatever the fields hold', () => {
    // Fields drawn from characters that matter to quoting: commas, quotes, line breaks, spaces.
    const text = fc.string({ unit: fc.constantFrom('a', 'Z', '1', '-', ';', ',', '"', ' ', '\n', '\r', '\ufeff', 'é'), maxLength: 8 });
    const field = fc.oneof(text, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
    const table = fc.integer({ min: 1, max: 5 }).chain((width) =>
      fc.tuple(fc.array(text, { minLength: width, maxLength: width }), fc.array(fc.array(field, { minLength: width, maxLength: width }), { maxLength: 6 })),
    );
    fc.assert(
      fc.property(table, ([fields, rows]) => {
        expect(csv(fields, rows)).toBe(Papa.unparse({ fields, data: rows }, { newline: '\n' }) + '\n');
      }),
      { numRuns: 500, seed: 11 },
    );
  });
});
