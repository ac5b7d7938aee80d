/**
 * Chart state ↔ URL: the only module that builds or parses chart URLs. The story, the chart
 * pages and the embeds all go through it, so a permalink, an embed and a share image can never
 * disagree about what a chart shows.
 *
 * Path scheme (state that changes what a preview shows is in the path, minor state in the query):
 *   /charts/<chart-id>/[<area_code>/][<measure>/][<group>/]?groups=…&highlight=…&measures=…&table=1
 *   /embed/<chart-id>/… (same scheme)
 *
 * Which keys a chart has is read from its default state (`area`, `measure`, `group` go in the path,
 * a `measures` list in the query), plus the `HIGHLIGHT_DOMAINS` table for the optional highlight and
 * `GROUPS_LIST_CHARTS` for the optional list of groups shown, so a new chart whose state uses these
 * keys gets permalinks, embeds and images without touching this file.
 *
 * Old URLs first pass through the rewrites in `url-migrations.ts` (renamed chart ids, measure slugs,
 * area codes), applied in order before anything is validated, so links published before a rename
 * still open the view they showed.
 *
 * Runs in the browser too: it imports only types and the plain constants of src/data/constants.ts
 * (no zod, no d3, no chart code). Everything read from a URL is validated against a closed list;
 * anything else falls back to the default and adds a notice. Notices never quote the input.
 */
import type { ChartId, ChartStateMap } from '../charts/registry.ts';
import { GROUP_IDS, HEALTH_MEASURES, ROBUSTNESS_MEASURES, type HealthMeasure } from '../data/constants.ts';
import { migrateParts, URL_MIGRATIONS, type UrlMigration } from './url-migrations.ts';

export type Kind = 'charts' | 'embed';

/** Every measure a URL can name. constants.ts imports nothing (no zod), so the browser bundle stays small. */
export const MEASURES = HEALTH_MEASURES;
/** Every group a URL can name. */
export const GROUPS = GROUP_IDS;

/**
 * The measures prerendered for charts that also have an area in the path (150 areas × 7 measures
 * would be too many pages and images); charts without an area get all seven.
 */
export const AREA_PATH_MEASURES = ['very_good', 'bad_or_very_bad'] as const satisfies readonly HealthMeasure[];

/**
 * Charts that draw only some measures (the maps: map-scale.ts MAP_MEASURES; url.test.ts checks;
 * the placebo and robustness charts: the measures the checks were run for).
 */
export const MEASURE_DOMAINS: Partial<Record<string, readonly HealthMeasure[]>> = {
  'england-map': AREA_PATH_MEASURES,
  'area-map': AREA_PATH_MEASURES,
  placebo: ROBUSTNESS_MEASURES,
  robustness: ROBUSTNESS_MEASURES,
};

/** What a chart's optional `highlight` names, per chart id. */
export const HIGHLIGHT_DOMAINS: Partial<Record<string, 'group' | 'area'>> = {
  'group-comparison': 'group',
  'area-changes': 'area',
};

/**
 * Charts whose state may name the groups shown, in order (`groups`: optional, all three when absent,
 * so the default state cannot say it). In the query, `groups=england,big_local`: the story's steps
 * show two groups before the third arrives, and their Share links must open the same chart.
 */
export const GROUPS_LIST_CHARTS: readonly string[] = ['group-comparison'];

/** did-interval's default `measures` (url.test.ts checks), so story links stay short without the registry. */
export const DEFAULT_MEASURES_LIST: readonly HealthMeasure[] = ['very_good', 'very_good_or_good', 'bad_or_very_bad'];

export type PathKey = 'area' | 'measure' | 'group';
const PATH_ORDER: readonly PathKey[] = ['area', 'measure', 'group'];

/** A chart's URL grammar with every domain resolved: safe to serialise into a page for the client. */
export interface ChartSpec {
  id: ChartId;
  path: { key: PathKey; values: readonly string[] }[];
  /** Allowed highlight values, when the chart has a highlight. */
  highlight?: readonly string[];
  /** Whether the state holds a `measures` list (query `measures=a,b`). */
  measuresList?: boolean;
  /** Whether the state may hold a `groups` list (query `groups=a,b`; absent: every group). */
  groupsList?: boolean;
  defaults: Readonly<Record<string, unknown>>;
}

export interface Domains {
  /** Every Big Local area code. */
  areas: readonly string[];
}

