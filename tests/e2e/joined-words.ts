/**
 * Finds words that the HTML runs together across an inline element's edge, as in
 * `this site.<a>Big Local</a>` (shown "this site.Big Local") or `<em>very</em>good`.
 *
 * Astro 7's default HTML compression ('jsx') drops the line break between a word and an inline
 * element that opens the next source line; a browser then draws the two words as one. Text
 * inside <script>, <style> and comments is ignored; so are SVG charts, whose text is positioned.
 */

/** Elements a browser lays out inline, so that no space appears unless the source has one. */
const INLINE = 'a|abbr|b|bdi|cite|code|data|dfn|em|i|kbd|mark|q|s|samp|small|span|strong|sub|sup|time|u|var';

const WORD_END = String.raw`[\p{L}\p{N}][.,;:!?’”)]?`;
const WORD_START = String.raw`[\p{L}\p{N}(“‘£]`;
/** Opening or closing tags of inline elements, in a row. */
const TAGS = String.raw`(?:</?(?:${INLINE})(?:\s[^>]*)?>)+`;
const JOIN = new RegExp(`(${WORD_END})(${TAGS})(${WORD_START})`, 'gu');

/**
 * Plural and possessive endings written straight after an element (`<abbr>LSOA</abbr>s`) are
 * meant: a word ending that is only these letters is no join.
 */
const SUFFIX = /^(?:s|’s|'s)\b/u;

/**
 * Inside one text node: a sentence's end followed straight by the next sentence's capital
 * ("this site.Big Local"), as when the line break between a text and an `{expression}` is dropped.
 */
const SENTENCE_JOIN = /(?<!&[\p{L}#\d]*)[\p{Ll}]{2,}[.;:!?][\p{Lu}][\p{Ll}]/gu;

/** Each join as a short excerpt of the text around it, e.g. `site.⟨a⟩Big`. */
export function joinedWords(html: string): string[] {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|svg|template)\b[\s\S]*?<\/\1>/gi, ' ');
  const found: string[] = [];
  for (const m of text.matchAll(JOIN)) {
    const [, before, tags] = m;
    const rest = text.slice(m.index + before!.length + tags!.length);
    if (SUFFIX.test(rest)) continue;
    const left = text.slice(Math.max(0, m.index - 20), m.index + before!.length).replace(/.*>/s, '');
    const right = rest.slice(0, 20).replace(/<.*/s, '');
    const shownTags = tags!.replace(/<(\/?)([a-z]+)[^>]*>/g, '⟨$1$2⟩');
    found.push(`${left}${shownTags}${right}`.replace(/\s+/g, ' ').trim());
  }
  for (const node of text.matchAll(/>([^<]+)</g)) {
    const t = node[1]!;
    for (const m of t.matchAll(SENTENCE_JOIN)) {
      // A web address printed as text ("search.php?Area_ID") is one token, not two sentences.
      const token = t.slice(t.lastIndexOf(' ', m.index) + 1).split(/\s/, 1)[0]!;
      if (!token.includes('/')) found.push(t.slice(Math.max(0, m.index - 15), m.index + 20).trim());
    }
  }
  return found;
}
