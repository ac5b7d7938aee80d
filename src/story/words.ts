/**
 * The story's data-driven sentences. Every number is read from the processed data and every word
 * that states a direction or a comparison ("rose", "more than", "about as much as") is chosen from
 * the numbers as displayed (one decimal; two for the difference between Big Local and similar
 * areas, a tenth of a point or less, whose intervals one decimal would blur: "0.0 to +0.3" for
 * −0.007 to +0.26), so if the data changes, the words change with it.
 *
 * Pure functions of the data: no I/O, no Astro. Tested in words.test.ts, including with the data
 * flipped.
 */
import type { BigLocalArea, GroupId, GrowthBand, HealthMeasure, Interval, Place, ReferenceFigure, Robustness, RobustnessMeasure, Summary } from '../data/schema.ts';
import { CONFIDENCE_LEVELS, FAST_GROWTH_PCT, ROBUSTNESS_MEASURES, type FootprintConfidence } from '../data/schema.ts';
import { displaySign, fmtPct, fmtSigned, round1, upperFirst } from '../charts/svg.ts';
import { areaCounts, includesZero, residentsChangePct } from '../charts/words.ts';
// Two decimals: the specifications differ by hundredths, which one decimal would hide.
import { fmtSigned2, round2 } from '../charts/robustness-words.ts';

const MINUS = '\u2212';

/** "2.1 percentage points" / "0.1 percentage points" / "1 percentage point". */
export function points(v: number, unit: 'percentage points' | 'points' = 'percentage points', decimals: 1 | 2 = 1): string {
  const s = Math.abs(decimals === 1 ? round1(v) : round2(v)).toFixed(decimals);
  return `${s} ${Number(s) === 1 && unit === 'points' ? 'point' : unit}`;
}

/** A signed change for brackets: "+2.1", "−0.5". */
export const signed = (v: number): string => fmtSigned(v);

/** "rose" / "fell" / "did not change", from the value as displayed. */
export function moved(v: number): 'rose' | 'fell' | 'did not change' {
  const s = displaySign(v);
  return s > 0 ? 'rose' : s < 0 ? 'fell' : 'did not change';
}

/**
 * How change `a` compares with change `b` when both are about the same thing: "more than",
 * "less than" or "as much as", judged on the magnitudes as displayed, in the direction of `a`.
 * For opposite directions it returns "unlike".
 */
export function relative(a: number, b: number): 'more than' | 'less than' | 'as much as' | 'unlike' {
  const ra = round1(a);
  const rb = round1(b);
  const sa = displaySign(ra);
  const sb = displaySign(rb);
  if (ra === rb) return 'as much as';
  if (sa !== 0 && sb !== 0 && sa !== sb) return 'unlike';
  if (sa === 0) return 'less than';
  return Math.abs(ra) > Math.abs(rb) ? 'more than' : 'less than';
}

/** Where the Big Local change sits against similar areas, judged by the 95% interval. */
export type VsSimilar = 'about the same' | 'more' | 'less';
export function vsSimilar(did: Interval, blChange: number): VsSimilar {
  if (includesZero(did)) return 'about the same';
  // A positive difference means the Big Local change was higher (a bigger rise or a smaller fall).
  const higher = did.estimate > 0;
  const s = displaySign(blChange);
  if (s >= 0) return higher ? 'more' : 'less';
  return higher ? 'less' : 'more';
}

/** "risen" / "fallen" / "not changed". */
export function participle(v: number): string {
  const m = moved(v);
  return m === 'rose' ? 'risen' : m === 'fell' ? 'fallen' : 'not changed';
}

/** "a rise of 1.3 points" / "a fall of 0.3 points" / "no change". */
export function changePhrase(v: number): string {
  const m = moved(v);
  if (m === 'did not change') return 'no change';
  return `a ${m === 'rose' ? 'rise' : 'fall'} of ${points(v, 'points')}`;
}

const verbPast = (v: number): string => {
  const m = moved(v);
  return m === 'did not change' ? 'held steady' : m;
};

const changeOf = (s: Summary, g: GroupId, m: HealthMeasure): number => s.groups[g].changePp[m];

// ---------------------------------------------------------------------------------------------
// Headline and standfirst

/**
 * How Big Local's change in bad or very bad health compares with similar areas', in words a reader
 * can follow: "fell less", "fell slightly less" (when the interval includes zero, the shares as
 * counted still differ), "fell about as much" (equal as displayed), or the same for a rise.
 */
