/**
 * Ready citations for the story and each chart, in the style of Our World in Data's: who, year,
 * title, site, when it was updated, where to find it. One pure function, so every page cites the
 * same way (src/components/share/Credit.astro prints it; src/share/citation.test.ts checks it).
 */

export interface CitationInput {
  /** Who made it, e.g. "Big Local health project team". */
  organisation: string;
  /** The site's name. */
  siteName: string;
  /** The cited thing's title (a chart's title, or the story's headline). */
  title: string;
  /** Its permanent address (absolute). */
  url: string;
  /** First publication, ISO date (YYYY-MM-DD). */
  published: string;
  /** Last change to the figures, ISO date. */
  updated: string;
  /** Version or data vintage, e.g. "version 0.1.0; Census 2011 and Census 2021". */
  version: string;
}

export interface Citation {
  /** One paragraph of plain text. */
  text: string;
  /** A BibTeX @misc entry. */
  bibtex: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function longDate(iso: string): string {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new Error(`citation: not an ISO date: "${iso}"`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** BibTeX text: braces kept balanced, the characters TeX treats specially escaped. */
function bib(text: string): string {
  return text.replace(/[\\{}]/g, '').replace(/([&%$#_])/g, '\\$1').replace(/~/g, '\\textasciitilde{}').replace(/\^/g, '\\textasciicircum{}');
}

/** A BibTeX key from the site name, the title and the year: lower-case letters and digits joined by hyphens. */
function bibKey(siteName: string, title: string, year: string): string {
  const slug = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  const words = slug(title).split('-').filter(Boolean).slice(0, 6).join('-');
  return [slug(siteName), words, year].filter(Boolean).join('-');
}

export function citation(c: CitationInput): Citation {
  if (!/^https?:\/\//.test(c.url)) throw new Error(`citation: the URL must be absolute, got "${c.url}"`);
  const year = ISO_DATE.exec(c.published)?.[1];
  if (!year) throw new Error(`citation: not an ISO date: "${c.published}"`);
  if (c.updated < c.published) throw new Error(`citation: updated (${c.updated}) is before published (${c.published})`);
  const title = c.title.trim().replace(/\s+/g, ' ');
  const text =
    `${c.organisation} (${year}). “${title}”. ${c.siteName}, ${c.version}. ` +
    `Published ${longDate(c.published)}, updated ${longDate(c.updated)}. Retrieved from ${c.url} [online resource]`;
  const bibtex = [
    `@misc{${bibKey(c.siteName, title, year)},`,
    `  author = {{${bib(c.organisation)}}},`,
    `  title = {${bib(title)}},`,
    `  howpublished = {${bib(c.siteName)}},`,
    `  year = {${year}},`,
    `  note = {${bib(c.version)}; updated ${c.updated}},`,
    `  url = {${c.url}}`,
    `}`,
  ].join('\n');
  return { text, bibtex };
}
