/**
 * One Big Local area's change in a measure beside its similar areas, its local authority and
 * England, in the dumbbell form of group-comparison.
 */
import { MEASURE_LABELS, type BigLocalArea, type HealthChange, type HealthMeasure, type Place } from '../data/constants.ts';
import { dumbbell, type DumbbellLayout, type DumbbellRow } from './dumbbell.ts';
import { lowerFirst, round1, type RenderOptions, type Size, type TableData, chartRenderer } from './svg.ts';
import { changeMovement, comparisons, fromTo, ladLabel, ladPhrase } from './words.ts';

export const id = 'area-change';

export interface Data {
  area: BigLocalArea;
  /** The local authority district the area lies in. */
  lad: Place;
  england: HealthChange;
}

export interface State {
  /** The area's code; empty means "whichever area the data holds". */
  area: string;
  measure: HealthMeasure;
}

export const defaultState: State = { area: '', measure: 'very_good' };

interface Row {
  key: string;
  label: string;
  /** How the summary names it. */
  phrase: string;
  colour: DumbbellRow['colour'];
  health: HealthChange;
}

function rowsOf(data: Data, state: State): Row[] {
  if (state.area && state.area !== data.area.code) {
    throw new Error(`area-change: state is for area "${state.area}" but the data is for "${data.area.code}"`);
  }
  return [
    { key: data.area.code, label: data.area.name, phrase: data.area.name, colour: 'area', health: data.area.health },
    { key: 'comparator', label: 'Its similar areas', phrase: 'its similar areas', colour: 'comparator', health: data.area.comparator },
    { key: data.lad.code, label: ladLabel(data.area.name, data.lad.name), phrase: ladPhrase(data.area.name, data.lad.name), colour: 'lad', health: data.lad.health },
    { key: 'england', label: 'England', phrase: 'England', colour: 'england', health: data.england },
  ];
}

export function title(data: Data, state: State): string {
  return `${MEASURE_LABELS[state.measure]} in ${data.area.name}, 2011 and 2021, beside similar areas, ${ladPhrase(data.area.name, data.lad.name)} and England`;
}

export function summary(data: Data, state: State): string {
  const m = state.measure;
  const [focus, ...others] = rowsOf(data, state);
  const h = focus!.health;
  const head =
    `Between 2011 and 2021 the share of residents in ${lowerFirst(MEASURE_LABELS[m])} ${changeMovement(h.changePp[m])} ` +
    `in ${focus!.phrase}, ${fromTo(h.pct2011[m], h.pct2021[m])}`;
  return `${head}: ${comparisons(h.changePp[m], others.map((o) => ({ change: o.health.changePp[m], label: o.phrase })))}.`;
}

export function tableRows(data: Data, state: State): TableData {
  const m = state.measure;
  return {
    columns: ['Place', '2011 (%)', '2021 (%)', 'Change (pp)'],
    rows: rowsOf(data, state).map((r) => [
      r.label,
      round1(r.health.pct2011[m]),
      round1(r.health.pct2021[m]),
      round1(r.health.changePp[m]),
    ]),
  };
}

export function layout(data: Data, state: State, size: Size): DumbbellLayout {
  const m = state.measure;
  const rows: DumbbellRow[] = rowsOf(data, state).map((r, i) => ({
    key: r.key,
    label: r.label,
    colour: r.colour,
    v2011: r.health.pct2011[m],
    v2021: r.health.pct2021[m],
    change: r.health.changePp[m],
    highlight: i === 0,
  }));
  return dumbbell(rows, size.width, `${MEASURE_LABELS[m]}, % of all usual residents`);
}

export const render: (data: Data, state: State, size: Size, opts?: RenderOptions) => string = chartRenderer(id, layout, title, summary);