export function badVsSimilar(s: Summary): string {
  const m: HealthMeasure = 'bad_or_very_bad';
  const bl = changeOf(s, 'big_local', m);
  const sim = changeOf(s, 'similar_areas', m);
  const v = moved(bl);
  const rel = relative(bl, sim);
  if (v === 'did not change') return `did not change, unlike in similar places, where it ${moved(sim)}`;
  if (rel === 'as much as') return `${v} about as much`;
  if (rel === 'unlike') return `${v}, while in similar places it ${moved(sim)}`;
  const slightly = includesZero(s.differenceInDifferences[m]) ? 'slightly ' : '';
  return `${v} ${slightly}${rel === 'more than' ? 'more' : 'less'}`;
}

/**
 * The h1, leading with the like-for-like comparison. For the published data: "Very good health
 * rose about as much in Big Local areas as in similar places – and bad health fell slightly less".
 */
export function headline(s: Summary): string {
  const m: HealthMeasure = 'very_good';
  const bl = changeOf(s, 'big_local', m);
  const v = moved(bl);
  const sim = vsSimilar(s.differenceInDifferences[m], bl);
  const first =
    v === 'did not change'
      ? 'Very good health held steady in Big Local areas'
      : sim === 'about the same'
        ? `Very good health ${v} about as much in Big Local areas as in similar places`
        : `Very good health ${v} ${sim} in Big Local areas than in similar places`;
  return `${first} – and bad health ${badVsSimilar(s)}`;
}

/** "about a fifth", "about half": a share in words, or a per cent when no simple fraction is near. */
export function fractionWords(share: number): string {
  const fractions: [number, string][] = [
    [1 / 10, 'a tenth'], [1 / 5, 'a fifth'], [1 / 4, 'a quarter'], [1 / 3, 'a third'], [1 / 2, 'half'],
    [2 / 3, 'two thirds'], [3 / 4, 'three quarters'], [1, 'all'],
  ];
  const [f, words] = fractions.reduce((best, c) => (Math.abs(c[0] - share) < Math.abs(best[0] - share) ? c : best));
  return Math.abs(f - share) <= 0.03 ? `about ${words}` : `${Math.round(100 * share)}%`;
}

/**
 * What the interval rules out, for very good health: a Big Local advantage beyond its upper end,
 * put against the rise itself. Null when the rise or the interval's upper end is not positive.
 */
export function ruledOut(s: Summary): string | null {
  const m: HealthMeasure = 'very_good';
  const bl = changeOf(s, 'big_local', m);
  const d = s.differenceInDifferences[m];
  if (!includesZero(d) || round2(d.upper) <= 0 || displaySign(bl) <= 0) return null;
  return `a Big Local advantage in very good health of more than ${points(d.upper, 'points', 2)} (${fractionWords(d.upper / bl)} of the rise itself)`;
}

/** The standfirst: both of the report's claims against similar places, England for scale, and what is ruled out. */
export function standfirst(s: Summary, r?: Robustness): string {
  const m: HealthMeasure = 'very_good';
  const bl = changeOf(s, 'big_local', m);
  const en = changeOf(s, 'england', m);
  const sim = changeOf(s, 'similar_areas', m);
  const n = s.footprints.areas;
  const first =
    `Between the 2011 and 2021 censuses, the share of residents who said their health was very good ` +
    `${verbPast(bl)}${moved(bl) === 'did not change' ? '' : ` by ${points(bl)}`} in England’s ${n} Big Local neighbourhoods, ` +
    `against ${changePhrase(sim)} in places with similar levels of deprivation (and ${changePhrase(en)} across England as a whole).`;
  const b = 'bad_or_very_bad' as const;
  const blBad = changeOf(s, 'big_local', b);
  const simBad = changeOf(s, 'similar_areas', b);
  const second =
    moved(blBad) === 'did not change'
      ? `The share in bad or very bad health did not change, against ${changePhrase(simBad)} in similar places.`
      : `The share in bad or very bad health ${moved(blBad)} by ${points(blBad, 'points')}, against ${changePhrase(simBad)} in similar places.`;
  const both = [s.differenceInDifferences[m], s.differenceInDifferences[b]];
  const chance = both.every(includesZero)
    ? `Both gaps are too small to tell apart from chance${onlyJust(r)}`
    : both.some(includesZero)
      ? 'One of the gaps is too small to tell apart from chance'
      : 'Both gaps are bigger than chance alone would easily explain, though that does not show what caused them';
  const out = ruledOut(s);
  return `${first} ${second} ${chance}.${out ? ` On this comparison, the 95% interval rules out ${out}.` : ''}`;
}

