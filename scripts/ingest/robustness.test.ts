import { quantileSorted, randomInt, randomLcg, randomNormal } from 'd3';
import { describe, expect, it } from 'vitest';
import { sumUnits } from './compare.ts';
import type { LadInfo } from './inputs.ts';
import {
  CellComparator,
  NearestNeighbourComparator,
  REGION_DECILE,
  baselineMatched,
  bootstrapInterval,
  coverage,
  lcgJump,
  estimateOf,
  growthBands,
  leaveOneOut,
  packAreas,
  placeboInterval,
  populationChange,
  specifications,
  type StudyArea,
  type StudyUnit,
} from './robustness.ts';
import { NEAREST_NEIGHBOURS } from '../../src/data/schema.ts';
import { HEALTH_MEASURES, healthShares, type HealthCounts } from '../../src/data/constants.ts';
import { PlaceboComparator, PlaceboPool, placeboEstimates, placeboRank, placeboTarget } from './placebo.ts';

/** Placebo sets as lists of units. */
function drawSets(pool: StudyUnit[], adjacency: Map<string, string[]>, areas: StudyArea[], sets: number, seed: number) {
  const space = new PlaceboPool(pool, adjacency);
  const drawn = space.draw(areas.map((a) => placeboTarget(a.units)), sets, seed);
  return { space, drawn, asUnits: drawn.map((set) => set.map((area) => [...area].map((i) => space.units[i]!))) };
}
function placeboDraws(pool: StudyUnit[], adjacency: Map<string, string[]>, areas: StudyArea[], sets: number, seed: number) {
  const { space, drawn } = drawSets(pool, adjacency, areas, sets, seed);
  return placeboEstimates(new PlaceboComparator(space, REGION_DECILE), drawn);
}

/**
 * A grid of neighbourhoods, SIDE × SIDE, four-way adjacent; the left half is region A, the right
 * half region B; deprivation deciles run in bands of columns. Health in 2011 and its change to 2021
 * vary at random, with no effect of anything: the truth of every difference in differences is zero.
 */
const SIDE = 24;
function grid(seed: number, effect = 0, bigLocal: Set<string> = new Set()) {
  const random = randomLcg(seed / 1000);
  const normal = randomNormal.source(random)(0, 1);
  const units: StudyUnit[] = [];
  for (let y = 0; y < SIDE; y++) {
    for (let x = 0; x < SIDE; x++) {
      const id = `U${String(y).padStart(2, '0')}${String(x).padStart(2, '0')}`;
      const residents = 1500 + Math.round(random() * 500);
      const grow = 1 + 0.05 * normal();
      const vg11 = 0.4 + 0.05 * normal();
      const vg21 = vg11 + 0.02 + 0.02 * normal() + (bigLocal.has(id) ? effect : 0);
      const counts = (r: number, vg: number) => ({ residents: r, very_good: r * vg, good: r * 0.3, fair: r * (0.22 - (vg - 0.4)), bad: r * 0.06, very_bad: r * 0.02 });
      const r21 = Math.round(residents * grow);
      units.push({
        id,
        lsoa11: [id],
        lsoa21: [id],
        lad: `L${Math.floor(x / 6)}${Math.floor(y / 12)}`,
        region: x < SIDE / 2 ? 'A' : 'B',
        imdDecile: 1 + Math.floor(x / 3) % 4,
        imdScore: 10 + 3 * (Math.floor(x / 3) % 4) + (y % 5),
        counts2011: counts(residents, vg11),
        counts2021: counts(r21, vg21),
      });
    }
  }
  const adjacency = new Map<string, string[]>();
  for (const u of units) {
    const y = Number(u.id.slice(1, 3));
    const x = Number(u.id.slice(3, 5));
    const near = [[x - 1, y], [x + 1, y], [x, y - 1], [x, y + 1]].filter(([a, b]) => a! >= 0 && b! >= 0 && a! < SIDE && b! < SIDE);
    adjacency.set(u.id, near.map(([a, b]) => `U${String(b).padStart(2, '0')}${String(a).padStart(2, '0')}`));
  }
  return { units, adjacency };
}

