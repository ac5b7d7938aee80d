import { describe, expect, it } from 'vitest';
import { majorityDistrict } from './units.ts';

describe('majorityDistrict', () => {
  it('is the only district of a single part', () => {
    expect(majorityDistrict([{ lad: 'E06000002', residents: 0 }])).toBe('E06000002');
  });

  it('weighs residents, not parts: two small parts in one district lose to one large part', () => {
    const parts = [
      { lad: 'E06000001', residents: 100 },
      { lad: 'E06000001', residents: 120 },
      { lad: 'E06000002', residents: 250 },
    ];
    expect(majorityDistrict(parts)).toBe('E06000002');
  });

  it('sums the parts of each district', () => {
    const parts = [
      { lad: 'E06000002', residents: 250 },
      { lad: 'E06000001', residents: 130 },
      { lad: 'E06000001', residents: 130 },
    ];
    expect(majorityDistrict(parts)).toBe('E06000001');
  });

  it('gives a tie to the smaller code, whatever the order of the parts', () => {
    const parts = [
      { lad: 'E06000003', residents: 50 },
      { lad: 'E06000001', residents: 50 },
      { lad: 'E06000002', residents: 10 },
    ];
    expect(majorityDistrict(parts)).toBe('E06000001');
    expect(majorityDistrict([...parts].reverse())).toBe('E06000001');
  });

  it('refuses no parts at all', () => {
    expect(() => majorityDistrict([])).toThrow(/no parts/);
  });
});
