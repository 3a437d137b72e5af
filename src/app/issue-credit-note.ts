import type { StoreSession, StoredCreditNote, StoredInvoice } from './ports/index.js';
import { SupportPactError } from '../domain/errors/index.js';
import { formatMoney, parseMoney, sumMoney, negateMoney } from '../domain/money/index.js';
import { buildCreditNote } from '../domain/settlement/index.js';
import type { LocalDate } from '../domain/time/index.js';

export interface IssueCreditNoteRequest {
  readonly invoiceId: string;
  /** Needed only when invoices of several contracts carry the same number. */
  readonly contractId?: string;
  /** What to take off, positive, in the invoice's currency: `"150.00"`. */
  readonly amount: string;
  readonly reason: string;
  /** The invoice line it corrects (`usage-2`), when it corrects one line. */
  readonly lineId?: string;
  /** The line's text; default "Correction of <line or invoice>". */
  readonly description?: string;
  readonly issueOn: LocalDate;
  /** Epoch seconds. */
  readonly now: number;
  readonly actor: string;
}

/** The issued invoice a command names, by id alone when that is unambiguous. */
export async function findIssuedInvoice(store: StoreSession, invoiceId: string, contractId?: string): Promise<StoredInvoice> {
  const found = contractId !== undefined ? [await store.settlement.getInvoice(contractId, invoiceId)].filter((s) => s !== undefined) : await store.settlement.findInvoices(invoiceId);
  if (found.length === 0) {
    const where = contractId !== undefined ? ` for contract ${contractId}` : '';
    throw new SupportPactError('NOT_FOUND', `no issued invoice ${invoiceId}${where}`, { problems: [{ message: `no issued invoice ${invoiceId}${where}`, path: ['invoice'], hint: 'see the issued invoices with `supportpact statement --contract <id>`; a draft cannot be credited, only rebuilt' }] });
  }
  if (found.length > 1) {
    const contracts = found.map((s) => s.contractId).join(', ');
    throw new SupportPactError('USAGE', `invoice ${invoiceId} exists for contracts ${contracts}`, { problems: [{ message: `${found.length} contracts have an invoice ${invoiceId}`, path: ['invoice'], hint: `say which with --contract (${contracts})` }] });
  }
  return found[0]!;
}

/**
 * Corrects an issued invoice with a credit note (the invoice itself never changes): one line
 * taking `amount` off, optionally naming the corrected line, numbered `<invoice>-CN1`, `-CN2`,
 * ... per invoice. Refused when the invoice's credit notes together would exceed its total.
 * Appends `credit-note.issued` to the audit log.
 */
export async function issueCreditNote(store: StoreSession, request: IssueCreditNoteRequest): Promise<StoredCreditNote> {
  const { contractId, invoice } = await findIssuedInvoice(store, request.invoiceId, request.contractId);
  const amount = parseMoney(request.amount, invoice.currency, { label: 'amount', at: { path: ['amount'] } });
  const line = request.lineId !== undefined ? invoice.lines.find((l) => l.id === request.lineId) : undefined;
  const description = request.description ?? (line ? `Correction of ${line.description}` : `Correction of invoice ${invoice.id}`);
  return store.transaction(async (session) => {
    await session.settlement.lockSettlement(contractId);
    const earlier = await session.settlement.listCreditNotes(contractId, { invoiceId: invoice.id });
    const alreadyCredited = negateMoney(sumMoney(earlier.map((s) => s.creditNote.total), invoice.currency));
    const creditNote = buildCreditNote(invoice, [{ description, amount, ...(request.lineId !== undefined ? { correctsLineId: request.lineId } : {}) }], request.reason, {
      issueOn: request.issueOn,
      sequence: earlier.length + 1,
      alreadyCredited,
    });
    const saved = await session.settlement.saveCreditNote(contractId, { creditNote, issuedAt: request.now, issuedBy: request.actor });
    await session.audit.appendAudit({
      contractId,
      at: request.now,
      actor: request.actor,
      action: 'credit-note.issued',
      subject: `credit-note:${creditNote.id}`,
      payload: {
        creditNoteId: creditNote.id,
        invoiceId: invoice.id,
        issueOn: creditNote.issueOn,
        total: formatMoney(creditNote.total, 'plain'),
        currency: creditNote.currency,
        reason: creditNote.reason,
        correctsLine: request.lineId ?? null,
        documentSha256: saved.documentSha256,
      },
    });
    return saved;
  });
}