/** A one-line description for search results and share cards (≤ ~160 characters). */
export function description(s: Summary): string {
  const pp = (g: GroupId, m: HealthMeasure) => `${signed(changeOf(s, g, m))} pp`;
  return (
    `Census 2011–2021 in Big Local areas: very good health ${pp('big_local', 'very_good')} (similar areas ${pp('similar_areas', 'very_good')}), ` +
    `bad health ${pp('big_local', 'bad_or_very_bad')} (${pp('similar_areas', 'bad_or_very_bad')}).`
  );
}

/**
 * Said once where rounded figures are first set side by side (the story's first step, an area
 * page's opening): "from 43.6% to 45.7%" beside "+2.0 pp", or bad 4.2% and very bad 1.2% beside
 * 5.5% for the two together, are each right, because every figure is rounded only at the end.
 */
export function roundingNote(): string {
  return 'Every share and change is worked out from the census counts and only then rounded, so rounded figures set side by side may not add up exactly.';
}

// ---------------------------------------------------------------------------------------------
// Scrolly steps

/** England's very good share in 2011 and 2021 and the bad-or-very-bad share. */
export function englandParagraph(s: Summary): string {
  const e = s.groups.england;
  const vg = `${fmtPct(e.pct2011.very_good)} in 2011 and ${fmtPct(e.pct2021.very_good)} in 2021`;
  const bvb = e.changePp.bad_or_very_bad;
  const bad =
    moved(bvb) === 'did not change'
      ? `The share in bad or very bad health stayed at ${fmtPct(e.pct2021.bad_or_very_bad)}.`
      : `The share in bad or very bad health ${moved(bvb)} ${fromTo(e.pct2011.bad_or_very_bad, e.pct2021.bad_or_very_bad)}.`;
  return `Across England, the share of people describing their health as very good was ${vg}. ${bad}`;
}

function fromTo(a: number, b: number): string {
  return `from ${fmtPct(a)} to ${fmtPct(b)}`;
}

/** Big Local against England, for one measure. */
export function vsEnglandParagraph(s: Summary, m: HealthMeasure = 'very_good'): string {
  const bl = s.groups.big_local;
  const en = s.groups.england;
  const label = m === 'very_good' ? 'very good' : 'bad or very bad';
  const start =
    `Big Local areas started ${levelWord(bl.pct2011[m], en.pct2011[m], m)}: ` +
    `${fmtPct(bl.pct2011[m])} of residents reported ${label} health in 2011, against ${fmtPct(en.pct2011[m])} across England.`;
  const rel = relative(bl.changePp[m], en.changePp[m]);
  const v = moved(bl.changePp[m]);
  const then =
    v === 'did not change'
      ? `By 2021 the share had not changed, while in England it ${moved(en.changePp[m])}.`
      : rel === 'unlike'
        ? `By 2021 the share had ${participle(bl.changePp[m])} by ${points(bl.changePp[m])}, while in England it ${moved(en.changePp[m])}.`
        : rel === 'as much as'
          ? `By 2021 the share had ${participle(bl.changePp[m])} by ${points(bl.changePp[m])}, the same as in England.`
          : `By 2021 the share had ${participle(bl.changePp[m])} by ${points(bl.changePp[m])}, ${rel === 'more than' ? 'more' : 'less'} than England’s ${points(en.changePp[m], 'points')}.`;
  return `${start} ${then}`;
}

/** "further behind" / "ahead" / "level", where higher is better for very good, worse for bad. */
function levelWord(bl: number, en: number, m: HealthMeasure): string {
  const d = displaySign(round1(bl) - round1(en));
  if (d === 0) return 'level with England';
  const higherIsBetter = m !== 'bad' && m !== 'very_bad' && m !== 'bad_or_very_bad' && m !== 'fair';
  return (d > 0) === higherIsBetter ? 'ahead of England' : 'behind England';
}

