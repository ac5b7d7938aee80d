/**
 * Counts packed into Float64Arrays, as the robustness checks and the placebo sets keep them: a
 * year is six numbers in this order. Its own module, so that robustness.ts and placebo.ts, which
 * import each other, both have it before either runs.
 */
import type { HealthCounts } from '../../src/data/schema.ts';

/** The counts of a year, in the order every packed row holds them. */
export const FIELDS = ['residents', 'very_good', 'good', 'fair', 'bad', 'very_bad'] as const;

/** The six counts that start at `offset` of a packed row. */
export const countsAt = (sum: Float64Array, offset: number): HealthCounts => ({
  residents: sum[offset]!,
  very_good: sum[offset + 1]!,
  good: sum[offset + 2]!,
  fair: sum[offset + 3]!,
  bad: sum[offset + 4]!,
  very_bad: sum[offset + 5]!,
});

/**
 * Adds `weight` × each of a year's six counts into `into` from `offset` on, in FIELDS order. The
 * counts are named one by one, not looked up by FIELDS[f]: a keyed look-up per count made this,
 * run a million times building the comparators, several times slower.
 */
export function addCountsAt(into: Float64Array, offset: number, c: HealthCounts, weight = 1): void {
  into[offset] = into[offset]! + weight * c.residents;
  into[offset + 1] = into[offset + 1]! + weight * c.very_good;
  into[offset + 2] = into[offset + 2]! + weight * c.good;
  into[offset + 3] = into[offset + 3]! + weight * c.fair;
  into[offset + 4] = into[offset + 4]! + weight * c.bad;
  into[offset + 5] = into[offset + 5]! + weight * c.very_bad;
}
