/**
 * The user-facing parser for amounts in contract files and CSV rows. An amount is a
 * decimal string: optional "-", digits, optionally "." and digits ("1234.50").
 *
 * Decisions (each error says what to write instead):
 * - Surrounding whitespace is trimmed (" 12.00" is 12.00: CSV cells often carry it).
 * - Rejected: numbers instead of strings (YAML `18.00` unquoted arrives as 18, losing its
 *   decimals), exponents ("1e9"), commas, both decimal ("12,50") and thousands
 *   ("1,234.00": ambiguous between locales), "+", currency symbols, "NaN", "Infinity",
 *   hex ("0x10"), ".5" and "5.", inner spaces and underscores.
 * - Negative amounts only when the caller allows them (`sign: 'any'`); "-0" is zero.
 * - Decimals are limited only when the caller says so (`maxDecimals`); trailing zeros do
 *   not count ("18.000" has the value 18.00, fine for USD).
 * - At most 60 integer and 30 decimal digits: 40-digit totals stay exact, never a float.
 */
import { SupportPactError, type FieldPath, type Problem } from '../errors/index.js';
import { ExactDecimal, type Exact } from './exact-decimal.js';

export const MAX_INTEGER_DIGITS = 60;
export const MAX_DECIMAL_DIGITS = 30;
const MAX_TEXT_LENGTH = 200;

/** Where the value came from, copied into each Problem. */
export interface AmountLocation {
  readonly path?: FieldPath;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}

export interface ParseAmountOptions {
  /** `'non-negative'` (the default) rejects "-5.00"; `'any'` allows it. */
  readonly sign?: 'non-negative' | 'any';
  /** Most decimals allowed (value, not text: "18.000" has 2); unlimited when absent. */
  readonly maxDecimals?: number;
  /** Why the limit exists, for the message: `'USD allows 2'`. */
  readonly maxDecimalsReason?: string;
  readonly at?: AmountLocation;
  /** The name used in messages: `'amount'` (default), `'unitPrice'`, `'rate'`. */
  readonly label?: string;
}

export type AmountResult =
  | { readonly ok: true; readonly value: Exact; readonly writtenDecimals: number }
  | { readonly ok: false; readonly problems: readonly Problem[] };

const amountPattern = /^(-?)(\d+)(?:\.(\d+))?$/;

interface Diagnosis {
  readonly message: string;
  readonly hint: string;
}

/** Parses a decimal string exactly, or throws MONEY_INVALID: `parseAmount('18.00').toFixed(2)` is `"18.00"`. */
export function parseAmount(input: unknown, options: ParseAmountOptions = {}): Exact {
  const result = tryParseAmount(input, options);
  if (result.ok) return result.value;
  throw amountError(result.problems);
}

/** `parseAmount` as a value, for importers that report bad rows: `tryParseAmount('12,50').ok` is false. */
export function tryParseAmount(input: unknown, options: ParseAmountOptions = {}): AmountResult {
  return parseNumberText(input, options, '');
}

/** One SupportPactError listing every problem, its message the first problem's. */
export function amountError(problems: readonly Problem[]): SupportPactError {
  const first = problems[0];
  const message = first ? `${first.message}${first.hint ? `: ${first.hint}` : ''}` : 'invalid amount';
  return new SupportPactError('MONEY_INVALID', message, { problems });
}

/**
 * Shared by amounts and percentages: `suffix` is what the user writes after the digits
 * ("%" for rates), so suggestions read "1.5%".
 */
export function parseNumberText(input: unknown, options: ParseAmountOptions, suffix: '' | '%'): AmountResult {
  const label = options.label ?? (suffix === '%' ? 'rate' : 'amount');
  const fail = (found: Diagnosis[]): AmountResult => ({
    ok: false,
    problems: found.map((d) => ({
      message: d.message,
      hint: d.hint,
      expected: suffix === '%' ? 'a percentage string such as "1.5%"' : 'a decimal string such as "1234.50"',
      ...options.at,
    })),
  });
  const example = suffix === '%' ? '"1.5%"' : '"18.00"';

  if (typeof input === 'number' || typeof input === 'bigint') {
    const shown = String(input);
    const quoted = /^-?\d+(\.\d{1,6})?$/.test(shown) ? `"${shown}${suffix}"` : example;
    return fail([{
      message: `${label} is the number ${shown}, not a quoted string (an unquoted 18.00 arrives as 18, its decimals lost)`,
      hint: `put it in quotes, for example ${quoted}`,
    }]);
  }
  if (input === undefined || input === null) return fail([{ message: `${label} is missing`, hint: `write a string such as ${example}` }]);
  if (typeof input !== 'string') {
    return fail([{ message: `${label} must be a string, not ${Array.isArray(input) ? 'a list' : typeof input}`, hint: `write a string such as ${example}` }]);
  }
  if (input.length > MAX_TEXT_LENGTH) {
    return fail([{ message: `${label} is ${input.length} characters long`, hint: `at most ${MAX_TEXT_LENGTH}; write plain digits such as ${example}` }]);
  }
  let text = input.trim();
  if (suffix === '%') {
    if (!text.endsWith('%')) {
      const bare = amountPattern.test(text);
      return fail([{
        message: text === '' ? `${label} is empty` : `${label} ${JSON.stringify(input)} has no percent sign`,
        hint: bare ? `write it as a percentage: "${text}%" (or "${shiftPercent(text)}%" if ${text} is a fraction)` : `write a percentage such as ${example}`,
      }]);
    }
    text = text.slice(0, -1).trimEnd();
  }
  if (text === '') return fail([{ message: `${label} is empty`, hint: `write a string such as ${example}` }]);

  const m = amountPattern.exec(text);
  if (!m) return fail([diagnoseText(label, input, text, suffix)]);

  const negative = m[1] === '-';
  const integerDigits = (m[2] ?? '').replace(/^0+(?=\d)/, '');
  const writtenDecimals = (m[3] ?? '').length;
  const decimals = (m[3] ?? '').replace(/0+$/, '');
  const value = new ExactDecimal(`${integerDigits}.${decimals || '0'}`);
  const found: Diagnosis[] = [];
  if (negative && !value.isZero() && options.sign !== 'any') {
    found.push({ message: `${label} ${JSON.stringify(input)} is negative`, hint: `it cannot be below zero here; write ${JSON.stringify(text.slice(1) + suffix)} if the sign was a mistake` });
  }
  if (integerDigits.length > MAX_INTEGER_DIGITS) {
    found.push({ message: `${label} has ${integerDigits.length} digits before the decimal point`, hint: `at most ${MAX_INTEGER_DIGITS} are accepted` });
  }
  if (decimals.length > MAX_DECIMAL_DIGITS) {
    found.push({ message: `${label} has ${decimals.length} decimals`, hint: `at most ${MAX_DECIMAL_DIGITS} are accepted` });
  } else if (options.maxDecimals !== undefined && decimals.length > options.maxDecimals) {
    const why = options.maxDecimalsReason ? ` (${options.maxDecimalsReason})` : '';
    const cut = `${negative ? '-' : ''}${integerDigits}${options.maxDecimals > 0 ? '.' + decimals.slice(0, options.maxDecimals) : ''}${suffix}`;
    found.push({
      message: `${label} ${JSON.stringify(input)} has ${decimals.length} decimals, more than the ${options.maxDecimals} allowed${why}`,
      hint: `round it yourself, for example to "${cut}"`,
    });
  }
  if (found.length > 0) return fail(found);
  // "-0.00" is zero, and zero has no sign.
  return { ok: true, value: negative && !value.isZero() ? value.negated() : value, writtenDecimals };
}

