/**
 * Comparison units: groups of LSOAs whose 2011 and 2021 figures cover the same land.
 *
 * Most LSOAs were unchanged between the censuses. Where one 2011 LSOA was split into several 2021
 * LSOAs, or several were merged into one, or the change was irregular, the LSOAs linked through
 * the ONS lookup are joined into one unit: the connected components of the 2011–2021 graph.
 */
import { InputError } from './read-tables.ts';
import type { HealthTable, ImdRow, LsoaLookupRow } from './inputs.ts';
import type { HealthCounts } from '../../src/data/schema.ts';

export const emptyCounts = (): HealthCounts => ({ residents: 0, very_good: 0, good: 0, fair: 0, bad: 0, very_bad: 0 });

export function addCounts(into: HealthCounts, add: HealthCounts, weight = 1): HealthCounts {
  into.residents += add.residents * weight;
  into.very_good += add.very_good * weight;
  into.good += add.good * weight;
  into.fair += add.fair * weight;
  into.bad += add.bad * weight;
  into.very_bad += add.very_bad * weight;
  return into;
}

export interface ComparisonUnit {
  /** The smallest LSOA 2021 code in the unit: stable, and unique because units are disjoint. */
  id: string;
  lsoa11: string[];
  lsoa21: string[];
  /** The district holding most of the unit's 2021 residents. */
  lad: string;
  counts2011: HealthCounts;
  counts2021: HealthCounts;
  /** IMD 2019 decile (1 = most deprived 10%) of the unit. */
  imdDecile: number;
  /**
   * IMD 2019 score (higher = more deprived) of the unit: its 2011 LSOAs' scores weighted by their
   * 2011 residents. The nearest-neighbour comparator matches on it, finer than the decile.
   */
  imdScore: number;
}

/**
 * The district that a group of parts (a unit's LSOAs, an area's units) counts in: the one holding
 * most of their 2021 residents; between districts holding equally many, the one with the smaller
 * code.
 */
export function majorityDistrict(parts: ReadonlyArray<{ lad: string; residents: number }>): string {
  // Most units are one LSOA, in one district: nothing to weigh.
  if (parts.length === 1) return parts[0]!.lad;
  const residentsOf = new Map<string, number>();
  for (const { lad, residents } of parts) residentsOf.set(lad, (residentsOf.get(lad) ?? 0) + residents);
  let best: [lad: string, residents: number] | null = null;
  for (const [lad, residents] of residentsOf) {
    if (!best || residents > best[1] || (residents === best[1] && lad < best[0])) best = [lad, residents];
  }
  if (!best) throw new Error('majorityDistrict: no parts');
  return best[0];
}

export interface UnitIndex {
  units: ComparisonUnit[];
  unitOfLsoa21: Map<string, ComparisonUnit>;
  lsoa21Names: Map<string, string>;
  lsoa21Lad: Map<string, string>;
  ladNames: Map<string, string>;
}

