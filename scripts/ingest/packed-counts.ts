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
