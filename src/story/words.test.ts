import { describe, expect, it } from 'vitest';
import { areasParagraph, districtsParagraph, badParagraph, changePhrase, confidenceBreakdown, description, didParagraph, footprintCaveat, headline, moved, points, relative, reportCheck, standfirst, vsEnglandParagraph, vsSimilar } from './words.ts';
import { storySteps } from './steps.ts';
import * as areaChanges from '../charts/area-changes.ts';
import { areaCounts } from '../charts/words.ts';
import { makeSummary, makeArea } from './words.fixtures.ts';

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

  it('published pattern: more than England, about as much as similar areas', () => {
    expect(headline(base)).toBe('Very good health rose more in Big Local areas than in England – but only about as much as in similar places');
    const sf = standfirst(base);
    expect(sf).toContain('rose by 2.1 percentage points');
    expect(sf).toContain('a rise of 1.3 points in England');
    expect(sf).toContain('a rise of 2.0 points in places with similar');
    expect(sf).toContain('too small to tell apart from chance');
    expect(description(base)).toContain('+2.1 pp in Big Local areas');
    expect(reportCheck(base)).toMatch(/^Our own figures from the census agree/);
  });

  it('flips when Big Local rose less than England', () => {
    const s = makeSummary({ bl: 0.9, en: 1.32, sim: 2.02, did: [-1.1, -1.5, -0.7] });
    expect(headline(s)).toBe('Very good health rose less in Big Local areas than in England – and less than in similar places');
    expect(standfirst(s)).toContain('bigger than chance alone would easily explain');
    expect(reportCheck(s)).toMatch(/do not show very good health rising more/);
  });

  it('flips when Big Local clearly beat similar areas', () => {
    const s = makeSummary({ bl: 3, en: 1.32, sim: 2.02, did: [1, 0.6, 1.4] });
    expect(headline(s)).toBe('Very good health rose more in Big Local areas than in England – and more than in similar places');
  });

  it('handles a fall', () => {
    const s = makeSummary({ bl: -0.5, en: 1.32, sim: 2.02, did: [-2.5, -3, -2] });
    expect(headline(s)).toBe('Very good health fell in Big Local areas, while it rose in England – and worse than in similar places');
    expect(vsEnglandParagraph(s)).toContain('had fallen by 0.5 percentage points, while in England it rose');
  });

  it('bad or very bad: bigger or smaller falls', () => {
    const s = makeSummary({ bl: 2, en: 1, sim: 2, did: [0, -1, 1], bad: { bl: -0.54, en: -0.34, sim: -0.61 } });
    expect(badParagraph(s)).toContain('a bigger fall than in England (−0.3), but a smaller fall than in similar areas (−0.6)');
    const t = makeSummary({ bl: 2, en: 1, sim: 2, did: [0, -1, 1], bad: { bl: -0.7, en: -0.34, sim: -0.61 } });
    expect(badParagraph(t)).toContain('a bigger fall than in England (−0.3), and a bigger fall than in similar areas (−0.6)');
  });

  it('interval words: includes or excludes zero', () => {
    expect(didParagraph(base)).toContain('from −0.3 to +0.4 points. It includes zero');
    const s = makeSummary({ bl: 3, en: 1, sim: 2, did: [1, 0.6, 1.4] });
    expect(didParagraph(s)).toContain('was 1.0 percentage points above that of similar areas');
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
    expect(districtsParagraph(ds, [makeArea(1, 0.5), makeArea(-1, -2)])).toBe("The 2 Big Local areas lie in 1 of England's 4 local authorities, across 1 of its 2 regions.");
    const everywhere = [makeArea(1, 0.5), { ...makeArea(1, 0.5), regionCode: 'R2', ladCode: 'C' }];
    expect(districtsParagraph([district('A', 'R1'), district('C', 'R2')].map((d, i) => ({ ...d, regionCode: i ? 'R2' : everywhere[0]!.regionCode })), everywhere)).toContain('across all 2 of its regions');
  });
});
