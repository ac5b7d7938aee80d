/** Small summaries and areas for words.test.ts, built with the schema's own healthChange(). */
import { healthChange, type BigLocalArea, type HealthCounts, type Summary } from '../data/schema.ts';

const R = 1_000_000;

/** Counts with the given very-good and bad-or-very-bad shares (%), the rest in good and fair. */
function counts(veryGood: number, badOrVeryBad: number): HealthCounts {
  const vg = (veryGood * R) / 100;
  const bad = (badOrVeryBad * R) / 100;
  const rest = R - vg - bad;
  return { residents: R, very_good: vg, good: rest * 0.7, fair: rest * 0.3, bad: bad * 0.75, very_bad: bad * 0.25 };
}

function group(start: number, change: number, badStart: number, badChange: number) {
  return healthChange(counts(start, badStart), counts(start + change, badStart + badChange));
}

export interface Spec {
  bl: number;
  en: number;
  sim: number;
  /** very good difference in differences: [estimate, lower, upper] */
  did: [number, number, number];
  bad?: { bl: number; en: number; sim: number };
}

export function makeSummary(s: Spec): Summary {
  const bad = s.bad ?? { bl: -0.54, en: -0.34, sim: -0.61 };
  const zero = { estimate: 0, lower: -0.1, upper: 0.1 };
  return {
    groups: {
      england: group(47.17, s.en, 5.49, bad.en),
      big_local: group(43.09, s.bl, 7.49, bad.bl),
      similar_areas: group(43.65, s.sim, 7.42, bad.sim),
    },
    differenceInDifferences: {
      very_good: { estimate: s.did[0], lower: s.did[1], upper: s.did[2] },
      good: zero,
      fair: zero,
      bad: zero,
      very_bad: zero,
      very_good_or_good: zero,
      bad_or_very_bad: { estimate: 0.07, lower: -0.06, upper: 0.2 },
    },
    interval: { method: 'placebo', sets: 1000 },
    bootstrapDifferenceInDifferences: {
      very_good: { estimate: s.did[0], lower: s.did[0] - (s.did[0] - s.did[1]) * 0.8, upper: s.did[0] + (s.did[2] - s.did[0]) * 0.8 },
      good: zero,
      fair: zero,
      bad: zero,
      very_bad: zero,
      very_good_or_good: zero,
      bad_or_very_bad: { estimate: 0.07, lower: -0.04, upper: 0.17 },
    },
    bootstrap: { replicates: 2000, seed: 1, resampled: 'areas' },
    footprints: { source: 'x', areas: 150, units: 700, lsoa21: 718, byConfidence: { high: 19, medium: 110, low: 21, official: 0, unknown: 0 } },
    england: { units: 1, lsoa11: 1, lsoa21: 1 },
  };
}

let n = 0;
export function makeArea(change: number, comparatorChange: number): BigLocalArea {
  n += 1;
  return {
    code: `area-${n}`,
    name: `Area ${n}`,
    ladCode: 'E0',
    ladName: 'Somewhere',
    regionCode: 'E12',
    regionName: 'Region',
    wave: 1,
    confidence: 'medium',
    method: 'x',
    evidence: 'x',
    sourceUrls: [],
    lsoa21: [],
    units: [],
    marker: [0, 0],
    health: group(40, change, 8, 0),
    comparator: group(40, comparatorChange, 8, 0),
  };
}
