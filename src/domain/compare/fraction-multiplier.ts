/**
 * Integer minor units times an exact decimal fraction, rounded once, for the simulation's
 * inner loop: plain integer arithmetic while every product stays below 2^53 (where `number`
 * integers are exact), bigint beyond. Same results as `toMoney(amount × fraction, rounding)`.
 */
import { roundBigIntQuotient, type RoundingMode } from '../money/index.js';

export type MinorTimesFraction = (minor: number) => number;

function roundQuotient(numerator: number, denominator: number, mode: RoundingMode): number {
  // Exact for safe integers: % and the division of (numerator - rest) by denominator have no rounding.
  const rest = numerator % denominator;
  const quotient = (numerator - rest) / denominator;
  if (rest === 0) return quotient;
  switch (mode) {
    case 'down':
      return quotient;
    case 'up':
      return quotient + 1;
    case 'half-up':
      return 2 * rest >= denominator ? quotient + 1 : quotient;
    case 'half-even':
      return 2 * rest > denominator ? quotient + 1 : 2 * rest < denominator ? quotient : quotient % 2 === 0 ? quotient : quotient + 1;
  }
}

/**
 * `multiplierOf('0.05', 'half-up')(2350050)` is 117503 (23,500.50 × 5% = 1,175.025 -> 1,175.03);
 * with `'down'` it is 117502. Amounts must be safe integers; negatives take the bigint path.
 */
export function multiplierOf(fraction: string, mode: RoundingMode): MinorTimesFraction {
  if (!/^-?\d+(\.\d+)?$/.test(fraction)) throw new RangeError(`not a decimal fraction: ${fraction}`);
  const negative = fraction.startsWith('-');
  const [whole = '0', decimals = ''] = fraction.replace('-', '').split('.');
  const numeratorBig = BigInt(whole + decimals) * (negative ? -1n : 1n);
  const denominatorBig = 10n ** BigInt(decimals.length);
  const numerator = Number(numeratorBig);
  const denominator = Number(denominatorBig);
  const small = Number.isSafeInteger(numerator) && Number.isSafeInteger(denominator) && numerator >= 0;
  return (minor: number): number => {
    if (!Number.isSafeInteger(minor)) throw new RangeError(`amount in minor units is not a safe integer: ${minor}`);
    if (small && minor >= 0) {
      const product = minor * numerator;
      if (Number.isSafeInteger(product)) return roundQuotient(product, denominator, mode);
    }
    const result = roundBigIntQuotient(BigInt(minor) * numeratorBig, denominatorBig, mode);
    const value = Number(result);
    if (!Number.isSafeInteger(value)) throw new RangeError(`amount in minor units is beyond 2^53: ${result}`);
    return value;
  };
}
