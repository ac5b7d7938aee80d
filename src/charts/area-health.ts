/** One Big Local area's five general-health categories in 2011 and 2021 (same form as england-health). */
import type { BigLocalArea } from '../data/constants.ts';
import { stackedShares, stackedSummary, stackedTable, type StackedLayout } from './stacked.ts';
import { type RenderOptions, type Size, type TableData, chartRenderer } from './svg.ts';

export const id = 'area-health';

export interface Data {
  area: BigLocalArea;
}

export interface State {
  /** The area's code; empty means "whichever area the data holds". */
  area: string;
}

export const defaultState: State = { area: '' };

function checked(data: Data, state: State): BigLocalArea {
  if (state.area && state.area !== data.area.code) {
    throw new Error(`area-health: state is for area "${state.area}" but the data is for "${data.area.code}"`);
  }
  return data.area;
}

export function title(data: Data, state: State): string {
  return `General health in ${checked(data, state).name}, 2011 and 2021`;
}

export function summary(data: Data, state: State): string {
  const a = checked(data, state);
  return stackedSummary(a.health, a.name);
}

export function tableRows(data: Data, state: State): TableData {
  return stackedTable(checked(data, state).health);
}

export function layout(data: Data, state: State, size: Size): StackedLayout {
  return stackedShares(checked(data, state).health, size.width);
}

export const render: (data: Data, state: State, size: Size, opts?: RenderOptions) => string = chartRenderer(id, layout, title, summary);
