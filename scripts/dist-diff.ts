/**
 * Compares two builds of the site, for a change that must leave what readers get unchanged:
 *   npx tsx scripts/dist-diff.ts OLD_DIST NEW_DIST [--text]
 *
 * Lists files only in one build, then files whose content differs once bundle hashes in asset
 * names (`/_astro/Figure.B2x9f1.css`) are made equal. With --text, HTML pages are compared by their
 * visible text instead (tags dropped, whitespace that a browser collapses collapsed, block edges
 * kept as breaks), which is what a markup change must keep. Exits 1 when anything differs.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { text: { type: 'boolean', default: false } } });
const [oldDir, newDir] = positionals;
if (!oldDir || !newDir) {
  console.error('usage: tsx scripts/dist-diff.ts OLD_DIST NEW_DIST [--text]');
  process.exit(2);
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)))
    .filter((f) => !f.startsWith('_astro/'))
    .sort();
}

/** Bundle hashes in asset names, and Astro's per-component style scope ids, made equal. */
const unhash = (s: string) =>
  s.replace(/(_astro\/[\w.-]+?)\.[\w-]{8}\.(css|js|mjs)/g, '$1.HASH.$2').replace(/astro-cid-[a-z0-9]+/g, 'astro-cid-X');
/** A tag, with quoted attribute values that may hold `>`. */
const TAG = String.raw`<\/?[a-zA-Z][^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>`;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const decode = (s: string) =>
  s.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(Number(e[1] === 'x' || e[1] === 'X' ? `0x${e.slice(2)}` : e.slice(1))) : (ENTITIES[e] ?? m),
  );
const BLOCK = 'address|article|aside|blockquote|br|caption|dd|details|div|dl|dt|figcaption|figure|footer|form|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|summary|table|tbody|td|tfoot|th|thead|tr|ul';

/** Visible text, roughly as a browser lays it out. */
function visibleText(html: string): string {
  return decode(html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<head\b[\s\S]*?<\/head>/i, '')
    .replace(new RegExp(`<\\/?(?:${BLOCK})\\b(?:[^>"']|"[^"]*"|'[^']*')*>`, 'gi'), '\n')
    .replace(new RegExp(TAG, 'g'), '')
    .replace(/[ \t\r\f]+/g, ' ')
    .replace(/ *\n[\s]*/g, '\n'))
    .trim();
}

const a = files(oldDir);
const b = files(newDir);
const inB = new Set(b);
const inA = new Set(a);
let differ = 0;
for (const f of a) if (!inB.has(f)) (differ++, console.log(`only in ${oldDir}: ${f}`));
for (const f of b) if (!inA.has(f)) (differ++, console.log(`only in ${newDir}: ${f}`));
for (const f of a) {
  if (!inB.has(f)) continue;
  const x = readFileSync(join(oldDir, f));
  const y = readFileSync(join(newDir, f));
  if (x.equals(y)) continue;
  const html = f.endsWith('.html');
  const text = /\.(html|json|svg|xml|txt|csv|js|css)$/.test(f);
  const sx = text ? unhash(x.toString('utf8')) : '';
  const sy = text ? unhash(y.toString('utf8')) : '';
  if (text && sx === sy) continue;
  if (html && values.text && visibleText(sx) === visibleText(sy)) continue;
  differ++;
  console.log(`differs: ${f}`);
}
console.log(`${a.length} and ${b.length} files compared; ${differ} differ${values.text ? ' (HTML by visible text)' : ''}`);
process.exit(differ ? 1 : 0);