/** Eight 2×2 "Big Local areas" spread over the grid. */
const AREA_CORNERS = [[1, 1], [8, 2], [14, 3], [20, 1], [2, 14], [9, 18], [15, 12], [19, 20]] as const;
function study(seed = 7, effect = 0) {
  const ids = AREA_CORNERS.map(([x, y]) => [[x, y], [x + 1, y], [x, y + 1], [x + 1, y + 1]].map(([a, b]) => `U${String(b).padStart(2, '0')}${String(a).padStart(2, '0')}`));
  const { units, adjacency } = grid(seed, effect, new Set(ids.flat()));
  const byId = new Map(units.map((u) => [u.id, u]));
  const areas: StudyArea[] = ids.map((list, i) => ({ code: `area-${i}`, name: `Area ${i}`, confidence: i % 3 === 0 ? 'low' : 'high', units: list.map((id) => byId.get(id)!) }));
  const inside = new Set(ids.flat());
  const pool = units.filter((u) => !inside.has(u.id));
  return { units, adjacency, areas, pool };
}

/**
 * Test oracles, written plainly: the region × decile comparator as a sum over the pool, and the
 * percentile bootstrap over whole areas drawn as bootstrapInterval draws them.
 */
function naiveComparator(pool: StudyUnit[], units: StudyUnit[]) {
  const total = (year: 'counts2011' | 'counts2021', region: string, decile: number, field: keyof StudyUnit['counts2011']) =>
    pool.filter((p) => p.region === region && p.imdDecile === decile).reduce((s, p) => s + p[year][field], 0);
  const out = { counts2011: { residents: 0, very_good: 0, good: 0, fair: 0, bad: 0, very_bad: 0 }, counts2021: { residents: 0, very_good: 0, good: 0, fair: 0, bad: 0, very_bad: 0 } };
  for (const u of units) {
    const w = u.counts2011.residents / total('counts2011', u.region, u.imdDecile, 'residents');
    for (const year of ['counts2011', 'counts2021'] as const) for (const f of Object.keys(out[year]) as (keyof typeof out.counts2011)[]) out[year][f] += w * total(year, u.region, u.imdDecile, f);
  }
  return out;
}
function naiveDid(areas: { own: ReturnType<typeof sumUnits>; comparator: ReturnType<typeof sumUnits> }[]) {
  const share = (c: { residents: number; very_good: number }) => (100 * c.very_good) / c.residents;
  const own = sumUnits(areas.map((a) => a.own));
  const comp = sumUnits(areas.map((a) => a.comparator));
  return share(own.counts2021) - share(own.counts2011) - (share(comp.counts2021) - share(comp.counts2011));
}

describe('bootstrapInterval and the cell comparator', () => {
  it('match plain oracles: the comparator sums its cell, the bootstrap resamples whole areas with the seed', () => {
    const { areas, pool } = study();
    const cells = new CellComparator(pool, REGION_DECILE);
    const figures = areas.map((a) => ({ code: a.code, own: sumUnits(a.units), comparator: cells.comparatorFor(a.units) }));
    for (const a of areas) {
      const want = naiveComparator(pool, a.units);
      const got = cells.comparatorFor(a.units);
      expect(got.counts2011.residents).toBeCloseTo(sumUnits(a.units).counts2011.residents, 6);
      expect(got.counts2021.very_good).toBeCloseTo(want.counts2021.very_good, 6);
      expect(got.counts2021.bad).toBeCloseTo(want.counts2021.bad, 6);
    }
    const interval = bootstrapInterval(packAreas(figures), 500, 99);
    expect(interval.very_good.estimate).toBeCloseTo(naiveDid(figures), 4);
    // The same draws, by hand: d3's seeded integers pick whole areas with replacement.
    const draw = randomInt.source(randomLcg(99 / 2 ** 32))(0, figures.length);
    const replicates = Array.from({ length: 500 }, () => naiveDid(figures.map(() => figures[draw()]!))).sort((a, b) => a - b);
    expect(interval.very_good.lower).toBeCloseTo(quantileSorted(replicates, 0.025)!, 4);
    expect(interval.very_good.upper).toBeCloseTo(quantileSorted(replicates, 0.975)!, 4);
    expect(bootstrapInterval(packAreas(figures), 500, 98)).not.toEqual(interval);
    // Asked for some measures, it sums only their counts, and gives them to the last bit.
    for (const measures of [['very_good', 'bad_or_very_bad'], ['bad_or_very_bad'], ['good', 'very_bad']] as const) {
      const some = bootstrapInterval(packAreas(figures), 500, 99, measures);
      expect(Object.keys(some).sort()).toEqual([...measures].sort());
      for (const m of measures) expect(some[m]).toEqual(interval[m]);
    }
  });
});

