/**
 * Chart state ↔ URL: the only module that builds or parses chart URLs. The story, the chart
 * pages and the embeds all go through it, so a permalink, an embed and a share image can never
 * disagree about what a chart shows.
 *
 * Path scheme (state that changes what a preview shows is in the path, minor state in the query):
 *   /charts/<chart-id>/[<area_code>/][<measure>/]?highlight=…&table=1
 *   /embed/<chart-id>/… (same scheme)
 * This first version only builds links; the share/embed work extends it with parsing.
 */
import type { ChartId, ChartStateMap } from '../charts/registry.ts';

/** The path segment for a measure: `very_good` ↔ `very-good`. */
export const measureSlug = (measure: string): string => measure.replace(/_/g, '-');

export function chartHref<K extends ChartId>(id: K, state: ChartStateMap[K], kind: 'charts' | 'embed' = 'charts'): string {
  const s = state as Record<string, unknown>;
  const parts = [kind, id];
  if (typeof s.area === 'string' && s.area) parts.push(s.area);
  if (typeof s.measure === 'string') parts.push(measureSlug(s.measure));
  const query = new URLSearchParams();
  if (typeof s.highlight === 'string' && s.highlight) query.set('highlight', s.highlight);
  const q = query.toString();
  return `/${parts.join('/')}/${q ? `?${q}` : ''}`;
}
