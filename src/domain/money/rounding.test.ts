import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAmount } from './parse-amount.js';
import { divideAndRound, divideToUnits, roundBigIntQuotient, roundDecimal, roundingModes, type RoundingMode } from './rounding.js';

const exact = (text: string) => parseAmount(text, { sign: 'any' });

/** Slow oracle: rounds a plain decimal string digit by digit, never touching a number type. */
function roundTextOracle(text: string, scale: number, mode: RoundingMode): string {
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  const [intPart = '0', fracPart = ''] = body.split('.');
  const padded = fracPart.padEnd(scale, '0');
  const kept = intPart + padded.slice(0, scale);
  const rest = padded.slice(scale);
  const restNonZero = /[1-9]/.test(rest);
  const first = rest[0] ?? '0';
  const afterFirstNonZero = /[1-9]/.test(rest.slice(1));
  const lastKeptOdd = Number(kept[kept.length - 1]) % 2 === 1;
  let bump = false;
  if (mode === 'up') bump = restNonZero;
  if (mode === 'half-up') bump = first >= '5';
  if (mode === 'half-even') bump = first > '5' || (first === '5' && (afterFirstNonZero || lastKeptOdd));
  let digits = kept;
  if (bump) {
    // Add one to the digit string, carrying leftwards.
    const out = digits.split('');
    let i = out.length - 1;
    while (i >= 0 && out[i] === '9') out[i--] = '0';
    if (i >= 0) out[i] = String(Number(out[i]) + 1);
    else out.unshift('1');
    digits = out.join('');
  }
  digits = digits.padStart(scale + 1, '0');
  let result = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  result = result.replace(/^0+(?=\d)/, '');
  const isZero = !/[1-9]/.test(result);
  return negative && !isZero ? `-${result}` : result;
}

/** Slow oracle for a quotient: long division one digit at a time, a sticky digit for the tail. */
function quotientTextOracle(numerator: bigint, denominator: bigint, digits: number): string {
  const negative = numerator < 0n !== denominator < 0n && numerator !== 0n;
  const a = numerator < 0n ? -numerator : numerator;
  const b = denominator < 0n ? -denominator : denominator;
  let text = `${a / b}.`;
  let r = a % b;
  for (let i = 0; i < digits + 1; i++) {
    r *= 10n;
    text += String(r / b);
    r %= b;
  }
  if (r !== 0n) text += '1'; // Only "is the tail non-zero" matters past the first dropped digit.
  return negative ? `-${text}` : text;
}

const decimalText = fc
  .tuple(fc.boolean(), fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 25 }), fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 25 }))
  .map(([neg, int, frac]) => `${neg ? '-' : ''}${int}${frac ? '.' + frac : ''}`);

describe('roundDecimal', () => {
  it('rounds ties away from zero in half-up, for negatives too', () => {
    expect(roundDecimal(exact('2.345'), 2, 'half-up').toFixed(2)).toBe('2.35');
    expect(roundDecimal(exact('-2.345'), 2, 'half-up').toFixed(2)).toBe('-2.35');
    expect(roundDecimal(exact('-2.344'), 2, 'half-up').toFixed(2)).toBe('-2.34');
  });

  it('rounds ties to the even digit in half-even', () => {
    expect(roundDecimal(exact('2.345'), 2, 'half-even').toFixed(2)).toBe('2.34');
    expect(roundDecimal(exact('2.355'), 2, 'half-even').toFixed(2)).toBe('2.36');
    expect(roundDecimal(exact('-2.345'), 2, 'half-even').toFixed(2)).toBe('-2.34');
    expect(roundDecimal(exact('2.3451'), 2, 'half-even').toFixed(2)).toBe('2.35');
  });

  it('truncates toward zero in down and moves away from zero in up', () => {
    expect(roundDecimal(exact('2.349'), 2, 'down').toFixed(2)).toBe('2.34');
    expect(roundDecimal(exact('-2.349'), 2, 'down').toFixed(2)).toBe('-2.34');
    expect(roundDecimal(exact('2.341'), 2, 'up').toFixed(2)).toBe('2.35');
    expect(roundDecimal(exact('-2.341'), 2, 'up').toFixed(2)).toBe('-2.35');
    expect(roundDecimal(exact('2.34'), 2, 'up').toFixed(2)).toBe('2.34');
  });

  it('keeps 40-digit values exact', () => {
    const big = '1234567890123456789012345678901234567890.125';
    expect(roundDecimal(exact(big), 2, 'half-even').toFixed(2)).toBe('1234567890123456789012345678901234567890.12');
    expect(roundDecimal(exact(big), 2, 'half-up').toFixed(2)).toBe('1234567890123456789012345678901234567890.13');
  });

  it('agrees with a digit-by-digit oracle on decimal strings in every mode', () => {
    fc.assert(
      fc.property(decimalText, fc.integer({ min: 0, max: 6 }), fc.constantFrom(...roundingModes), (text, scale, mode) => {
        const got = roundDecimal(exact(text), scale, mode).toFixed(scale);
        const want = roundTextOracle(text, scale, mode);
        expect(got.replace(/^-(?=0(\.0*)?$)/, '')).toBe(want);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('divideAndRound', () => {
  it('rounds a non-terminating quotient exactly: 5580 / 365 is 15.2876712... -> 15.29', () => {
    expect(divideAndRound(5580n, 365n, 2, 'half-up').toFixed(2)).toBe('15.29');
    expect(divideAndRound(5580n, 365n, 2, 'down').toFixed(2)).toBe('15.28');
  });

  it('divides decimals by decimals: 1 / 0.03 = 33.333... -> 33.33', () => {
    expect(divideAndRound(exact('1'), exact('0.03'), 2, 'half-up').toFixed(2)).toBe('33.33');
  });

  it('agrees with long division for integer quotients in every mode', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        fc.boolean(),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom(...roundingModes),
        (n, d, flip, scale, mode) => {
          const den = flip ? -d : d;
          const want = roundTextOracle(quotientTextOracle(n, den, scale), scale, mode);
          expect(divideAndRound(n, den, scale, mode).toFixed(scale).replace(/^-(?=0(\.0*)?$)/, '')).toBe(want);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('refuses a zero denominator', () => {
    expect(() => divideAndRound(1n, 0n, 2, 'half-up')).toThrow(RangeError);
  });
});

describe('divideToUnits', () => {
  it('returns minor units: 5580 / 365 at scale 2 is 1529', () => {
    expect(divideToUnits(5580n, 365n, 2, 'half-up')).toBe(1529n);
  });
});

describe('roundBigIntQuotient', () => {
  it('applies each mode to exact halves, mirrored for negatives', () => {
    expect(roundBigIntQuotient(5n, 2n, 'half-up')).toBe(3n);
    expect(roundBigIntQuotient(-5n, 2n, 'half-up')).toBe(-3n);
    expect(roundBigIntQuotient(5n, 2n, 'half-even')).toBe(2n);
    expect(roundBigIntQuotient(7n, 2n, 'half-even')).toBe(4n);
    expect(roundBigIntQuotient(5n, -2n, 'down')).toBe(-2n);
    expect(roundBigIntQuotient(-5n, 2n, 'up')).toBe(-3n);
  });
});
