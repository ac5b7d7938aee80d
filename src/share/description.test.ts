import { describe, expect, it } from 'vitest';
import { cutAtWord } from './description.ts';

describe('cutAtWord', () => {
  it('keeps a short text whole', () => {
    expect(cutAtWord('Short and sweet.', 200)).toBe('Short and sweet.');
  });
  it('cuts a long text at a word, within the limit, with an ellipsis', () => {
    const text = 'Relative to similar areas, the change in Big Local areas was 0.1 pp higher for very good health and much more besides';
    const cut = cutAtWord(text, 60);
    expect(cut.length).toBeLessThanOrEqual(60);
    expect(cut.endsWith('…')).toBe(true);
    expect(text.startsWith(cut.slice(0, -1))).toBe(true);
    expect(text[cut.length - 1]).toBe(' ');
  });
  it('leaves no dangling comma before the ellipsis', () => {
    expect(cutAtWord('one two three, four five six seven', 16)).toBe('one two three…');
  });
});
