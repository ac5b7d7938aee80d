import { describe, expect, it } from 'vitest';
import { joinedWords } from '../e2e/joined-words.ts';

describe('joinedWords', () => {
  it('finds a word run into a link, an emphasis or a time', () => {
    expect(joinedWords('<p>Made for this site.<a href="/">Big Local</a> areas</p>')).toEqual(['Made for this site.⟨a⟩Big Local']);
    expect(joinedWords('<p><em>very</em>good health</p>')).toEqual(['very⟨/em⟩good health']);
    expect(joinedWords('<p>Updated<time datetime="2026-12-01">1 December</time></p>')).toHaveLength(1);
    expect(joinedWords('<p>rose by<strong><span>2.1</span></strong></p>')).toHaveLength(1);
    expect(joinedWords('<p>Analysis: this site.Big Local footprints</p>')).toHaveLength(1);
    expect(joinedWords('<p title="&quot;Fair health&quot;">Fair</p>')).toEqual([]);
    expect(joinedWords('<p>See https://example.org/search.php?Area_ID=14 for more.</p>')).toEqual([]);
  });

  it('passes words a space or punctuation keeps apart', () => {
    expect(joinedWords('<p>Made for this site. <a href="/">Big Local</a>, areas</p>')).toEqual([]);
    expect(joinedWords('<p>(<a href="/">method</a>) and <em>very</em> good</p>')).toEqual([]);
    expect(joinedWords('<p>the <abbr title="x">LSOA</abbr>s and Dartford’s</p>')).toEqual([]);
    expect(joinedWords('<p>2021</p><p>England</p>')).toEqual([]); // blocks break lines
  });

  it('ignores scripts, styles, comments and SVG text', () => {
    expect(joinedWords('<script>a<b>c</b></script><style>x</style><!-- a<em>b --><svg><text>a<tspan>b</tspan></text></svg>')).toEqual([]);
  });
});