describe('specifications', () => {
  it('says "(or official)" in the high-confidence label only where some footprints are official', () => {
    const { areas, pool } = study();
    const label = (as: typeof areas) => specifications({ pool, areas: as }).find((x) => x.id === 'high-confidence-only')?.label;
    expect(label(areas)).toBe('Only the footprints of high confidence');
    expect(label(areas.map((a, i) => (i === 1 ? { ...a, confidence: 'official' } : a)))).toBe('Only the footprints of high confidence (or official)');
  });

  it('a comparator that reweights nothing more reproduces the main estimate', () => {
    const { areas, pool } = study();
    const main = specifications({ pool, areas })[0]!;
    expect(main.id).toBe('main');
    // One band of 2011 health holding everyone: the cells are region × decile again.
    const oneBand = new CellComparator(pool, baselineMatched([]));
    const same = areas.map((a) => ({ code: a.code, own: main.areas.find((m) => m.code === a.code)!.own, comparator: oneBand.comparatorFor(a.units) }));
    const e1 = estimateOf(packAreas(main.areas));
    const e2 = estimateOf(packAreas(same));
    for (const m of ['very_good', 'bad_or_very_bad'] as const) expect(e2[m]).toBeCloseTo(e1[m], 9);
  });

  it('estimates every measure as healthShares gives its shares (FIELDS_OF agrees with it)', () => {
    // Counts in which every category moves differently, so a measure summing the wrong ones shows.
    const year = (residents: number, ...n: [number, number, number, number, number]): HealthCounts => {
      const [very_good, good, fair, bad, very_bad] = n;
      return { residents, very_good, good, fair, bad, very_bad };
    };
    const own = { counts2011: year(1000, 410, 330, 160, 70, 30), counts2021: year(1100, 480, 340, 170, 65, 45) };
    const comparator = { counts2011: year(2000, 800, 700, 310, 140, 50), counts2021: year(2050, 870, 690, 330, 110, 50) };
    const [o11, o21, c11, c21] = [own.counts2011, own.counts2021, comparator.counts2011, comparator.counts2021].map(healthShares);
    const estimate = estimateOf(packAreas([{ own, comparator }]));
    for (const m of HEALTH_MEASURES) expect(estimate[m]).toBeCloseTo(o21![m] - o11![m] - (c21![m] - c11![m]), 9);
  });

  it('has stable ids in groups, and drops what each says it drops', () => {
    const { areas, pool } = study();
    const specs = specifications({ pool, areas, nextToFootprint: new Set([pool[0]!.id]) });
    expect(specs.map((s) => `${s.group}:${s.id}`)).toEqual([
      'comparator:main',
      'comparator:baseline-matched',
      'comparator:district-decile',
      'comparator:nearest-neighbours',
      'comparator:exclude-adjacent',
      'footprints:exclude-low-confidence',
      'footprints:high-confidence-only',
      'growth:exclude-fast-growth',
    ]);
    expect(specs.find((s) => s.id === 'exclude-low-confidence')!.areas.map((a) => a.code)).toEqual(['area-1', 'area-2', 'area-4', 'area-5', 'area-7']);
    for (const s of specs) expect(new Set(s.areas.map((a) => a.code)).size).toBe(s.areas.length);
  });

  it('nearest neighbours: the k closest pool units of the region, an exact twin first, scaled to the unit', () => {
    const { areas, pool } = study(5);
    const target = areas[2]!.units[0]!;
    const twin: StudyUnit = { ...pool.find((u) => u.region === target.region)!, id: 'U-twin', imdScore: target.imdScore, counts2011: { ...target.counts2011 } };
    const model = new NearestNeighbourComparator([...pool, twin]);
    const near = model.neighboursOf(target);
    expect(near).toHaveLength(NEAREST_NEIGHBOURS);
    expect(near[0]!.id).toBe('U-twin');
    expect(near.every((u) => u.region === target.region)).toBe(true);
    const inside = new Set(areas.flatMap((a) => a.units.map((u) => u.id)));
    expect(near.some((u) => inside.has(u.id))).toBe(false);
    // Nearest first, and no unit of the region left out is closer than the farthest kept (brute force).
    const all = [...pool, twin];
    const sd = (xs: number[]) => {
      const m = xs.reduce((a, b) => a + b, 0) / xs.length;
      return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
    };
    const share = (u: StudyUnit) => u.counts2011.very_good / u.counts2011.residents;
    const [sdScore, sdShare] = [sd(all.map((u) => u.imdScore)), sd(all.map(share))];
    const distance = (u: StudyUnit) => ((u.imdScore - target.imdScore) / sdScore) ** 2 + ((share(u) - share(target)) / sdShare) ** 2;
    const ranked = all.filter((u) => u.region === target.region).sort((a, b) => distance(a) - distance(b) || (a.id < b.id ? -1 : 1));
    expect(near.map((u) => u.id)).toEqual(ranked.slice(0, NEAREST_NEIGHBOURS).map((u) => u.id));
    // One neighbour: the comparator is the twin, scaled to the unit's 2011 residents.
    const one = new NearestNeighbourComparator([...pool, twin], 1).comparatorFor([target]);
    expect(one.counts2011.residents).toBeCloseTo(target.counts2011.residents, 9);
    expect(one.counts2021.very_good).toBeCloseTo(twin.counts2021.very_good, 9);
  });

  it('leave-one-out bounds bracket the main estimate', () => {
    const { areas, pool } = study(11);
    const main = specifications({ pool, areas })[0]!;
    const point = estimateOf(packAreas(main.areas));
    const loo = leaveOneOut(main);
    for (const m of ['very_good', 'bad_or_very_bad'] as const) {
      expect(loo.smallest[m].estimate).toBeLessThanOrEqual(point[m]);
      expect(loo.largest[m].estimate).toBeGreaterThanOrEqual(point[m]);
    }
    // Health varies by area in this fixture, so one area pulls the estimate down and another up.
    expect(loo.smallest.very_good.code).not.toBe(loo.largest.very_good.code);
  });
});

