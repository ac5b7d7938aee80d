/**
 * The share cards of the story, /areas/, the area pages and /method/ (src/share/page-cards.ts):
 * /cards/story.png, /cards/areas.png, /cards/method.png, /cards/areas/<code>.png.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { ogSvg, toPngAsync } from '../../share/compose.ts';
import { allPageCards, renderCard, type PageCard } from '../../share/page-cards.ts';

export const getStaticPaths = (() =>
  allPageCards().map((card) => ({ params: { card: `${card.name}.png` }, props: { card } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: PageCard }> = async ({ props }) =>
  new Response(new Uint8Array(await toPngAsync(ogSvg(renderCard(props.card)))), { headers: { 'Content-Type': 'image/png' } });
