/**
 * Chart state ↔ URL: the only module that builds or parses chart URLs. The story, the chart
 * pages and the embeds all go through it, so a permalink, an embed and a share image can never
 * disagree about what a chart shows.
 *
 * Path scheme (everything a preview shows is in the path, so every state the Share control or a
 * story figure links to is a prerendered page whose card, oEmbed, downloads and no-JavaScript view
 * are that state; only the table toggle and did-interval's `measures` list are in the query):
 *   /charts/<chart-id>/[<area_code>/][<measure>/][<group>/][groups/<g>+<g>/][highlight/<value>/]?measures=…&table=1
 *   /embed/<chart-id>/… (same scheme)
 * e.g. /charts/area-changes/very-good/highlight/aberfeldy/, /charts/group-comparison/very-good/groups/england+big-local/.
 *
 * Which keys a chart has is read from its default state (`area`, `measure`, `group` go in the path,
 * a `measures` list in the query), plus the `HIGHLIGHT_DOMAINS` table for the optional highlight
 * (`HIGHLIGHT_MEASURES` where only some measures' highlights have pages) and `GROUPS_LISTS` for the
 * lists of groups a chart may show, so a new chart whose state uses these keys gets permalinks,
 * embeds and images without touching this file. Links from before December 2026 had `?highlight=`
 * and `?groups=` in the query: a URL migration moves them into the path.
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
import { GROUP_IDS, HEALTH_MEASURES, ROBUSTNESS_MEASURES, type GroupId, type HealthMeasure } from '../data/constants.ts';
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
 * Measures whose highlighted states are prerendered, for charts where not every measure's are:
 * area-changes can highlight any of 150 areas, so only on the two headline measures (300 pages);
 * on its other measures the chart page offers no highlight, and a link's highlight there is dropped
 * with a notice. Absent: every state of the chart may be highlighted.
 */
export const HIGHLIGHT_MEASURES: Partial<Record<string, readonly HealthMeasure[]>> = {
  'area-changes': AREA_PATH_MEASURES,
};

/**
 * Per chart, the lists of groups its state may name, in order (`groups`: optional, all three when
 * absent, so the default state cannot say it). A closed list, each one a prerendered state: the
 * story's steps show England and Big Local before similar areas arrive (src/story/steps.ts;
 * url.test.ts checks every step is a state this grammar writes), and their Share links must open
 * the same chart. In the path: `groups/england+big-local`.
 */
export const GROUPS_LISTS: Partial<Record<string, readonly (readonly GroupId[])[]>> = {
  'group-comparison': [['england', 'big_local']],
};

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
  /** Measures whose states may be highlighted (absent: every state). */
  highlightMeasures?: readonly string[];
  /** Whether the state holds a `measures` list (query `measures=a,b`). */
  measuresList?: boolean;
  /** Lists of groups the state may hold (path `groups/a+b`; absent from the state: every group). */
  groupsLists?: readonly (readonly string[])[];
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
  if (hd && HIGHLIGHT_MEASURES[id]) spec.highlightMeasures = HIGHLIGHT_MEASURES[id];
  if (Array.isArray(d.measures)) spec.measuresList = true;
  if (GROUPS_LISTS[id]) spec.groupsLists = GROUPS_LISTS[id];
  return spec;
}

/** The state's `groups`, when it is one of the spec's lists (anything else means every group). */
function groupsListOf(spec: ChartSpec, state: Record<string, unknown>): readonly string[] | undefined {
  const g = state.groups;
  if (!Array.isArray(g) || !spec.groupsLists) return undefined;
  return spec.groupsLists.find((list) => list.length === g.length && list.every((x, i) => x === g[i]));
}

/**
 * What a state may highlight: nothing when its measure's highlights have no pages; for a chart that
 * highlights groups, only a group the state shows.
 */
