/**
 * The one decimal type money and pricing compute with: a private decimal.js clone, so
 * SupportPact never reads or changes decimal.js's global configuration.
 *
 * Precision is 200 significant digits. Addition, subtraction and multiplication of
 * amounts the parsers accept (at most 60 integer and 30 decimal digits, so at most 90
 * significant digits) are therefore exact, and so is a product of two of them (180
 * digits). Only a non-terminating division (interest over 365 days) is cut at 200
 * digits; every conversion to money divides exactly instead (see `divideAndRound`).
 */
import { Decimal } from 'decimal.js';

export const ExactDecimal: Decimal.Constructor = Decimal.clone({
  precision: 200,
  rounding: Decimal.ROUND_HALF_UP,
  // Never print an exponent: "0.0000001", not "1e-7".
  toExpNeg: -9e15,
  toExpPos: 9e15,
});

/** An exact decimal value (an instance of `ExactDecimal`). */
export type Exact = Decimal;

/**
 * Brings a trusted value into the private clone: `toExact(1200n).toFixed()` is `"1200"`.
 * Numbers must be safe integers (a float never becomes money); for user text use `parseAmount`.
 */
export function toExact(value: Decimal | bigint | number): Exact {
  if (typeof value === 'number' && !Number.isSafeInteger(value)) {
    throw new RangeError(`toExact takes safe integers only, not ${value}; parse decimal text with parseAmount`);
  }
  if (typeof value === 'bigint') return new ExactDecimal(value.toString());
  return new ExactDecimal(value);
}

/**
 * The value as plain digits, padded to at least `minDecimals`:
 * `formatExact(toExact(19500n), 2)` is `"19500.00"`; never an exponent, never rounded.
 */
export function formatExact(value: Decimal, minDecimals = 0): string {
  const x = toExact(value);
  // `-0` prints as "0": a zero amount has no sign.
  const text = x.toFixed(Math.max(minDecimals, x.decimalPlaces()));
  return x.isZero() ? text.replace(/^-/, '') : text;
}

/** `scaledIntegerOf(toExact(-1.25))` is `{ units: -125n, decimals: 2 }` (value = units / 10^decimals). */
export function scaledIntegerOf(value: Decimal): { units: bigint; decimals: number } {
  const x = toExact(value);
  if (!x.isFinite()) throw new RangeError(`not a finite decimal: ${x.toString()}`);
  const text = x.toFixed();
  const dot = text.indexOf('.');
  if (dot < 0) return { units: BigInt(text), decimals: 0 };
  return { units: BigInt(text.slice(0, dot) + text.slice(dot + 1)), decimals: text.length - dot - 1 };
}

/** `fromScaledInteger(-125n, 2).toFixed()` is `"-1.25"`. */
export function fromScaledInteger(units: bigint, decimals: number): Exact {
  if (decimals === 0) return new ExactDecimal(units.toString());
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(decimals + 1, '0');
  const text = `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  return new ExactDecimal(negative ? `-${text}` : text);
}
