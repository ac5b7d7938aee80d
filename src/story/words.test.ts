import { describe, expect, it } from 'vitest';
import type { Robustness } from '../data/schema.ts';
import {
  areasParagraph,
  districtsParagraph,
  badParagraph,
  changePhrase,
  confidenceBreakdown,
  description,
  didParagraph,
  footprintCaveat,
  headline,
  moved,
  points,
  relative,
  reportCheck,
  onlyJust,
  placeboStanding,
  EDGE_P,
  vsSimilarParagraph,
  claimsVerdict,
  claimStanding,
  standfirst,
  vsEnglandParagraph,
  vsSimilar,
  badVsSimilar,
  fractionWords,
  ruledOut,
  robustnessParagraph,
  placeboParagraph,
  coverageParagraph,
  ageParagraph,
  growthParagraph,
  poolGrowthSentence,
  roundingNote,
} from './words.ts';
import { storySteps } from './steps.ts';
import * as areaChanges from '../charts/area-changes.ts';
import { areaCounts } from '../charts/words.ts';
import { makeSummary, makeArea } from './words.fixtures.ts';
import { makeGrowthBands } from '../charts/fixtures.ts';

describe('rounding note', () => {
  it('is said once, in the first step, where rounded figures are first set side by side', () => {
    const withNote = storySteps(makeSummary({ bl: 2.12, en: 1.32, sim: 2.02, did: [0.1, -0.25, 0.45] })).filter((st) => st.note);
    expect(withNote.map((st) => st.id)).toEqual(['step-england']);
    expect(withNote[0]!.note).toBe(roundingNote());
    // It says why the figures may not add up, and types no number.
    expect(roundingNote()).toMatch(/worked out .* only then rounded/);
    expect(roundingNote()).not.toMatch(/\d/);
  });
});

describe('small words', () => {
  it('moved/relative follow the numbers as displayed', () => {
    expect(moved(0.04)).toBe('did not change');
    expect(moved(0.06)).toBe('rose');
    expect(moved(-0.2)).toBe('fell');
    expect(relative(2.1, 1.3)).toBe('more than');
    expect(relative(1.3, 2.1)).toBe('less than');
    expect(relative(-0.5, -0.3)).toBe('more than');
    expect(relative(2.12, 2.08)).toBe('as much as');
    expect(relative(1, -1)).toBe('unlike');
    expect(points(2.1159)).toBe('2.1 percentage points');
    expect(changePhrase(-0.34)).toBe('a fall of 0.3 points');
  });
  it('vsSimilar reads the interval', () => {
    expect(vsSimilar({ estimate: 0.1, lower: -0.25, upper: 0.45 }, 2.1)).toBe('about the same');
    expect(vsSimilar({ estimate: 0.6, lower: 0.2, upper: 1 }, 2.1)).toBe('more');
    expect(vsSimilar({ estimate: -0.6, lower: -1, upper: -0.2 }, 2.1)).toBe('less');
  });
});

