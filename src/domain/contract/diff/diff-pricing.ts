import { describeDuration } from '../../time/duration.js';
import { yearlyInterestRate } from '../lint/rules-pricing.js';
import type { Contract } from '../schema/contract-schema.js';
import type { Percent } from '../values.js';
import type { Duration } from '../../time/duration.js';
import type { ContractChange } from './contract-change.js';
import { recordChanges } from './change-recorder.js';
import { matchByPosition, matchItems, matchRecords } from './match-items.js';
import { amountKind, booleanKind, durationKind, integerKind, listKind, percentKind, textKind, type ValueKind } from './value-kinds.js';

/** Late interest compares by its yearly rate: `1.5% per 1mo` equals `18% per 12mo`. */
const interestKind: ValueKind<{ rate: Percent; per: Duration }> = {
  format: (i) => `${i.rate.text} per ${describeDuration(i.per).replace(/^1 /, '')} (${yearlyInterestRate(i.rate, i.per).mul(100).toDecimalPlaces(4).toString()}% a year)`,
  compare: (a, b) => yearlyInterestRate(a.rate, a.per).comparedTo(yearlyInterestRate(b.rate, b.per)),
};

/** A band's upper bound; the last band has none (`Infinity` here, so it reads as a value, not an absence). */
const upToKind: ValueKind<number> = {
  format: (v) => (v === Infinity ? 'no upper limit' : `up to ${integerKind.format(v)}`),
  compare: (a, b) => (a === b ? 0 : undefined),
};

