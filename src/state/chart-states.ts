/**
 * Build-time side of url.ts: every chart's URL spec (from the registry and the data) and the data a
 * chart needs for a given state. Pages that enumerate chart states (chart pages, embeds, oEmbed,
 * downloads, images) all use `prerenderedStates()`, so a chart added to the registry gets every one
 * of them once `dataFor` knows how to feed it.
 */
import { DRAW_WIDTHS, drawChart } from '../charts/draw.ts';
import { anyChart, CHART_IDS, charts, type ChartDataMap, type ChartId, type ChartStateMap } from '../charts/registry.ts';
import type { TableData } from '../charts/svg.ts';
import { areas, districtOf, districts, englandDistricts, findArea, footprints, lsoaTopology, regions, robustness, summary } from '../data/load.ts';
import type { BigLocalArea } from '../data/constants.ts';
import { allChartStates, buildSpec, type ChartSpec, type ChartStateEntry } from './url.ts';

export const domains = { areas: areas.map((a) => a.code) };

export const specs: Record<string, ChartSpec> = Object.fromEntries(
  CHART_IDS.map((id) => [id, buildSpec(id, charts[id].defaultState, domains)]),
);

/** An area without the long fields no chart reads (LSOA and unit lists, evidence): what ships to browsers. */
function slimArea(a: BigLocalArea): BigLocalArea {
  return { ...a, lsoa21: [], units: [], evidence: '', method: '', sourceUrls: [] };
}
const slimAreas = areas.map(slimArea);

let englandMapData: ChartDataMap['england-map'] | undefined;

type Resolver<K extends ChartId> = (state: ChartStateMap[K]) => ChartDataMap[K];
/**
 * How to feed each chart. A chart id missing here is skipped (with a build warning) rather than
 * breaking the build: add its line when the chart lands.
 */
const resolvers: { [K in ChartId]?: Resolver<K> } = {
  'england-health': () => summary,
  'group-comparison': () => summary,
  'did-interval': () => summary,
  placebo: () => robustness,
  robustness: () => robustness,
  'area-changes': () => slimAreas,
  'area-change': (s) => {
    const area = findArea(s.area);
    if (!area) throw new Error(`area-change: unknown area ${s.area}`);
    return { area, lad: districtOf(area.ladCode), england: summary.groups.england };
  },
  'england-map': () => {
    englandMapData ??= { topology: englandDistricts(), districts, regions, areas };
    return englandMapData;
  },
  'area-map': (s) => {
    const area = findArea(s.area);
    if (!area) throw new Error(`area-map: unknown area ${s.area}`);
    return { area, lsoa: lsoaTopology(area.ladCode), footprints: footprints() };
  },
  'area-health': (s) => {
    const area = findArea(s.area);
    if (!area) throw new Error(`area-health: unknown area ${s.area}`);
    return { area };
  },
};

export function hasData(id: string): boolean {
  return Object.hasOwn(resolvers, id);
}

export function dataFor<K extends ChartId>(id: K, state: ChartStateMap[K]): ChartDataMap[K] {
  const r = resolvers[id] as Resolver<K> | undefined;
  if (!r) throw new Error(`no data resolver for chart ${id}`);
  return r(state);
}

/** The width the chart is drawn at in the article column (and ×2 for the download PNG). */
export const ARTICLE_WIDTH = DRAW_WIDTHS.view.wide;
/** The width drawn for narrow containers (phones, narrow embeds). */
export const NARROW_WIDTH = DRAW_WIDTHS.view.narrow;
/** Container width from which the wide drawing is shown (below it, the narrow one at its natural size). */
export const WIDE_FROM = 600;

export interface RenderedState extends ChartStateEntry {
  spec: ChartSpec;
  title: string;
  summary: string;
  source: string;
  table: TableData;
  /** Chart SVG at ARTICLE_WIDTH and at NARROW_WIDTH (id prefixes differ). */
  svgWide: string;
  svgNarrow: string;
  /** Words naming the state for page titles, e.g. the area's name and the measure. */
  label: string;
}

const warned = new Set<string>();
let cache: ChartStateEntry[] | undefined;

/** Every state that gets a chart page, an embed, downloads and images. */
export function prerenderedStates(): ChartStateEntry[] {
  if (!cache) {
    cache = allChartStates(specs).filter((e) => {
      if (hasData(e.id)) return true;
      if (!warned.has(e.id)) {
        warned.add(e.id);
        console.warn(`[chart-states] no data resolver for chart "${e.id}": no chart page, embed or images for it`);
      }
      return false;
    });
  }
  return cache;
}

const rendered = new Map<string, RenderedState>();

/**
 * Renders one state's chart, words and table (the building block of every per-state file). Cached:
 * the chart page, the embed and five files all use the same render (maps take ~50 ms each).
 */
export function renderState(entry: ChartStateEntry): RenderedState {
  const key = entry.segments.join('/');
  let r = rendered.get(key);
  if (!r) {
    r = renderUncached(entry);
    rendered.set(key, r);
  }
  return r;
}

function renderUncached(entry: ChartStateEntry): RenderedState {
  const id = entry.id;
  const c = anyChart(id);
  const state = entry.state;
  const data = dataFor(id, state as never);
  const area = typeof state.area === 'string' ? findArea(state.area) : undefined;
  const measure = typeof state.measure === 'string' ? state.measure.replace(/_/g, ' ') : '';
  const drawn = drawChart(c, data, state, DRAW_WIDTHS.view, id);
  return {
    ...entry,
    spec: specs[id]!,
    title: drawn.title,
    summary: drawn.summary,
    source: c.source(data),
    table: drawn.table,
    svgWide: drawn.wide,
    svgNarrow: drawn.narrow,
    label: [area?.name, measure].filter(Boolean).join(', '),
  };
}

type Change = BigLocalArea['health'];
/** A HealthChange cut down to one measure (what area-changes reads), counts dropped. */
function oneMeasure(h: Change, m: string): Change {
  const pick = (o: Record<string, number>) => ({ [m]: o[m] });
  return { changePp: pick(h.changePp), pct2011: pick(h.pct2011), pct2021: pick(h.pct2021) } as unknown as Change;
}

/**
 * The data the browser needs to redraw a state (only for charts with client-side minor state), cut
 * to what the chart reads for this state so embeds stay light. chart-states.test.ts checks that the
 * cut data draws the same SVG, words and table as the full data.
 */
export function clientData(entry: ChartStateEntry): unknown {
  const data = dataFor(entry.id, entry.state as never);
  if (entry.id === 'area-changes') {
    const m = String(entry.state.measure);
    return (data as BigLocalArea[]).map((a) => ({
      code: a.code,
      name: a.name,
      ladName: a.ladName,
      // The flags (hollow dot, ring) read the footprint's confidence and the residents in each census.
      confidence: a.confidence,
      health: {
        ...oneMeasure(a.health, m),
        counts2011: { residents: a.health.counts2011.residents },
        counts2021: { residents: a.health.counts2021.residents },
      },
      comparator: oneMeasure(a.comparator, m),
    }));
  }
  return data;
}

export function needsClientRender(spec: ChartSpec): boolean {
  return Boolean(spec.highlight || spec.measuresList);
}
