/**
 * What a client owes on a day: per invoice the total, what credit notes and payments took
 * off, the balance, its status and late interest. Interest is simple, actual/365, at the
 * contract rate (`1.5% per 1mo` is 18% a year), on the unpaid amount, from the day after the
 * due date plus the grace days: each unpaid slice accrues for the days it was unpaid (a
 * payment stops interest on what it paid from its own date), and is rounded once per
 * invoice with the contract's rounding. A credit note's amount was never owed, so it bears
 * no interest from the start.
 */
import type { Contract } from '../contract/schema/contract-schema.js';
import { addMoney, ExactDecimal, formatPercent, subtractMoney, sumMoney, toMoney, type Exact, type Money, type RoundingMode } from '../money/index.js';
import { annualRate, computeLateInterest } from '../pricing/index.js';
import { describeDuration } from '../time/duration.js';
import { addDays, daysBetween, isLocalDate, type LocalDate } from '../time/local-date.js';
import { SupportPactError } from '../errors/index.js';
import { applyPayments, type Payment, type PaymentApplication } from './apply-payments.js';
import { computeInvoiceStatus } from './compute-invoice-status.js';
import { roundingOf } from './compute-month-charges.js';
import type { CreditNote, Invoice, InvoiceStatus } from './invoice-types.js';

/** A stretch of days with one unpaid amount, both ends inclusive. */
export interface InterestSlice {
  readonly fromOn: LocalDate;
  readonly toOn: LocalDate;
  readonly days: number;
  readonly unpaid: Money;
  /** The exact interest of the slice before rounding, to 10 decimals for display. */
  readonly interest: string;
}

export interface StatementLine {
  readonly invoiceId: string;
  readonly serviceMonth: string;
  readonly issueOn: LocalDate;
  readonly dueOn: LocalDate;
  readonly total: Money;
  readonly credited: Money;
  readonly paid: Money;
  readonly balance: Money;
  readonly status: InvoiceStatus;
  /** Days past the due date while a balance is left; 0 otherwise. */
  readonly daysOverdue: number;
  /** First day interest can accrue: due date + grace days + 1. */
  readonly interestFromOn: LocalDate;
  readonly interestSlices: readonly InterestSlice[];
  /** The slices' exact sum, rounded once. */
  readonly interest: Money;
  readonly applications: readonly PaymentApplication[];
}

export interface LateInterestTerms {
  readonly rate: string;
  /** `month`, `12 months`. */
  readonly per: string;
  /** `18%`. */
  readonly annualRate: string;
  readonly graceDays: number;
  readonly basis: 'simple interest, actual/365';
}

export interface Statement {
  readonly contractId: string;
  readonly currency: string;
  readonly asOf: LocalDate;
  readonly rounding: RoundingMode;
  readonly lateInterest?: LateInterestTerms;
  readonly lines: readonly StatementLine[];
  readonly totals: {
    readonly invoiced: Money;
    readonly credited: Money;
    readonly paid: Money;
    readonly balance: Money;
    readonly interest: Money;
    readonly accountCredit: Money;
    /** balance + interest. */
    readonly due: Money;
    /** due - account credit. */
    readonly netDue: Money;
  };
  readonly notes: readonly string[];
}

/**
 * An invoice of 1,000.00 due 2027-03-03 with 5 grace days, unpaid on 2027-04-08, at
 * `1.5% per 1mo`: interest from 2027-03-09, 31 days, 1000 × 0.18 × 31 / 365 = 15.2876...,
 * shown as USD 15.29 (half-up). Invoices issued after `asOf`, payments after it and documents of
 * other contracts are left out.
 */
