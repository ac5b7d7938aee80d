/**
 * The one drawing path: a chart's title, summary, table and its two SVG drawings (a wide one and a
 * phone one; CSS container queries show the one that fits) from its module, data, state and widths.
 * Story and area figures (src/components/Figure.astro), chart pages and embeds
 * (src/state/chart-states.ts) and redraws in the browser (src/client/view.ts) all draw through
 * `drawChart`, at the widths of `DRAW_WIDTHS`.
 *
 * Browser-safe: it imports types only, so an enhancer that loads one chart module stays small.
 */
import type { ChartCode } from './registry.ts';
import type { TableData } from './svg.ts';

export interface DrawWidths {
  /** Width of the wide drawing, px. */
  wide: number;
  /** Width of the phone drawing, px; no phone drawing when the wide one is no wider. */
  narrow: number;
  /** Appended to the id prefix of each drawing, so the two never share an SVG id. */
  wideId: string;
  narrowId: string;
}

/**
 * Where charts are drawn and at which widths. The two places have different phone widths, and each
 * keeps its own: changing either would redraw every phone chart of that place.
 */
export const DRAW_WIDTHS = {
  /**
   * Story and area pages (Figure.astro): the wide drawing at the figure's own width (default 640,
   * set per figure); the phone drawing at 328 px, which fits a 375 px screen's content column
   * (≈ 340 px) without scaling.
   */
  figure: { wide: 640, narrow: 328, wideId: '-w', narrowId: '-n' },
  /**
   * Chart pages and embeds (ChartView.astro) and their redraws in the browser: the article width
   * (also the download PNG's, ×2) and 320 px for phones and narrow embeds.
   */
  view: { wide: 640, narrow: 320, wideId: '-wide', narrowId: '-narrow' },
} as const satisfies Record<string, DrawWidths>;

/** A chart's words and table: what a figure shows besides the drawing. */
export interface ChartText {
  title: string;
  summary: string;
  table: TableData;
}

export interface Drawing extends ChartText {
  /** SVG at `widths.wide`. */
  wide: string;
  /** SVG at `widths.narrow`, or '' when the wide drawing is already that narrow. */
  narrow: string;
}

/** Title, summary and table of a chart for one state (no drawing: for a figure that shows a map of its own). */
export function describeChart(chart: ChartCode, data: unknown, state: unknown): ChartText {
  return { title: chart.title(data, state), summary: chart.summary(data, state), table: chart.tableRows(data, state) };
}

/**
 * Draws a chart for one state at both widths. `idPrefix` (unique on the page) starts every id in
 * the SVGs; each drawing adds its suffix from `widths`.
 */
export function drawChart(chart: ChartCode, data: unknown, state: unknown, widths: DrawWidths, idPrefix: string): Drawing {
  return {
    ...describeChart(chart, data, state),
    wide: chart.render(data, state, { width: widths.wide }, { idPrefix: `${idPrefix}${widths.wideId}` }),
    narrow:
      widths.wide <= widths.narrow
        ? ''
        : chart.render(data, state, { width: widths.narrow }, { idPrefix: `${idPrefix}${widths.narrowId}` }),
  };
}