describe('placebo sets', () => {
  it('never take a Big Local unit, keep each pseudo-area contiguous, in its region and of its size', () => {
    const { areas, pool, adjacency } = study();
    const targets = areas.map((a) => placeboTarget(a.units));
    const { asUnits } = drawSets(pool, adjacency, areas, 50, 3);
    const bigLocal = new Set(areas.flatMap((a) => a.units.map((u) => u.id)));
    expect(asUnits).toHaveLength(50);
    for (const set of asUnits) {
      const seen = new Set<string>();
      set.forEach((units, i) => {
        expect(units.length).toBe(targets[i]!.size);
        for (const u of units) {
          expect(bigLocal.has(u.id)).toBe(false);
          expect(seen.has(u.id)).toBe(false);
          expect(u.region).toBe(targets[i]!.region);
          seen.add(u.id);
        }
        // Contiguous: every unit reaches every other through units of the same pseudo-area.
        const inArea = new Set(units.map((u) => u.id));
        const reached = new Set([units[0]!.id]);
        const queue = [units[0]!.id];
        while (queue.length) for (const n of adjacency.get(queue.shift()!)!) if (inArea.has(n) && !reached.has(n)) (reached.add(n), queue.push(n));
        expect(reached.size).toBe(units.length);
      });
    }
  });

  it('the same seed gives the same sets; another seed other sets', () => {
    const { areas, pool, adjacency } = study();
    const ids = (seed: number) => drawSets(pool, adjacency, areas, 5, seed).asUnits.map((s) => s.map((a) => a.map((u) => u.id)));
    expect(ids(5)).toEqual(ids(5));
    expect(ids(5)).not.toEqual(ids(6));
  });

  it('compare a pseudo-area with the pool less the set, as the cell comparator does', () => {
    const { areas, pool, adjacency } = study();
    const { space, drawn, asUnits } = drawSets(pool, adjacency, areas, 3, 8);
    const fast = new PlaceboComparator(space, REGION_DECILE).compare(drawn[2]!);
    const set = asUnits[2]!;
    const slow = new CellComparator(pool, REGION_DECILE);
    const less = slow.without(set.flat());
    set.forEach((units, i) => {
      const want = slow.comparatorFor(units, less);
      for (const k of ['residents', 'very_good', 'bad'] as const) expect(fast[i]!.comparator.counts2021[k]).toBeCloseTo(want.counts2021[k], 6);
    });
  });

  it('a set that empties its cell is compared with the fallback cell, less the set, as the cell comparator does', () => {
    const { pool, adjacency } = study();
    const space = new PlaceboPool(pool, adjacency);
    // Every pool unit of region A, decile 1 in one pseudo-area, and a few of decile 2 in another.
    const cellA1 = space.units.flatMap((u, i) => (u.region === 'A' && u.imdDecile === 1 ? [i] : []));
    const someA2 = space.units.flatMap((u, i) => (u.region === 'A' && u.imdDecile === 2 ? [i] : [])).slice(0, 5);
    const set = [Int32Array.from(cellA1), Int32Array.from(someA2)];
    const comparator = new PlaceboComparator(space, REGION_DECILE);
    const fast = comparator.compare(set);
    const slow = new CellComparator(pool, REGION_DECILE);
    const asUnits = set.map((area) => Array.from(area, (i) => space.units[i]!));
    const less = slow.without(asUnits.flat());
    asUnits.forEach((units, i) => {
      const want = slow.comparatorFor(units, less);
      for (const k of ['residents', 'very_good', 'bad'] as const) expect(fast[i]!.comparator.counts2021[k]).toBeCloseTo(want.counts2021[k], 6);
    });
    // The emptied cell's units are compared with decile 1 of region B, not with nobody.
    expect(fast[0]!.comparator.counts2011.residents).toBeCloseTo(fast[0]!.own.counts2011.residents, 6);
    // And the cells are restored after: the next set is compared as a fresh comparator compares it.
    const next = [Int32Array.from(someA2)];
    expect(comparator.compare(next)).toEqual(new PlaceboComparator(space, REGION_DECILE).compare(next));
  });

  it('where the truth is zero, centre on zero and leave the real value unremarkable', () => {
    const { areas, pool, adjacency } = study(21);
    const draws = placeboDraws(pool, adjacency, areas, 200, 1).map((d) => d.estimates.very_good);
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    const sd = Math.sqrt(draws.reduce((a, b) => a + (b - mean) ** 2, 0) / draws.length);
    expect(Math.abs(mean)).toBeLessThan(sd / 2);
    const real = estimateOf(packAreas(specifications({ pool, areas })[0]!.areas)).very_good;
    expect(placeboRank(real, draws).p).toBeGreaterThan(0.05);
  });

  it('place a real effect far outside their distribution', () => {
    const { areas, pool, adjacency } = study(21, 0.05);
    const draws = placeboDraws(pool, adjacency, areas, 200, 1).map((d) => d.estimates.very_good);
    const real = estimateOf(packAreas(specifications({ pool, areas })[0]!.areas)).very_good;
    expect(real).toBeGreaterThan(4);
    expect(placeboRank(real, draws)).toEqual({ percentile: 100, p: round3(1 / 201) });
  });
});