export function computeStatement(contract: Contract, documents: readonly (Invoice | CreditNote)[], payments: readonly Payment[], asOf: LocalDate): Statement {
  if (!isLocalDate(asOf)) {
    throw new SupportPactError('DATE_INVALID', `asOf ${JSON.stringify(asOf)} is not a date`, { problems: [{ message: `"${asOf}" is not an existing YYYY-MM-DD date`, path: ['asOf'], hint: 'write it like 2027-04-08' }] });
  }
  const currency = contract.currency;
  const rounding = roundingOf(contract);
  const late = contract.pricing?.latePayment;
  const interestSpec = late?.interest;
  const graceDays = late?.graceDays ?? 0;
  const notes: string[] = [];
  if (!interestSpec) notes.push('The contract states no late interest: none is computed.');
  else if (interestSpec.simple === false) notes.push(`The contract asks for compound interest (simple: false); this statement computes simple interest, actual/365.`);

  const known = documents.filter((d) => d.contractId === contract.id && d.issueOn <= asOf);
  const applied = applyPayments(known, payments.filter((p) => p.receivedOn <= asOf), currency);
  const lines = applied.invoices.map((settlement): StatementLine => {
    const invoice = known.find((d): d is Invoice => d.kind === 'invoice' && d.id === settlement.invoiceId)!;
    const interestFromOn = addDays(settlement.dueOn, graceDays + 1);
    const slices: InterestSlice[] = [];
    let exact: Exact = new ExactDecimal(0);
    if (interestSpec) {
      // Unpaid from the start: the total less credit notes; each payment reduces it from its own date.
      let unpaid = subtractMoney(settlement.total, settlement.credited);
      let cursor = interestFromOn;
      const paidOn = settlement.applications.filter((a) => a.source !== 'credit-note');
      const stops = [...new Set(paidOn.map((a) => a.appliedOn))].sort();
      for (const stop of [...stops, addDays(asOf, 1)]) {
        const toOn = stop > asOf ? asOf : addDays(stop, -1);
        if (unpaid.minor > 0n && toOn >= cursor) {
          const days = daysBetween(cursor, toOn) + 1;
          const interest = computeLateInterest({ unpaid, daysLate: days, rate: interestSpec.rate.text, per: interestSpec.per });
          exact = exact.plus(interest);
          slices.push({ fromOn: cursor, toOn, days, unpaid, interest: interest.toDecimalPlaces(10).toFixed(10) });
        }
        if (stop <= asOf) {
          unpaid = subtractMoney(unpaid, sumMoney(paidOn.filter((a) => a.appliedOn === stop).map((a) => a.amount), currency));
          if (stop > cursor) cursor = stop;
        }
      }
    }
    return {
      invoiceId: settlement.invoiceId,
      serviceMonth: settlement.serviceMonth,
      issueOn: settlement.issueOn,
      dueOn: settlement.dueOn,
      total: settlement.total,
      credited: settlement.credited,
      paid: settlement.paid,
      balance: settlement.balance,
      status: computeInvoiceStatus(invoice, settlement.balance, asOf),
      daysOverdue: settlement.balance.minor > 0n && asOf > settlement.dueOn ? daysBetween(settlement.dueOn, asOf) : 0,
      interestFromOn,
      interestSlices: slices,
      interest: toMoney(exact, currency, rounding),
      applications: settlement.applications,
    };
  });

  const sum = (pick: (l: StatementLine) => Money): Money => sumMoney(lines.map(pick), currency);
  const balance = sum((l) => l.balance);
  const interest = sum((l) => l.interest);
  const due = addMoney(balance, interest);
  return {
    contractId: contract.id,
    currency,
    asOf,
    rounding,
    ...(interestSpec
      ? { lateInterest: { rate: interestSpec.rate.text, per: interestSpec.per.amount === 1 ? describeDuration(interestSpec.per).slice(2) : describeDuration(interestSpec.per), annualRate: formatPercent(annualRate(interestSpec.rate.text, interestSpec.per).toDecimalPlaces(6)), graceDays, basis: 'simple interest, actual/365' as const } }
      : {}),
    lines,
    totals: {
      invoiced: sum((l) => l.total),
      credited: sum((l) => l.credited),
      paid: sum((l) => l.paid),
      balance,
      interest,
      accountCredit: applied.accountCredit,
      due,
      netDue: subtractMoney(due, applied.accountCredit),
    },
    notes,
  };
}
