/**
 * Money from user text: an amount string in a known currency. More decimals than the
 * currency has is the caller's choice: an error (the default) or a named rounding.
 */
import { currencyScale } from './currency.js';
import { amountError, tryParseAmount, type AmountLocation } from './parse-amount.js';
import { toMoney, type Money } from './money.js';
import type { RoundingMode } from './rounding.js';

export interface ParseMoneyOptions {
  /** `'non-negative'` (the default) or `'any'` (refunds, adjustments). */
  readonly sign?: 'non-negative' | 'any';
  /** `'reject'` (the default): "18.005" in USD is an error; a mode rounds it instead. */
  readonly excessDecimals?: 'reject' | RoundingMode;
  readonly at?: AmountLocation;
  readonly label?: string;
}

/**
 * `parseMoney('1234.50', 'USD')` is `{ minor: 123450n, currency: 'USD' }`;
 * `parseMoney('18.005', 'USD')` throws MONEY_INVALID ("USD allows 2 decimals").
 */
export function parseMoney(input: unknown, currency: string, options: ParseMoneyOptions = {}): Money {
  const scale = currencyScale(currency);
  const excess = options.excessDecimals ?? 'reject';
  const result = tryParseAmount(input, {
    sign: options.sign,
    at: options.at,
    label: options.label,
    ...(excess === 'reject' ? { maxDecimals: scale, maxDecimalsReason: `${currency} has ${scale} decimals` } : {}),
  });
  if (!result.ok) throw amountError(result.problems);
  return toMoney(result.value, currency, excess === 'reject' ? 'down' : excess);
}
