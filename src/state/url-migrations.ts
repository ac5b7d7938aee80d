/**
 * Rewrites from chart URLs the site once published to the URLs that show the same view today.
 *
 * Embeds and shared links live on other people's pages for years. Without an entry here, a link
 * that names a renamed chart id, measure slug or area code falls back to the chart's default view
 * (with a notice), so every rename of anything that appears in a chart URL adds an entry, in the
 * same commit (CONTRIBUTING.md, "When a slug changes"). Our World in Data's grapher keeps such a
 * list for the same reason.
 *
 * `src/state/url.ts` applies the whole list, in order, to every chart and embed URL before it
 * validates anything (`parseUrl`, `migratedHref`), so an old link reads as the current
 * one and shows no notice. An old path with no prerendered page is served the 404 page, which asks
 * `migratedHref` for the current address and replaces the location with it.
 *
 * Entries are data and pure functions of the URL alone (no chart specs, no data), so the browser
 * can run them: this module imports nothing. The list holds only changes that really happened
 * (url-migrations.test.ts tests each entry, and exercises the mechanism on fixtures).
 */

/**
 * A chart URL taken apart. `segments` are the path segments after `/charts/` or `/embed/` (the first
 * is the chart id, then area, measure, group, as url.ts writes them, still percent-encoded); `query`
 * is the query's key/value pairs in order. Which of /charts/ and /embed/ it was is kept outside:
 * every entry applies to both.
 */
export interface UrlParts {
  segments: readonly string[];
  query: readonly (readonly [string, string])[];
}

interface EntryInfo {
  /** Unique and stable, e.g. `2027-03-area-code-kings-cross`; tests are keyed by it. */
  id: string;
  /** The day the old form stopped being produced (YYYY-MM-DD). */
  date: string;
  /** What changed and why, for the next reader of this list. */
  description: string;
}

/** A rename of the path's start: `/charts/<from…>/rest` → `/charts/<to…>/rest` (and the same for embeds). */
export interface PrefixMigration extends EntryInfo {
  prefix: { from: readonly string[]; to: readonly string[] };
}

/** Anything a prefix cannot say (a value in any position, a query parameter). Null: does not apply. */
export interface RewriteMigration extends EntryInfo {
  rewrite: (parts: UrlParts) => UrlParts | null;
}

export type UrlMigration = PrefixMigration | RewriteMigration;

/** A group or measure id as url.ts writes it in a path segment. */
const slug = (id: string): string => id.replace(/_/g, '-');

/**
 * `?groups=a,b&highlight=x` (before December 2026) → `/groups/a+b/highlight/x/` after the path's
 * other segments, the rest of the query kept. Values are slugged as url.ts writes them and
 * percent-encoded, so whatever a link held stays one segment; url.ts then validates them.
 */
function highlightAndGroupsToPath(parts: UrlParts): UrlParts | null {
  const groups = parts.query.find(([k]) => k === 'groups');
  const highlight = parts.query.find(([k]) => k === 'highlight');
  if (!groups && !highlight) return null;
  const segment = (v: string) => encodeURIComponent(v);
  const segments = [...parts.segments];
  if (groups) segments.push('groups', groups[1].split(',').map((g) => segment(slug(g))).join('+'));
  if (highlight) segments.push('highlight', segment(slug(highlight[1])));
  return { segments, query: parts.query.filter(([k]) => k !== 'groups' && k !== 'highlight') };
}

/** The shipped list, oldest first. Only changes the site really made; never reuse an old slug. */
export const URL_MIGRATIONS: readonly UrlMigration[] = [
  {
    id: '2026-12-highlight-and-groups-in-path',
    date: '2026-12-03',
    description:
      'A highlight and a list of groups moved from the query into the path, so that a shared highlighted chart is its own prerendered page: its share card, oEmbed, downloads and no-JavaScript view show what the sender saw.',
    rewrite: highlightAndGroupsToPath,
  },
];

/** One entry applied to a URL: the rewritten parts, or null when the entry does not apply. */
export function applyMigration(m: UrlMigration, parts: UrlParts): UrlParts | null {
  if ('prefix' in m) {
    const { from, to } = m.prefix;
    if (from.length > parts.segments.length || from.some((seg, i) => parts.segments[i] !== seg)) return null;
    return { segments: [...to, ...parts.segments.slice(from.length)], query: parts.query };
  }
  return m.rewrite(parts);
}

/** Every entry in order, each seeing the previous one's output; `applied` lists the ids that matched. */
export function migrateParts(
  parts: UrlParts,
  migrations: readonly UrlMigration[] = URL_MIGRATIONS,
): { parts: UrlParts; applied: string[] } {
  let current = parts;
  const applied: string[] = [];
  for (const m of migrations) {
    const next = applyMigration(m, current);
    if (next) {
      current = next;
      applied.push(m.id);
    }
  }
  return { parts: current, applied };
}


// ---------------------------------------------------------------------------------------------
// Rewrites for the renames url.ts's grammar allows, so an entry is one line

function renameIn(parts: UrlParts, segment: [string, string], lists: readonly string[], value: [string, string]): UrlParts | null {
  let changed = false;
  // Whole segments, and the items of a `+` list (`groups/england+big-local`); never the chart id.
  const segments = parts.segments.map((seg, i) => {
    if (i === 0) return seg;
    const items = seg.split('+');
    if (!items.includes(segment[0])) return seg;
    changed = true;
    return items.map((item) => (item === segment[0] ? segment[1] : item)).join('+');
  });
  const query = parts.query.map(([k, v]): [string, string] => {
    if (lists.includes(k) && v.split(',').includes(value[0])) {
      changed = true;
      return [k, v.split(',').map((item) => (item === value[0] ? value[1] : item)).join(',')];
    }
    return [k, v];
  });
  return changed ? { segments, query } : null;
}

/**
 * A renamed value wherever url.ts puts it: an area code in the path (its own segment or after
 * `highlight/`); a measure as its path slug (`very-good`) and in the `measures` list; a group as its
 * path slug (its own segment, after `highlight/`, or in a `groups/a+b` list). An entry added after
 * 2026-12-highlight-and-groups-in-path sees old `?highlight=`/`?groups=` links already in the path.
 */
export function renameValue(key: 'area' | 'measure' | 'group', from: string, to: string): RewriteMigration['rewrite'] {
  if (key === 'area') return (parts) => renameIn(parts, [from, to], [], [from, to]);
  if (key === 'measure') return (parts) => renameIn(parts, [slug(from), slug(to)], ['measures'], [from, to]);
  return (parts) => renameIn(parts, [slug(from), slug(to)], [], [from, to]);
}
