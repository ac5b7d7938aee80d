import { describe, expect, it } from 'vitest';
import { footprintsNote } from './footprint-words.ts';

describe('footprintsNote', () => {
  it('calls approximate footprints approximate, with no number typed into the words', () => {
    const note = footprintsNote([{ confidence: 'high' }, { confidence: 'official' }]);
    expect(note).toMatch(/approximate/);
    expect(note).not.toMatch(/\d/);
  });

  it('says the boundaries are official when every one is', () => {
    const note = footprintsNote([{ confidence: 'official' }, { confidence: 'official' }]);
    expect(note).toMatch(/official ones/);
    expect(note).not.toMatch(/approximate/);
  });
});