/** Builds a chart's spec from its default state (see the module comment). */
export function buildSpec(id: ChartId, defaultState: object, domains: Domains): ChartSpec {
  const d = defaultState as Record<string, unknown>;
  const keys = PATH_ORDER.filter((k) => k in d);
  const path = keys.map((key) => ({
    key,
    values:
      key === 'area'
        ? domains.areas
        : key === 'group'
          ? GROUPS
          : MEASURE_DOMAINS[id]
            ? MEASURE_DOMAINS[id]!
            : keys.includes('area')
            ? AREA_PATH_MEASURES
            : MEASURES,
  }));
  const hd = HIGHLIGHT_DOMAINS[id];
  const spec: ChartSpec = { id, path, defaults: structuredClone(d) };
  if (hd) spec.highlight = hd === 'group' ? GROUPS : domains.areas;
  if (Array.isArray(d.measures)) spec.measuresList = true;
  if (GROUPS_LIST_CHARTS.includes(id)) spec.groupsList = true;
  return spec;
}

/** What the reader sees: the chart's state plus whether the data table is open. */
export interface View<K extends ChartId = ChartId> {
  id: K;
  state: ChartStateMap[K];
  table: boolean;
}

// ---------------------------------------------------------------------------------------------
// Slugs

/** The path segment for a measure or group: `very_good` ↔ `very-good`. */
export const measureSlug = (measure: string): string => measure.replace(/_/g, '-');
const unslug = (segment: string): string => segment.replace(/-/g, '_');
const segmentOf = (key: PathKey, value: string): string => (key === 'area' ? value : measureSlug(value));
const valueOf = (key: PathKey, segment: string): string => (key === 'area' ? segment : unslug(segment));

// ---------------------------------------------------------------------------------------------
// Building

/** Path segments after /charts/ or /embed/ for a state: [id, area?, measure?, group?]. */
export function stateSegments(spec: ChartSpec, state: object): string[] {
  const s = state as Record<string, unknown>;
  const out: string[] = [spec.id];
  for (const p of spec.path) {
    const v = s[p.key];
    out.push(segmentOf(p.key, typeof v === 'string' && p.values.includes(v) ? v : String(p.values[0] ?? '')));
  }
  return out;
}

/** The query for the minor state (only what differs from the default). */
export function stateQuery(spec: ChartSpec, state: object, table = false): string {
  const s = state as Record<string, unknown>;
  const q = new URLSearchParams();
  if (spec.groupsList && isGroupList(s.groups)) q.set('groups', s.groups.join(','));
  if (spec.highlight && typeof s.highlight === 'string' && spec.highlight.includes(s.highlight)) {
    q.set('highlight', s.highlight);
  }
  if (spec.measuresList && Array.isArray(s.measures)) {
    const list = (s.measures as string[]).join(',');
    if (list !== (spec.defaults.measures as string[]).join(',')) q.set('measures', list);
  }
  if (table) q.set('table', '1');
  const str = q.toString();
  return str ? `?${str}` : '';
}

/** A list of distinct group ids, at least one: what `groups` may hold. */
function isGroupList(v: unknown): v is string[] {
  return (
    Array.isArray(v) &&
    v.length > 0 &&
    new Set(v).size === v.length &&
    v.every((g) => typeof g === 'string' && (GROUPS as readonly string[]).includes(g))
  );
}

/** Site-relative URL of a view: `/charts/area-change/aberfeldy/very-good/?table=1`. */
export function viewHref(spec: ChartSpec, state: object, table = false, kind: Kind = 'charts'): string {
  return `/${kind}/${stateSegments(spec, state).join('/')}/${stateQuery(spec, state, table)}`;
}

/** The prerendered path (no query) a state lives at. */
export function statePath(spec: ChartSpec, state: object, kind: Kind = 'charts'): string {
  return `/${kind}/${stateSegments(spec, state).join('/')}/`;
}

// ---------------------------------------------------------------------------------------------
// Parsing

/** Parameters pym.js parents add to an embed's URL: not chart state, never a notice. */
export const PYM_PARAMS = ['childId', 'initialWidth', 'parentTitle', 'parentUrl'] as const;

/**
 * Longest query string read at all, not counting the pym.js parameters (a host page's URL and
 * title, which the site never uses and cannot shorten); anything longer is ignored whole.
 */
export const MAX_QUERY_LENGTH = 1000;
/** Longest query string even with pym.js's parameters: past this, nothing is read. */
export const MAX_QUERY_WITH_PYM = 8000;

export const NOTICES = {
  chart: 'The link named a chart that does not exist, so the first chart is shown.',
  path: 'Part of the link was not recognised, so the chart shows its default view.',
  highlight: 'The highlight in the link was not recognised, so nothing is highlighted.',
  measures: 'The list of measures in the link was not recognised, so the default measures are shown.',
  groups: 'The list of groups in the link was not recognised, so every group is shown.',
  table: 'The table setting in the link was not recognised, so the table starts closed.',
  unknown: 'The link had settings this chart does not use; they were ignored.',
  long: 'The link’s settings were too long to read, so the chart shows its default view.',
} as const;
export type Notice = (typeof NOTICES)[keyof typeof NOTICES];