describe('headline and standfirst follow the data', () => {
  const base = makeSummary({ bl: 2.12, en: 1.32, sim: 2.02, did: [0.1002, -0.2517, 0.4472] });

  it('published pattern: leads with similar areas, says both claims, and what is ruled out', () => {
    expect(headline(base)).toBe('Very good health rose about as much in Big Local areas as in similar places – and bad health fell slightly less');
    const sf = standfirst(base);
    expect(sf).toContain('rose by 2.1 percentage points');
    expect(sf).toContain('against a rise of 2.0 points in places with similar levels of deprivation (and a rise of 1.3 points across England as a whole)');
    expect(sf).toContain('The share in bad or very bad health fell by 0.5 points, against a fall of 0.6 points in similar places.');
    expect(sf).toContain('Both gaps are too small to tell apart from chance.');
    expect(sf).toContain('On this comparison, the 95% interval rules out a Big Local advantage in very good health of more than 0.45 points (about a fifth of the rise itself).');
    expect(description(base)).toBe('Census 2011–2021 in Big Local areas: very good health +2.1 pp (similar areas +2.0 pp), bad health −0.5 pp (−0.6 pp).');
    expect(description(base).length).toBeLessThanOrEqual(160);
    expect(reportCheck(base)).toMatch(/^The report said very good health rose more, and bad health fell more/);
    expect(reportCheck(base)).toContain('bad or very bad health fell slightly less than in similar areas');
    expect(reportCheck(base)).toContain('Neither claim holds');
    // Bad health's estimate points away from the claim: say how much of a bigger fall the interval leaves room for.
    expect(reportCheck(base)).toContain('For bad health the estimate points away from the claim: the 95% interval rules out a bigger fall in Big Local areas than in similar areas of more than 0.06 points.');
    expect(reportCheck(base)).not.toContain('For very good health');
    expect(reportCheck(base)).not.toContain('..');
  });

  it('gives the two changes unrounded where the rounded shares would not add up to the rounded change', () => {
    // Similar areas 43.64% to 45.66%: printed "43.6% to 45.7%" beside "+2.0".
    const apart = makeSummary({ bl: 2.12, en: 1.32, sim: 2.02, did: [0.1, -0.28, 0.5] });
    apart.groups.similar_areas = structuredClone(apart.groups.similar_areas);
    const g = apart.groups.similar_areas;
    g.pct2011.very_good = 43.64;
    g.pct2021.very_good = 45.66;
    g.changePp.very_good = 2.02;
    expect(vsSimilarParagraph(apart)).toContain('Before rounding, the changes were +2.12 points in Big Local areas and +2.02 in similar areas.');
    // Where the printed figures agree, nothing more is said.
    g.pct2011.very_good = 43.66;
    g.pct2021.very_good = 45.68;
    const bl = apart.groups.big_local;
    bl.pct2011.very_good = 43.09;
    bl.pct2021.very_good = 45.21;
    bl.changePp.very_good = 2.12;
    expect(vsSimilarParagraph(apart)).not.toContain('Before rounding');
  });

  it('judges each claim by its own interval', () => {
    const did = (vg: [number, number, number], bad: [number, number, number]) => {
      const s = structuredClone(base);
      s.differenceInDifferences.very_good = { estimate: vg[0], lower: vg[1], upper: vg[2] };
      s.differenceInDifferences.bad_or_very_bad = { estimate: bad[0], lower: bad[1], upper: bad[2] };
      return claimsVerdict(s);
    };
    expect(claimStanding({ estimate: 0.3, lower: 0.1, upper: 0.5 }, 1)).toBe('holds');
    expect(claimStanding({ estimate: 0.3, lower: 0.1, upper: 0.5 }, -1)).toBe('contradicted');
    expect(claimStanding({ estimate: 0.3, lower: -0.1, upper: 0.5 }, -1)).toBe('not shown');
    expect(did([0.1, -0.39, 0.39], [0.3, 0.1, 0.5])).toBe(
      'The claims fare differently: the claim that very good health rose more is not shown (its interval includes zero); the claim that bad health fell more is contradicted (its interval lies wholly above zero).',
    );
    expect(did([0.6, 0.1, 1.1], [-0.3, -0.5, -0.1])).toContain('the claim that very good health rose more holds (its interval lies wholly above zero); the claim that bad health fell more holds (its interval lies wholly below zero)');
    // Both estimates on the claims' sides: nothing points away, so nothing more is said.
    expect(did([0.1, -0.2, 0.4], [-0.1, -0.3, 0.1])).toBe('Neither claim holds on the like-for-like comparison: both differences are within what chance alone produces.');
    // Both pointing away: both said, each with its own room.
    const away = did([-0.2, -0.5, 0.1], [0.1, -0.05, 0.25]);
    expect(away).toContain('For very good health the estimate points away from the claim: the 95% interval rules out a bigger rise in Big Local areas than in similar areas of more than 0.10 points.');
    expect(away).toContain('For bad health the estimate points away from the claim: the 95% interval rules out a bigger fall in Big Local areas than in similar areas of more than 0.05 points.');
  });

  it('bad health: "slightly" only while the interval includes zero', () => {
    expect(badVsSimilar(base)).toBe('fell slightly less');
    const clear = makeSummary({ bl: 2.12, en: 1.32, sim: 2.02, did: [0.1, -0.25, 0.45] });
    clear.differenceInDifferences.bad_or_very_bad = { estimate: 0.3, lower: 0.1, upper: 0.5 };
    expect(badVsSimilar(clear)).toBe('fell less');
    expect(reportCheck(clear)).toContain('The claims fare differently');
  });

  it('rules out only what the interval allows, as a share of the rise', () => {
    expect(fractionWords(0.21)).toBe('about a fifth');
    expect(fractionWords(0.5)).toBe('about half');
    expect(fractionWords(0.41)).toBe('41%');
    expect(ruledOut(makeSummary({ bl: 2, en: 1, sim: 2, did: [0.5, 0.1, 0.9] }))).toBeNull();
    expect(ruledOut(makeSummary({ bl: 2, en: 1, sim: 2, did: [0.2, -0.3, 1.0] }))).toContain('more than 1.00 point (about half of the rise itself)');
  });

  it('flips when Big Local rose less than England', () => {
    const s = makeSummary({ bl: 0.9, en: 1.32, sim: 2.02, did: [-1.1, -1.5, -0.7] });
    expect(headline(s)).toBe('Very good health rose less in Big Local areas than in similar places – and bad health fell slightly less');
    expect(standfirst(s)).toContain('One of the gaps is too small to tell apart from chance.');
    expect(reportCheck(s)).toContain('very good health changed less than in similar areas');
  });

  it('flips when Big Local clearly beat similar areas', () => {
    const s = makeSummary({ bl: 3, en: 1.32, sim: 2.02, did: [1, 0.6, 1.4] });
    expect(headline(s)).toBe('Very good health rose more in Big Local areas than in similar places – and bad health fell slightly less');
  });

  it('handles a fall', () => {
    const s = makeSummary({ bl: -0.5, en: 1.32, sim: 2.02, did: [-2.5, -3, -2] });
    expect(headline(s)).toBe('Very good health fell more in Big Local areas than in similar places – and bad health fell slightly less');
    expect(vsEnglandParagraph(s)).toContain('had fallen by 0.5 percentage points, while in England it rose');
  });

  it('bad or very bad: bigger or smaller falls', () => {
    const s = makeSummary({ bl: 2, en: 1, sim: 2, did: [0, -1, 1], bad: { bl: -0.54, en: -0.34, sim: -0.61 } });
    expect(badParagraph(s)).toContain('a bigger fall than in England (−0.3), but a smaller fall than in similar areas (−0.6)');
    const t = makeSummary({ bl: 2, en: 1, sim: 2, did: [0, -1, 1], bad: { bl: -0.7, en: -0.34, sim: -0.61 } });
    expect(badParagraph(t)).toContain('a bigger fall than in England (−0.3), and a bigger fall than in similar areas (−0.6)');
  });

  it('interval words: includes or excludes zero', () => {
    expect(didParagraph(base)).toContain('from −0.25 to +0.45 points. It includes zero');
    const s = makeSummary({ bl: 3, en: 1, sim: 2, did: [1, 0.6, 1.4] });
    expect(didParagraph(s)).toContain('was 1.00 percentage points above that of similar areas');
    expect(didParagraph(s)).toContain('does not include zero');
  });

  it('confidence breakdown uses the counts and shares', () => {
    expect(confidenceBreakdown(base)).toBe('we matched 19 (13%) with high confidence, 110 (73%) with medium confidence and 21 (14%) with low confidence');
  });

  it('the footprint caveat says approximate, until every boundary is official', () => {
    expect(footprintCaveat(base)).toMatch(/^The area boundaries are approximate\..*of the 150, we matched 19 \(13%\)/);
    const official = { ...base, footprints: { ...base.footprints, byConfidence: { high: 0, medium: 0, low: 0, official: 150, unknown: 0 } } };
    expect(footprintCaveat(official)).toMatch(/^The area boundaries are the official ones/);
    expect(footprintCaveat(official)).not.toMatch(/approximate|uncertain/);
    const mixed = { ...base, footprints: { ...base.footprints, byConfidence: { high: 0, medium: 40, low: 0, official: 110, unknown: 0 } } };
    expect(footprintCaveat(mixed)).toMatch(/approximate.*110 \(73%\) to official boundaries and 40 \(27%\) with medium confidence/);
  });

  it('steps are data: a chart id and state for each, text from the data', () => {
    const steps = storySteps(base);
    expect(steps.map((s) => s.chart.id)).toEqual(['england-health', 'group-comparison', 'group-comparison', 'group-comparison']);
    expect(new Set(steps.map((s) => s.id)).size).toBe(steps.length);
    expect(steps[3]!.chart.state).toMatchObject({ measure: 'bad_or_very_bad' });
    for (const s of steps) expect(s.text.join(' ').length).toBeGreaterThan(40);
  });
});

