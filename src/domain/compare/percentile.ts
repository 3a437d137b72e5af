/**
 * The nearest-rank percentile of values sorted ascending: the smallest value with at least
 * q of the values at or below it, so it is always one of the values (a simulated total, not
 * an interpolation). `percentileOfSorted([10, 20, 30, 40], 0.5)` is 20; 0.9 gives 40.
 */
export function percentileOfSorted(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) throw new RangeError('no values');
  if (!(q > 0 && q <= 1)) throw new RangeError(`percentile must be in (0, 1], not ${q}`);
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}
