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
 * validates anything (`parseUrl`, `parsePath`, `applyQuery`), so an old link reads as the current
 * one and shows no notice. An old path with no prerendered page is served the 404 page, which asks
 * `migratedHref` for the current address and replaces the location with it.
 *
 * Entries are data and pure functions of the URL alone (no chart specs, no data), so the browser
 * can run them: this module imports nothing. The list holds only renames that really happened;
 * so far none has, so it is empty (url-migrations.test.ts exercises the mechanism on fixtures).
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

/** The shipped list, oldest first. Only renames the site really made; never reuse an old slug. */
export const URL_MIGRATIONS: readonly UrlMigration[] = [];

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

const slug = (id: string): string => id.replace(/_/g, '-');

function renameIn(parts: UrlParts, segment: [string, string] | null, params: Record<string, 'value' | 'list'>, value: [string, string]): UrlParts | null {
  let changed = false;
  const segments = parts.segments.map((seg, i) => {
    if (i > 0 && segment && seg === segment[0]) {
      changed = true;
      return segment[1];
    }
    return seg;
  });
  const query = parts.query.map(([k, v]): [string, string] => {
    const how = Object.hasOwn(params, k) ? params[k] : undefined;
    if (how === 'value' && v === value[0]) {
      changed = true;
      return [k, value[1]];
    }
    if (how === 'list' && v.split(',').includes(value[0])) {
      changed = true;
      return [k, v.split(',').map((item) => (item === value[0] ? value[1] : item)).join(',')];
    }
    return [k, v];
  });
  return changed ? { segments, query } : null;
}

/**
 * A renamed value wherever url.ts puts it: an area code in the path and in `highlight`; a measure as
 * its path slug (`very-good`) and in the `measures` list; a group as its path slug and in
 * `highlight` and the `groups` list.
 */
export function renameValue(key: 'area' | 'measure' | 'group', from: string, to: string): RewriteMigration['rewrite'] {
  if (key === 'area') return (parts) => renameIn(parts, [from, to], { highlight: 'value' }, [from, to]);
  if (key === 'measure') return (parts) => renameIn(parts, [slug(from), slug(to)], { measures: 'list' }, [from, to]);
  return (parts) => renameIn(parts, [slug(from), slug(to)], { highlight: 'value', groups: 'list' }, [from, to]);
}