describe('area counts', () => {
  it('counts rises, falls and comparisons as displayed', () => {
    const areas = [makeArea(1, 0.5), makeArea(-1, -2), makeArea(0.02, 0.3), makeArea(0.5, 0.5)];
    expect(areaCounts(areas, 'very_good')).toEqual({ total: 4, rose: 2, fell: 1, aboveComparator: 2, belowComparator: 1 });
    expect(areasParagraph(areas)).toContain('rose in 2 of the 4 areas and fell in 1');
    expect(areasParagraph(areas)).toContain('2 fared better and 1 fared worse');
  });

  it('the story and the area-changes chart state the same tally', () => {
    const sets = [
      [makeArea(1, 0.5), makeArea(-1, -2), makeArea(0.02, 0.3), makeArea(0.5, 0.5)],
      [makeArea(-1, 0.5), makeArea(-1, -2), makeArea(-0.3, 0.3), makeArea(0.04, -0.04)],
    ];
    for (const areas of sets) {
      const c = areaCounts(areas, 'very_good');
      const story = areasParagraph(areas);
      const chart = areaChanges.summary(areas, { measure: 'very_good' });
      for (const [verb, n] of [['rose', c.rose], ['fell', c.fell]] as const) {
        expect(story).toMatch(new RegExp(`${verb} in ${n}\\b`));
        expect(chart).toMatch(new RegExp(`${verb} in ${n}\\b`));
      }
      expect(chart).toMatch(new RegExp(`in ${c.aboveComparator} (it ended )?higher`));
      expect(story).toMatch(new RegExp(`${c.aboveComparator} fared better|${c.aboveComparator} each`));
    }
  });
});

