/**
 * Share cards (1200×630) for the pages people share that are not chart pages: the story, /areas/,
 * each area page and /method/. Each is drawn from a prerendered chart state (the story's
 * like-for-like comparison, the England map, the area's own change, the difference chart) by the
 * same `ogSvg` as the chart pages' cards, so a shared page shows its data and not a text-only card.
 * The story and area cards carry the page's title (the pages read it from here); the method page's
 * title is METHOD.md's heading, so its card names what the page holds instead. The PNGs are served by src/pages/cards/[...card].ts.
 */
import { areas, findArea, summary } from '../data/load.ts';
import { headline } from '../story/words.ts';
import { prerenderedStates, renderState, specs, type RenderedState } from '../state/chart-states.ts';
import { stateSegments } from '../state/url.ts';

export interface PageCard {
  /** The card's path under /cards/, without `.png`: `story`, `areas`, `method`, `areas/<code>`. */
  name: string;
  /** The title printed on the card. */
  title: string;
  /** The chart state drawn on the card. */
  chart: { id: string; state: Record<string, unknown> };
}

/** Titles shared by the pages and their cards, so those cards always name the page they share. */
export const AREAS_TITLE = 'Big Local areas';
export const areaTitle = (name: string) => `${name}: health in 2011 and 2021`;
const METHOD_CARD_TITLE = 'How the figures were made: method, sources and checks';

export const storyCard = (): PageCard => ({
  name: 'story',
  title: headline(summary),
  chart: { id: 'group-comparison', state: { measure: 'very_good' } },
});
export const areasCard = (): PageCard => ({ name: 'areas', title: AREAS_TITLE, chart: { id: 'england-map', state: { measure: 'very_good' } } });
export const methodCard = (): PageCard => ({ name: 'method', title: METHOD_CARD_TITLE, chart: { id: 'did-interval', state: {} } });
export function areaCard(code: string): PageCard {
  const area = findArea(code);
  if (!area) throw new Error(`page card: unknown area ${code}`);
  return { name: `areas/${code}`, title: areaTitle(area.name), chart: { id: 'area-change', state: { area: code, measure: 'very_good' } } };
}

/** Every page card (what src/pages/cards/[...card].ts renders). */
export function allPageCards(): PageCard[] {
  return [storyCard(), areasCard(), methodCard(), ...areas.map((a) => areaCard(a.code))];
}

/** The chart state's render with the card's title in place of the chart's (what ogSvg draws). */
export function renderCard(card: PageCard): RenderedState {
  const spec = specs[card.chart.id];
  if (!spec) throw new Error(`page card ${card.name}: unknown chart ${card.chart.id}`);
  const key = stateSegments(spec, { ...spec.defaults, ...card.chart.state }).join('/');
  const entry = prerenderedStates().find((e) => e.segments.join('/') === key);
  if (!entry) throw new Error(`page card ${card.name}: no prerendered state ${key}`);
  return { ...renderState(entry), title: card.title };
}

/** The card of a page: its image URL (site-relative) and alt text, for Base's `image`/`imageAlt`. */
export function cardImage(card: PageCard): { image: string; imageAlt: string } {
  const r = renderCard(card);
  return { image: `/cards/${card.name}.png`, imageAlt: `Chart: ${r.title}. ${r.summary}` };
}
