/**
 * Build the story page alone, fast: a throwaway Astro root whose src/pages holds only index.astro
 * and a copy of the rest of src/ (node_modules and data are linked). The full site has well over a thousand
 * pages (chart pages, embeds, share cards), which takes minutes; this takes seconds.
 *
 * Used by tests/unit/story-numbers.test.ts, and by hand:
 *   npx tsx tests/unit/story-build.ts <outDir> [processedDataDir]
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const PROJECT = resolve(import.meta.dirname, '..', '..');

/** Builds only the given pages (paths under src/pages, default the story); returns the story's index.html path. */
/** `env`: more environment for the build (e.g. SITE_URL). */
export function buildStoryOnly(outDir: string, processedDir?: string, pages: string[] = ['index.astro'], env: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'story-root-'));
  for (const f of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'METHOD.md']) {
    if (existsSync(join(PROJECT, f))) copyFileSync(join(PROJECT, f), join(root, f));
  }
  // scripts/: astro.config.mjs imports scripts/runtime.mjs.
  for (const d of ['node_modules', 'public', 'data', 'scripts']) symlinkSync(join(PROJECT, d), join(root, d));
  mkdirSync(join(root, 'src', 'pages'), { recursive: true });
  for (const d of readdirSync(join(PROJECT, 'src'))) {
    // Copied, not linked: Astro's compiler keys its metadata by real path and trips over links.
    if (d !== 'pages') cpSync(join(PROJECT, 'src', d), join(root, 'src', d), { recursive: true });
  }
  for (const page of pages) {
    mkdirSync(join(root, 'src', 'pages', page, '..'), { recursive: true });
    copyFileSync(join(PROJECT, 'src', 'pages', page), join(root, 'src', 'pages', page));
  }
  // On this process's Node (the project's), whatever `node` the PATH would find.
  execFileSync(process.execPath, [join(PROJECT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--root', root, '--outDir', resolve(outDir)], {
    cwd: root,
    env: { ...process.env, ...(processedDir ? { PROCESSED_DATA_DIR: resolve(processedDir) } : {}), ASTRO_TELEMETRY_DISABLED: '1', ...env },
    stdio: 'pipe',
    // A full build logs a line per page (2,000 and more): far past execFileSync's 1 MB default.
    maxBuffer: 256 * 1024 * 1024,
  });
  rmSync(root, { recursive: true, force: true });
  return join(resolve(outDir), 'index.html');
}

/** Page text without tags, with whitespace collapsed. */
export function textOf(html: string): string {
  return html
    .replace(/<script\b[\s\S]*?<\/script>/gi, ' ')
    .replace(/<style\b[\s\S]*?<\/style>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const [out = 'dist-story', data] = process.argv.slice(2);
  console.log(buildStoryOnly(out, data));
}