export function highlightValues(spec: ChartSpec, state: object): readonly string[] {
  const s = state as Record<string, unknown>;
  if (!spec.highlight) return [];
  if (spec.highlightMeasures && !(typeof s.measure === 'string' && spec.highlightMeasures.includes(s.measure))) return [];
  const groups = groupsListOf(spec, s);
  return groups ? spec.highlight.filter((v) => groups.includes(v)) : spec.highlight;
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

/**
 * Path segments after /charts/ or /embed/ for a state:
 * [id, area?, measure?, group?, ('groups', 'a+b')?, ('highlight', value)?].
 */
export function stateSegments(spec: ChartSpec, state: object): string[] {
  const s = state as Record<string, unknown>;
  const out: string[] = [spec.id];
  for (const p of spec.path) {
    const v = s[p.key];
    out.push(segmentOf(p.key, typeof v === 'string' && p.values.includes(v) ? v : String(p.values[0] ?? '')));
  }
  const groups = groupsListOf(spec, s);
  if (groups) out.push('groups', groups.map(measureSlug).join('+'));
  if (typeof s.highlight === 'string' && highlightValues(spec, s).includes(s.highlight)) out.push('highlight', measureSlug(s.highlight));
  return out;
}

/** The state without its highlight: the state whose page holds the data files (CSV, render data) a highlighted state shares. */
export function unhighlighted<S extends object>(state: S): S {
  const { highlight: _drop, ...rest } = state as Record<string, unknown>;
  return rest as S;
}

/** The query for the minor state (only what differs from the default). */
export function stateQuery(spec: ChartSpec, state: object, table = false): string {
  const s = state as Record<string, unknown>;
  const q = new URLSearchParams();
  if (spec.measuresList && Array.isArray(s.measures)) {
    const list = (s.measures as string[]).join(',');
    if (list !== (spec.defaults.measures as string[]).join(',')) q.set('measures', list);
  }
  if (table) q.set('table', '1');
  const str = q.toString();
  return str ? `?${str}` : '';
}

/** Site-relative URL of a view: `/charts/area-change/aberfeldy/very-good/?table=1`. */
export function viewHref(spec: ChartSpec, state: object, table = false, kind: Kind = 'charts'): string {
  return `/${kind}/${stateSegments(spec, state).join('/')}/${stateQuery(spec, state, table)}`;
}

/** The prerendered path (no query) a state lives at. */
export function statePath(spec: ChartSpec, state: object, kind: Kind = 'charts'): string {
  return `/${kind}/${stateSegments(spec, state).join('/')}/`;
}

/** The chart page whose files (CSVs, render-data.json) a state uses: a highlight changes only the drawing. */
export function dataPath(spec: ChartSpec, state: object): string {
  return statePath(spec, unhighlighted(state));
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
  highlightHere: 'This view of the chart cannot highlight what the link named, so nothing is highlighted.',
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
  readPathPairs(spec, state, rest.slice(spec.path.length), notices);
  return { spec, state, notices };
}

/**
 * Reads the optional `groups/<a>+<b>` and `highlight/<value>` pairs after the positional segments.
 * Values are matched by their slug against the closed lists, so nothing read is ever echoed.
 */
function readPathPairs(spec: ChartSpec, state: Record<string, unknown>, pairs: readonly string[], notices: Notice[]) {
  const seen: Record<string, string> = {};
  for (let i = 0; i < pairs.length; i += 2) {
    const key = pairs[i]!;
    const value = pairs[i + 1];
    const known = (key === 'groups' && spec.groupsLists) || (key === 'highlight' && spec.highlight);
    if (!known || value === undefined || Object.hasOwn(seen, key)) pushNotice(notices, NOTICES.path);
    else seen[key] = value;
  }
  if (seen.groups !== undefined) {
    const list = spec.groupsLists!.find((l) => l.map(measureSlug).join('+') === seen.groups);
    if (list) state.groups = [...list];
    else pushNotice(notices, NOTICES.groups);
  }
  if (seen.highlight !== undefined) {
    const v = highlightValues(spec, state).find((h) => measureSlug(h) === seen.highlight);
    if (v) state.highlight = v;
    else pushNotice(notices, spec.highlight!.some((h) => measureSlug(h) === seen.highlight) ? NOTICES.highlightHere : NOTICES.highlight);
  }
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
    if (key === 'measures' && spec.measuresList) {
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
  /** The page's path segments after /charts/ or /embed/ (stateSegments). */
  segments: string[];
}

/**
 * Every prerendered state: the cartesian product of each chart's path domains, then each of those
 * with each list of groups it may show, then each of those with each highlight it may have.
 */
export function allChartStates(specs: Readonly<Record<string, ChartSpec>>): ChartStateEntry[] {
  const out: ChartStateEntry[] = [];
  for (const spec of Object.values(specs)) {
    let states: Record<string, unknown>[] = [structuredClone(spec.defaults) as Record<string, unknown>];
    for (const p of spec.path) {
      states = states.flatMap((s) => p.values.map((v) => ({ ...s, [p.key]: v })));
    }
    states = states.flatMap((s) => [s, ...(spec.groupsLists ?? []).map((groups) => ({ ...s, groups: [...groups] }))]);
    states = states.flatMap((s) => [s, ...highlightValues(spec, s).map((highlight) => ({ ...s, highlight }))]);
    for (const state of states) out.push({ id: spec.id, state, segments: stateSegments(spec, state) });
  }
  return out;
}