export interface Parsed {
  kind: Kind;
  view: View;
  spec: ChartSpec;
  notices: Notice[];
  /** Ids of the URL migrations that rewrote this URL before it was read (url-migrations.ts). */
  migrated: string[];
}

function pushNotice(list: Notice[], n: Notice) {
  if (!list.includes(n)) list.push(n);
}

/** A chart or embed path's kind and its segments after the kind; null for any other path. */
function splitPath(pathname: string): { kind: Kind; segments: string[] } | null {
  const segs = String(pathname).split('/').filter(Boolean);
  const kind = segs[0];
  if (kind !== 'charts' && kind !== 'embed') return null;
  return { kind, segments: segs.slice(1) };
}

/** A query string's pairs, or the notice that it was too long or unreadable to read at all. */
function queryPairs(search: string): [string, string][] | Notice {
  const raw = String(search ?? '');
  if (raw.length > MAX_QUERY_WITH_PYM) return NOTICES.long;
  let pairs: [string, string][];
  try {
    pairs = [...new URLSearchParams(raw.startsWith('?') ? raw.slice(1) : raw)];
  } catch {
    return NOTICES.path;
  }
  // pym.js appends parentUrl and parentTitle, with the host's own tracking parameters in them:
  // they must not push the chart's own settings past the cap. They are still never used.
  const own = pairs.filter(([k]) => !(PYM_PARAMS as readonly string[]).includes(k));
  if (new URLSearchParams(own).toString().length > MAX_QUERY_LENGTH) return NOTICES.long;
  return pairs;
}

/** Reads migrated path segments ([id, area?, measure?, group?]) against the specs. */
function readPath(
  segments: readonly string[],
  specs: Readonly<Record<string, ChartSpec>>,
): { spec: ChartSpec; state: Record<string, unknown>; notices: Notice[] } {
  const notices: Notice[] = [];
  const ids = Object.keys(specs);
  const rawId = segments[0] ?? '';
  let spec = Object.hasOwn(specs, rawId) ? specs[rawId] : undefined;
  if (!spec) {
    spec = specs[ids[0]!]!;
    pushNotice(notices, NOTICES.chart);
  }
  const state: Record<string, unknown> = structuredClone(spec.defaults) as Record<string, unknown>;
  const rest = segments.slice(1);
  spec.path.forEach((p, i) => {
    const seg = rest[i];
    const v = seg === undefined ? undefined : valueOf(p.key, seg);
    if (v !== undefined && p.values.includes(v)) state[p.key] = v;
    else {
      state[p.key] = p.values[0];
      pushNotice(notices, NOTICES.path);
    }
  });
  if (rest.length > spec.path.length) pushNotice(notices, NOTICES.path);
  return { spec, state, notices };
}

/** Applies migrated query pairs' minor state to a (valid) state from the path. */
function readQuery(
  spec: ChartSpec,
  pathState: object,
  pairs: readonly (readonly [string, string])[],
): { state: Record<string, unknown>; table: boolean; notices: Notice[] } {
  const state = structuredClone(pathState) as Record<string, unknown>;
  const notices: Notice[] = [];
  let table = false;
  for (const [key, value] of pairs) {
    if (key === 'highlight' && spec.highlight) {
      if (spec.highlight.includes(value)) state.highlight = value;
      else {
        delete state.highlight;
        pushNotice(notices, NOTICES.highlight);
      }
    } else if (key === 'measures' && spec.measuresList) {
      const list = value.split(',');
      const ok =
        list.length > 0 &&
        list.length <= MEASURES.length &&
        new Set(list).size === list.length &&
        list.every((m) => (MEASURES as readonly string[]).includes(m));
      if (ok) state.measures = list;
      else {
        state.measures = structuredClone(spec.defaults.measures);
        pushNotice(notices, NOTICES.measures);
      }
    } else if (key === 'groups' && spec.groupsList) {
      const list = value.split(',');
      if (isGroupList(list)) state.groups = list;
      else {
        delete state.groups;
        pushNotice(notices, NOTICES.groups);
      }
    } else if (key === 'table') {
      if (value === '1') table = true;
      else if (value === '0') table = false;
      else pushNotice(notices, NOTICES.table);
    } else if (!(PYM_PARAMS as readonly string[]).includes(key)) {
      pushNotice(notices, NOTICES.unknown);
    }
  }
  return { state, table, notices };
}