/** Union-find over numbered nodes: the 2011 and 2021 LSOAs, each given a number as first seen. */
class UnionFind {
  private parent: number[] = [];
  private numbers = [new Map<string, number>(), new Map<string, number>()] as const;
  /** The node of a 2011 (side 0) or 2021 (side 1) LSOA, new if unseen. */
  node(side: 0 | 1, code: string): number {
    let n = this.numbers[side].get(code);
    if (n === undefined) {
      n = this.parent.length;
      this.parent.push(n);
      this.numbers[side].set(code, n);
    }
    return n;
  }
  find(x: number): number {
    let root = x;
    while (this.parent[root] !== root) root = this.parent[root]!;
    // Path compression keeps later finds near-constant on the 70,000-node graph.
    while (x !== root) {
      const next = this.parent[x]!;
      this.parent[x] = root;
      x = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

export function buildUnits(
  lookup: { file: string; rows: LsoaLookupRow[] },
  health2011: HealthTable,
  lsoa21Counts: Map<string, HealthCounts>,
  imd: { file: string; byLsoa11: Map<string, ImdRow> },
  oaHealthFile: string,
): UnitIndex {
  const uf = new UnionFind();
  const lsoa21Names = new Map<string, string>();
  const lsoa21Lad = new Map<string, string>();
  const ladNames = new Map<string, string>();
  const lookup11 = new Set<string>();
  const lookup21 = new Set<string>();
  for (const row of lookup.rows) {
    if (!health2011.counts.has(row.lsoa11)) {
      throw new InputError(lookup.file, row.line, 'LSOA11CD', `LSOA ${row.lsoa11} has no row in ${health2011.file}`);
    }
    if (!lsoa21Counts.has(row.lsoa21)) {
      throw new InputError(lookup.file, row.line, 'LSOA21CD', `LSOA ${row.lsoa21} has no output areas in ${oaHealthFile}`);
    }
    uf.union(uf.node(0, row.lsoa11), uf.node(1, row.lsoa21));
    lookup11.add(row.lsoa11);
    lookup21.add(row.lsoa21);
    lsoa21Names.set(row.lsoa21, row.lsoa21Name);
    lsoa21Lad.set(row.lsoa21, row.lad);
    ladNames.set(row.lad, row.ladName);
  }
  for (const code of health2011.counts.keys()) {
    if (!lookup11.has(code)) {
      throw new InputError(health2011.file, health2011.lineOf(code), 'LSOA11CD', `LSOA ${code} is not in the lookup ${lookup.file}`);
    }
  }
  for (const code of lsoa21Counts.keys()) {
    if (!lookup21.has(code)) {
      throw new InputError(oaHealthFile, null, 'OA21CD', `output areas sum to LSOA ${code}, which is not in the lookup ${lookup.file}`);
    }
  }

  const members = new Map<number, { lsoa11: string[]; lsoa21: string[] }>();
  const memberOf = (root: number) => {
    let m = members.get(root);
    if (!m) members.set(root, (m = { lsoa11: [], lsoa21: [] }));
    return m;
  };
  for (const code of [...lookup11].sort()) memberOf(uf.find(uf.node(0, code))).lsoa11.push(code);
  for (const code of [...lookup21].sort()) memberOf(uf.find(uf.node(1, code))).lsoa21.push(code);

  const imdCount = imd.byLsoa11.size;
  const units: ComparisonUnit[] = [];
  const unitOfLsoa21 = new Map<string, ComparisonUnit>();
  for (const { lsoa11, lsoa21 } of members.values()) {
    const counts2011 = emptyCounts();
    for (const code of lsoa11) addCounts(counts2011, health2011.counts.get(code)!);
    const counts2021 = emptyCounts();
    for (const code of lsoa21) addCounts(counts2021, lsoa21Counts.get(code)!);
    const unit: ComparisonUnit = {
      id: lsoa21[0]!,
      lsoa11,
      lsoa21,
      lad: majorityDistrict(lsoa21.map((code) => ({ lad: lsoa21Lad.get(code)!, residents: lsoa21Counts.get(code)!.residents }))),
      counts2011,
      counts2021,
      imdDecile: unitDecile(lsoa11, health2011, imd, imdCount),
      imdScore: unitScore(lsoa11, health2011, imd),
    };
    units.push(unit);
    for (const code of lsoa21) unitOfLsoa21.set(code, unit);
  }
  units.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { units, unitOfLsoa21, lsoa21Names, lsoa21Lad, ladNames };
}

/** The 2011-resident-weighted mean IMD score of a unit's 2011 LSOAs (unitDecile has checked they all have one). */
function unitScore(lsoa11: string[], health2011: HealthTable, imd: { byLsoa11: Map<string, ImdRow> }): number {
  let weighted = 0;
  let weight = 0;
  for (const code of lsoa11) {
    const w = health2011.counts.get(code)!.residents;
    weighted += imd.byLsoa11.get(code)!.score * w;
    weight += w;
  }
  return weight > 0 ? weighted / weight : lsoa11.reduce((s, code) => s + imd.byLsoa11.get(code)!.score, 0) / lsoa11.length;
}

/**
 * A unit of one 2011 LSOA takes its official decile. A merged unit takes the decile of its
 * 2011-resident-weighted mean IMD rank, cut at the same tenths of the ranking as the official deciles.
 */
function unitDecile(lsoa11: string[], health2011: HealthTable, imd: { file: string; byLsoa11: Map<string, ImdRow> }, imdCount: number): number {
  const rows = lsoa11.map((code) => {
    const row = imd.byLsoa11.get(code);
    if (!row) throw new InputError(imd.file, null, 'LSOA11CD', `no deprivation row for LSOA ${code}`);
    return { row, weight: health2011.counts.get(code)!.residents };
  });
  if (rows.length === 1) return rows[0]!.row.decile;
  const totalWeight = rows.reduce((s, r) => s + r.weight, 0) || rows.length;
  const meanRank = rows.reduce((s, r) => s + r.row.rank * (totalWeight === rows.length ? 1 : r.weight), 0) / totalWeight;
  return Math.min(10, Math.floor(((meanRank - 1) / imdCount) * 10) + 1);
}
