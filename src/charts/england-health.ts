/**
 * England's (or any group's) five general-health categories in 2011 and 2021, as two 100%
 * stacked bars.
 */
import { GROUP_IDS, type GroupId, type Summary } from '../data/constants.ts';
import { stackedShares, stackedSummary, stackedTable, type StackedLayout } from './stacked.ts';
import { type RenderOptions, type Size, type TableData, chartRenderer } from './svg.ts';
import { GROUP_PHRASES } from './words.ts';

export const id = 'england-health';

export interface State {
  group: GroupId;
}

export const defaultState: State = { group: 'england' };

function groupOf(state: State): GroupId {
  return GROUP_IDS.includes(state.group) ? state.group : 'england';
}

function placeLabel(g: GroupId): string {
  return GROUP_PHRASES[g];
}

export function title(_data: Summary, state: State): string {
  return `General health in ${placeLabel(groupOf(state))}, 2011 and 2021`;
}

export function summary(data: Summary, state: State): string {
  const g = groupOf(state);
  return stackedSummary(data.groups[g], placeLabel(g));
}

export function tableRows(data: Summary, state: State): TableData {
  return stackedTable(data.groups[groupOf(state)]);
}

export function layout(data: Summary, state: State, size: Size): StackedLayout {
  return stackedShares(data.groups[groupOf(state)], size.width);
}

export const render: (data: Summary, state: State, size: Size, opts?: RenderOptions) => string = chartRenderer(id, layout, title, summary);