/**
 * Reads a path (`/charts/<id>/…/`) against the specs, after the URL migrations. Unknown chart → the
 * first spec; unknown or missing segments → that key's default (first value). Returns null when the
 * path is not a chart or embed path at all.
 */
export function parsePath(
  pathname: string,
  specs: Readonly<Record<string, ChartSpec>>,
  migrations: readonly UrlMigration[] = URL_MIGRATIONS,
): { kind: Kind; spec: ChartSpec; state: Record<string, unknown>; notices: Notice[] } | null {
  const path = splitPath(pathname);
  if (!path) return null;
  const { parts } = migrateParts({ segments: path.segments, query: [] }, migrations);
  return { kind: path.kind, ...readPath(parts.segments, specs) };
}

/**
 * Applies a query string's minor state to a (valid) state from the path, after the URL migrations
 * (run on the page's own path with this query, so an entry may read both). Never throws. The chart
 * pages and embeds call this in the browser: their path is prerendered, only the query is read.
 */
export function applyQuery(
  spec: ChartSpec,
  pathState: object,
  search: string,
  migrations: readonly UrlMigration[] = URL_MIGRATIONS,
): { state: Record<string, unknown>; table: boolean; notices: Notice[] } {
  const pairs = queryPairs(search);
  if (typeof pairs === 'string') return { state: structuredClone(pathState) as Record<string, unknown>, table: false, notices: [pairs] };
  const { parts } = migrateParts({ segments: stateSegments(spec, pathState), query: pairs }, migrations);
  return readQuery(spec, pathState, parts.query);
}

/**
 * Parses a whole URL (path + query), after the URL migrations; `migrated` names the entries that
 * applied. Null when it is not a chart or embed URL.
 */
export function parseUrl(
  url: string | URL,
  specs: Readonly<Record<string, ChartSpec>>,
  migrations: readonly UrlMigration[] = URL_MIGRATIONS,
): Parsed | null {
  let u: URL;
  try {
    u = new URL(String(url), 'https://example.invalid');
  } catch {
    return null;
  }
  const path = splitPath(u.pathname);
  if (!path) return null;
  const pairs = queryPairs(u.search);
  const m = migrateParts({ segments: path.segments, query: typeof pairs === 'string' ? [] : pairs }, migrations);
  const p = readPath(m.parts.segments, specs);
  const q =
    typeof pairs === 'string'
      ? { state: p.state, table: false, notices: [pairs] }
      : readQuery(p.spec, p.state, m.parts.query);
  return {
    kind: path.kind,
    spec: p.spec,
    view: { id: p.spec.id, state: q.state as unknown as ChartStateMap[ChartId], table: q.table },
    notices: [...p.notices, ...q.notices],
    migrated: m.applied,
  };
}

/**
 * The current address of a chart or embed URL that a migration rewrites (path, query and hash kept
 * otherwise), or null when none applies: the 404 page moves there, so an old link whose path has no
 * prerendered page still reaches its view.
 */
export function migratedHref(href: string, migrations: readonly UrlMigration[] = URL_MIGRATIONS): string | null {
  let u: URL;
  try {
    u = new URL(String(href), 'https://example.invalid');
  } catch {
    return null;
  }
  const path = splitPath(u.pathname);
  if (!path) return null;
  const pairs = queryPairs(u.search);
  if (typeof pairs === 'string') return null;
  const m = migrateParts({ segments: path.segments, query: pairs }, migrations);
  if (m.applied.length === 0) return null;
  const query = new URLSearchParams(m.parts.query.map(([k, v]) => [k, v])).toString();
  const next = `/${path.kind}/${m.parts.segments.join('/')}/${query ? `?${query}` : ''}${u.hash}`;
  return next === u.pathname + u.search + u.hash ? null : next;
}

// ---------------------------------------------------------------------------------------------
// Enumeration

export interface ChartStateEntry {
  id: ChartId;
  state: Record<string, unknown>;
  /** [id, area?, measure?, group?]: the page's path segments after /charts/ or /embed/. */
  segments: string[];
}

/** Every prerendered state: the cartesian product of each chart's path domains. */
export function allChartStates(specs: Readonly<Record<string, ChartSpec>>): ChartStateEntry[] {
  const out: ChartStateEntry[] = [];
  for (const spec of Object.values(specs)) {
    let states: Record<string, unknown>[] = [structuredClone(spec.defaults) as Record<string, unknown>];
    for (const p of spec.path) {
      states = states.flatMap((s) => p.values.map((v) => ({ ...s, [p.key]: v })));
    }
    for (const state of states) out.push({ id: spec.id, state, segments: stateSegments(spec, state) });
  }
  return out;
}
