/**
 * The story's data-driven sentences. Every number is read from the processed data and every word
 * that states a direction or a comparison ("rose", "more than", "about as much as") is chosen from
 * the numbers as displayed (one decimal), so if the data changes, the words change with it.
 *
 * Pure functions of the data: no I/O, no Astro. Tested in words.test.ts, including with the data
 * flipped.
 */
import type { BigLocalArea, GroupId, HealthMeasure, Interval, Place, Summary } from '../data/schema.ts';
import { CONFIDENCE_LEVELS, type FootprintConfidence } from '../data/schema.ts';
import { displaySign, fmtPct, fmtSigned, round1 } from '../charts/svg.ts';
import { areaCounts, includesZero } from '../charts/words.ts';

const MINUS = '\u2212';

/** "2.1 percentage points" / "0.1 percentage points" / "1 percentage point". */
export function points(v: number, unit: 'percentage points' | 'points' = 'percentage points'): string {
  const a = Math.abs(round1(v));
  const s = a.toFixed(1);
  return `${s} ${s === '1.0' && unit === 'points' ? 'point' : unit}`;
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
 * The h1. For the published data: "Very good health rose more in Big Local areas than in England –
 * but only about as much as in similar places".
 */
export function headline(s: Summary): string {
  const m: HealthMeasure = 'very_good';
  const bl = changeOf(s, 'big_local', m);
  const en = changeOf(s, 'england', m);
  const v = moved(bl);
  if (v === 'did not change') {
    return `Very good health held steady in Big Local areas between the censuses`;
  }
  const rel = relative(bl, en);
  const vsEn =
    rel === 'unlike'
      ? `in Big Local areas, while it ${moved(en)} in England`
      : rel === 'as much as'
        ? `in Big Local areas as much as in England`
        : `${rel === 'more than' ? 'more' : 'less'} in Big Local areas than in England`;
  const did = s.differenceInDifferences[m];
  const sim = vsSimilar(did, bl);
  const good = rel === 'more than' && v === 'rose';
  let tail: string;
  if (v === 'rose') {
    tail =
      sim === 'about the same'
        ? `${good ? 'but only' : 'and'} about as much as in similar places`
        : sim === 'more'
          ? `${good ? 'and' : 'but'} more than in similar places`
          : `${good ? 'but' : 'and'} less than in similar places`;
  } else {
    // A fall: say better or worse (higher very good share is better) rather than "more".
    tail = includesZero(did)
      ? 'about the same as in similar places'
      : did.estimate > 0
        ? 'but better than in similar places'
        : 'and worse than in similar places';
  }
  return `Very good health ${v} ${vsEn} – ${tail}`;
}

/** The standfirst under the headline: the three changes in very good health, with numbers. */
export function standfirst(s: Summary): string {
  const m: HealthMeasure = 'very_good';
  const bl = changeOf(s, 'big_local', m);
  const en = changeOf(s, 'england', m);
  const sim = changeOf(s, 'similar_areas', m);
  const n = s.footprints.areas;
  const first =
    `Between the 2011 and 2021 censuses, the share of residents who said their health was very good ` +
    `${verbPast(bl)}${moved(bl) === 'did not change' ? '' : ` by ${points(bl)}`} in England’s ${n} Big Local neighbourhoods, ` +
    `compared with ${changePhrase(en)} in England as a whole and ${changePhrase(sim)} in places with similar levels of deprivation.`;
  const vs = vsSimilar(s.differenceInDifferences[m], bl);
  const second =
    vs === 'about the same'
      ? `The gap with those similar places is too small to tell apart from chance.`
      : `The gap with those similar places is bigger than chance alone would easily explain, though it does not show what caused it.`;
  return `${first} ${second}`;
}

/** A one-line description for search results and share cards (≤ ~160 characters). */
export function description(s: Summary): string {
  const m: HealthMeasure = 'very_good';
  const bl = changeOf(s, 'big_local', m);
  return (
    `Census 2011 to 2021, share in very good health: ${signed(bl)} pp in Big Local areas, ` +
    `${signed(changeOf(s, 'england', m))} pp in England, ${signed(changeOf(s, 'similar_areas', m))} pp in similar areas. How sure can we be?`
  );
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
  return (
    `England as a whole is not a fair yardstick: Big Local areas were chosen because they had missed out, and poorer places differ in many ways. ` +
    `So we also compare each area with neighbourhoods in the same region that have the same mix of deprivation. In those similar places, ${cmp}.` +
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
  return `The ${areas.length} Big Local areas lie in ${areaLads} of England's ${districts.length} local authorities, across ${spread}.`;
}

// ---------------------------------------------------------------------------------------------
// How sure can we be

/** The difference in differences for very good health, in words. */
export function didParagraph(s: Summary, m: HealthMeasure = 'very_good'): string {
  const d = s.differenceInDifferences[m];
  const e = displaySign(d.estimate);
  const label = m === 'very_good' ? 'very good' : 'bad or very bad';
  const est =
    e === 0
      ? `Our best estimate is that the share in ${label} health changed by the same amount in Big Local areas as in similar areas`
      : `Taken together, the change in the share in ${label} health was ${points(d.estimate)} ${e > 0 ? 'above' : 'below'} that of similar areas`;
  const range = `the 95% interval runs from ${signedSpaced(d.lower)} to ${signedSpaced(d.upper)} points`;
  const verdict = includesZero(d)
    ? `It includes zero, so the data cannot tell a real difference from chance.`
    : `It does not include zero, so a difference this size is unlikely to be chance alone – though that still does not show Big Local caused it.`;
  return `${est}, but ${range}. ${verdict}`;
}

function signedSpaced(v: number): string {
  return fmtSigned(v);
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

/** How our reading compares with the report's directional claim (stated as the report's, not ours). */
export function reportCheck(s: Summary): string {
  const m: HealthMeasure = 'very_good';
  const bl = changeOf(s, 'big_local', m);
  const en = changeOf(s, 'england', m);
  const vsEn = relative(bl, en);
  const sim = vsSimilar(s.differenceInDifferences[m], bl);
  const agreeEn =
    vsEn === 'more than' && moved(bl) === 'rose'
      ? 'Our own figures from the census agree that very good health rose more in Big Local areas than in England'
      : 'Our own figures from the census do not show very good health rising more in Big Local areas than in England';
  const simPart =
    sim === 'about the same'
      ? 'but against similar areas the difference is too small to tell apart from chance'
      : sim === 'more'
        ? 'and more than in similar areas, by a margin larger than chance would easily explain'
        : 'and against similar areas it rose less';
  return `${agreeEn}, ${simPart}.`;
}

export { MINUS };
