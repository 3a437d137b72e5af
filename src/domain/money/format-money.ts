/**
 * Money as text, always with the currency's full scale: `"USD 1,234.50"` for people
 * (code, space, comma-grouped digits) and `"1234.50"` plain for files and APIs. A
 * negative amount puts the sign after the code: `"USD -1,234.50"`.
 */
import { currencyScale } from './currency.js';
import type { Money } from './money.js';

export type MoneyStyle = 'code' | 'plain';

/** `formatMoney(money(123450n, 'USD'))` is `"USD 1,234.50"`; with `'plain'` it is `"1234.50"`. */
export function formatMoney(amount: Money, style: MoneyStyle = 'code'): string {
  const scale = currencyScale(amount.currency);
  const negative = amount.minor < 0n;
  const digits = (negative ? -amount.minor : amount.minor).toString().padStart(scale + 1, '0');
  let whole = scale === 0 ? digits : digits.slice(0, -scale);
  const fraction = scale === 0 ? '' : `.${digits.slice(-scale)}`;
  if (style === 'code') whole = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  const number = `${negative ? '-' : ''}${whole}${fraction}`;
  return style === 'code' ? `${amount.currency} ${number}` : number;
}
