/**
 * Dumbbell chart: one measure's share in 2011 and 2021 for England, Big Local areas and similar
 * areas, with the change in percentage points.
 */
import { GROUP_IDS, GROUP_LABELS, MEASURE_LABELS, type GroupId, type HealthMeasure, type Summary } from '../data/constants.ts';
import { dumbbell, type DumbbellLayout } from './dumbbell.ts';
import { lowerFirst, round1, type RenderOptions, type Size, type TableData, chartRenderer } from './svg.ts';
import { changeMovement, comparisons, fromTo, GROUP_PHRASES, listJoin } from './words.ts';

export const id = 'group-comparison';

export interface State {
  measure: HealthMeasure;
  /** Which groups to show, in this order; all three when absent. */
  groups?: GroupId[];
  /** A group to emphasise. */
  highlight?: GroupId;
}

export const defaultState: State = { measure: 'very_good' };

function groupsOf(state: State): GroupId[] {
  const wanted = state.groups && state.groups.length > 0 ? state.groups : [...GROUP_IDS];
  return wanted.filter((g, i) => GROUP_IDS.includes(g) && wanted.indexOf(g) === i);
}

/** The group the summary is about: the highlighted one, else Big Local, else the first shown. */
function focusOf(state: State, groups: GroupId[]): GroupId {
  if (state.highlight && groups.includes(state.highlight)) return state.highlight;
  if (groups.includes('big_local')) return 'big_local';
  return groups[0] ?? 'england';
}

export function title(_data: Summary, state: State): string {
  return `${MEASURE_LABELS[state.measure]}, 2011 and 2021: ${listJoin(groupsOf(state).map((g) => GROUP_PHRASES[g]))}`;
}

export function summary(data: Summary, state: State): string {
  const groups = groupsOf(state);
  const focus = focusOf(state, groups);
  const m = state.measure;
  const fc = data.groups[focus];
  const measure = lowerFirst(MEASURE_LABELS[m]);
  const head =
    `Between 2011 and 2021 the share of residents in ${measure} ${changeMovement(fc.changePp[m])} ` +
    `in ${lowerGroup(focus)}, ${fromTo(fc.pct2011[m], fc.pct2021[m])}`;
  const others = groups.filter((g) => g !== focus);
  if (others.length === 0) return `${head}.`;
  return `${head}: ${comparisons(fc.changePp[m], others.map((g) => ({ change: data.groups[g].changePp[m], label: lowerGroup(g) })))}.`;
}

function lowerGroup(g: GroupId): string {
  return GROUP_PHRASES[g];
}

export function tableRows(data: Summary, state: State): TableData {
  const m = state.measure;
  return {
    columns: ['Group', '2011 (%)', '2021 (%)', 'Change (pp)'],
    rows: groupsOf(state).map((g) => {
      const h = data.groups[g];
      return [GROUP_LABELS[g], round1(h.pct2011[m]), round1(h.pct2021[m]), round1(h.changePp[m])];
    }),
  };
}

export function layout(data: Summary, state: State, size: Size): DumbbellLayout {
  const m = state.measure;
  const rows = groupsOf(state).map((g) => {
    const h = data.groups[g];
    return {
      key: g,
      label: GROUP_LABELS[g],
      colour: g,
      v2011: h.pct2011[m],
      v2021: h.pct2021[m],
      change: h.changePp[m],
      highlight: state.highlight === g,
    };
  });
  return dumbbell(rows, size.width, `${MEASURE_LABELS[m]}, % of all usual residents`);
}

export const render: (data: Summary, state: State, size: Size, opts?: RenderOptions) => string = chartRenderer(id, layout, title, summary);