describe('districts paragraph', () => {
  const district = (code: string, region: string) =>
    ({ code, name: code, regionCode: region, regionName: region, units: 1, bigLocalAreas: [], health: {} }) as unknown as Parameters<typeof districtsParagraph>[0][number];
  it('says where the areas are, from the data', () => {
    const ds = [district('A', 'R1'), district('B', 'R1'), district('C', 'R2'), district('D', 'R2')];
    expect(districtsParagraph(ds, [makeArea(1, 0.5), makeArea(-1, -2)])).toBe("The 2 Big Local areas lie in 1 of England’s 4 local authorities, across 1 of its 2 regions.");
    const everywhere = [makeArea(1, 0.5), { ...makeArea(1, 0.5), regionCode: 'R2', ladCode: 'C' }];
    expect(districtsParagraph([district('A', 'R1'), district('C', 'R2')].map((d, i) => ({ ...d, regionCode: i ? 'R2' : everywhere[0]!.regionCode })), everywhere)).toContain('across all 2 of its regions');
  });
});

describe('population change in the pool, in words', () => {
  it('gives each band its change, in order, and says the rise follows growth only when it does', () => {
    const t = poolGrowthSentence(makeGrowthBands());
    expect(t).toContain('the very good share fell 0.3 points in those whose residents fell');
    expect(t).toContain('rose 1.3 points where they grew by up to 10%, 2.1 by 10–20%, 3.1 by 20–40% and 4.4 by more than 40%');
    expect(t).toContain('the more newcomers, the bigger the rise');
    const flat = poolGrowthSentence(makeGrowthBands([1, 1.2, 0.9, 1.1, 1]));
    expect(flat).not.toContain('the more newcomers');
    expect(flat).toContain('rose 1.0 point in those whose residents fell');
    expect(flat).toContain('rose 1.2 points where they grew by up to 10%, 0.9 by 10–20%');
  });
});

