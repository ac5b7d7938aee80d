/** Plain words for a footprint's confidence and method (the codes come from the area list). */
import type { FootprintConfidence } from '../../data/schema.ts';
import { allOfficial } from '../../charts/words.ts';

export const CONFIDENCE_WORDS: Record<FootprintConfidence, { label: string; means: string }> = {
  high: {
    label: 'High',
    means: 'public sources name the parts of the area, and the neighbourhoods chosen match them.',
  },
  medium: {
    label: 'Medium',
    means: 'the area was matched to a ward or a named place, consistent with what public sources say about it.',
  },
  low: {
    label: 'Low',
    means: 'the area was placed from a rough location only.',
  },
  official: { label: 'Official', means: 'the boundary is the programme’s own.' },
  unknown: { label: 'Unknown', means: 'there is no record of how the footprint was chosen.' },
};

export const METHOD_WORDS: Record<string, string> = {
  described: 'chosen from public descriptions of the area (its estates, streets or villages)',
  ward: 'the area is named after a ward; the footprint follows that ward',
  'named-place': 'the area is named after a place; the footprint covers that place',
  locator: 'placed from a rough location only',
  official: 'the programme’s official boundary, used instead of this site’s own estimate',
};

export const methodWords = (method: string): string => METHOD_WORDS[method] ?? method;

/** What the site's footprints are, for the areas index and each area page. */
export function footprintsNote(areas: ReadonlyArray<{ confidence: string }>): string {
  if (allOfficial(areas)) {
    return 'The Big Local boundaries on this site are official ones; each area’s figures are those of the census neighbourhoods (LSOAs) inside its boundary.';
  }
  return (
    'Big Local footprints on this site are approximate: best-fit sets of whole census neighbourhoods (LSOAs), chosen from public information, not official Big Local boundaries. ' +
    'An independent check of a sample of them found a few that needed correcting (corrected here); expect some of the others to be imperfect in similar ways.'
  );
}