const round3 = (x: number) => Math.round(x * 1000) / 1000;

describe('growthBands', () => {
  it('puts each unit in the band of its change (edges inclusive below), pooling shares', () => {
    const u = (r11: number, r21: number, vg11: number, vg21: number) => ({
      counts2011: { residents: r11, very_good: vg11, good: 0, fair: 0, bad: 0, very_bad: 0 },
      counts2021: { residents: r21, very_good: vg21, good: 0, fair: 0, bad: 0, very_bad: 0 },
    });
    const bands = growthBands([u(100, 90, 40, 36), u(100, 100, 40, 41), u(100, 110, 40, 46), u(100, 150, 40, 75), u(0, 50, 0, 20)], [0, 10, 40]);
    expect(bands.map((b) => [b.fromPct, b.toPct, b.units])).toEqual([[null, 0, 1], [0, 10, 1], [10, 40, 1], [40, null, 1]]);
    expect(bands[0]!.veryGoodChangePp).toBe(0);
    expect(bands[1]).toMatchObject({ residents2011: 100, residents2021: 100, veryGood2011: 40, veryGood2021: 41, veryGoodChangePp: 1 });
    expect(bands[3]!.veryGoodChangePp).toBe(10);
  });
});

describe('populationChange', () => {
  it('gives the change in per cent, and none from nobody', () => {
    expect(populationChange({ residents: 4463 }, { residents: 7407 })).toEqual({ residents2011: 4463, residents2021: 7407, changePct: 65.96 });
    expect(populationChange({ residents: 0 }, { residents: 10 }).changePct).toBeNull();
  });
});

