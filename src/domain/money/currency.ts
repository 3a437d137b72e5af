/**
 * Currencies are ISO 4217 codes (three capital letters). The scale is the number of
 * minor-unit digits: USD 2 (cents), JPY 0, KWD 3. The table below lists every ISO 4217
 * currency whose minor unit is NOT 2; any other well-formed code gets 2, the ISO
 * default, so a code this table does not know (a new currency) still works.
 */
import { SupportPactError, type FieldPath } from '../errors/index.js';

const scaleByCurrency: Readonly<Record<string, number>> = {
  // 0 decimals
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0,
  RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  // 3 decimals
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  // 4 decimals (units of account)
  CLF: 4, UYW: 4,
};

const DEFAULT_SCALE = 2;

/** Three capital letters: `isCurrencyCode('USD')` is true, `isCurrencyCode('usd')` false. */
export function isCurrencyCode(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Z]{3}$/.test(value);
}

/** Throws MONEY_INVALID unless `currency` is three capital letters: `assertCurrency('usd')` throws. */
export function assertCurrency(currency: unknown, path?: FieldPath): asserts currency is string {
  if (isCurrencyCode(currency)) return;
  const shown = typeof currency === 'string' ? JSON.stringify(currency) : String(currency);
  const message = `currency ${shown} is not an ISO 4217 code`;
  const hint = 'write three capital letters, such as "USD", "EUR" or "JPY"';
  throw new SupportPactError('MONEY_INVALID', `${message}: ${hint}`, {
    problems: [{ message, hint, expected: 'an ISO 4217 code', ...(path ? { path } : {}) }],
  });
}

/** Minor-unit digits of a currency: `currencyScale('USD')` is 2, `'JPY'` 0, `'KWD'` 3, `'XYZ'` 2. */
export function currencyScale(currency: string): number {
  assertCurrency(currency);
  return scaleByCurrency[currency] ?? DEFAULT_SCALE;
}