/** What "similar areas" means and how Big Local compares with them on very good health. */
export function vsSimilarParagraph(s: Summary, m: HealthMeasure = 'very_good'): string {
  const bl = s.groups.big_local.changePp[m];
  const sim = s.groups.similar_areas.changePp[m];
  const rel = relative(bl, sim);
  const label = m === 'very_good' ? 'very good' : 'bad or very bad';
  const small = Math.abs(round1(bl) - round1(sim)) <= 0.5;
  const cmp =
    rel === 'as much as'
      ? `the ${label} share ${moved(sim)} by the same ${points(sim, 'points')}`
      : rel === 'unlike'
        ? `the ${label} share ${moved(sim)} by ${points(sim, 'points')}`
        : `the ${label} share ${moved(sim)} by ${points(sim, 'points')}, ${small ? 'a little ' : ''}${rel === 'more than' ? 'less' : 'more'} than in Big Local areas`;
  const en = s.groups.england.changePp[m];
  const sharedByDeprivedPlaces = small && Math.abs(round1(bl) - round1(en)) > Math.abs(round1(bl) - round1(sim));
  // The chart beside this step prints each group's shares and change to one decimal: where the
  // rounded shares' difference is not the rounded change ("43.6% to 45.7%", "+2.0"), the reader
  // gets the two changes as they are, since their gap is the point of the comparison.
  const roundedApart = (g: 'big_local' | 'similar_areas') => {
    const x = s.groups[g];
    return round1(round1(x.pct2021[m]) - round1(x.pct2011[m])) !== round1(x.changePp[m]);
  };
  const exact =
    roundedApart('big_local') || roundedApart('similar_areas')
      ? ` Before rounding, the changes were ${fmtSigned2(bl)} points in Big Local areas and ${fmtSigned2(sim)} in similar areas.`
      : '';
  return (
    `England as a whole is not a fair yardstick: Big Local areas were chosen because they had missed out, and poorer places differ in many ways. ` +
    `So we also compare each area with neighbourhoods in the same region that have the same mix of deprivation. In those similar places, ${cmp}.` +
    exact +
    (sharedByDeprivedPlaces ? ` Most of Big Local’s lead over England was shared by similar places.` : '')
  );
}

/** Bad or very bad health: Big Local against England and similar areas. */
export function badParagraph(s: Summary): string {
  const m: HealthMeasure = 'bad_or_very_bad';
  const bl = changeOf(s, 'big_local', m);
  const en = changeOf(s, 'england', m);
  const sim = changeOf(s, 'similar_areas', m);
  const v = moved(bl);
  const b = s.groups.big_local;
  const head =
    v === 'did not change'
      ? `The share of Big Local residents in bad or very bad health stayed at ${fmtPct(b.pct2021[m])}`
      : `The share of Big Local residents in bad or very bad health ${v} ${fromTo(b.pct2011[m], b.pct2021[m])}`;
  const noun = v === 'rose' ? 'rise' : 'fall';
  const cmp = (other: number, name: string): string => {
    const r = relative(bl, other);
    if (r === 'unlike' || v === 'did not change') return `unlike ${name}, where it ${moved(other)} (${signed(other)})`;
    if (r === 'as much as') return `the same as in ${name}`;
    return `a ${r === 'more than' ? 'bigger' : 'smaller'} ${noun} than in ${name} (${signed(other)})`;
  };
  const a = cmp(en, 'England');
  const c = cmp(sim, 'similar areas');
  const joiner = relative(bl, en) === relative(bl, sim) ? 'and' : 'but';
  return `${head}, a change of ${signed(bl)} points: ${a}, ${joiner} ${c}.`;
}

// ---------------------------------------------------------------------------------------------
// The areas one by one

/** The spread of very good health across the areas: the same tally as the area-changes chart's summary. */
export function areasParagraph(areas: BigLocalArea[]): string {
  const c = areaCounts(areas, 'very_good');
  const dir = c.rose >= c.fell ? `rose in ${c.rose} of the ${c.total} areas and fell in ${c.fell}` : `fell in ${c.fell} of the ${c.total} areas and rose in ${c.rose}`;
  const rel =
    c.aboveComparator === c.belowComparator
      ? `Against their own similar areas, as many fared better as fared worse (${c.aboveComparator} each)`
      : c.aboveComparator > c.belowComparator
        ? `Against their own similar areas, ${c.aboveComparator} fared better and ${c.belowComparator} fared worse`
        : `Against their own similar areas, ${c.belowComparator} fared worse and ${c.aboveComparator} fared better`;
  return `The averages hide a wide spread. The share in very good health ${dir}. ${rel}: a reminder that small places move around a lot from one census to the next.`;
}

/** The map's lead: where the areas are, from the area and district figures (the map's own summary gives the changes). */
export function districtsParagraph(districts: Place[], areas: BigLocalArea[]): string {
  const regionCount = new Set(districts.map((d) => d.regionCode)).size;
  const areaRegions = new Set(areas.map((a) => a.regionCode)).size;
  const spread = areaRegions === regionCount ? `all ${regionCount} of its regions` : `${areaRegions} of its ${regionCount} regions`;
  const areaLads = new Set(areas.map((a) => a.ladCode)).size;
  return `The ${areas.length} Big Local areas lie in ${areaLads} of England’s ${districts.length} local authorities, across ${spread}.`;
}

