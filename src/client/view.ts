/**
 * Browser side of a chart view (ChartView.astro): reads the address (path and query) through
 * url.ts, redraws the chart when the state differs from the page's (a highlight picked in place, an
 * old `?highlight=` link, a `measures` list) with the same chart module and data as the build, and
 * shows notices for bad parameters. Chart code and data load only when a redraw is needed.
 */
import { DRAW_WIDTHS, drawChart } from '../charts/draw.ts';
import type { ChartCode } from '../charts/registry.ts';
import type { TableData } from '../charts/svg.ts';
import { tableCells } from '../charts/table.ts';
import { parseUrl, statePath, viewHref, type ChartSpec, type Kind, type Notice } from '../state/url.ts';

const modules = import.meta.glob<ChartCode>([
  '../charts/*.ts',
  '!../charts/*.test.ts',
  '!../charts/fixtures.ts',
  '!../charts/test-helpers.ts',
  '!../charts/registry.ts',
  '!../charts/draw.ts',
  '!../charts/table.ts',
]);

export interface ViewEl {
  root: HTMLElement;
  spec: ChartSpec;
  /** The state the page was prerendered for (path state, default minor state). */
  pathState: Record<string, unknown>;
  /** The unhighlighted state's chart page, which holds render-data.json (url.ts dataPath). */
  base: string;
}

export function findView(doc: Document = document): ViewEl | null {
  const root = doc.querySelector<HTMLElement>('[data-chart-view]');
  if (!root) return null;
  try {
    const spec = JSON.parse(root.dataset.spec ?? '') as ChartSpec;
    const pathState = JSON.parse(root.dataset.state ?? '') as Record<string, unknown>;
    return { root, spec, pathState, base: root.dataset.base ?? '' };
  } catch {
    return null;
  }
}

export interface Current {
  state: Record<string, unknown>;
  table: boolean;
  notices: Notice[];
}

/** The view an address names (after the URL migrations); the page's own state if it is not a chart URL. */
export function readLocation(v: ViewEl, href = location.pathname + location.search): Current {
  const p = parseUrl(href, { [v.spec.id]: v.spec });
  if (!p) return { state: structuredClone(v.pathState), table: false, notices: [] };
  return { state: p.view.state as unknown as Record<string, unknown>, table: p.view.table, notices: p.notices };
}

/**
 * Points the links that follow the chart's state (`data-state-link`: downloads, oEmbed, embed
 * preview, "Share or download") from the state the page was built for to `state`'s page.
 */
export function retargetStateLinks(v: ViewEl, root: ParentNode, state: Record<string, unknown>) {
  const moves = (['charts', 'embed'] as const).map((kind) => ({
    built: statePath(v.spec, v.pathState, kind),
    now: statePath(v.spec, state, kind),
  }));
  for (const a of root.querySelectorAll<HTMLAnchorElement>('a[data-state-link]')) {
    // Always from the href the page was built with, so a second redraw moves it again correctly.
    const href = (a.dataset.builtHref ??= a.getAttribute('href') ?? '');
    const move = moves.find((m) => href.startsWith(m.built));
    if (move) a.setAttribute('href', move.now + href.slice(move.built.length));
  }
}

export function hrefFor(v: ViewEl, c: Pick<Current, 'state' | 'table'>, kind: Kind): string {
  return viewHref(v.spec, c.state, c.table, kind);
}

let dataCache: Promise<unknown> | undefined;

/** Redraws title, summary, both drawings and the table for a state. */
export async function redraw(v: ViewEl, state: Record<string, unknown>): Promise<void> {
  const load = modules[`../charts/${v.spec.id}.ts`];
  if (!load) return;
  dataCache ??= fetch(`${v.base}render-data.json`).then((r) => {
    if (!r.ok) throw new Error(`render data: HTTP ${r.status}`);
    return r.json();
  });
  const [code, data] = await Promise.all([load(), dataCache]);
  const q = <T extends Element>(sel: string) => v.root.querySelector<T>(sel);
  // Drawn exactly as the build drew the page (chart-states.ts renderState): same path, same widths.
  const drawn = drawChart(code, data, state, DRAW_WIDTHS.view, v.spec.id);
  const wide = q<HTMLElement>('[data-chart-wide]');
  const narrow = q<HTMLElement>('[data-chart-narrow]');
  // Chart modules escape every text they draw (svg.ts escapeXml); the data is our own build output.
  if (wide) wide.innerHTML = drawn.wide;
  if (narrow) narrow.innerHTML = drawn.narrow;
  const title = q('[data-title]');
  if (title) title.textContent = drawn.title;
  const summary = q('[data-summary]');
  if (summary) summary.textContent = drawn.summary;
  const table = q<HTMLTableElement>('[data-table]');
  if (table) fillTable(table, drawn.table);
}

/** Refills the body of the table DataTable.astro built (plain style), with the same cells. */
function fillTable(table: HTMLTableElement, t: TableData) {
  const body = table.tBodies[0];
  if (!body) return;
  const rows = tableCells(t, 'plain').rows.map((row) => {
    const tr = document.createElement('tr');
    for (const cell of row) {
      const td = document.createElement('td');
      td.textContent = cell.text;
      if (cell.num) td.className = 'num';
      tr.append(td);
    }
    return tr;
  });
  body.replaceChildren(...rows);
}

/** Shows notices as text (never markup) in the page's role=status element. */
export function showNotices(el: Element | null, notices: readonly string[]) {
  if (!el) return;
  el.textContent = notices.join(' ');
}
