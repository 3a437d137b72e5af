import type { StoreSession } from './ports/index.js';
import type { UnpaidInvoice } from '../domain/lifecycle/index.js';
import type { Money } from '../domain/money/index.js';
import { applyPayments, type CreditNote, type Invoice } from '../domain/settlement/index.js';
import type { LocalDate } from '../domain/time/index.js';

/** Fees of this many trailing invoiced months feed "months of fees" (a 12-month cap is their sum). */
export const trailingFeeMonths = 12;

/** What the termination rules and the liability cap read from the settlement records. */
export interface InvoiceEvidence {
  /** Every issued invoice with a positive total: amount still owed (or its total once paid), due date, the day it was paid in full. */
  readonly unpaidInvoices: readonly UnpaidInvoice[];
  /** Fees (charges before credits, bonuses and tax) of the last 12 invoiced months, most recent last. */
  readonly trailingMonthlyFees: readonly Money[];
  readonly invoiceCount: number;
}

/**
 * The invoice evidence of a contract as known on a day: the invoices issued, credit notes
 * and payments received by then, payments settling the oldest invoice first. Undefined when
 * no invoice was issued by then (the evidence is not recorded, rather than "all paid").
 */
export async function invoiceEvidence(store: StoreSession, contractId: string, asOf: LocalDate, currency: string): Promise<InvoiceEvidence | undefined> {
  const [invoices, creditNotes, payments] = await Promise.all([store.settlement.listInvoices(contractId), store.settlement.listCreditNotes(contractId), store.settlement.listPayments(contractId)]);
  const issued = invoices.map((s) => s.invoice).filter((i) => i.issueOn <= asOf);
  if (issued.length === 0) return undefined;
  const documents: (Invoice | CreditNote)[] = [...issued, ...creditNotes.map((s) => s.creditNote).filter((n) => n.issueOn <= asOf)];
  const applied = applyPayments(documents, payments.filter((p) => p.receivedOn <= asOf), currency);
  const unpaidInvoices: UnpaidInvoice[] = applied.invoices
    .filter((s) => s.total.minor > 0n)
    .map((s) => ({ id: s.invoiceId, dueOn: s.dueOn, amount: s.balance.minor > 0n ? s.balance : s.total, ...(s.balance.minor <= 0n && s.settledOn ? { paidOn: s.settledOn } : {}) }));
  const trailingMonthlyFees = [...issued]
    .sort((a, b) => (a.serviceMonth < b.serviceMonth ? -1 : 1))
    .slice(-trailingFeeMonths)
    .map((i) => i.totals.charges);
  return { unpaidInvoices, trailingMonthlyFees, invoiceCount: issued.length };
}
