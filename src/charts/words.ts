/**
 * Sentence pieces for chart summaries. Every word that states a direction ("rose", "smaller")
 * is derived from the numbers as displayed (one decimal), so the text never contradicts the chart.
 */
import { FAST_GROWTH_PCT, MEASURE_LABELS, type BigLocalArea, type GroupId, type HealthMeasure, type Interval } from '../data/constants.ts';
import { displaySign, fmtPct, fmtPp, fmtPpAbs, lowerFirst, round1 } from './svg.ts';

/** "rose from 47.2% in 2011 to 48.5% in 2021" / "fell from …" / "stayed at 47.2% in both censuses". */
export function shareMovement(from: number, to: number): string {
  const s = displaySign(round1(to) - round1(from));
  if (s === 0) return `stayed at ${fmtPct(to)} in both censuses`;
  return `${s > 0 ? 'rose' : 'fell'} from ${fmtPct(from)} in 2011 to ${fmtPct(to)} in 2021`;
}

/** "from 47.2% to 48.5%" / "at 47.2%". */
export function fromTo(from: number, to: number): string {
  return fmtPct(from) === fmtPct(to) ? `at ${fmtPct(to)}` : `from ${fmtPct(from)} to ${fmtPct(to)}`;
}

/** "rose by 1.3 pp" / "fell by 0.4 pp" / "did not change". */
export function changeMovement(change: number): string {
  const s = displaySign(change);
  if (s === 0) return 'did not change';
  return `${s > 0 ? 'rose' : 'fell'} by ${fmtPpAbs(change)}`;
}

/**
 * How a focus change compares with another place's change, e.g. "a smaller rise than in similar
 * areas (+2.0 pp)" or "unlike in England (−0.3 pp), where it fell".
 */
export function comparison(focus: number, other: number, otherLabel: string): string {
  return comparisons(focus, [{ change: other, label: otherLabel }]);
}

/** One place a focus change is set against, for `comparisons`. */
export interface Compared {
  /** Its change in the same measure (pp). */
  change: number;
  /** How the sentence names it ("its similar areas", "England"). */
  label: string;
}

/**
 * How a focus change compares with several places' changes, each kind of comparison said once:
 * "a bigger rise than in its similar areas (+0.7 pp), Sunderland (+0.5 pp) and England (+1.3 pp)",
 * "unlike in its similar areas (−1.3 pp), Knowsley (−0.8 pp) and England (−0.3 pp), where it fell".
 * Places with the same comparison are grouped, in the order the first of each group comes; the
 * groups are joined with "and" (after a comma once a group names more than one place), and all
 * the places that went the other way share one "unlike".
 */
export function comparisons(focus: number, others: readonly Compared[]): string {
  const f = round1(focus);
  const sf = displaySign(f);
  const kindOf = (o: number): string => {
    const so = displaySign(o);
    if (f === o) return 'the same change as';
    if (sf > 0 && so > 0) return `a ${f > o ? 'bigger' : 'smaller'} rise than`;
    if (sf < 0 && so < 0) return `a ${f < o ? 'bigger' : 'smaller'} fall than`;
    return `unlike:${so === 0 ? 'did not change' : so > 0 ? 'rose' : 'fell'}`;
  };
  const groups = new Map<string, string[]>();
  for (const c of others) {
    const o = round1(c.change);
    const kind = kindOf(o);
    groups.set(kind, [...(groups.get(kind) ?? []), `${c.label} (${fmtPp(o)})`]);
  }
  // Every "unlike" goes in one clause, where the first of them comes: "unlike in A and B, where it
  // rose, and in C, where it fell".
  const clauses: string[] = [];
  const unlike: string[] = [];
  let several = false;
  for (const [kind, places] of groups) {
    several ||= places.length > 1;
    const where = `in ${listJoin(places)}`;
    if (!kind.startsWith('unlike:')) clauses.push(`${kind} ${where}`);
    else {
      if (unlike.length === 0) clauses.push('');
      unlike.push(`${where}, where it ${kind.slice('unlike:'.length)}`);
    }
  }
  several ||= unlike.length > 1;
  const i = clauses.indexOf('');
  if (i >= 0) clauses[i] = `unlike ${unlike.join(', and ')}`;
  if (clauses.length <= 1 || !several) return listJoin(clauses);
  return `${clauses.slice(0, -1).join(', ')}, and ${clauses[clauses.length - 1]}`;
}

/** An interval that reaches zero (either end on it counts): the data cannot tell the sign apart from chance. */
export function includesZero(i: Interval): boolean {
  return i.lower <= 0 && i.upper >= 0;
}

/** How many areas rose and fell, and ended above or below their similar areas, in one measure. */
export interface AreaCounts {
  total: number;
  rose: number;
  fell: number;
  aboveComparator: number;
  belowComparator: number;
}

/**
 * The tally the area-changes chart's summary and the story's paragraph both state, from the changes
 * as displayed (one decimal): a change that shows as 0.0 neither rose nor fell, and an area is above
 * its similar areas when its displayed change is higher than theirs.
 */
export function areaCounts(areas: readonly BigLocalArea[], m: HealthMeasure): AreaCounts {
  let rose = 0;
  let fell = 0;
  let above = 0;
  let below = 0;
  for (const a of areas) {
    const s = displaySign(a.health.changePp[m]);
    if (s > 0) rose++;
    else if (s < 0) fell++;
    const d = displaySign(round1(a.health.changePp[m]) - round1(a.comparator.changePp[m]));
    if (d > 0) above++;
    else if (d < 0) below++;
  }
  return { total: areas.length, rose, fell, aboveComparator: above, belowComparator: below };
}

