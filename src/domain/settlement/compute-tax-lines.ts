/**
 * Tax lines: each of the contract's taxes at its rate on the lines it applies to, rounded
 * once. Every line SupportPact bills is a service (helpdesk labour), credits and bonuses
 * included as price adjustments, so `appliesTo: services` or `all` taxes them all and
 * `goods` has nothing to tax. A 0% tax is still shown, so the invoice says it was considered.
 */
import type { Pricing } from '../contract/schema/pricing.js';
import { formatMoney, moneyToDecimal, sumMoney, toMoney, zeroMoney, type RoundingMode } from '../money/index.js';
import type { InvoiceLine } from './invoice-types.js';

/**
 * Northstar's `California sales tax` at 0% on lines summing 21,150.00 gives one line of USD 0.00
 * with the contract's note ("Helpdesk labor is not taxable in California").
 */
export function computeTaxLines(taxes: Pricing['taxes'], lines: readonly InvoiceLine[], currency: string, rounding: RoundingMode): InvoiceLine[] {
  const services = sumMoney(lines.map((l) => l.amount), currency);
  return (taxes ?? []).map((tax, index): InvoiceLine => {
    const appliesTo = tax.appliesTo ?? 'all';
    const base = appliesTo === 'goods' ? zeroMoney(currency) : services;
    return {
      id: `tax-${index}`,
      kind: 'tax',
      description: `${tax.name} (${tax.rate.text})`,
      quantity: tax.rate.text,
      unit: `of ${appliesTo === 'goods' ? 'goods' : 'services'}`,
      unitPrice: formatMoney(base, 'plain'),
      amount: toMoney(moneyToDecimal(base).times(tax.rate.fraction), currency, rounding),
      clause: `pricing.taxes[${index}]`,
      evidence: { kind: 'none', ids: [] },
      notes: [...(tax.note ? [tax.note] : []), appliesTo === 'goods' ? 'no goods on this invoice: every line is a service' : `taxable: ${formatMoney(base, 'plain')}`],
    };
  });
}
