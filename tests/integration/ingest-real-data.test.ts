/**
 * The full ingest on the real raw inputs in ../shared/data (never committed). Checks the published
 * England totals, the footprint rules, and that the committed data/processed is what the pipeline
 * writes today.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runIngest } from '../../scripts/ingest/run.ts';
import Papa from 'papaparse';
import { ROBUSTNESS_MEASURES, type BigLocalArea, type Robustness, type Summary } from '../../src/data/schema.ts';

const RAW = resolve('../shared/data');
const present = existsSync(join(RAW, 'census'));
if (!present) console.warn(`SKIPPED real-data ingest test: ${RAW} is absent (raw inputs are never committed; see README).`);

function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? listFiles(p, base) : [p.slice(base.length + 1)];
  });
}

describe.skipIf(!present)('ingest on ../shared/data', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'ingest-real-')), 'processed');
  let summary: Summary;
  let areas: BigLocalArea[];
  let robustness: Robustness;
  beforeAll(async () => {
    await runIngest({ raw: RAW, out });
    summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Summary;
    areas = JSON.parse(readFileSync(join(out, 'areas.json'), 'utf8')) as BigLocalArea[];
    robustness = JSON.parse(readFileSync(join(out, 'robustness.json'), 'utf8')) as Robustness;
  }, 120_000);

  it("robustness: the main specification is the headline, to the last decimal", () => {
    for (const m of ROBUSTNESS_MEASURES) {
      const row = robustness.specifications.find((r) => r.specification === 'main' && r.measure === m)!;
      const { estimate, lower, upper } = summary.differenceInDifferences[m];
      expect({ estimate: row.estimate, lower: row.lower, upper: row.upper, areas: row.areas }).toEqual({ estimate, lower, upper, areas: 150 });
      expect(robustness.placebo.measures[m].real).toBe(estimate);
    }
  });

  it('robustness: at least ten specifications per measure, in three groups, ids unique', () => {
    for (const m of ROBUSTNESS_MEASURES) {
      const rows = robustness.specifications.filter((r) => r.measure === m);
      expect(rows.length).toBeGreaterThanOrEqual(10);
      expect(new Set(rows.map((r) => r.specification)).size).toBe(rows.length);
      expect(new Set(rows.map((r) => r.group))).toEqual(new Set(['comparator', 'footprints', 'growth']));
      for (const r of rows) expect(r.lower, r.specification).toBeLessThanOrEqual(r.upper);
    }
  });

  it('placebo: 1,000 sets whose mean is near zero next to their spread, and the CSV says the same', () => {
    expect(robustness.placebo.sets).toBe(1000);
    for (const m of ROBUSTNESS_MEASURES) {
      const { mean, sd } = robustness.placebo.measures[m];
      expect(robustness.placebo.draws[m]).toHaveLength(1000);
      expect(Math.abs(mean)).toBeLessThan(sd);
    }
    const csv = Papa.parse<Record<string, string>>(readFileSync(join(out, 'public', 'placebo.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(csv.map((r) => Number(r.very_good_did_pp))).toEqual(robustness.placebo.draws.very_good);
    expect(csv.map((r) => Number(r.bad_or_very_bad_did_pp))).toEqual(robustness.placebo.draws.bad_or_very_bad);
  });

  it('matches the published England totals', () => {
    const e = summary.groups.england;
    expect(e.counts2011.residents).toBe(53_012_456);
    expect(e.pct2011.very_good.toFixed(2)).toBe('47.17');
    expect(e.counts2021.residents).toBe(56_490_069);
    expect(e.pct2021.very_good.toFixed(2)).toBe('48.49');
  });

  it('gives every one of the 150 areas at least one unit, and no unit to two areas', () => {
    expect(areas).toHaveLength(150);
    for (const a of areas) expect(a.units.length, a.code).toBeGreaterThan(0);
    const all = areas.flatMap((a) => a.units);
    expect(new Set(all).size).toBe(all.length);
  });

  it('keeps every browser-loaded file under 1 MB', () => {
    for (const f of listFiles(out).filter((f) => !f.startsWith('public/'))) {
      expect(statSync(join(out, f)).size, f).toBeLessThan(1_000_000);
    }
  });

  it('equals the committed data/processed byte for byte', () => {
    const committed = resolve('data/processed');
    const files = listFiles(out).sort();
    expect(listFiles(committed).sort()).toEqual(files);
    for (const f of files) expect(readFileSync(join(committed, f), 'utf8') === readFileSync(join(out, f), 'utf8'), f).toBe(true);
  });
});