describe('coverage', () => {
  it('where the truth is zero, the interval excludes zero about as often as it should', () => {
    const { areas, pool, adjacency } = study(31);
    const placebo = placeboDraws(pool, adjacency, areas, 200, 4);
    const c = coverage(placebo, 199, 10);
    expect(c.sets).toBe(200);
    // Eight areas of four independent neighbourhoods: the bootstrap of so few areas is too narrow,
    // but it must not be absurd; nominal is 5%.
    // (15% here), as the bootstrap of few clusters is known to be.
    expect(c.excludesZeroPct.very_good).toBeGreaterThan(2);
    expect(c.excludesZeroPct.very_good).toBeLessThan(25);
    // The placebo interval of a placebo set's own estimate covers zero for about 95% of sets.
    const draws = placebo.map((p) => p.estimates.very_good);
    const covered = draws.filter((d) => {
      const i = placeboInterval(d, draws);
      return i.lower <= 0 && i.upper >= 0;
    }).length;
    expect(covered / draws.length).toBeGreaterThan(0.9);
  });

  it('stopping a settled set early gives exactly the count of the full run', () => {
    const { areas, pool, adjacency } = study(31);
    const placebo = placeboDraws(pool, adjacency, areas, 200, 4);
    for (const replicates of [199, 40, 9]) {
      const early = coverage(placebo, replicates, 10);
      const full = coverage(placebo, replicates, 10, false);
      expect(early).toEqual(full);
    }
    // Not a vacuous match: some sets do exclude zero, so both kinds of set are met.
    expect(coverage(placebo, 199, 10).excludesZeroPct.very_good).toBeGreaterThan(0);
  });

  it('lcgJump lands where stepping the generator one draw at a time does', () => {
    for (const [seed, steps] of [[10, 0], [10, 1], [-7, 2], [20231212, 1234], [0, 150 * 198]] as const) {
      let stepped = seed | 0;
      for (let i = 0; i < steps; i++) stepped = (Math.imul(stepped, 1664525) + 1013904223) | 0;
      expect(lcgJump(seed, steps)).toBe(stepped);
    }
  });

  it('the placebo interval allows for a method that leans: it covers zero for 95% of sets wherever they centre', () => {
    const normal = randomNormal.source(randomLcg(0.42));
    for (const centre of [0, 0.5, -0.3]) {
      const draws = Array.from({ length: 1000 }, normal(centre, 0.1));
      const covered = draws.filter((d) => {
        const i = placeboInterval(d, draws);
        return i.lower <= 0 && i.upper >= 0;
      }).length;
      expect(covered / draws.length).toBeGreaterThanOrEqual(0.94);
      expect(covered / draws.length).toBeLessThanOrEqual(0.96);
    }
    // The estimate is kept as it is; the interval moves away from the lean.
    const leaning = Array.from({ length: 1000 }, normal(0.5, 0.1));
    const i = placeboInterval(0.5, leaning);
    expect(i.estimate).toBe(0.5);
    expect(i.lower).toBeLessThan(0.05);
    expect(i.upper).toBeGreaterThan(-0.05);
    expect(i.lower).toBeGreaterThan(-0.3);
  });
});