/** Join clauses as "a", "a and b", "a, b and c". */
export function listJoin(items: string[], conjunction = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** How a group is named inside a sentence ("Big Local" is a proper noun, "similar areas" is not). */
export const GROUP_PHRASES: Record<GroupId, string> = {
  england: 'England',
  big_local: 'Big Local areas',
  similar_areas: 'similar areas',
};

/**
 * Footprint wording. The approximate footprints shipped with the project are this site's best-fit
 * sets of LSOAs; official boundaries drop into the pipeline with confidence "official", and then
 * the site must stop calling them approximate.
 */
export const hasOfficialBoundary = (area: { confidence: string }): boolean => area.confidence === 'official';
export const allOfficial = (areas: ReadonlyArray<{ confidence: string }>): boolean => areas.length > 0 && areas.every(hasOfficialBoundary);
/** "approximate footprint" or, for an official boundary, "boundary". */
export const footprintNoun = (area: { confidence: string }): string => (hasOfficialBoundary(area) ? 'boundary' : 'approximate footprint');
/** The footprints' source line under a map. */
export function footprintSourceNote(areas: ReadonlyArray<{ confidence: string }>): string {
  return allOfficial(areas)
    ? 'Big Local boundaries: official, as supplied to this site’s pipeline.'
    : 'Big Local footprints are this site’s approximate best-fit sets of whole LSOAs, not official boundaries.';
}

// ---------------------------------------------------------------------------------------------
// Population change and footprint flags: why an area's share can move without anyone's health
// changing. Built from the counts, so the words follow the data.

type WithResidents = { health: { counts2011: { residents: number }; counts2021: { residents: number } } };

/** Change in residents from 2011 to 2021, in per cent; null when 2011 had no one. */
export function residentsChangePct(area: WithResidents): number | null {
  const a = area.health.counts2011.residents;
  const b = area.health.counts2021.residents;
  return a > 0 ? (100 * (b - a)) / a : null;
}

/** Residents grew by more than FAST_GROWTH_PCT per cent. */
export const grewFast = (area: WithResidents): boolean => (residentsChangePct(area) ?? 0) > FAST_GROWTH_PCT;
/** The footprint was placed from a rough location only. */
export const lowConfidence = (area: { confidence: string }): boolean => area.confidence === 'low';

/** A change in per cent, whole: "+66%", "−3%", "0%". */
export function fmtChangePct(v: number): string {
  const r = Math.round(v);
  return r > 0 ? `+${r}%` : r < 0 ? `\u2212${-r}%` : '0%';
}

const nf = new Intl.NumberFormat('en-GB');

/** "4,463 in 2011 and 7,407 in 2021 (+66%)". */
export function residentsLine(area: WithResidents): string {
  const pct = residentsChangePct(area);
  const a = area.health.counts2011.residents;
  const b = area.health.counts2021.residents;
  return `${nf.format(a)} in 2011 and ${nf.format(b)} in 2021${pct === null ? '' : ` (${fmtChangePct(pct)})`}`;
}

/**
 * The note an area page shows near its headline when fast growth or an approximate footprint can
 * move its share without anyone's health changing; null for an area with neither.
 */
export function areaCaveat(area: BigLocalArea, m: HealthMeasure = 'very_good'): string | null {
  const fast = grewFast(area);
  const low = lowConfidence(area);
  if (!fast && !low) return null;
  const change = `${fmtPp(area.health.changePp[m])} in ${lowerFirst(MEASURE_LABELS[m])}`;
  const parts: string[] = [];
  if (fast) {
    parts.push(
      `Its residents grew from ${nf.format(area.health.counts2011.residents)} to ${nf.format(area.health.counts2021.residents)} ` +
        `(${fmtChangePct(residentsChangePct(area)!)}), so its ${change} mostly reflects who lives there now, not better health: ` +
        'a fast-growing population (new housing, younger arrivals) can move an area’s share without anyone’s health changing.',
    );
  }
  if (low) {
    parts.push(
      fast
        ? 'Its footprint was also placed from a rough location only, so the figures may describe the wider neighbourhood more than the Big Local area.'
        : `Its ${change} may not describe the Big Local area itself: its footprint was placed from a rough location only, and an ` +
            'approximate footprint can move an area’s share without anyone’s health changing.',
    );
  }
  return parts.join(' ');
}

/**
 * The same caveat in one sentence, for the source line under an area's charts: what an embed, a
 * downloaded SVG or PNG, or a share card carries away from the area page, which explains it in full
 * (areaCaveat). Null when neither flag applies.
 */
export function areaCaveatNote(area: BigLocalArea): string | null {
  const parts: string[] = [];
  if (grewFast(area)) {
    const pct = Math.round(residentsChangePct(area)!);
    parts.push(
      `its residents grew ${pct}% (${nf.format(area.health.counts2011.residents)} to ${nf.format(area.health.counts2021.residents)}), ` +
        'so its changes may reflect who lives there now more than anyone’s health',
    );
  }
  if (lowConfidence(area)) parts.push('its footprint was placed from a rough location only');
  return parts.length ? `Read with care: ${parts.join('; ')}.` : null;
}

/**
 * How a sentence names an area's local authority: "the local authority of Dartford" where the
 * area shares the authority's name (so "a bigger rise than in Dartford" cannot be read as the
 * area itself), else the authority's name.
 */
export function ladPhrase(areaName: string, ladName: string): string {
  return areaName.trim().toLowerCase() === ladName.trim().toLowerCase() ? `the local authority of ${ladName}` : ladName;
}

/** A chart row's or table row's name for the area's local authority: "Dartford (local authority)" beside the area Dartford. */
export function ladLabel(areaName: string, ladName: string): string {
  return areaName.trim().toLowerCase() === ladName.trim().toLowerCase() ? `${ladName} (local authority)` : ladName;
}
