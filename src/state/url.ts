/**
 * Chart state ↔ URL: the only module that builds or parses chart URLs. The story, the chart
 * pages and the embeds all go through it, so a permalink, an embed and a share image can never
 * disagree about what a chart shows.
 *
 * Path scheme (state that changes what a preview shows is in the path, minor state in the query):
 *   /charts/<chart-id>/[<area_code>/][<measure>/][<group>/]?highlight=…&measures=…&table=1
 *   /embed/<chart-id>/… (same scheme)
 *
 * Which keys a chart has is read from its default state (`area`, `measure`, `group` go in the path,
 * a `measures` list in the query), plus the `HIGHLIGHT_DOMAINS` table for the optional highlight, so a
 * new chart whose state uses these keys gets permalinks, embeds and images without touching this file.
 *
 * Runs in the browser too: it imports types only (no zod, no d3, no chart code). Everything read
 * from a URL is validated against a closed list; anything else falls back to the default and adds
 * a notice. Notices never quote the input.
 */
import type { ChartId, ChartStateMap } from '../charts/registry.ts';
import type { GroupId, HealthMeasure } from '../data/constants.ts';

export type Kind = 'charts' | 'embed';

/** Same order as HEALTH_MEASURES in schema.ts (url.test.ts checks); copied to keep zod out of the browser. */
export const MEASURES = [
  'very_good',
  'good',
  'fair',
  'bad',
  'very_bad',
  'very_good_or_good',
  'bad_or_very_bad',
] as const satisfies readonly HealthMeasure[];
/** Same as GROUP_IDS in schema.ts. */
export const GROUPS = ['england', 'big_local', 'similar_areas'] as const satisfies readonly GroupId[];

/**
 * The measures prerendered for charts that also have an area in the path (150 areas × 7 measures
 * would be too many pages and images); charts without an area get all seven.
 */
export const AREA_PATH_MEASURES = ['very_good', 'bad_or_very_bad'] as const satisfies readonly HealthMeasure[];

/** Charts that draw only some measures (the maps: map-scale.ts MAP_MEASURES; url.test.ts checks). */
export const MEASURE_DOMAINS: Partial<Record<string, readonly HealthMeasure[]>> = {
  'england-map': AREA_PATH_MEASURES,
  'area-map': AREA_PATH_MEASURES,
};

/** What a chart's optional `highlight` names, per chart id. */
export const HIGHLIGHT_DOMAINS: Partial<Record<string, 'group' | 'area'>> = {
  'group-comparison': 'group',
  'area-changes': 'area',
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
  /** Whether the state holds a `measures` list (query `measures=a,b`). */
  measuresList?: boolean;
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

/** Longest query string read at all; anything longer is ignored whole. */
export const MAX_QUERY_LENGTH = 1000;

export const NOTICES = {
  chart: 'The link named a chart that does not exist, so the first chart is shown.',
  path: 'Part of the link was not recognised, so the chart shows its default view.',
  highlight: 'The highlight in the link was not recognised, so nothing is highlighted.',
  measures: 'The list of measures in the link was not recognised, so the default measures are shown.',
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
}

function pushNotice(list: Notice[], n: Notice) {
  if (!list.includes(n)) list.push(n);
}

/**
 * Reads a path (`/charts/<id>/…/`) against the specs. Unknown chart → the first spec; unknown or
 * missing segments → that key's default (first value). Returns null when the path is not a chart
 * or embed path at all.
 */
export function parsePath(
  pathname: string,
  specs: Readonly<Record<string, ChartSpec>>,
): { kind: Kind; spec: ChartSpec; state: Record<string, unknown>; notices: Notice[] } | null {
  const segs = String(pathname).split('/').filter(Boolean);
  const kind = segs[0];
  if (kind !== 'charts' && kind !== 'embed') return null;
  const notices: Notice[] = [];
  const ids = Object.keys(specs);
  const rawId = segs[1] ?? '';
  let spec = Object.hasOwn(specs, rawId) ? specs[rawId] : undefined;
  if (!spec) {
    spec = specs[ids[0]!]!;
    pushNotice(notices, NOTICES.chart);
  }
  const state: Record<string, unknown> = structuredClone(spec.defaults) as Record<string, unknown>;
  const rest = segs.slice(2);
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
  return { kind, spec, state, notices };
}

/** Applies a query string's minor state to a (valid) state from the path. Never throws. */
export function applyQuery(
  spec: ChartSpec,
  pathState: object,
  search: string,
): { state: Record<string, unknown>; table: boolean; notices: Notice[] } {
  const state = structuredClone(pathState) as Record<string, unknown>;
  const notices: Notice[] = [];
  let table = false;
  const raw = String(search ?? '');
  if (raw.length > MAX_QUERY_LENGTH) return { state, table, notices: [NOTICES.long] };
  let q: URLSearchParams;
  try {
    q = new URLSearchParams(raw.startsWith('?') ? raw.slice(1) : raw);
  } catch {
    return { state, table, notices: [NOTICES.path] };
  }
  for (const [key, value] of q) {
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

/** Parses a whole URL (path + query). Null when it is not a chart or embed URL. */
export function parseUrl(url: string | URL, specs: Readonly<Record<string, ChartSpec>>): Parsed | null {
  let u: URL;
  try {
    u = new URL(String(url), 'https://example.invalid');
  } catch {
    return null;
  }
  const p = parsePath(u.pathname, specs);
  if (!p) return null;
  const q = applyQuery(p.spec, p.state, u.search);
  return {
    kind: p.kind,
    spec: p.spec,
    view: { id: p.spec.id, state: q.state as unknown as ChartStateMap[ChartId], table: q.table },
    notices: [...p.notices, ...q.notices],
  };
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