describe('how far the finding holds, in words that follow robustness.json', () => {
  const interval = (estimate: number, lower: number, upper: number) => ({ estimate, lower, upper });
  const robustness = (vgUpper: number, p: number, coverage: number): Robustness => ({
    specifications: [
      { specification: 'main', label: 'Main comparison', group: 'comparator', measure: 'very_good', ...interval(0.1, -0.25, vgUpper), areas: 150, bootstrapLower: -0.2, bootstrapUpper: vgUpper - 0.05 },
      { specification: 'baseline-matched', label: 'Also matched on 2011 health (five bands)', group: 'comparator', measure: 'very_good', ...interval(-0.03, -0.37, 0.3), areas: 150, bootstrapLower: -0.3, bootstrapUpper: 0.24 },
      { specification: 'main', label: 'Main comparison', group: 'comparator', measure: 'bad_or_very_bad', ...interval(0.07, -0.06, 0.2), areas: 150, bootstrapLower: -0.04, bootstrapUpper: 0.18 },
    ],
    placebo: {
      sets: 1000,
      seed: 1,
      measures: {
        very_good: { real: 0.1, mean: 0.11, sd: 0.2, percentile: 47.6, p, interval: interval(0.1, -0.28, 0.5) },
        bad_or_very_bad: { real: 0.07, mean: -0.05, sd: 0.07, percentile: 97.1, p: 0.067, interval: interval(0.07, -0.06, 0.21) },
      },
      draws: { very_good: [], bad_or_very_bad: [] },
    },
    coverage: { sets: 1000, replicates: 199, excludesZeroPct: { very_good: coverage, bad_or_very_bad: 14.8 } },
    growthBands: makeGrowthBands(),
    intervals: { method: 'placebo', sets: 1000, ...makeSummary({ bl: 2.12, en: 1.32, sim: 2.02, did: [0.1, -0.28, 0.5] }).differenceInDifferences, very_good: interval(0.1, -0.28, 0.5), bad_or_very_bad: interval(0.07, -0.06, 0.21) },
    areaDifferences: { very_good: { mean: 0, median: -0.3, above: 66, below: 84, equal: 0 }, bad_or_very_bad: { mean: 0, median: 0.2, above: 92, below: 58, equal: 0 } },
  });

  it('says a gap is "only just" within chance where the placebo test puts it at the edge, in the standfirst and the verdict alike', () => {
    const base = makeSummary({ bl: 2.12, en: 1.32, sim: 2.02, did: [0.1, -0.28, 0.5] });
    // Bad health at p = 0.067: at the edge, as the placebo paragraph says.
    const r = robustness(0.45, 0.96, 12.6);
    expect(onlyJust(r)).toBe(', the one for bad health only just');
    expect(placeboParagraph(r)).toContain('at the edge of what chance produces');
    expect(standfirst(base, r)).toContain('Both gaps are too small to tell apart from chance, the one for bad health only just.');
    expect(reportCheck(base, r)).toContain('both differences are within what chance alone produces, the one for bad health only just.');
    // Both at the edge; neither; and without the placebo test, nothing is added.
    expect(onlyJust(robustness(0.45, 0.08, 12.6))).toBe(', both only just');
    const clear = structuredClone(r);
    clear.placebo.measures.bad_or_very_bad.p = 0.4;
    expect(onlyJust(clear)).toBe('');
    expect(standfirst(base, clear)).toContain('Both gaps are too small to tell apart from chance.');
    expect(standfirst(base)).toContain('Both gaps are too small to tell apart from chance.');
    expect(placeboStanding(0.049)).toBe('unusual');
    expect(placeboStanding(0.05)).toBe('edge');
    expect(placeboStanding(EDGE_P)).toBe('unremarkable');
  });

  it('counts the intervals that include zero and names the extremes without their brackets', () => {
    expect(robustnessParagraph(robustness(0.45, 0.96, 12.6))).toContain('The interval includes zero in every one of the 2.');
    expect(robustnessParagraph(robustness(-0.05, 0.96, 12.6))).toContain('The interval includes zero in 1 of the 2.');
    expect(robustnessParagraph(robustness(0.45, 0.96, 12.6))).toContain('from −0.03 points (also matched on 2011 health) to +0.10 points (main comparison)');
  });

  it('places the real value among the placebo sets and judges it by its p', () => {
    const t = placeboParagraph(robustness(0.45, 0.96, 12.6));
    expect(t).toContain('For very good health the real difference, +0.10 points, sits at the 48th percentile of theirs (two-sided p = 0.96): unremarkable');
    expect(t).toContain('for bad or very bad health the real difference, +0.07 points, sits at the 97th percentile of theirs (two-sided p = 0.07): at the edge of what chance produces');
    expect(t.match(/To see what chance alone does/g)).toHaveLength(1);
    expect(placeboParagraph(robustness(0.45, 0.01, 12.6))).toContain('unusual, by the usual test');
  });

  it('says the interval is too narrow only when the placebo sets show it', () => {
    const narrow = coverageParagraph(robustness(0.45, 0.96, 12.6));
    expect(narrow).toContain('did so in 13% for very good health and 15% for bad or very bad health: it is too narrow');
    // The site's interval, from robustness.json's intervals, and whether each includes zero.
    expect(narrow).toContain('−0.28 to +0.50 points for very good health and −0.06 to +0.21 for bad or very bad health. Both include zero.');
    expect(narrow).toContain('they average +0.11 and −0.05 points');
    const r = robustness(0.45, 0.96, 12.6);
    r.intervals.bad_or_very_bad = { estimate: 0.07, lower: 0.01, upper: 0.25 };
    expect(coverageParagraph(r)).toContain('Only the interval for very good health includes zero.');
    const fine = robustness(0.45, 0.96, 5.2);
    fine.coverage.excludesZeroPct.bad_or_very_bad = 4.9;
    expect(coverageParagraph(fine)).not.toContain('too narrow');
  });

  it('age: how much ageing hid, against the difference the story discusses', () => {
    const s = makeSummary({ bl: 2.12, en: 1.32, sim: 2.02, did: [0.1002, -0.2517, 0.4472] });
    const t = ageParagraph(s, { pct2011: 45.0, pct2021: 47.5 });
    expect(t).toContain('rose by 1.3 percentage points as counted');
    expect(t).toContain('45.0% in 2011 and 47.5% in 2021, a rise of 2.5 points');
    expect(t).toContain('An older population hid about 1.2 points, 12 times the difference between Big Local and similar areas');
    expect(ageParagraph(s, { pct2011: 45.0, pct2021: 46.4 })).toContain('about 0.1 points.');
  });

  it('population change: correlation and the area that grew most, from the areas', () => {
    const grown = [makeArea(1, 1), makeArea(2, 1), makeArea(13, 2)];
    grown[2]!.health.counts2021.residents = grown[2]!.health.counts2011.residents * 1.66;
    grown[1]!.health.counts2021.residents = grown[1]!.health.counts2011.residents * 1.1;
    const t = growthParagraph(grown);
    expect(t).toMatch(/goes with the change in residents \(correlation (0\.9\d|1\.00)\)/);
    // Growth that does not follow health: the words say so.
    grown[0]!.health.counts2021.residents = grown[0]!.health.counts2011.residents * 1.66;
    grown[2]!.health.counts2021.residents = grown[2]!.health.counts2011.residents;
    expect(growthParagraph(grown)).toMatch(/does not go with the change in residents \(correlation −?0\.\d\d\)/);
    expect(t).toContain('One area grew by more than 40%.');
    expect(t).toContain(`${grown[2]!.name} grew most`);
    expect(t).toContain('+66.0%');
  });
});
