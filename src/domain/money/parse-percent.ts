/**
 * Percentages as written in contracts ("99.9%", "1.5%", "0%") become exact fractions:
 * "99.9%" is 0.999. Same grammar and errors as amounts, plus the "%" sign, which is
 * required so that "1.5" (a fraction or a percent?) is never guessed.
 */
import type { Problem } from '../errors/index.js';
import { ExactDecimal, type Exact } from './exact-decimal.js';
import { amountError, parseNumberText, type AmountLocation } from './parse-amount.js';

export interface ParsePercentOptions {
  /** `'non-negative'` (the default) or `'any'`. */
  readonly sign?: 'non-negative' | 'any';
  /** Largest percentage allowed, as a number of percent: 100 for a share of fees. */
  readonly maxPercent?: number;
  readonly at?: AmountLocation;
  /** The name used in messages: `'rate'` (default), `'discount'`, `'credit'`. */
  readonly label?: string;
}

export type PercentResult =
  | { readonly ok: true; readonly value: Exact }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** A percentage string as an exact fraction, or MONEY_INVALID: `parsePercent('99.9%').toFixed()` is `"0.999"`. */
export function parsePercent(input: unknown, options: ParsePercentOptions = {}): Exact {
  const result = tryParsePercent(input, options);
  if (result.ok) return result.value;
  throw amountError(result.problems);
}

/** `parsePercent` as a value: `tryParsePercent('1.5')` is not ok (no "%"). */
export function tryParsePercent(input: unknown, options: ParsePercentOptions = {}): PercentResult {
  const parsed = parseNumberText(input, { sign: options.sign, at: options.at, label: options.label }, '%');
  if (!parsed.ok) return parsed;
  const percent = parsed.value;
  if (options.maxPercent !== undefined && percent.greaterThan(options.maxPercent)) {
    const label = options.label ?? 'rate';
    return {
      ok: false,
      problems: [{
        message: `${label} ${JSON.stringify(input)} is above ${options.maxPercent}%`,
        hint: `write at most "${options.maxPercent}%"`,
        expected: `a percentage from 0% to ${options.maxPercent}%`,
        ...options.at,
      }],
    };
  }
  // Dividing by 100 only moves the decimal point, so it is exact.
  return { ok: true, value: new ExactDecimal(percent).dividedBy(100) };
}

/** A fraction as a percentage string: `formatPercent(parsePercent('99.9%'))` is `"99.9%"`. */
export function formatPercent(fraction: Exact): string {
  const text = new ExactDecimal(fraction).times(100).toFixed();
  return `${text === '-0' ? '0' : text}%`;
}
