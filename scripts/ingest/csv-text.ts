/** The download CSVs' text. */
import Papa from 'papaparse';
import { GROUP_IDS, shareOf, type BigLocalArea, type HealthChange, type HealthCounts, type Robustness, type Summary } from '../../src/data/schema.ts';
import type { LadInfo } from './inputs.ts';
import type { ComparisonUnit } from './units.ts';

/** A field Papa would quote: a quote, line break or byte-order mark, a comma, or a space at either end. */
const NEEDS_QUOTES = /[",\r\n\ufeff]|^ | $/;

/**
 * CSV text as Papa.unparse writes it. A row with nothing to quote (in units.csv, all 33,000: codes
 * and numbers) is joined directly, which is five times faster; any other row goes through Papa.
 */
export function csv(fields: readonly string[], rows: (string | number)[][]): string {
  const line = (row: readonly (string | number)[]) =>
    row.some((f) => typeof f === 'string' && NEEDS_QUOTES.test(f)) ? Papa.unparse([row as (string | number)[]], { newline: '\n' }) : row.join(',');
  if (rows.length === 0) return Papa.unparse({ fields: [...fields], data: [] }, { newline: '\n' }) + '\n';
  return [fields, ...rows].map(line).join('\n') + '\n';
}

/** The figures every download has for a group: counts, four shares, and how much its population grew. */
const FIGURE_COLUMNS = [
  'residents_2011', 'very_good_2011', 'good_2011', 'fair_2011', 'bad_2011', 'very_bad_2011',
  'residents_2021', 'very_good_2021', 'good_2021', 'fair_2021', 'bad_2021', 'very_bad_2021',
  'pct_very_good_2011', 'pct_very_good_2021', 'pct_bad_or_very_bad_2011', 'pct_bad_or_very_bad_2021',
  // New columns go last, so that a reader's script that counts columns keeps working.
  'residents_change_pct',
] as const;
/**
 * The area download's columns. New ones go last (the issue-13 contract keeps the others as they
 * are): the ONS codes of the region and of the LSOAs (2021) the footprint is made of, so a data desk
 * can join a row to other ONS tables.
 */
export const AREA_CSV_COLUMNS = [
  'area_code', 'area_name', 'lad_code', 'lad_name', 'region_name', 'units', ...FIGURE_COLUMNS, 'confidence',
  'region_code', 'lsoa21_codes',
] as const;

/** England's ONS (GSS) code, for the England row of summary.csv. */
export const ENGLAND_CODE = 'E92000001';

/**
 * The CSV figures of a group: its counts each year, whole, four shares (as healthShares gives
 * them) and the change in residents, in per cent, to 2 decimals (empty when there was nobody in
 * 2011). Written out flat: units.csv calls this 33,000 times.
 */
function figureColumns(a: HealthCounts, b: HealthCounts): (string | number)[] {
  const c = Math.round;
  const p = (n: number, total: number) => shareOf(n, total).toFixed(2);
  return [
    c(a.residents), c(a.very_good), c(a.good), c(a.fair), c(a.bad), c(a.very_bad),
    c(b.residents), c(b.very_good), c(b.good), c(b.fair), c(b.bad), c(b.very_bad),
    p(a.very_good, a.residents), p(b.very_good, b.residents),
    p(a.bad + a.very_bad, a.residents), p(b.bad + b.very_bad, b.residents),
    a.residents > 0 ? ((100 * (b.residents - a.residents)) / a.residents).toFixed(2) : '',
  ];
}
const changeColumns = (h: HealthChange) => figureColumns(h.counts2011, h.counts2021);

/** public/big-local-areas.csv: one row per area. */
export function areasCsv(areas: BigLocalArea[]): string {
  return csv(AREA_CSV_COLUMNS, areas.map((a) => [
    a.code, a.name, a.ladCode, a.ladName, a.regionName, a.units.length, ...changeColumns(a.health), a.confidence,
    a.regionCode, a.lsoa21.join(';'),
  ]));
}

/** public/summary.csv: England, Big Local and the similar areas; ons_code (last) only where the group is a place (England). */
export function summaryCsv(summary: Summary): string {
  return csv(['group', ...FIGURE_COLUMNS, 'ons_code'], GROUP_IDS.map((g) => [g, ...changeColumns(summary.groups[g]), g === 'england' ? ENGLAND_CODE : '']));
}

/** public/units.csv: every comparison unit of England, with its area if it has one. */
export function unitsCsv(units: ComparisonUnit[], lads: Map<string, LadInfo>, areaOfUnit: Map<string, string>): string {
  const cols = ['unit_id', 'lsoa21_codes', 'lsoa11_codes', 'lad_code', 'region_code', 'imd_decile', 'big_local_area', ...FIGURE_COLUMNS];
  return csv(cols, units.map((u) => [
    u.id, u.lsoa21.join(';'), u.lsoa11.join(';'), u.lad, lads.get(u.lad)!.regionCode, u.imdDecile, areaOfUnit.get(u.id) ?? '',
    // A unit's counts are whole numbers, so they need none of toHealthChange's tidying.
    ...figureColumns(u.counts2011, u.counts2021),
  ]));
}

/** public/robustness.csv: the difference in differences under each specification, per measure. */
export function robustnessCsv(robustness: Robustness): string {
  // The bootstrap's own edges go last, after the published columns.
  const cols = ['specification', 'label', 'group', 'measure', 'estimate_pp', 'lower_pp', 'upper_pp', 'areas', 'bootstrap_lower_pp', 'bootstrap_upper_pp'];
  return csv(cols, robustness.specifications.map((r) => [
    r.specification, r.label, r.group, r.measure, r.estimate.toFixed(4), r.lower.toFixed(4), r.upper.toFixed(4), r.areas, r.bootstrapLower.toFixed(4), r.bootstrapUpper.toFixed(4),
  ]));
}

/** public/placebo.csv: each placebo set's difference in differences, in draw order. */
export function placeboCsv(robustness: Robustness): string {
  const { very_good, bad_or_very_bad } = robustness.placebo.draws;
  return csv(['draw', 'very_good_did_pp', 'bad_or_very_bad_did_pp'], very_good.map((v, i) => [i + 1, v.toFixed(4), bad_or_very_bad[i]!.toFixed(4)]));
}
