/**
 * Chart id → module. The map is typed per id, so `charts['area-changes'].render` only accepts
 * BigLocalArea[] and an area-changes state. States are plain JSON-serialisable objects.
 */
import type { BigLocalArea, Robustness, Summary } from '../data/constants.ts';
import * as areaChange from './area-change.ts';
import * as areaChanges from './area-changes.ts';
import * as areaHealth from './area-health.ts';
import * as areaMap from './area-map.ts';
import * as didInterval from './did-interval.ts';
import * as englandHealth from './england-health.ts';
import * as englandMap from './england-map.ts';
import * as groupComparison from './group-comparison.ts';
import * as placebo from './placebo.ts';
import * as robustness from './robustness.ts';
import type { RenderOptions, Size, TableData } from './svg.ts';
import { areaCaveatNote, footprintSourceNote } from './words.ts';

export const CHART_IDS = [
  'england-health',
  'group-comparison',
  'area-changes',
  'did-interval',
  'area-change',
  'area-health',
  'england-map',
  'area-map',
  'placebo',
  'robustness',
] as const;
export type ChartId = (typeof CHART_IDS)[number];

export interface ChartDataMap {
  'england-health': Summary;
  'group-comparison': Summary;
  'area-changes': BigLocalArea[];
  'did-interval': Summary;
  'area-change': areaChange.Data;
  'area-health': areaHealth.Data;
  'england-map': englandMap.Data;
  'area-map': areaMap.Data;
  placebo: Robustness;
  robustness: Robustness;
}

export interface ChartStateMap {
  'england-health': englandHealth.State;
  'group-comparison': groupComparison.State;
  'area-changes': areaChanges.State;
  'did-interval': didInterval.State;
  'area-change': areaChange.State;
  'area-health': areaHealth.State;
  'england-map': englandMap.State;
  'area-map': areaMap.State;
  placebo: placebo.State;
  robustness: robustness.State;
}

/** What every chart module (`src/charts/<id>.ts`) exports and the drawing path calls. */
export interface ChartCode<D = unknown, S = unknown> {
  render(data: D, state: S, size: Size, opts?: RenderOptions): string;
  tableRows(data: D, state: S): TableData;
  title(data: D, state: S): string;
  summary(data: D, state: S): string;
  defaultState: Readonly<S>;
}

/** A registered chart: its module plus what the registry adds. */
export interface ChartModule<D, S> extends ChartCode<D, S> {
  id: ChartId;
  /** The source line to print under the chart (a map's depends on how its footprints were made). */
  source(data: D): string;
}

/**
 * A chart whose id is only known at run time (a page or enhancer that holds any id): data and state
 * are `unknown`, so the caller vouches that they belong to the chart, as `dataFor` and the URL
 * parser do. Every registered chart is one without a cast (methods compare bivariantly).
 */
export type AnyChart = ChartModule<unknown, unknown>;

export type ChartRegistry = { [K in ChartId]: ChartModule<ChartDataMap[K], ChartStateMap[K]> };

const CENSUS =
  'Source: ONS, Census 2011 (table QS302EW) and Census 2021 (TS037), general health of all usual residents';
const BOUNDARIES = 'Boundaries: ONS Open Geography Portal (generalised), contains OS data © Crown copyright and database right';
const FOOTPRINTS = 'Big Local footprints and similar-area weights (IMD deciles within region): this site’s analysis';
/** How the site's intervals are made, for a source line. */
const placeboIntervalNote = (sets: number) =>
  `95% intervals from ${sets.toLocaleString('en-GB')} placebo sets of similar neighbourhoods that got no Big Local money (see the method), so an interval need not be centred on its estimate.`;

export const charts: ChartRegistry = {
  'england-health': { ...pick(englandHealth), id: 'england-health', source: () => `${CENSUS}.` },
  'group-comparison': { ...pick(groupComparison), id: 'group-comparison', source: () => `${CENSUS}. ${FOOTPRINTS}.` },
  'area-changes': { ...pick(areaChanges), id: 'area-changes', source: () => `${CENSUS}. ${FOOTPRINTS}.` },
  'did-interval': {
    ...pick(didInterval),
    id: 'did-interval',
    source: (d) => `${CENSUS}. ${FOOTPRINTS}. ${placeboIntervalNote(d.interval.sets)}`,
  },
  // An area's health charts carry its caveat (fast growth, a rough footprint) in their source line,
  // so that an embed, a download or a share card of Dartford's +13 pp says why it moved.
  'area-change': { ...pick(areaChange), id: 'area-change', source: (d) => withCaveat(`${CENSUS}. ${FOOTPRINTS}.`, d.area) },
  'area-health': { ...pick(areaHealth), id: 'area-health', source: (d) => withCaveat(`${CENSUS}. ${FOOTPRINTS}.`, d.area) },
  'england-map': { ...pick(englandMap), id: 'england-map', source: (d) => `${CENSUS}. ${BOUNDARIES}. ${footprintSourceNote(d.areas)}` },
  'area-map': { ...pick(areaMap), id: 'area-map', source: (d) => `${CENSUS}. ${BOUNDARIES}. ${footprintSourceNote([d.area])}` },
  placebo: {
    ...pick(placebo),
    id: 'placebo',
    source: (d) =>
      `${CENSUS}. ${FOOTPRINTS}. Placebo sets: clusters of adjacent similar neighbourhoods matched to each Big Local area’s region, size and deprivation decile, drawn with seed ${d.placebo.seed}.`,
  },
  robustness: {
    ...pick(robustness),
    id: 'robustness',
    source: (d) => `${CENSUS}. ${FOOTPRINTS}. ${placeboIntervalNote(d.intervals.sets)} Each row’s interval is its bootstrap interval widened, on each side, in the same proportion as the main comparison’s.`,
  },
};

function withCaveat(source: string, area: BigLocalArea): string {
  const note = areaCaveatNote(area);
  return note ? `${source} ${note}` : source;
}

function pick<D, S>(m: Omit<ChartModule<D, S>, 'id' | 'source'>): Omit<ChartModule<D, S>, 'id' | 'source'> {
  return {
    render: m.render,
    tableRows: m.tableRows,
    title: m.title,
    summary: m.summary,
    defaultState: m.defaultState,
  };
}

export function getChart<K extends ChartId>(id: K): ChartRegistry[K] {
  return charts[id];
}

/** The chart for an id held loosely (see AnyChart). */
export function anyChart(id: ChartId): AnyChart {
  return charts[id];
}

export function isChartId(value: string): value is ChartId {
  return (CHART_IDS as readonly string[]).includes(value);
}

/** A fresh copy of a chart's default state, safe to mutate. */
export function defaultStateOf<K extends ChartId>(id: K): ChartStateMap[K] {
  return structuredClone(charts[id].defaultState) as ChartStateMap[K];
}
