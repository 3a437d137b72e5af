/**
 * Payments against invoices, in time order: a payment settles the oldest open invoice first
 * (by issue date, then id), then the next; partial payments are allowed, and what is left
 * over is account credit, which settles the next invoice on the day it is issued. A credit
 * note reduces its own invoice on its date (any excess becomes account credit); an invoice
 * whose total is negative (credits above charges) is account credit from its issue date.
 * Drafts are not owed and are ignored. `expectedCurrency` is needed only when there may be no documents.
 */
import { SupportPactError, type Problem } from '../errors/index.js';
import { formatMoney, zeroMoney, type Money } from '../money/index.js';
import { isLocalDate, type LocalDate } from '../time/local-date.js';
import type { CreditNote, Invoice } from './invoice-types.js';

export interface Payment {
  readonly id: string;
  readonly receivedOn: LocalDate;
  /** Positive. */
  readonly amount: Money;
  readonly reference?: string;
}

export interface PaymentApplication {
  readonly invoiceId: string;
  /** `payment` on the day it arrived, `account-credit` when it was held first, `credit-note`. */
  readonly source: 'payment' | 'account-credit' | 'credit-note';
  /** The payment, credit note or negative invoice the money came from. */
  readonly sourceId: string;
  readonly appliedOn: LocalDate;
  readonly amount: Money;
}

export interface InvoiceSettlement {
  readonly invoiceId: string;
  readonly serviceMonth: string;
  readonly issueOn: LocalDate;
  readonly dueOn: LocalDate;
  readonly total: Money;
  /** Taken off by credit notes. */
  readonly credited: Money;
  /** Paid by payments and account credit. */
  readonly paid: Money;
  /** total - credited - paid, never below zero. */
  readonly balance: Money;
  /** The day the balance reached zero. */
  readonly settledOn?: LocalDate;
  readonly applications: readonly PaymentApplication[];
}

export interface PaymentsApplied {
  /** Oldest first. */
  readonly invoices: readonly InvoiceSettlement[];
  readonly applications: readonly PaymentApplication[];
  /** Money received and not yet used: overpayments, negative invoices, credit-note excess. */
  readonly accountCredit: Money;
}

type Event = { on: LocalDate; order: number; id: string; run: () => void };
type Chunk = { sourceId: string; kind: 'payment' | 'invoice' | 'credit-note'; receivedOn: LocalDate; minor: bigint };
type Open = { invoice: Invoice; credited: bigint; paid: bigint; applications: PaymentApplication[]; settledOn?: LocalDate };

function fail(problems: Problem[]): never {
  throw new SupportPactError('USAGE', `cannot apply payments: ${problems[0]!.message}`, { problems });
}

const byAge = (a: Open, b: Open): number => (a.invoice.issueOn < b.invoice.issueOn ? -1 : a.invoice.issueOn > b.invoice.issueOn ? 1 : a.invoice.id < b.invoice.id ? -1 : a.invoice.id > b.invoice.id ? 1 : 0);

/**
 * Invoices A (issued 2027-02-01, 1,000.00) and B (2027-03-01, 500.00), a payment of 1,200.00
 * on 2027-03-10: A is paid 1,000.00 and B 200.00 (balance 300.00), never B first; a further
 * 400.00 on 2027-03-20 pays B's 300.00 and leaves 100.00 of account credit.
 */
