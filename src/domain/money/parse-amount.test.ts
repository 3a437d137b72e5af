import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { SupportPactError } from '../errors/index.js';
import { parseAmount, tryParseAmount } from './parse-amount.js';

function errorOf(run: () => unknown): SupportPactError {
  try {
    run();
  } catch (error) {
    if (error instanceof SupportPactError) return error;
    throw error;
  }
  throw new Error('expected a SupportPactError');
}

describe('parseAmount', () => {
  it('parses a decimal string exactly', () => {
    expect(parseAmount('18.00').toFixed(2)).toBe('18.00');
    expect(parseAmount('0.125').toFixed()).toBe('0.125');
    expect(parseAmount('007.50').toFixed()).toBe('7.5');
  });

  it('keeps a 40-digit amount exact, never a float or Infinity', () => {
    const text = '9999999999999999999999999999999999999999.99';
    const value = parseAmount(text);
    expect(value.toFixed(2)).toBe(text);
    expect(value.isFinite()).toBe(true);
    expect(value.plus(parseAmount('0.01')).toFixed(2)).toBe('10000000000000000000000000000000000000000.00');
  });

  it('trims surrounding whitespace, as CSV cells often carry it', () => {
    expect(parseAmount(' 12.00 ').toFixed(2)).toBe('12.00');
    expect(parseAmount('\t12.00').toFixed(2)).toBe('12.00');
  });

  it('rejects an exponent and shows the digits to write', () => {
    const error = errorOf(() => parseAmount('1e9'));
    expect(error.code).toBe('MONEY_INVALID');
    expect(error.message).toContain('exponent');
    expect(error.message).toContain('"1000000000"');
  });

  it('rejects a negative amount where a non-negative one is expected, and reports excess decimals too', () => {
    const error = errorOf(() => parseAmount('-0.001', { maxDecimals: 2, maxDecimalsReason: 'USD has 2 decimals' }));
    expect(error.message).toContain('is negative');
    expect(error.problems.map((p) => p.message)).toEqual([
      'amount "-0.001" is negative',
      'amount "-0.001" has 3 decimals, more than the 2 allowed (USD has 2 decimals)',
    ]);
  });

  it('accepts negatives when the caller allows them, and treats "-0.00" as zero', () => {
    expect(parseAmount('-0.001', { sign: 'any' }).toFixed()).toBe('-0.001');
    expect(parseAmount('-0.00').isNegative()).toBe(false);
  });

  it('leaves decimals unlimited unless the caller limits them; trailing zeros do not count', () => {
    expect(parseAmount('0.00001').toFixed()).toBe('0.00001');
    expect(parseAmount('18.000', { maxDecimals: 2 }).toFixed(2)).toBe('18.00');
    expect(() => parseAmount('18.005', { maxDecimals: 2 })).toThrow(/3 decimals, more than the 2 allowed.*"18.00"/);
  });

  it('rejects a decimal comma and says to write a dot', () => {
    expect(errorOf(() => parseAmount('12,50')).message).toBe('amount "12,50" uses a comma as the decimal point: write "12.50"');
  });

  it('rejects thousands separators and says to write the digits without them', () => {
    expect(errorOf(() => parseAmount('1,234.00')).message).toContain('write "1234.00"');
  });

  it('rejects empty, NaN, Infinity, hex, a plus sign, currency symbols, ".5" and "5."', () => {
    const cases: [string, string][] = [
      ['', 'is empty'],
      ['   ', 'is empty'],
      ['NaN', 'not a number'],
      ['-Infinity', 'not a number'],
      ['0x10', 'hexadecimal'],
      ['+5.00', 'write "5.00"'],
      ['$12.00', 'write "12.00"'],
      ['USD 12.00', 'write "12.00"'],
      ['12.5%', 'is a percentage'],
      ['.5', 'write "0.5"'],
      ['5.', 'write "5"'],
      ['1 000.00', 'write "1000.00"'],
      ['1_000', 'write "1000"'],
      ['1.2.3', 'more than one decimal point'],
      ['twelve', 'not a decimal number'],
    ];
    for (const [text, expected] of cases) expect(errorOf(() => parseAmount(text)).message, text).toContain(expected);
  });

  it('rejects a number and tells the user to quote it (a YAML 18.00 arrives as 18)', () => {
    const error = errorOf(() => parseAmount(18));
    expect(error.message).toContain('the number 18, not a quoted string');
    expect(error.message).toContain('"18"');
    expect(errorOf(() => parseAmount(18n)).message).toContain('quotes');
    expect(errorOf(() => parseAmount(Number.NaN)).message).toContain('quotes');
  });

  it('rejects missing values and other types', () => {
    expect(errorOf(() => parseAmount(undefined)).message).toContain('is missing');
    expect(errorOf(() => parseAmount(null)).message).toContain('is missing');
    expect(errorOf(() => parseAmount(true)).message).toContain('must be a string, not boolean');
    expect(errorOf(() => parseAmount(['1'])).message).toContain('not a list');
  });

  it('caps the digits at 60 before and 30 after the point', () => {
    expect(() => parseAmount('1'.repeat(60))).not.toThrow();
    expect(errorOf(() => parseAmount('1'.repeat(61))).message).toContain('61 digits before');
    expect(errorOf(() => parseAmount(`0.${'1'.repeat(31)}`)).message).toContain('31 decimals');
    expect(errorOf(() => parseAmount('1'.repeat(201))).message).toContain('201 characters');
  });

  it('puts the location on every problem', () => {
    const error = errorOf(() => parseAmount('12,50', { at: { path: ['pricing', 'base', 'monthly'], file: 'a.yaml', line: 3, column: 9 }, label: 'monthly' }));
    expect(error.problems[0]).toMatchObject({ path: ['pricing', 'base', 'monthly'], file: 'a.yaml', line: 3, column: 9 });
    expect(error.message).toMatch(/^monthly "12,50"/);
  });

  it('returns any input as a Decimal or a SupportPactError, never a float or another crash', () => {
    const amountish = fc.string({ unit: fc.constantFrom(...'0123456789.,-+eExX%$ _'), maxLength: 30 });
    fc.assert(
      fc.property(fc.oneof(amountish, fc.string(), fc.string({ unit: 'binary' }), fc.anything(), fc.double(), fc.bigInt()), (input) => {
        let value: unknown;
        try {
          value = parseAmount(input, { sign: 'any' });
        } catch (error) {
          expect(error).toBeInstanceOf(SupportPactError);
          expect((error as SupportPactError).code).toBe('MONEY_INVALID');
          expect((error as SupportPactError).problems.length).toBeGreaterThan(0);
          return;
        }
        expect(Decimal.isDecimal(value)).toBe(true);
        expect((value as Decimal).isFinite()).toBe(true);
        expect(typeof input).toBe('string');
      }),
      { numRuns: 5000 },
    );
  });

  it('round-trips every well-formed amount exactly', () => {
    const digits = (max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: max });
    fc.assert(
      fc.property(digits(45), fc.option(digits(20)), (int, frac) => {
        const text = frac === null ? int : `${int}.${frac}`;
        const normal = (t: string) => t.replace(/^0+(?=\d)/, '').replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
        expect(parseAmount(text).toFixed()).toBe(normal(text));
      }),
    );
  });
});

describe('tryParseAmount', () => {
  it('returns problems as a value instead of throwing', () => {
    const result = tryParseAmount('12,50', { at: { line: 7 } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ line: 7, hint: 'write "12.50"' });
  });

  it('reports the written decimals, which the value itself forgets', () => {
    const result = tryParseAmount('18.00');
    expect(result.ok && result.writtenDecimals).toBe(2);
  });
});