/** Fees, bands, minimum, extras, invoicing, late payment and taxes; a higher price favours the vendor: `Band 2 price per ticket: USD 15.00 -> USD 16.00`. */
export function diffPricing(before: Contract, after: Contract): ContractChange[] {
  const r = recordChanges('pricing');
  const [o, n] = [before.pricing, after.pricing];
  const money = amountKind(after.currency);
  const vendor = { higher: 'vendor', added: 'vendor' } as const;

  r.field('pricing.model', 'Pricing model', textKind, o?.model, n?.model);
  r.field('pricing.base.monthly', 'Base monthly fee', money, o?.base?.monthly, n?.base?.monthly, vendor);
  r.field('pricing.base.description', 'Base fee description', textKind, o?.base?.description, n?.base?.description);
  r.field('pricing.base.includedTickets', 'Tickets included in the base fee', integerKind, o?.base?.includedTickets, n?.base?.includedTickets, { higher: 'client', added: 'client' });
  r.field('pricing.base.overage', 'Price per ticket over the included tickets', money, o?.base?.overage, n?.base?.overage, vendor);

  const [ot, nt] = [o?.tiers, n?.tiers];
  r.field('pricing.tiers.mode', 'Band mode', textKind, ot?.mode, nt?.mode);
  r.field('pricing.tiers.unit', 'Billable unit of the bands', textKind, ot?.unit, nt?.unit);
  for (const m of matchByPosition(ot?.bands, nt?.bands)) {
    const path = `pricing.tiers.bands[${m.key}]`;
    const label = `Band ${Number(m.key) + 1}`;
    const words = (b: { upTo?: number; unitPrice?: string; flatFee?: string }): string =>
      [upToKind.format(b.upTo ?? Infinity), b.unitPrice && `${money.format(b.unitPrice)} per ticket`, b.flatFee && `flat fee ${money.format(b.flatFee)}`].filter(Boolean).join(', ');
    if (!m.old || !m.new) {
      r.item(path, label, m.old && words(m.old), m.new && words(m.new));
      continue;
    }
    r.field(`${path}.upTo`, `${label} upper limit`, upToKind, m.old.upTo ?? Infinity, m.new.upTo ?? Infinity);
    r.field(`${path}.unitPrice`, `${label} price per ticket`, money, m.old.unitPrice, m.new.unitPrice, vendor);
    r.field(`${path}.flatFee`, `${label} flat fee`, money, m.old.flatFee, m.new.flatFee, vendor);
  }
  r.field('pricing.tiers.packageSize', 'Tickets per package', integerKind, ot?.packageSize, nt?.packageSize, { higher: 'client' });
  r.field('pricing.tiers.packagePrice', 'Package price', money, ot?.packagePrice, nt?.packagePrice, vendor);
  r.field('pricing.tiers.freeUnits', 'Free tickets a month', integerKind, ot?.freeUnits, nt?.freeUnits, { higher: 'client', added: 'client' });

  const [op, np] = [o?.perIncident, n?.perIncident];
  r.field('pricing.perIncident.unit', 'Billable unit of per-incident prices', textKind, op?.unit, np?.unit);
  for (const m of matchRecords(op?.byPriority, np?.byPriority)) {
    r.field(`pricing.perIncident.byPriority.${m.key}`, `Price per ${m.key} ticket`, money, m.old, m.new, { higher: 'vendor' });
  }
  for (const m of matchByPosition(op?.volumeDiscount?.bands, np?.volumeDiscount?.bands)) {
    const path = `pricing.perIncident.volumeDiscount.bands[${m.key}]`;
    const label = `Discount band ${Number(m.key) + 1}`;
    if (!m.old || !m.new) {
      r.item(path, label, m.old && `${upToKind.format(m.old.upTo ?? Infinity)}, ${m.old.discount.text} off`, m.new && `${upToKind.format(m.new.upTo ?? Infinity)}, ${m.new.discount.text} off`);
      continue;
    }
    r.field(`${path}.upTo`, `${label} upper limit`, upToKind, m.old.upTo ?? Infinity, m.new.upTo ?? Infinity);
    r.field(`${path}.discount`, `${label} discount`, percentKind, m.old.discount, m.new.discount, { higher: 'client' });
  }

  r.field('pricing.minimumMonthly', 'Minimum monthly charges', money, o?.minimumMonthly, n?.minimumMonthly, vendor);

  for (const m of matchItems(o?.extras, n?.extras, (e) => e.id)) {
    const path = `pricing.extras[${m.key}]`;
    const label = `Extra charge ${m.key}`;
    if (!m.old || !m.new) {
      r.item(path, label, m.old && `${money.format(m.old.price)} per ${m.old.per}`, m.new && `${money.format(m.new.price)} per ${m.new.per}`, 'vendor');
      continue;
    }
    r.field(`${path}.price`, label, money, m.old.price, m.new.price, { higher: 'vendor', context: `per ${m.new.per}` });
    r.field(`${path}.description`, `${label} description`, textKind, m.old.description, m.new.description);
    for (const key of ['priority', 'outsideCalendar', 'channel', 'category'] as const) {
      r.field(`${path}.when.${key}`, `${label} applies when ${key}`, textKind, m.old.when[key], m.new.when[key]);
    }
  }

  const [oi, ni] = [o?.invoicing, n?.invoicing];
  r.field('pricing.invoicing.every', 'Invoice interval', durationKind, oi?.every, ni?.every);
  r.field('pricing.invoicing.issueOn', 'Invoices issued on', textKind, oi?.issueOn, ni?.issueOn);
  r.field('pricing.invoicing.calendar', 'Invoicing calendar', textKind, oi?.calendar, ni?.calendar);
  r.field('pricing.invoicing.paymentTerms', 'Payment terms', durationKind, oi?.paymentTerms, ni?.paymentTerms, { higher: 'client' });
  r.field('pricing.invoicing.methods', 'Payment methods', listKind, oi?.methods ?? [], ni?.methods ?? []);

  const [ol, nl] = [o?.latePayment, n?.latePayment];
  r.field('pricing.latePayment.graceDays', 'Grace days before late interest', integerKind, ol?.graceDays, nl?.graceDays, { higher: 'client', added: 'client' });
  r.field('pricing.latePayment.interest', 'Late interest', interestKind, ol?.interest, nl?.interest, vendor);
  // Compound interest grows faster than simple: switching to it favours the vendor.
  r.field('pricing.latePayment.interest.simple', 'Simple (not compound) late interest', booleanKind, ol?.interest?.simple, nl?.interest?.simple, { higher: 'client' });

  for (const m of matchItems(o?.taxes, n?.taxes, (t) => t.name)) {
    const path = `pricing.taxes[${m.key}]`;
    const label = `Tax ${m.key}`;
    if (!m.old || !m.new) {
      r.item(path, label, m.old?.rate.text, m.new?.rate.text);
      continue;
    }
    r.field(`${path}.rate`, `${label} rate`, percentKind, m.old.rate, m.new.rate);
    r.field(`${path}.appliesTo`, `${label} applies to`, textKind, m.old.appliesTo, m.new.appliesTo);
    r.field(`${path}.note`, `${label} note`, textKind, m.old.note, m.new.note);
  }
  r.field('pricing.rounding', 'Rounding of invoice lines', textKind, o?.rounding, n?.rounding);
  // A new pricing model moves money between fees (a tripled base fee, no more bands), so no
  // single fee change says who gains: only the total for a forecast volume could (`compare`).
  if (o && n && o.model !== n.model) return r.changes.map(({ favours: _unclear, ...change }) => change);
  return r.changes;
}
