import { Decimal } from 'decimal.js';
import type { Duration } from '../../time/duration.js';
import type { Percent } from '../values.js';
import type { LintRule } from './lint-rule.js';
import { hit } from './lint-rule.js';

/** A contract interest rate as a yearly rate: 1.5% per 1mo is 0.18; 10% per 12mo is 0.10. */
export function yearlyInterestRate(rate: Percent, per: Duration): Decimal {
  const fraction = new Decimal(rate.fraction);
  switch (per.unit) {
    case 'd':
      return fraction.mul(365).div(per.amount);
    case 'mo':
      return fraction.mul(12).div(per.amount);
    case 'y':
      return fraction.div(per.amount);
    default:
      return fraction;
  }
}

/** Rules about cost, invoicing and payment. */
export const pricingRules: readonly LintRule[] = [
  {
    id: 'pricing-model-incomplete',
    severity: 'error',
    part: 'pricing',
    summary: 'The pricing model lacks its prices',
    why: 'An invoice cannot be checked against a model whose prices are not written down.',
    check: (c) => {
      const p = c.pricing;
      if (!p) return [];
      switch (p.model) {
        case 'fixed':
          return p.base ? [] : [hit('model is fixed but there is no base monthly fee', 'pricing', 'base')];
        case 'tiered':
          return p.tiers ? [] : [hit('model is tiered but there are no tiers', 'pricing', 'tiers')];
        case 'per-incident':
          return p.perIncident ? [] : [hit('model is per-incident but there are no per-incident prices', 'pricing', 'perIncident')];
        case 'hybrid':
          return p.base && (p.tiers || p.perIncident) ? [] : [hit('model is hybrid: give a base fee and either tiers or per-incident prices', 'pricing', 'model')];
      }
    },
  },
  {
    id: 'per-incident-priority-unpriced',
    severity: 'error',
    part: 'pricing',
    summary: 'A priority has no per-incident price',
    why: 'Tickets of an unpriced priority cannot be invoiced, or get invoiced at whatever the vendor decides.',
    check: (c) => {
      const byPriority = c.pricing?.perIncident?.byPriority;
      if (!byPriority) return [];
      return Object.keys(c.sla?.priorities ?? {})
        .filter((p) => byPriority[p] === undefined)
        .map((p) => hit(`${p} tickets have no price`, 'pricing', 'perIncident', 'byPriority'));
    },
  },
  {
    id: 'no-invoicing-terms',
    severity: 'warning',
    part: 'pricing',
    summary: 'No invoicing schedule or payment terms',
    why: 'Without an issue date and payment terms nobody can say when an invoice is late, and credits have no invoice to land on.',
    check: (c) => (c.pricing && !c.pricing.invoicing ? [hit('no invoicing; say when invoices are issued and the payment terms (e.g. 30d)', 'pricing', 'invoicing')] : []),
  },
  {
    id: 'payment-terms-short',
    severity: 'warning',
    part: 'pricing',
    summary: 'Payment terms shorter than 30 days',
    why: 'Short payment terms leave finance no time to check an invoice (and its credits) before it is late.',
    check: (c) => {
      const terms = c.pricing?.invoicing?.paymentTerms;
      return terms && terms.amount < 30 ? [hit(`payment is due ${terms.amount} days after issue; 30 days is usual`, 'pricing', 'invoicing', 'paymentTerms')] : [];
    },
  },
  {
    id: 'late-interest-above-10',
    severity: 'warning',
    part: 'pricing',
    summary: 'Late interest above 10% a year',
    why: 'California law allows higher late charges on commercial accounts (1.5% a month is 18% a year), but it is above the 10% statutory default and worth negotiating.',
    check: (c) => {
      const interest = c.pricing?.latePayment?.interest;
      if (!interest) return [];
      const yearly = yearlyInterestRate(interest.rate, interest.per);
      return yearly.gt('0.10') ? [hit(`late interest of ${interest.rate.text} per ${interest.per.text} is ${yearly.mul(100).toDecimalPlaces(2).toString()}% a year, above 10%`, 'pricing', 'latePayment', 'interest', 'rate')] : [];
    },
  },
  {
    id: 'late-interest-compound',
    severity: 'warning',
    part: 'pricing',
    summary: 'Late interest compounds',
    why: 'Compound interest on late invoices grows faster than anyone expects; simple interest is the norm.',
    check: (c) => (c.pricing?.latePayment?.interest?.simple === false ? [hit('late interest is compound (simple: false); ask for simple interest', 'pricing', 'latePayment', 'interest', 'simple')] : []),
  },
  {
    id: 'no-late-payment-terms',
    severity: 'info',
    part: 'pricing',
    summary: 'No late-payment terms',
    why: 'When the contract is silent, California applies 10% a year after breach; stating the rate and grace period avoids argument.',
    check: (c) => (c.pricing && !c.pricing.latePayment ? [hit('no latePayment; state the grace days and interest rate', 'pricing', 'latePayment')] : []),
  },
  {
    id: 'no-rounding-rule',
    severity: 'info',
    part: 'pricing',
    summary: 'No rounding rule',
    why: 'Invoice lines are rounded to the cent; naming the rule (half-up, half-even) lets both sides reproduce every total.',
    check: (c) => (c.pricing && !c.pricing.rounding ? [hit('no rounding; half-up to the cent per invoice line applies', 'pricing', 'rounding')] : []),
  },
  {
    id: 'no-tax-terms',
    severity: 'info',
    part: 'pricing',
    summary: 'Taxes not stated',
    why: 'Helpdesk labour is not taxable in California, but goods and some software are; stating taxes avoids surprise lines.',
    check: (c) => (c.pricing && c.pricing.taxes === undefined ? [hit('no taxes section; state which taxes apply (an empty list means none)', 'pricing', 'taxes')] : []),
  },
];