/** "1.5" as a fraction is "150": moves the point two places right, for hints only. */
function shiftPercent(text: string): string {
  return new ExactDecimal(text).times(100).toFixed();
}

/** Why `text` (trimmed, not matching the grammar) is not an amount, and what to write. */
function diagnoseText(label: string, input: string, text: string, suffix: '' | '%'): Diagnosis {
  const shown = `${label} ${JSON.stringify(input)}`;
  const write = (digits: string): string => `write "${digits}${suffix}"`;
  const plain = /^[+-]?\d+(\.\d+)?$/;
  if (/^[+-]?(nan|inf|infinity)$/i.test(text)) return { message: `${shown} is not a number`, hint: `write digits such as "18.00${suffix}"` };
  if (/^[+-]?0[xob]/i.test(text)) return { message: `${shown} is written in hexadecimal, octal or binary`, hint: 'write it in decimal digits' };
  if (/^[+-]?(\d+\.?\d*|\.\d+)e[+-]?\d+$/i.test(text)) {
    const exponent = Number(/e([+-]?\d+)$/i.exec(text)?.[1] ?? '0');
    const expanded = Math.abs(exponent) <= MAX_INTEGER_DIGITS ? new ExactDecimal(text).toFixed() : undefined;
    return { message: `${shown} uses an exponent`, hint: expanded ? write(expanded) : 'write all the digits without an exponent' };
  }
  if (text.startsWith('+') && plain.test(text)) return { message: `${shown} starts with "+"`, hint: write(text.slice(1)) };
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) {
    return { message: `${shown} uses a comma as a thousands separator`, hint: `${write(text.replaceAll(',', ''))} (a comma is ambiguous: in many locales it is the decimal point)` };
  }
  if (/^-?\d+,\d+$/.test(text)) return { message: `${shown} uses a comma as the decimal point`, hint: write(text.replace(',', '.')) };
  if (text.includes(',')) return { message: `${shown} contains a comma`, hint: 'use "." as the decimal point and no thousands separators, e.g. "1234.50"' };
  const withoutCurrency = text.replace(/^-?\s*([$€£¥]|[A-Z]{3}\s)\s*/, (s) => (s.startsWith('-') ? '-' : '')).replace(/\s*[A-Z]{3}$/, '');
  if (withoutCurrency !== text && plain.test(withoutCurrency)) {
    return { message: `${shown} includes a currency`, hint: `${write(withoutCurrency)}; the contract's currency field names the currency` };
  }
  if (suffix === '' && text.endsWith('%')) return { message: `${shown} is a percentage`, hint: 'an amount is expected here, such as "18.00"' };
  if (/^-?\.\d+$/.test(text)) return { message: `${shown} has no digit before the decimal point`, hint: write(text.replace('.', '0.')) };
  if (/^-?\d+\.$/.test(text)) return { message: `${shown} ends with a decimal point`, hint: write(text.slice(0, -1)) };
  if (/^-?[\d.]+$/.test(text) && text.split('.').length > 2) return { message: `${shown} has more than one decimal point`, hint: 'write at most one "." and no thousands separators' };
  if (/\s/.test(text) && plain.test(text.replace(/\s+/g, ''))) return { message: `${shown} contains spaces`, hint: write(text.replace(/\s+/g, '')) };
  if (text.includes('_') && plain.test(text.replaceAll('_', ''))) return { message: `${shown} contains "_"`, hint: write(text.replaceAll('_', '')) };
  return { message: `${shown} is not a decimal number`, hint: `write digits with an optional "." such as "1234.50${suffix}"` };
}