// ---------------------------------------------------------------------------------------------
// How sure can we be

/** The difference in differences for very good health, in words. */
export function didParagraph(s: Summary, m: HealthMeasure = 'very_good'): string {
  const d = s.differenceInDifferences[m];
  const e = Math.sign(round2(d.estimate));
  const label = m === 'very_good' ? 'very good' : 'bad or very bad';
  const est =
    e === 0
      ? `Our best estimate is that the share in ${label} health changed by the same amount in Big Local areas as in similar areas`
      : `Taken together, the change in the share in ${label} health was ${points(d.estimate, 'percentage points', 2)} ${e > 0 ? 'above' : 'below'} that of similar areas`;
  const range = `the 95% interval runs from ${fmtSigned2(d.lower)} to ${fmtSigned2(d.upper)} points`;
  const verdict = includesZero(d)
    ? `It includes zero, so the data cannot tell a real difference from chance.`
    : `It does not include zero, so a difference this size is unlikely to be chance alone – though that still does not show Big Local caused it.`;
  return `${est}, but ${range}. ${verdict}`;
}

/** "19 (13%) high, 110 (73%) medium and 21 (14%) low" — only the levels that occur. */
export function confidenceBreakdown(s: Summary): string {
  const by = s.footprints.byConfidence as Partial<Record<FootprintConfidence, number>>;
  const total = s.footprints.areas;
  const labels: Record<FootprintConfidence, string> = {
    official: 'to official boundaries',
    high: 'with high confidence',
    medium: 'with medium confidence',
    low: 'with low confidence',
    unknown: 'with unrecorded confidence',
  };
  const order: FootprintConfidence[] = ['official', ...CONFIDENCE_LEVELS.filter((c) => c !== 'official')];
  const parts = order
    .filter((c) => (by[c] ?? 0) > 0)
    .map((c) => `${by[c]} (${pctOf(by[c]!, total)}) ${labels[c]}`);
  parts[0] = `we matched ${parts[0]}`;
  if (parts.length === 0) return '';
  if (parts.length === 1) return parts[0]!;
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

function pctOf(n: number, total: number): string {
  return total > 0 ? `${Math.round((100 * n) / total)}%` : '0%';
}

/** The footprint caveat, with the confidence breakdown; plain when every boundary is official. */
export function footprintCaveat(s: Summary): string {
  if (s.footprints.areas > 0 && (s.footprints.byConfidence.official ?? 0) === s.footprints.areas) {
    return `The area boundaries are the official ones: each area’s figures are those of the census neighbourhoods inside its boundary.`;
  }
  return (
    `The area boundaries are approximate. There is no official map of Big Local areas, so each footprint is our best match of the area to census neighbourhoods: ` +
    `of the ${s.footprints.areas}, ${confidenceBreakdown(s)}. Where an area’s edges are uncertain, its numbers are too.`
  );
}

/**
 * What the census says about each of the report's two claims: that very good health rose more, and
 * bad health fell more, in Big Local areas than in similar areas.
 */
export function reportCheck(s: Summary, r?: Robustness): string {
  const vg = s.differenceInDifferences.very_good;
  const bad = s.differenceInDifferences.bad_or_very_bad;
  const blVg = changeOf(s, 'big_local', 'very_good');
  const vgPart =
    vsSimilar(vg, blVg) === 'about the same'
      ? `very good health rose about as much as in similar areas (a difference of ${fmtSigned2(vg.estimate)} points, 95% interval ${fmtSigned2(vg.lower)} to ${fmtSigned2(vg.upper)})`
      : `very good health changed ${vsSimilar(vg, blVg)} than in similar areas (${fmtSigned2(vg.estimate)} points, 95% interval ${fmtSigned2(vg.lower)} to ${fmtSigned2(vg.upper)})`;
  const badPart = `bad or very bad health ${badVsSimilar(s)} than in similar areas (${fmtSigned2(bad.estimate)} points, ${fmtSigned2(bad.lower)} to ${fmtSigned2(bad.upper)})`.replace(
    /about as much than/,
    'about as much as',
  );
  return `The report said very good health rose more, and bad health fell more, in Big Local areas than in similar areas. On the census, ${vgPart}, and ${badPart}. ${claimsVerdict(s, r)}`;
}

/**
 * Where a claim's difference stands against its 95% interval: `sign` is the side of zero the claim
 * needs (+1: very good health rose more; −1: bad health fell more, a negative difference).
 */
export function claimStanding(d: Interval, sign: 1 | -1): 'holds' | 'contradicted' | 'not shown' {
  if (includesZero(d)) return 'not shown';
  return Math.sign(d.estimate) === sign ? 'holds' : 'contradicted';
}

/**
 * The verdict on both claims, each by its own interval, in whole sentences. Where neither is shown
 * and an estimate lies on the far side of zero from its claim, says how much the interval leaves
 * room for on the claim's side: as much as the interval allows, and no more.
 */
export function claimsVerdict(s: Summary, r?: Robustness): string {
  const claims = [
    { claim: 'very good health rose more', name: 'very good health', more: 'a bigger rise', d: s.differenceInDifferences.very_good, sign: 1 as const },
    { claim: 'bad health fell more', name: 'bad health', more: 'a bigger fall', d: s.differenceInDifferences.bad_or_very_bad, sign: -1 as const },
  ].map((c) => ({ ...c, standing: claimStanding(c.d, c.sign) }));
  if (claims.every((c) => c.standing === 'not shown')) {
    const leans = claims.flatMap(({ d, sign, name, more }) => {
      // The interval's end on the claim's side, as a distance from zero in the claim's direction.
      const room = round2(sign > 0 ? d.upper : -d.lower);
      return round2(d.estimate) * sign < 0 && room > 0
        ? [` For ${name} the estimate points away from the claim: the 95% interval rules out ${more} in Big Local areas than in similar areas of more than ${points(room, 'points', 2)}.`]
        : [];
    });
    return `Neither claim holds on the like-for-like comparison: both differences are within what chance alone produces${onlyJust(r)}.${leans.join('')}`;
  }
  const side = (sign: number) => (sign > 0 ? 'above' : 'below');
  const words = ({ standing, sign }: (typeof claims)[number]) =>
    standing === 'holds'
      ? `holds (its interval lies wholly ${side(sign)} zero)`
      : standing === 'contradicted'
        ? `is contradicted (its interval lies wholly ${side(-sign)} zero)`
        : 'is not shown (its interval includes zero)';
  return `The claims fare differently: ${claims.map((c) => `the claim that ${c.claim} ${words(c)}`).join('; ')}.`;
}

// ---------------------------------------------------------------------------------------------
// How far the finding holds

const rowsFor = (r: Robustness, m: RobustnessMeasure) => r.specifications.filter((x) => x.measure === m);

/** The specifications in words: how many intervals include zero, and how far the estimate moves. */
export function robustnessParagraph(r: Robustness, m: RobustnessMeasure = 'very_good'): string {
  const rows = rowsFor(r, m);
  const label = m === 'very_good' ? 'very good' : 'bad or very bad';
  const withZero = rows.filter(includesZero).length;
  const lo = rows.reduce((a, b) => (b.estimate < a.estimate ? b : a));
  const hi = rows.reduce((a, b) => (b.estimate > a.estimate ? b : a));
  const all = withZero === rows.length ? `every one of the ${rows.length}` : `${withZero} of the ${rows.length}`;
  return (
    `We worked the difference in ${label} health out ${rows.length} ways: with other comparisons, other footprints and without the fastest-growing neighbourhoods. ` +
    `The interval includes zero in ${all}. The estimate runs from ${fmtSigned2(lo.estimate)} points (${shortLabel(lo.label)}) to ${fmtSigned2(hi.estimate)} points (${shortLabel(hi.label)}).`
  );
}

/** A specification's label, lower-cased and without its bracketed detail, for use inside a sentence. */
const shortLabel = (t: string) => (t.charAt(0).toLowerCase() + t.slice(1)).replace(/ \([^)]*\)$/, '');

