import { describe, expect, it } from 'vitest';
import { citation, type CitationInput } from './citation.ts';

const base: CitationInput = {
  organisation: 'Big Local health project team',
  siteName: 'Big Local health',
  title: 'Very good health, 2011 and 2021: England, Big Local areas and similar areas',
  url: 'https://news.example.net/charts/group-comparison/very-good/',
  published: '2026-12-02',
  updated: '2027-03-15',
  version: 'version 0.1.0; Census 2011 and Census 2021',
};

describe('citation', () => {
  it('writes a ready citation: who, year of publication, title, site, dates, address', () => {
    expect(citation(base).text).toBe(
      'Big Local health project team (2026). “Very good health, 2011 and 2021: England, Big Local areas and similar areas”. ' +
        'Big Local health, version 0.1.0; Census 2011 and Census 2021. Published 2 December 2026, updated 15 March 2027. ' +
        'Retrieved from https://news.example.net/charts/group-comparison/very-good/ [online resource]',
    );
  });

  it('uses the year of first publication, not of the update', () => {
    expect(citation({ ...base, published: '2025-01-01' }).text).toMatch(/^Big Local health project team \(2025\)\./);
  });

  it('collapses the whitespace of a title that was wrapped in source', () => {
    expect(citation({ ...base, title: '  General health\n   in Aberfeldy ' }).text).toContain('“General health in Aberfeldy”');
  });

  it('writes a BibTeX entry with a stable key and the organisation as one author', () => {
    const { bibtex } = citation(base);
    expect(bibtex.split('\n')[0]).toBe('@misc{big-local-health-very-good-health-2011-and-2021-2026,');
    expect(bibtex).toContain('author = {{Big Local health project team}},');
    expect(bibtex).toContain('url = {https://news.example.net/charts/group-comparison/very-good/}');
    expect(bibtex).toContain('note = {version 0.1.0; Census 2011 and Census 2021; updated 2027-03-15},');
    expect(bibtex.trimEnd().endsWith('}')).toBe(true);
  });

  it('escapes what TeX treats specially and drops braces, so the entry stays balanced', () => {
    const { bibtex } = citation({ ...base, title: '50% of {areas} & more_than #1' });
    expect(bibtex).toContain('title = {50\\% of areas \\& more\\_than \\#1},');
    const opens = (bibtex.match(/(?<!\\)\{/g) ?? []).length;
    const closes = (bibtex.match(/(?<!\\)\}/g) ?? []).length;
    expect(opens).toBe(closes);
  });

  it('refuses a relative URL, a malformed date and an update before publication', () => {
    expect(() => citation({ ...base, url: '/charts/x/' })).toThrow(/absolute/);
    expect(() => citation({ ...base, published: '2 Dec 2026' })).toThrow(/ISO date/);
    expect(() => citation({ ...base, updated: '2026-01-01' })).toThrow(/before published/);
  });
});
