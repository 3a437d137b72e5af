/** Small formatters shared by the credit and bonus rules: shares, durations, counts. */
import type { Share } from '../measures/scorecard.js';

/** `compareShare({ numerator: 985, denominator: 1000 }, '0.99')` is -1: exact integers, never the rounded percent. */
export function compareShare(share: Share, fraction: string): -1 | 0 | 1 {
  // numerator / denominator vs units / 10^scale, cross-multiplied in bigint: 985 × 100 < 99 × 1000.
  const [whole = '0', decimals = ''] = fraction.split('.');
  const units = BigInt(whole + decimals);
  const left = BigInt(share.numerator) * 10n ** BigInt(decimals.length);
  const right = units * BigInt(share.denominator);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** `formatCount(1200)` is `"1,200"`. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** `formatSeconds(3725)` is `"1h 02m 05s"`, `formatSeconds(90)` is `"1m 30s"`, `formatSeconds(0)` is `"0s"`. */
export function formatSeconds(total: number): string {
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (hours > 0) return `${formatCount(hours)}h ${String(minutes).padStart(2, '0')}m ${String(seconds).padStart(2, '0')}s`;
  if (minutes > 0) return `${minutes}m ${String(seconds).padStart(2, '0')}s`;
  return `${seconds}s`;
}

/** `describeShare({ numerator: 17, denominator: 20, percent: '85.00%' }, 'tickets met')` is `"85.00% (17 of 20 tickets met)"`. */
export function describeShare(share: Share, what: string): string {
  return `${share.percent} (${formatCount(share.numerator)} of ${formatCount(share.denominator)} ${what})`;
}
