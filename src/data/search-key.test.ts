import { describe, expect, it } from 'vitest';
import { searchKey } from './search-key.ts';

describe('searchKey', () => {
  it('ignores accents, case, apostrophes and punctuation', () => {
    expect(searchKey('St Matthew’s')).toBe('st matthews');
    expect(searchKey("ST. MATTHEW'S")).toBe('st matthews');
    expect(searchKey('Ryde, Isle of Wight')).toBe('ryde isle of wight');
    expect(searchKey('Café  Élan')).toBe('cafe elan');
  });

  it('keeps letters and digits apart from everything else, trimmed', () => {
    expect(searchKey('  3-Together ')).toBe('3 together');
    expect(searchKey('—')).toBe('');
  });
});
