/**
 * Placebo sets: 150 pseudo-Big-Local areas drawn again and again from the comparison pool, each
 * matched to one real area, each compared with its own comparator exactly as a real area is. If
 * Big Local made no difference, the real estimate should look like one of these draws.
 *
 * A thousand sets of 150 areas are about 1.5 million unit picks and as many additions of counts, so
 * everything here works on numbers: units are indices into the pool, adjacency is a compressed
 * list, "already taken" is a stamp per unit, and the comparator cells are rows of one
 * Float64Array, totalled once. A set's comparator only subtracts that set's own units from the
 * cells they are in.
 */
import { quantileSorted, randomLcg } from 'd3';
import { round } from '../../src/data/schema.ts';
import { FIELDS, addCountsAt, countsAt } from './packed-counts.ts';
import { estimateOf, type CellScheme, type Estimates, type StudyUnit } from './robustness.ts';
import type { Year2 } from './compare.ts';

/** A cell row: 2011 counts then 2021 counts (residents first in each). */
const CELL = 2 * FIELDS.length;

export interface PlaceboTarget {
  region: string;
  /** Number of comparison units to gather. */
  size: number;
  /** The IMD decile holding most of the area's 2011 residents. */
  decile: number;
}

/** What a placebo pseudo-area is matched to: a real area's region, size and main decile. */
export function placeboTarget(units: StudyUnit[]): PlaceboTarget {
  const most = <K>(weights: Map<K, number>, cmp: (a: K, b: K) => number) => [...weights].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]))[0]![0];
  const byDecile = new Map<number, number>();
  const byRegion = new Map<string, number>();
  for (const u of units) {
    byDecile.set(u.imdDecile, (byDecile.get(u.imdDecile) ?? 0) + u.counts2011.residents);
    byRegion.set(u.region, (byRegion.get(u.region) ?? 0) + u.counts2011.residents);
  }
  return { region: most(byRegion, (a, b) => (a < b ? -1 : 1)), size: units.length, decile: most(byDecile, (a, b) => a - b) };
}

/** The pool as numbers, built once for every set. */
export class PlaceboPool {
  readonly units: StudyUnit[];
  private adjStart: Int32Array;
  private adjList: Int32Array;
  private region: Int32Array;
  private regionIndex = new Map<string, number>();
  /** Pool units by `${region}|${decile}`, and by region alone. */
  private seeds = new Map<string, Int32Array>();