export function applyPayments(documents: readonly (Invoice | CreditNote)[], payments: readonly Payment[], expectedCurrency?: string): PaymentsApplied {
  const invoices = documents.filter((d): d is Invoice => d.kind === 'invoice' && d.state === 'issued');
  const notes = documents.filter((d): d is CreditNote => d.kind === 'credit-note');
  const inCurrency = expectedCurrency ?? invoices[0]?.currency ?? notes[0]?.currency ?? payments[0]?.amount.currency;
  if (inCurrency === undefined) fail([{ message: 'no invoices, credit notes or payments, and no currency', path: ['currency'], hint: 'pass the contract currency' }]);
  const problems: Problem[] = [];
  const currency: string = inCurrency;
  const ids = new Set<string>();
  for (const [i, p] of payments.entries()) {
    if (ids.has(p.id)) problems.push({ message: `payment ${p.id} is listed twice`, path: ['payments', i, 'id'], hint: 'give each payment once' });
    ids.add(p.id);
    if (!isLocalDate(p.receivedOn)) problems.push({ message: `payment ${p.id} date ${JSON.stringify(p.receivedOn)} is not a date`, path: ['payments', i, 'receivedOn'], hint: 'write it like 2027-03-10' });
    if (p.amount.currency !== currency) problems.push({ message: `payment ${p.id} is in ${p.amount.currency}, the invoices in ${currency}`, path: ['payments', i, 'amount'], hint: `record payments in ${currency}` });
    else if (p.amount.minor <= 0n) problems.push({ message: `payment ${p.id} amount ${formatMoney(p.amount)} is not positive`, path: ['payments', i, 'amount'], hint: 'a refund is not a payment; record positive amounts' });
  }
  for (const doc of [...invoices, ...notes]) {
    if (doc.currency !== currency) problems.push({ message: `${doc.kind} ${doc.id} is in ${doc.currency}, not ${currency}`, path: ['invoices', doc.id], hint: 'apply payments per contract, in one currency' });
  }
  const open = new Map<string, Open>();
  for (const invoice of invoices) {
    if (open.has(invoice.id)) problems.push({ message: `invoice ${invoice.id} is listed twice`, path: ['invoices', invoice.id], hint: 'give each invoice once' });
    open.set(invoice.id, { invoice, credited: 0n, paid: 0n, applications: [] });
  }
  for (const note of notes) {
    if (!open.has(note.originalInvoiceId)) problems.push({ message: `credit note ${note.id} corrects ${note.originalInvoiceId}, which is not among the issued invoices`, path: ['invoices', note.id], hint: 'pass the original invoice too' });
  }
  if (problems.length > 0) fail(problems);

  const credit: Chunk[] = [];
  const waiting: Open[] = [];
  const all: PaymentApplication[] = [];
  const balanceOf = (o: Open): bigint => o.invoice.totals.total.minor - o.credited - o.paid;
  const record = (o: Open, application: PaymentApplication): void => {
    o.applications.push(application);
    all.push(application);
    if (balanceOf(o) <= 0n) o.settledOn = application.appliedOn;
  };
  const drain = (on: LocalDate): void => {
    waiting.sort(byAge);
    while (credit.length > 0 && waiting.length > 0) {
      const chunk = credit[0]!;
      const target = waiting[0]!;
      const minor = chunk.minor < balanceOf(target) ? chunk.minor : balanceOf(target);
      target.paid += minor;
      chunk.minor -= minor;
      const source = chunk.kind === 'payment' && chunk.receivedOn === on ? 'payment' : 'account-credit';
      record(target, { invoiceId: target.invoice.id, source, sourceId: chunk.sourceId, appliedOn: on, amount: { minor, currency } });
      if (chunk.minor === 0n) credit.shift();
      if (balanceOf(target) <= 0n) waiting.shift();
    }
  };

  const events: Event[] = [
    ...invoices.map((invoice): Event => ({
      on: invoice.issueOn,
      order: 0,
      id: invoice.id,
      run: () => {
        const o = open.get(invoice.id)!;
        const total = invoice.totals.total.minor;
        if (total <= 0n) {
          o.settledOn = invoice.issueOn;
          if (total < 0n) credit.push({ sourceId: invoice.id, kind: 'invoice', receivedOn: invoice.issueOn, minor: -total });
        } else waiting.push(o);
        drain(invoice.issueOn);
      },
    })),
    ...notes.map((note): Event => ({
      on: note.issueOn,
      order: 1,
      id: note.id,
      run: () => {
        const o = open.get(note.originalInvoiceId)!;
        const amount = -note.total.minor;
        const taken = amount < balanceOf(o) ? amount : balanceOf(o) > 0n ? balanceOf(o) : 0n;
        o.credited += taken;
        if (taken > 0n) record(o, { invoiceId: o.invoice.id, source: 'credit-note', sourceId: note.id, appliedOn: note.issueOn, amount: { minor: taken, currency } });
        const at = waiting.indexOf(o);
        if (balanceOf(o) <= 0n && at >= 0) waiting.splice(at, 1);
        if (amount > taken) credit.push({ sourceId: note.id, kind: 'credit-note', receivedOn: note.issueOn, minor: amount - taken });
        drain(note.issueOn);
      },
    })),
    ...payments.map((payment): Event => ({
      on: payment.receivedOn,
      order: 2,
      id: payment.id,
      run: () => {
        credit.push({ sourceId: payment.id, kind: 'payment', receivedOn: payment.receivedOn, minor: payment.amount.minor });
        drain(payment.receivedOn);
      },
    })),
  ];
  // Same day: invoices are issued before credit notes, and both before payments arrive, so a payment can settle an invoice issued that day.
  events.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
  for (const event of events) event.run();

  const settlements = [...open.values()].sort(byAge).map((o): InvoiceSettlement => {
    const balance = balanceOf(o);
    return {
      invoiceId: o.invoice.id,
      serviceMonth: o.invoice.serviceMonth,
      issueOn: o.invoice.issueOn,
      dueOn: o.invoice.dueOn,
      total: o.invoice.totals.total,
      credited: { minor: o.credited, currency },
      paid: { minor: o.paid, currency },
      balance: { minor: balance > 0n ? balance : 0n, currency },
      ...(o.settledOn !== undefined ? { settledOn: o.settledOn } : {}),
      applications: o.applications,
    };
  });
  return { invoices: settlements, applications: all, accountCredit: credit.reduce((sum, c) => ({ minor: sum.minor + c.minor, currency }), zeroMoney(currency)) };
}