/** Where a placebo p-value puts a real difference: beyond chance by the usual test, at its edge, or neither. */
export function placeboStanding(p: number): 'unusual' | 'edge' | 'unremarkable' {
  return p < 0.05 ? 'unusual' : p < EDGE_P ? 'edge' : 'unremarkable';
}

/** Below this placebo p (and at or above 0.05), a difference is at the edge of what chance produces. */
export const EDGE_P = 0.1;

/**
 * ", the one for bad health only just": said after "within chance" for each measure whose real
 * difference is at the edge of the placebo sets (placeboStanding), so that a sentence about both
 * gaps claims no more certainty for the borderline one than the placebo paragraph does.
 */
export function onlyJust(r: Robustness | undefined): string {
  if (!r) return '';
  const names: Record<RobustnessMeasure, string> = { very_good: 'very good health', bad_or_very_bad: 'bad health' };
  const edge = ROBUSTNESS_MEASURES.filter((m) => placeboStanding(r.placebo.measures[m].p) === 'edge');
  if (edge.length === 0) return '';
  return edge.length === ROBUSTNESS_MEASURES.length ? ', both only just' : `, the one for ${names[edge[0]!]} only just`;
}

/** The placebo test in words: where the real values fall among sets of similar neighbourhoods. */
export function placeboParagraph(r: Robustness): string {
  const words = { unusual: 'unusual, by the usual test', edge: 'at the edge of what chance produces', unremarkable: 'unremarkable' } as const;
  const judge = (p: number) => words[placeboStanding(p)];
  const one = (m: RobustnessMeasure) => {
    const p = r.placebo.measures[m];
    const label = m === 'very_good' ? 'very good' : 'bad or very bad';
    return `for ${label} health the real difference, ${fmtSigned2(p.real)} points, sits at the ${ordinal(Math.round(p.percentile))} percentile of theirs (two-sided p = ${p.p.toFixed(2)}): ${judge(p.p)}`;
  };
  return (
    `To see what chance alone does, we drew ${r.placebo.sets.toLocaleString('en-GB')} sets of pretend Big Local areas: ` +
    `clusters of neighbouring census neighbourhoods in the same regions, of the same sizes and levels of deprivation, that got no Big Local money, each compared with its own similar areas as the real ones are. ` +
    `${upperFirst(one('very_good'))}; ${one('bad_or_very_bad')}, where higher means a smaller fall in bad health than the pretend areas saw.`
  );
}

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${s}`;
}

/**
 * A 95% interval that wrongly excludes zero in more than this share (per cent) of the placebo sets
 * is called too narrow: half as often again as the nominal 5%, more than the placebo draws' own
 * noise would explain.
 */
export const TOO_NARROW_EXCLUDES_ZERO_PCT = 7.5;

/** A correlation (Pearson's r) from which the story says two changes go together. */
export const GOES_WITH_CORRELATION = 0.3;

/**
 * The coverage check: how often the usual bootstrap interval wrongly excludes zero, why, and the
 * placebo interval the site uses instead.
 */
export function coverageParagraph(r: Robustness): string {
  const c = r.coverage.excludesZeroPct;
  const vg = r.intervals.very_good;
  const bad = r.intervals.bad_or_very_bad;
  const mean = (m: RobustnessMeasure) => r.placebo.measures[m].mean;
  const tooNarrow = Math.max(c.very_good, c.bad_or_very_bad) > TOO_NARROW_EXCLUDES_ZERO_PCT;
  const both = [includesZero(vg), includesZero(bad)];
  return (
    `A 95% interval should wrongly exclude zero in about 5% of those pretend sets. ` +
    `The usual one, from resampling the areas, did so in ${c.very_good.toFixed(0)}% for very good health and ${c.bad_or_very_bad.toFixed(0)}% for bad or very bad health` +
    (tooNarrow ? ': it is too narrow, because neighbourhoods close together move together, which resampling whole areas misses' : '') +
    `. And the pretend sets do not centre on zero: they average ${fmtSigned2(mean('very_good'))} and ${fmtSigned2(mean('bad_or_very_bad'))} points, so the method itself leans a little. ` +
    `Every interval on this site is therefore built from the pretend sets, allowing for both: ${fmtSigned2(vg.lower)} to ${fmtSigned2(vg.upper)} points for very good health and ${fmtSigned2(bad.lower)} to ${fmtSigned2(bad.upper)} for bad or very bad health. ` +
    (both.every(Boolean) ? 'Both include zero.' : both.some(Boolean) ? `Only the interval for ${both[0] ? 'very good' : 'bad or very bad'} health includes zero.` : 'Neither includes zero.')
  );
}

/**
 * Population change and the areas' own changes: how closely they move together, and the area that
 * grew most. The correlation is Pearson's, across areas, of the change in the very good share and
 * the change in residents (per cent).
 */
export function growthParagraph(areas: BigLocalArea[], fastPct = FAST_GROWTH_PCT): string {
  const growth = (a: BigLocalArea) => residentsChangePct(a) ?? 0;
  const xs = areas.map(growth);
  const ys = areas.map((a) => a.health.changePp.very_good);
  const mean = (v: number[]) => v.reduce((p, q) => p + q, 0) / v.length;
  const mx = mean(xs);
  const my = mean(ys);
  const cov = xs.reduce((acc, x, i) => acc + (x - mx) * (ys[i]! - my), 0);
  const r = cov / Math.sqrt(xs.reduce((a, x) => a + (x - mx) ** 2, 0) * ys.reduce((a, y) => a + (y - my) ** 2, 0));
  const fast = areas.filter((a) => growth(a) > fastPct);
  const top = areas.reduce((a, b) => (growth(b) > growth(a) ? b : a));
  const people = (n: number) => Math.round(n).toLocaleString('en-GB');
  return (
    `Populations changed a lot. Across the ${areas.length} areas, the change in very good health ${r >= GOES_WITH_CORRELATION ? 'goes' : 'does not go'} with the change in residents (correlation ${r.toFixed(2).replace('-', MINUS)})` +
    (r >= GOES_WITH_CORRELATION ? ': new homes bring new, often younger, residents, who report better health, so a neighbourhood’s share can rise without anyone’s health changing. ' : '. ') +
    `${fast.length === 1 ? 'One area' : `${fast.length} areas`} grew by more than ${fastPct}%. ${top.name} grew most, from ${people(top.health.counts2011.residents)} to ${people(top.health.counts2021.residents)} residents (${signed(growth(top))}%), ` +
    `and its very good share ${moved(top.health.changePp.very_good)} by ${points(top.health.changePp.very_good)}: read such figures as a change in who lives there.`
  );
}

/**
 * How the very good share moved across England's similar neighbourhoods by how much their residents
 * changed (robustness.json `growthBands`): evidence that newcomers move a share by themselves.
 */
export function poolGrowthSentence(bands: GrowthBand[]): string {
  const [shrank, ...grew] = bands;
  if (!shrank || grew.length === 0) return '';
  const range = (b: GrowthBand) => (b.fromPct === 0 ? `up to ${b.toPct}%` : b.toPct === null ? `more than ${b.fromPct}%` : `${b.fromPct}–${b.toPct}%`);
  // After the first band, the verb is said again only where the direction changes.
  const parts = grew.map((b, i) => {
    const verb = i === 0 || moved(b.veryGoodChangePp) !== moved(grew[i - 1]!.veryGoodChangePp) ? `${moved(b.veryGoodChangePp)} ` : '';
    const size = Math.abs(round1(b.veryGoodChangePp)).toFixed(1);
    return i === 0 ? `${verb}${points(b.veryGoodChangePp, 'points')} where they grew by ${range(b)}` : `${verb}${size} by ${range(b)}`;
  });
  const rising = bands.every((b, i) => i === 0 || b.veryGoodChangePp > bands[i - 1]!.veryGoodChangePp);
  return (
    `Across England’s similar neighbourhoods the pattern is the same: the very good share ${moved(shrank.veryGoodChangePp)} ${points(shrank.veryGoodChangePp, 'points')} in those whose residents fell, and ` +
    `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` +
    (rising ? ': the more newcomers, the bigger the rise.' : '.')
  );
}

/**
 * Crude rates against the ONS's age-standardised ones for England: how much ageing hid, set
 * against the difference the story discusses, and which comparison it threatens most.
 */
export function ageParagraph(s: Summary, ons: Pick<ReferenceFigure, 'pct2011' | 'pct2021'>): string {
  const crude = changeOf(s, 'england', 'very_good');
  const standardised = ons.pct2021 - ons.pct2011;
  const hidden = standardised - crude;
  const did = Math.abs(s.differenceInDifferences.very_good.estimate);
  const times = did > 0 ? Math.round(Math.abs(hidden) / did) : 0;
  return (
    `These are crude rates, not adjusted for age. Across England the share in very good health ${moved(crude)} by ${points(crude)} as counted; ` +
    `standardised for age, the Office for National Statistics puts it at ${fmtPct(ons.pct2011)} in 2011 and ${fmtPct(ons.pct2021)} in 2021, ${changePhrase(standardised)}. ` +
    `An older population ${hidden > 0 ? 'hid' : 'added'} about ${points(hidden, 'points')}` +
    (times >= 2 ? `, ${times} times the difference between Big Local and similar areas. ` : '. ') +
    `The comparison with England is the most exposed, as Big Local areas’ ages differ from England’s; similar areas are matched on deprivation and region, which go with age, but not on age itself.`
  );
}

export { MINUS };