  /** `adjacency`: unit id → ids of units sharing a boundary with it (non-pool ids are ignored). */
  constructor(pool: StudyUnit[], adjacency: Map<string, string[]>) {
    this.units = [...pool].sort((a, b) => (a.id < b.id ? -1 : 1));
    const index = new Map(this.units.map((u, i) => [u.id, i]));
    const n = this.units.length;
    this.region = new Int32Array(n);
    const lists: number[][] = [];
    this.units.forEach((u, i) => {
      let r = this.regionIndex.get(u.region);
      if (r === undefined) this.regionIndex.set(u.region, (r = this.regionIndex.size));
      this.region[i] = r;
      lists.push((adjacency.get(u.id) ?? []).map((id) => index.get(id)).filter((j): j is number => j !== undefined && j !== i));
    });
    this.adjStart = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) this.adjStart[i + 1] = this.adjStart[i]! + lists[i]!.length;
    this.adjList = new Int32Array(this.adjStart[n]!);
    lists.forEach((l, i) => this.adjList.set(l.sort((a, b) => a - b), this.adjStart[i]!));
    const groups = new Map<string, number[]>();
    this.units.forEach((u, i) => {
      for (const key of [`${u.region}|${u.imdDecile}`, u.region]) {
        let g = groups.get(key);
        if (!g) groups.set(key, (g = []));
        g.push(i);
      }
    });
    for (const [key, g] of groups) this.seeds.set(key, Int32Array.from(g));
  }

  /**
   * `sets` placebo sets, each a pseudo-area per target (in the targets' order, as pool indices):
   * grown from a random pool unit of the target's region and decile through shared boundaries,
   * inside the region, to the target's size, never reusing a unit within a set. A cluster that
   * cannot grow to size (an island, a corner) is drawn again from another start, up to 20 times,
   * and the largest kept. Pseudo-areas take only pool units, so never a Big Local one.
   */
  draw(targets: PlaceboTarget[], sets: number, seed: number): Int32Array[][] {
    const n = this.units.length;
    const random = randomLcg(seed / 2 ** 32);
    const usedStamp = new Int32Array(n);
    const takenStamp = new Int32Array(n);
    let taken = 0;
    const frontier = new Int32Array(n);
    const cluster = new Int32Array(n);
    const out: Int32Array[][] = [];
    // Each target's region and where its clusters may start, looked up once for every set.
    const regions = targets.map((t) => this.regionIndex.get(t.region) ?? -1);
    const startsOf = targets.map((t) => this.seeds.get(`${t.region}|${t.decile}`) ?? this.seeds.get(t.region) ?? Int32Array.from(this.units.keys()));
    for (let s = 1; s <= sets; s++) {
      const areas: Int32Array[] = [];
      for (let t = 0; t < targets.length; t++) {
        const target = targets[t]!;
        const region = regions[t]!;
        const starts = startsOf[t]!;
        let best = new Int32Array(0);
        for (let attempt = 0; attempt < 20 && best.length < target.size; attempt++) {
          const start = starts[Math.floor(random() * starts.length)]!;
          if (usedStamp[start] === s) continue;
          taken++;
          let size = 0;
          let open = 0;
          const take = (i: number) => {
            cluster[size++] = i;
            for (let k = this.adjStart[i]!; k < this.adjStart[i + 1]!; k++) {
              const j = this.adjList[k]!;
              if (takenStamp[j] !== taken && usedStamp[j] !== s && this.region[j] === region) {
                takenStamp[j] = taken;
                frontier[open++] = j;
              }
            }
          };
          takenStamp[start] = taken;
          take(start);
          while (size < target.size && open > 0) {
            const k = Math.floor(random() * open);
            const next = frontier[k]!;
            frontier[k] = frontier[--open]!;
            take(next);
          }
          if (size > best.length) best = cluster.slice(0, size);
        }
        for (const i of best) usedStamp[i] = s;
        areas.push(best);
      }
      out.push(areas);
    }
    return out;
  }
}

/**
 * Comparators for placebo sets: the pool's cells totalled once; for each set, its own units are
 * taken out of the cells they are in, then each pseudo-area is reweighted as a real area is (its
 * 2011 residents per cell, falling back to the coarser cell where a cell is empty).
 */
export class PlaceboComparator {
  private cellOf: Int32Array;
  private fallbackOf: Int32Array;
  private totals: Float64Array;
  private counts: Float64Array;
  /** The cell of the whole pool: the last resort when a set has emptied a cell and its fallback. */
  private national: number;

  constructor(pool: PlaceboPool, scheme: CellScheme) {
    const keys = new Map<string, number>();
    const id = (key: string) => {
      let i = keys.get(key);
      if (i === undefined) keys.set(key, (i = keys.size));
      return i;
    };
    const units = pool.units;
    this.cellOf = Int32Array.from(units, (u) => id(scheme.key(u)));
    this.fallbackOf = Int32Array.from(units, (u) => id(`fallback:${scheme.fallback(u)}`));
    this.national = id('national');
    this.counts = new Float64Array(units.length * CELL);
    units.forEach((u, i) => {
      addCountsAt(this.counts, i * CELL, u.counts2011);
      addCountsAt(this.counts, i * CELL + FIELDS.length, u.counts2021);
    });
    this.totals = new Float64Array(keys.size * CELL);
    for (let i = 0; i < units.length; i++) {
      this.addTo(this.totals, this.cellOf[i]!, i, 1);
      this.addTo(this.totals, this.fallbackOf[i]!, i, 1);
      this.addTo(this.totals, this.national, i, 1);
    }
  }

  private addTo(into: Float64Array, cell: number, unit: number, sign: number) {
    for (let f = 0; f < CELL; f++) into[cell * CELL + f]! += sign * this.counts[unit * CELL + f]!;
  }

