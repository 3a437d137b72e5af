/**
 * Rounding modes, defined on the magnitude so that negatives mirror positives (as in
 * accounting): at scale 2,
 *   half-up   ties away from zero:   2.345 -> 2.35,  -2.345 -> -2.35
 *   half-even ties to the even digit: 2.345 -> 2.34,   2.355 -> 2.36, -2.345 -> -2.34
 *   down      toward zero (truncate): 2.349 -> 2.34,  -2.349 -> -2.34
 *   up        away from zero:         2.341 -> 2.35,  -2.341 -> -2.35
 * All rounding is integer arithmetic on bigint, so it is exact at any size.
 */
import type { Decimal } from 'decimal.js';
import { fromScaledInteger, scaledIntegerOf, toExact, type Exact } from './exact-decimal.js';

export type RoundingMode = 'half-up' | 'half-even' | 'down' | 'up';

export const roundingModes: readonly RoundingMode[] = ['half-up', 'half-even', 'down', 'up'];

/** Whether a contract's `rounding` is known: `isRoundingMode('half-even')` is true, `'bankers'` false. */
export function isRoundingMode(value: unknown): value is RoundingMode {
  return typeof value === 'string' && (roundingModes as readonly string[]).includes(value);
}

/**
 * The integer nearest `numerator / denominator` under `mode`:
 * `roundBigIntQuotient(5n, 2n, 'half-even')` is `2n`, with `'half-up'` it is `3n`, and
 * `roundBigIntQuotient(-5n, 2n, 'half-up')` is `-3n`.
 */
export function roundBigIntQuotient(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  let num = numerator;
  let den = denominator;
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const quotient = num / den; // BigInt division truncates toward zero.
  const remainder = num % den; // Same sign as num.
  if (remainder === 0n) return quotient;
  const away = num < 0n ? quotient - 1n : quotient + 1n;
  const twiceRest = 2n * (remainder < 0n ? -remainder : remainder);
  switch (mode) {
    case 'down':
      return quotient;
    case 'up':
      return away;
    case 'half-up':
      return twiceRest >= den ? away : quotient;
    case 'half-even':
      if (twiceRest > den) return away;
      if (twiceRest < den) return quotient;
      return quotient % 2n === 0n ? quotient : away;
  }
}

/**
 * `numerator / denominator` rounded to `scale` decimals, exactly, even when the quotient
 * does not terminate: `divideAndRound(5580n, 365n, 2, 'half-up')` is 15.29 (15.2876712...).
 */
export function divideAndRound(
  numerator: Decimal | bigint | number,
  denominator: Decimal | bigint | number,
  scale: number,
  mode: RoundingMode,
): Exact {
  return fromScaledInteger(divideToUnits(numerator, denominator, scale, mode), scale);
}

/**
 * The same quotient as a count of `10^-scale` units (minor units when `scale` is the
 * currency's): `divideToUnits(5580n, 365n, 2, 'half-up')` is `1529n`.
 */
export function divideToUnits(
  numerator: Decimal | bigint | number,
  denominator: Decimal | bigint | number,
  scale: number,
  mode: RoundingMode,
): bigint {
  if (!Number.isSafeInteger(scale) || scale < 0) throw new RangeError(`scale must be a whole number >= 0, not ${scale}`);
  const n = scaledIntegerOf(toExact(numerator));
  const d = scaledIntegerOf(toExact(denominator));
  if (d.units === 0n) throw new RangeError('division by zero');
  // (nu / 10^nd) / (du / 10^dd) * 10^scale = nu * 10^(dd + scale) / (du * 10^nd)
  return roundBigIntQuotient(n.units * 10n ** BigInt(d.decimals + scale), d.units * 10n ** BigInt(n.decimals), mode);
}

/** `value` rounded to `scale` decimals: `roundDecimal(parseAmount('-2.345', { sign: 'any' }), 2, 'half-up')` is -2.35. */
export function roundDecimal(value: Decimal, scale: number, mode: RoundingMode): Exact {
  return divideAndRound(value, 1n, scale, mode);
}
