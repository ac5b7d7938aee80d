import { describe, expect, it } from 'vitest';
import { ogSvg } from './compose.ts';
import { prerenderedStates, renderState } from '../state/chart-states.ts';

/** The text of an SVG's <text> lines, joined with spaces. */
const words = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&apos;/g, '’').replace(/&amp;/g, '&')).join(' ');

describe('share card', () => {
  const state = (path: string) => {
    const entry = prerenderedStates().find((e) => e.segments.join('/') === path);
    if (!entry) throw new Error(`no chart state ${path}`);
    return renderState(entry);
  };

  it('keeps a flagged area’s caveat: the source wraps rather than being cut at one line', () => {
    // Dartford (real data): residents +66% and a low-confidence footprint.
    const r = state('area-change/dartford/very-good');
    expect(r.source).toContain('Read with care: its residents grew 66%');
    const card = words(ogSvg(r)).replace(/\s+/g, ' ');
    expect(card).toContain(r.source.replace(/\s+/g, ' '));
  });

  it('gives an ordinary area’s source on as few lines as it needs, and no caveat', () => {
    const r = state('area-change/aberfeldy/very-good');
    expect(r.source).not.toContain('Read with care');
    expect(words(ogSvg(r))).toContain('Source: ONS, Census 2011');
  });
});