  /** Each pseudo-area's own counts and comparator, for one set. */
  /**
   * Each pseudo-area's own counts and its comparator's, packed as `packAreas` packs real areas
   * (own 2011, own 2021, comparator 2011, comparator 2021; six counts each), one row per area.
   */
  comparePacked(set: Int32Array[]): Float64Array {
    // The cells less this set's units: changed in place, then restored (exactly: counts are whole
    // numbers, far below 2^53, so adding them back gives the same totals). Usually only each unit's
    // own cell is read, so only those are changed; the fallback and national cells too only when a
    // set has emptied one of its cells (which gives the same totals: each cell's own sums are
    // added in the same order either way).
    const t = this.totals;
    const empty = (cell: number) => !(t[cell * CELL]! > 0.5);
    const change = (sign: number, coarser: boolean) => {
      for (const area of set) {
        for (const i of area) {
          this.addTo(t, this.cellOf[i]!, i, sign);
          if (!coarser) continue;
          this.addTo(t, this.fallbackOf[i]!, i, sign);
          this.addTo(t, this.national, i, sign);
        }
      }
    };
    change(-1, false);
    const emptied = set.some((area) => area.some((i) => empty(this.cellOf[i]!)));
    if (emptied) {
      change(1, false);
      change(-1, true);
    }
    // A pseudo-area with no pool left to compare it with (only in a tiny world) is left out.
    const areas = empty(this.national) ? [] : set.filter((area) => area.length > 0);
    const packed = new Float64Array(areas.length * 2 * CELL);
    areas.forEach((area, a) => {
      const ownAt = a * 2 * CELL;
      const comp = ownAt + CELL;
      for (const i of area) {
        const u = i * CELL;
        for (let f = 0; f < CELL; f++) packed[ownAt + f]! += this.counts[u + f]!;
        let cell = this.cellOf[i]!;
        if (empty(cell)) cell = this.fallbackOf[i]!;
        if (empty(cell)) cell = this.national;
        const c = cell * CELL;
        const w = this.counts[u]! / t[c]!;
        for (let f = 0; f < CELL; f++) packed[comp + f]! += w * t[c + f]!;
      }
    });
    change(1, emptied);
    return packed;
  }

  /** The same, as counts (for tests and for reading). */
  compare(set: Int32Array[]): { own: Year2; comparator: Year2 }[] {
    const packed = this.comparePacked(set);
    return Array.from({ length: packed.length / (2 * CELL) }, (_, a) => ({
      own: toYear2(packed.subarray(a * 2 * CELL, a * 2 * CELL + CELL)),
      comparator: toYear2(packed.subarray(a * 2 * CELL + CELL, (a + 1) * 2 * CELL)),
    }));
  }
}

const toYear2 = (row: Float64Array): Year2 => ({ counts2011: countsAt(row, 0), counts2021: countsAt(row, FIELDS.length) });

/** Each placebo set's difference in differences, with its packed areas (for the coverage check). */
export function placeboEstimates(comparator: PlaceboComparator, sets: Int32Array[][]): { estimates: Estimates; packed: Float64Array }[] {
  return sets
    .map((set) => {
      const packed = comparator.comparePacked(set);
      return { estimates: estimateOf(packed), packed };
    })
    .filter((p) => p.packed.length > 0);
}

/** Where `value` falls among `draws`: the share below it (ties half), and the two-sided p. */
export function placeboRank(value: number, draws: number[]): { percentile: number; p: number } {
  const below = draws.filter((d) => d < value).length;
  const ties = draws.filter((d) => d === value).length;
  const percentile = (100 * (below + ties / 2)) / draws.length;
  // Two-sided: draws as far from the placebo median as the real value, or farther, on either side.
  const centre = quantileSorted([...draws].sort((a, b) => a - b), 0.5)!;
  const extreme = draws.filter((d) => Math.abs(d - centre) >= Math.abs(value - centre)).length;
  return { percentile: round(percentile, 1), p: round((extreme + 1) / (draws.length + 1), 3) };
}
