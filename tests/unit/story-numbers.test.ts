/**
 * Numbers on the story page come from the processed data: change a processed value, build the
 * page against the changed data, and find the change (and the words that follow it) in the text.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cssCustomProperties } from '../../src/charts/palette.ts';
import { fmtPct } from '../../src/charts/svg.ts';
import { healthChange, SummarySchema, type Summary } from '../../src/data/schema.ts';
import { buildStoryOnly, PROJECT, textOf } from './story-build.ts';

const PROCESSED = join(PROJECT, 'data', 'processed');

describe('story numbers follow the processed data', () => {
  let tmp: string;
  let original: Summary;
  let changed: Summary;
  let text: string;
  const TARGET = 0.9; // new Big Local change in very good health, pp (below England's)

  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'story-numbers-'));
    const data = join(tmp, 'processed');
    cpSync(PROCESSED, data, { recursive: true });
    original = SummarySchema.parse(JSON.parse(readFileSync(join(PROCESSED, 'summary.json'), 'utf8')));

    // Move people from "very good" to "good" in Big Local areas in 2021, keeping every total.
    const bl = original.groups.big_local;
    const c21 = { ...bl.counts2021 };
    const wanted = Math.round(((bl.pct2011.very_good + TARGET) * c21.residents) / 100);
    const moved = c21.very_good - wanted;
    c21.very_good -= moved;
    c21.good += moved;
    const group = healthChange(bl.counts2011, c21);
    const shift = group.changePp.very_good - bl.changePp.very_good;
    const did = original.differenceInDifferences.very_good;
    changed = SummarySchema.parse({
      ...original,
      groups: { ...original.groups, big_local: group },
      differenceInDifferences: {
        ...original.differenceInDifferences,
        very_good: { estimate: did.estimate + shift, lower: did.lower + shift, upper: did.upper + shift },
      },
    });
    writeFileSync(join(data, 'summary.json'), JSON.stringify(changed));

    const html = readFileSync(buildStoryOnly(join(tmp, 'dist'), data), 'utf8');
    text = textOf(html);
  }, 300_000);

  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('prints the changed share and change', () => {
    const bl = changed.groups.big_local;
    expect(fmtPct(bl.pct2021.very_good)).not.toBe(fmtPct(original.groups.big_local.pct2021.very_good));
    expect(text).toContain(fmtPct(bl.pct2021.very_good));
    expect(text).toContain(`rose by ${TARGET.toFixed(1)} percentage points`);
    expect(text).not.toContain(`rose by ${original.groups.big_local.changePp.very_good.toFixed(1)} percentage points`);
  });

  it('flips the words: the headline now says less than in similar places', () => {
    const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(readFileSync(join(tmp, 'dist', 'index.html'), 'utf8'))?.[1] ?? '';
    expect(h1).toContain('rose less in Big Local areas than in similar places');
    expect(text).toContain('very good health changed less than in similar areas');
  });

  it('shows the changed interval', () => {
    expect(text).toMatch(/ended 1\.\d percentage points lower|95% interval runs from −1\.\d/);
  });
});

describe('palette CSS', () => {
  it('src/styles/palette.css declares exactly the chart palette', () => {
    const css = readFileSync(join(PROJECT, 'src', 'styles', 'palette.css'), 'utf8');
    expect(css).toContain(cssCustomProperties());
  });
});
