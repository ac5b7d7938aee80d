/**
 * Benchmark (not a test): gzipped JavaScript and CSS that a page loads, and totals for the build.
 *
 *   npm run bench:size                 # dist/, home page
 *   npm run bench:size -- dist /areas/ # another page
 *
 * Follows every <script src>, <link rel=modulepreload> and static `import` between chunks
 * (what the browser fetches before the page is interactive); dynamic `import()` chunks are listed
 * separately as "lazy". Budgets (issue 13): the page's eager JS at most 100 KB gzipped, and the
 * page in all (HTML, eager JS, CSS, and the images and fonts its HTML and CSS name) at most
 * 200 KB gzipped (already-compressed images and fonts count as they are).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { assertProjectNode } from './runtime.mjs';

assertProjectNode('bench:size');

const dist = resolve(process.argv[2] ?? 'dist');
const page = process.argv[3] ?? '/';
const BUDGET_KB = 100;
const TOTAL_BUDGET_KB = 200;

const gz = (file: string): number => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

function htmlFileOf(p: string): string {
  const clean = p.replace(/^\/+/, '');
  const candidates = [join(dist, clean), join(dist, clean, 'index.html')];
  const found = candidates.find((c) => existsSync(c) && statSync(c).isFile());
  if (!found) throw new Error(`no built page for ${p} in ${dist} (run npm run build first)`);
  return found;
}

function fileOfUrl(url: string, from = '/'): string | null {
  if (/^(https?:)?\/\//.test(url)) return null;
  const abs = url.startsWith('/') ? url : posix.join(posix.dirname(from), url);
  const f = join(dist, abs.split('?')[0]!);
  return existsSync(f) ? f : null;
}

const html = readFileSync(htmlFileOf(page), 'utf8');
const entry = new Set<string>();
for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) entry.add(m[1]!);
for (const m of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) entry.add(m[1]!);
const css = [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].filter((m) => m[1]!.trim() !== '');

const eager = new Map<string, number>();
const lazy = new Map<string, number>();
function walk(url: string, into: Map<string, number>): void {
  const file = fileOfUrl(url);
  if (!file || eager.has(url) || into.has(url)) return;
  into.set(url, gz(file));
  const src = readFileSync(file, 'utf8');
  for (const m of src.matchAll(/(?:^|[;\s}])import\s*(?:[\w*${}\s,]+from\s*)?["']([^"']+\.js)["']/g)) {
    walk(posix.join(posix.dirname(url), m[1]!), into);
  }
  for (const m of src.matchAll(/import\(\s*["']([^"']+\.js)["']\s*\)/g)) {
    const u = posix.join(posix.dirname(url), m[1]!);
    if (!eager.has(u)) walk(u, lazy);
  }
}
for (const u of entry) walk(u, eager);
for (const u of eager.keys()) lazy.delete(u);

const sum = (m: Map<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0);
const jsTotal = sum(eager);
const cssTotal = css.reduce((a, u) => a + (fileOfUrl(u) ? gz(fileOfUrl(u)!) : 0), 0);

console.log(`Page ${page} (${relative(process.cwd(), htmlFileOf(page))})`);
const htmlGz = gz(htmlFileOf(page));
console.log(`  HTML            ${kb(htmlGz)} gz`);
for (const [u, n] of eager) console.log(`  js  ${kb(n).padStart(9)}  ${u}`);
for (const [u, n] of lazy) console.log(`  lazy${kb(n).padStart(9)}  ${u}`);
console.log(`  JS (eager)      ${kb(jsTotal)} gz   budget ${BUDGET_KB} KB: ${jsTotal / 1024 < BUDGET_KB ? 'OK' : 'OVER'}`);
console.log(`  JS (lazy)       ${kb(sum(lazy))} gz`);
console.log(`  inline scripts  ${inline.length}`);
console.log(`  CSS             ${kb(cssTotal)} gz (${css.length} file${css.length === 1 ? '' : 's'})`);

// What else the page fetches: images and icons its HTML names, fonts and images its CSS names.
// A compressed format (woff2, png, jpg, webp) is counted as it is; anything else gzipped.
const named = new Set<string>();
for (const m of html.matchAll(/<(?:img|source)\b[^>]*\bsrc="([^"]+)"/g)) named.add(m[1]!);
for (const m of html.matchAll(/<link\b[^>]*rel="(?:icon|preload)"[^>]*href="([^"]+)"/g)) named.add(m[1]!);
for (const u of css) {
  const f = fileOfUrl(u);
  if (!f) continue;
  for (const m of readFileSync(f, 'utf8').matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) {
    // Of a font's formats a browser fetches the first it supports: count woff2, not its woff fallback.
    if (!m[1]!.startsWith('data:') && !/\.woff$/.test(m[1]!)) named.add(posix.join(posix.dirname(u), m[1]!));
  }
}
const sizeOf = (f: string): number => (/\.(woff2|png|jpe?g|webp|avif)$/.test(f) ? statSync(f).size : gz(f));
const assets = [...named].flatMap((u) => {
  const f = fileOfUrl(u);
  return f ? [sizeOf(f)] : [];
});
const assetTotal = assets.reduce((a, b) => a + b, 0);
const pageTotal = htmlGz + jsTotal + cssTotal + assetTotal;
console.log(`  images, fonts   ${kb(assetTotal)} (${assets.length} file${assets.length === 1 ? '' : 's'})`);
console.log(`  page in all     ${kb(pageTotal)} gz   budget ${TOTAL_BUDGET_KB} KB: ${pageTotal / 1024 <= TOTAL_BUDGET_KB ? 'OK' : 'OVER'}`);

// Totals for the whole build.
const totals: Record<string, { files: number; raw: number; gz: number }> = {};
function scan(dir: string): void {
  for (const name of readdirSync(dir)) {
    const f = join(dir, name);
    const st = statSync(f);
    if (st.isDirectory()) scan(f);
    else {
      const ext = /\.(js|css|html|svg|png|json|csv|woff2?)$/.exec(name)?.[1] ?? 'other';
      const t = (totals[ext] ??= { files: 0, raw: 0, gz: 0 });
      t.files++;
      t.raw += st.size;
      if (['js', 'css', 'html', 'svg', 'json', 'csv'].includes(ext)) t.gz += gz(f);
    }
  }
}
scan(dist);
console.log(`\nBuild ${relative(process.cwd(), dist) || '.'} totals`);
for (const [ext, t] of Object.entries(totals).sort((a, b) => b[1].raw - a[1].raw)) {
  console.log(`  ${ext.padEnd(6)} ${String(t.files).padStart(6)} files  ${kb(t.raw).padStart(11)} raw${t.gz ? `  ${kb(t.gz).padStart(11)} gz` : ''}`);
}
