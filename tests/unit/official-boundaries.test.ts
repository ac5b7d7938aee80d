/**
 * Official boundaries are a drop-in: when every area's footprint is official, the story, the areas
 * index and the area pages stop calling the footprints approximate. Builds those pages against a
 * copy of the processed data with every area marked as the pipeline marks a dropped-in boundary.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BigLocalAreasSchema, SummarySchema } from '../../src/data/schema.ts';
import { buildStoryOnly, PROJECT, textOf } from './story-build.ts';

const PROCESSED = join(PROJECT, 'data', 'processed');
/** Phrases that describe this site's own approximate footprints. */
const APPROXIMATE = /approximate (footprint|best-fit)|footprints (on this site )?are approximate|boundaries are approximate|not official boundar/i;

describe('with official boundaries dropped in', () => {
  let tmp: string;
  let dist: string;
  const areas = BigLocalAreasSchema.parse(JSON.parse(readFileSync(join(PROCESSED, 'areas.json'), 'utf8')));
  const page = (path: string) => textOf(readFileSync(join(dist, path), 'utf8'));

  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'official-'));
    const data = join(tmp, 'processed');
    cpSync(PROCESSED, data, { recursive: true });
    // As run.ts writes them for an official footprint file.
    const official = areas.map((a) => ({ ...a, confidence: 'official' as const, method: 'official', evidence: '', sourceUrls: [] }));
    writeFileSync(join(data, 'areas.json'), JSON.stringify(official));
    const summary = SummarySchema.parse(JSON.parse(readFileSync(join(PROCESSED, 'summary.json'), 'utf8')));
    const byConfidence = { high: 0, medium: 0, low: 0, unknown: 0, official: official.length };
    writeFileSync(join(data, 'summary.json'), JSON.stringify({ ...summary, footprints: { ...summary.footprints, byConfidence } }));
    dist = join(tmp, 'dist');
    buildStoryOnly(dist, data, ['index.astro', 'areas/index.astro', 'areas/[code].astro']);
  }, 300_000);

  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('the story says the boundaries are the official ones', () => {
    const text = page('index.html');
    expect(text).toContain('The area boundaries are the official ones');
    expect(text.match(APPROXIMATE)?.[0] ?? null).toBeNull();
  });

  it('the areas index and every area page drop the approximate-footprint wording', () => {
    expect(page('areas/index.html')).toContain('The Big Local boundaries on this site are official ones');
    expect(page('areas/index.html').match(APPROXIMATE)?.[0] ?? null).toBeNull();
    for (const a of areas) {
      const text = page(`areas/${a.code}/index.html`);
      expect(text, a.code).toContain(`The outline is ${a.name}’s official boundary.`);
      expect(text.match(APPROXIMATE)?.[0] ?? null, a.code).toBeNull();
      expect(text, a.code).not.toContain('No public page was found');
    }
  });

  it('while the committed (approximate) data says approximate', () => {
    expect(readFileSync(join(PROCESSED, 'areas.json'), 'utf8')).not.toContain('"official"');
  });
});
