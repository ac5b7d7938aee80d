/**
 * Who publishes the site, and when: the one place a deployer sets the credit every page, embed and
 * citation shows (README.md, "Publication details"). Build-time only (reads git and the environment).
 *
 * - SITE_CONTACT: where readers report a correction (an e-mail address or a URL). Default: the
 *   site's own /corrections/#report, which lists what changed in the figures.
 * - SITE_REPOSITORY: the public URL of the source code (the method page links to it). Default: none,
 *   and the method page links to /corrections/#source, which says where the source is.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** The site's name, as the header, share cards and credits print it. */
export const SITE_NAME = 'Big Local health';

const changelogSchema = z.object({
  entries: z
    .array(
      z.object({
        date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        /** What a reader sees changed, in one or two sentences. */
        summary: z.string().min(10),
        /** Did any figure (a number, not only a map outline or wording) change? */
        figuresChanged: z.boolean(),
        /** What it touched: figures, downloads, maps or the method note. */
        kind: z.enum(['figures', 'downloads', 'maps', 'method']),
      }),
    )
    .min(1),
});
export type ChangelogEntry = z.infer<typeof changelogSchema>['entries'][number];

/** data/reference/changelog.json, newest first (the file is kept oldest first, as written; same-day entries newest first too). */
export const changelog: ChangelogEntry[] = changelogSchema
  .parse(JSON.parse(readFileSync(join(process.cwd(), 'data', 'reference', 'changelog.json'), 'utf8')))
  .entries.slice()
  .reverse()
  .sort((a, b) => b.date.localeCompare(a.date));

/**
 * When the figures last changed: the commit date of the newest change to data/processed (a git
 * date, so two builds of the same commit agree; never the build clock). Without git (a build from
 * an exported tarball), the newest changelog entry.
 */
function dataUpdated(): string {
  try {
    const out = execFileSync('git', ['log', '-1', '--format=%cs', '--', 'data/processed'], {
      cwd: process.cwd(),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    if (/^\d{4}-\d{2}-\d{2}$/.test(out)) return out;
  } catch {
    // No git here: fall through.
  }
  return changelog[0]!.date;
}

const pkg = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as { version: string };

const contact = process.env.SITE_CONTACT?.trim() || '/corrections/#report';
const repository = process.env.SITE_REPOSITORY?.trim() || '';
if (repository && !/^https:\/\/\S+$/.test(repository)) throw new Error(`SITE_REPOSITORY must be an https URL, got "${repository}"`);

export const PUBLICATION = {
  siteName: SITE_NAME,
  /** The credit line: who made it. */
  organisation: `${SITE_NAME} project team`,
  /** First publication of the story and charts (fixed: change it only if the site is republished from scratch). */
  published: '2026-12-02',
  /** The figures' last change (see dataUpdated). */
  updated: dataUpdated(),
  /** The site's version (package.json). */
  version: pkg.version,
  /** What the figures are made from, for citations. */
  dataVintage: 'Census 2011 and Census 2021 (ONS); English Indices of Deprivation 2019',
  /** An e-mail address (shown as a mailto: link) or a URL. */
  contact,
  contactHref: contact.includes('@') && !contact.includes('/') ? `mailto:${contact}` : contact,
  /** The source code's public URL, or '' when none is set. */
  repository,
  /** Where the method page's "the project's repository" points. */
  repositoryHref: repository || '/corrections/#source',
} as const;

/** "2 December 2026" for an ISO date (UTC, so every machine prints the same day). */
export function longDate(iso: string): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
