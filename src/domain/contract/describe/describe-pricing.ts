import { describeDuration } from '../../time/duration.js';
import { yearlyInterestRate } from '../lint/rules-pricing.js';
import type { Contract } from '../schema/contract-schema.js';
import { formatAmount, listWords, section, type ScheduleSection } from './schedule.js';
import { calendarHours } from './describe-sla.js';

/** Band ranges in words: `[500, 1500, undefined]` -> `1–500`, `501–1,500`, `1,501 and above`. */
export function bandRanges(upTos: readonly (number | undefined)[]): string[] {
  let from = 1;
  return upTos.map((upTo) => {
    const text = upTo === undefined ? `${from.toLocaleString('en-US')} and above` : `${from.toLocaleString('en-US')}–${upTo.toLocaleString('en-US')}`;
    if (upTo !== undefined) from = upTo + 1;
    return text;
  });
}

const modeWords = {
  graduated: 'graduated: each ticket is priced in the band it falls in',
  volume: 'volume: the whole month\'s count is priced at the band that contains it',
  package: 'package: tickets are priced in whole blocks',
} as const;

/** Cost terms in words and tables. */
export function describePricing(contract: Contract): ScheduleSection {
  const pricing = contract.pricing;
  const cur = contract.currency;
  if (!pricing) return { ...section('pricing', 'Cost', []), missing: 'No pricing: fees, invoicing and payment terms are not defined.' };
  const tiers = pricing.tiers;
  const perIncident = pricing.perIncident;
  const invoicing = pricing.invoicing;
  const interest = pricing.latePayment?.interest;
  const issue = { 'first-day': 'on the first day', 'first-business-day': 'on the first business day', 'last-day': 'on the last day' } as const;
  return section(
    'pricing',
    'Cost',
    [
      `Pricing model: ${pricing.model}.`,
      pricing.base && `A base fee of ${formatAmount(cur, pricing.base.monthly)} a month${pricing.base.description ? ` (${pricing.base.description})` : ''}${pricing.base.includedTickets !== undefined ? `, including ${pricing.base.includedTickets} tickets${pricing.base.overage ? `, then ${formatAmount(cur, pricing.base.overage)} each` : ''}` : ''}.`,
      tiers && `Usage is priced per ${(tiers.unit ?? 'resolved-ticket').replace('-', ' ')}, ${modeWords[tiers.mode]}${tiers.mode === 'package' ? ` of ${tiers.packageSize} for ${formatAmount(cur, tiers.packagePrice ?? "0")}` : ''}${tiers.freeUnits ? `, after ${tiers.freeUnits} free tickets` : ''}.`,
      perIncident && `Each ${(perIncident.unit ?? 'resolved-ticket').replace('-', ' ')} is priced by priority${perIncident.volumeDiscount ? `, with a ${perIncident.volumeDiscount.mode} discount on the month's count` : ''}.`,
      pricing.minimumMonthly && `The monthly charges are at least ${formatAmount(cur, pricing.minimumMonthly)}; a true-up line makes up any shortfall (prorated in partial months).`,
      invoicing && `Invoices are issued ${issue[invoicing.issueOn]} of the month after the service month${invoicing.calendar ? ` (${invoicing.calendar} calendar)` : ''} and are due ${invoicing.paymentTerms.amount} days after issue${invoicing.methods ? `, paid by ${listWords(invoicing.methods)}` : ''}.`,
      interest &&
        `Late invoices bear ${interest.simple === false ? 'compound' : 'simple'} interest of ${interest.rate.text} per ${describeDuration(interest.per).replace(/^1 /, '')} (${yearlyInterestRate(interest.rate, interest.per).mul(100).toDecimalPlaces(2).toString()}% a year, actual/365) on the unpaid amount${pricing.latePayment?.graceDays ? `, starting ${pricing.latePayment.graceDays} days after the due date` : ' from the day after the due date'}.`,
      pricing.taxes && (pricing.taxes.length === 0 ? 'No taxes apply.' : undefined),
      `Each invoice line is rounded to the cent (${pricing.rounding ?? 'half-up'}); totals are sums of rounded lines.`,
    ],
    [
      tiers?.bands && {
        caption: 'Usage bands',
        columns: ['Tickets in the month', 'Price per ticket', 'Flat fee'],
        rows: bandRanges(tiers.bands.map((b) => b.upTo)).map((range, i) => [range, tiers.bands?.[i]?.unitPrice ? `${formatAmount(cur, tiers.bands[i]?.unitPrice)}` : '—', tiers.bands?.[i]?.flatFee ? `${formatAmount(cur, tiers.bands[i]?.flatFee)}` : '—']),
      },
      perIncident && { caption: 'Price per ticket by priority', columns: ['Priority', 'Price'], rows: Object.entries(perIncident.byPriority).map(([p, price]) => [p, `${formatAmount(cur, price)}`]) },
      perIncident?.volumeDiscount && {
        caption: `Volume discount (${perIncident.volumeDiscount.mode})`,
        columns: ['Tickets in the month', 'Discount'],
        rows: bandRanges(perIncident.volumeDiscount.bands.map((b) => b.upTo)).map((range, i) => [range, perIncident.volumeDiscount?.bands[i]?.discount.text ?? '']),
      },
      { caption: 'Extras', columns: ['Extra', 'When', 'Price'], rows: (pricing.extras ?? []).map((e) => [e.id, e.description ?? [e.when.priority && `priority ${e.when.priority}`, e.when.outsideCalendar && `outside ${calendarHours(e.when.outsideCalendar)}`, e.when.channel && `via ${e.when.channel}`].filter(Boolean).join(', '), `${formatAmount(cur, e.price)} per ${e.per}`]) },
      { caption: 'Taxes', columns: ['Tax', 'Rate', 'Applies to', 'Note'], rows: (pricing.taxes ?? []).map((t) => [t.name, t.rate.text, t.appliesTo ?? 'all', t.note ?? '']) },
    ],
  );
}
