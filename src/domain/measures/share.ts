import { Decimal } from 'decimal.js';
import type { Share } from './scorecard.js';

/** `share(20, 21)` is `{ numerator: 20, denominator: 21, percent: '95.24%' }`; undefined for 0/0. */
export function share(numerator: number, denominator: number): Share | undefined {
  if (denominator === 0) return undefined;
  const percent = new Decimal(numerator).mul(100).div(denominator).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
  return { numerator, denominator, percent: `${percent}%` };
}

/** Exact comparison of a share with a fraction string: `atLeast(share(17, 20), '0.85')` is true. */
export function shareAtLeast(value: Share, fraction: string): boolean {
  return new Decimal(value.numerator).gte(new Decimal(fraction).mul(value.denominator));
}

export function shareAtMost(value: Share, fraction: string): boolean {
  return new Decimal(value.numerator).lte(new Decimal(fraction).mul(value.denominator));
}
