/**
 * Corrections to an issued invoice: a credit note that references it, with its own negative
 * lines and reason. The original is never touched; payments and statements net the two.
 */
import { SupportPactError, type Problem } from '../errors/index.js';
import { formatMoney, negateMoney, sumMoney, zeroMoney, type Money } from '../money/index.js';
import { isLocalDate, type LocalDate } from '../time/local-date.js';
import type { CreditNote, Invoice, InvoiceLine } from './invoice-types.js';

/** One correction: what is taken off, as a positive amount. */
export interface CreditNoteLineInput {
  readonly description: string;
  readonly amount: Money;
  /** The invoice line it corrects, if it corrects one: `usage-2`. */
  readonly correctsLineId?: string;
  readonly quantity?: string;
  readonly unit?: string;
  readonly unitPrice?: string;
}

export interface CreditNoteOptions {
  /** Defaults to `<invoice id>-CN<n>` with `n = sequence` (1 when absent). */
  readonly id?: string;
  readonly sequence?: number;
  readonly issueOn: LocalDate;
  /** What earlier credit notes already took off this invoice (positive). */
  readonly alreadyCredited?: Money;
}

function fail(problems: Problem[]): never {
  throw new SupportPactError('USAGE', `cannot build the credit note: ${problems[0]!.message}`, { problems });
}

/**
 * Taking USD 150.00 off invoice `acme-northstar-2027-2027-03` (10 tickets billed twice) gives
 * credit note `acme-northstar-2027-2027-03-CN1` with one line of USD -150.00 and that reason;
 * crediting more than the invoice total (less earlier credit notes) is refused.
 */
export function buildCreditNote(invoice: Invoice, lines: readonly CreditNoteLineInput[], reason: string, options: CreditNoteOptions): CreditNote {
  const problems: Problem[] = [];
  if (invoice.state !== 'issued') problems.push({ message: `invoice ${invoice.id} is a draft`, path: ['invoice', 'state'], hint: 'rebuild the draft instead; credit notes correct issued invoices' });
  if (reason.trim() === '') problems.push({ message: 'the reason is empty', path: ['reason'], hint: 'say why the invoice is corrected' });
  if (lines.length === 0) problems.push({ message: 'no lines', path: ['lines'], hint: 'give at least one line to credit' });
  if (!isLocalDate(options.issueOn) || options.issueOn < invoice.issueOn) problems.push({ message: `issueOn ${options.issueOn} is not a date on or after the invoice's ${invoice.issueOn}`, path: ['issueOn'], hint: 'date the credit note on or after the invoice' });
  const known = new Set(invoice.lines.map((l) => l.id));
  lines.forEach((line, i) => {
    if (line.amount.currency !== invoice.currency) problems.push({ message: `line ${i + 1} is in ${line.amount.currency}, the invoice in ${invoice.currency}`, path: ['lines', i, 'amount'], hint: `credit in ${invoice.currency}` });
    else if (line.amount.minor <= 0n) problems.push({ message: `line ${i + 1} amount ${formatMoney(line.amount)} is not positive`, path: ['lines', i, 'amount'], hint: 'give the amount to take off as a positive amount' });
    if (line.correctsLineId !== undefined && !known.has(line.correctsLineId)) problems.push({ message: `invoice ${invoice.id} has no line ${line.correctsLineId}`, path: ['lines', i, 'correctsLineId'], hint: `use one of ${[...known].join(', ')}` });
  });
  if (problems.length > 0) fail(problems);
  const credited = sumMoney(lines.map((l) => l.amount), invoice.currency);
  const earlier = options.alreadyCredited ?? zeroMoney(invoice.currency);
  if (credited.minor + earlier.minor > invoice.totals.total.minor) {
    fail([{ message: `${formatMoney(credited)} plus ${formatMoney(earlier)} already credited is more than the invoice total ${formatMoney(invoice.totals.total)}`, path: ['lines'], hint: 'credit at most what the invoice charged' }]);
  }
  const noteLines = lines.map((line, i): InvoiceLine => ({
    id: `correction-${i + 1}`,
    kind: 'correction',
    description: line.description,
    quantity: line.quantity ?? '1',
    unit: line.unit ?? 'correction',
    ...(line.unitPrice !== undefined ? { unitPrice: line.unitPrice } : {}),
    amount: negateMoney(line.amount),
    clause: line.correctsLineId !== undefined ? `invoice ${invoice.id} line ${line.correctsLineId}` : `invoice ${invoice.id}`,
    evidence: { kind: 'none', ids: [] },
    notes: [reason],
  }));
  return {
    kind: 'credit-note',
    id: options.id ?? `${invoice.id}-CN${options.sequence ?? 1}`,
    originalInvoiceId: invoice.id,
    contractId: invoice.contractId,
    contractVersion: invoice.contractVersion,
    currency: invoice.currency,
    issueOn: options.issueOn,
    reason,
    lines: noteLines,
    total: negateMoney(credited),
  };
}
