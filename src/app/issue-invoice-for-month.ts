import type { StoreSession, StoredInvoice } from './ports/index.js';
import { invoiceNumberOf, invoiceNumberPrefix } from './invoice-number.js';
import { composeInvoice, gatherInvoiceInputs, type PrepareInvoiceRequest } from './prepare-invoice.js';
import type { Contract } from '../domain/contract/schema/contract-schema.js';
import { SupportPactError } from '../domain/errors/index.js';
import { formatMoney } from '../domain/money/index.js';
import { issueInvoice } from '../domain/settlement/index.js';

export interface IssueInvoiceRequest extends PrepareInvoiceRequest {
  /** Epoch seconds: when it is issued (for the audit log; the invoice's own dates follow the contract). */
  readonly now: number;
  readonly actor: string;
  /** The invoice number's prefix; default: the vendor's initials (`NS`). */
  readonly numberPrefix?: string;
}

export interface IssuedInvoice {
  readonly stored: StoredInvoice;
  readonly contract: Contract;
}

/** CONFLICT naming the month's issued invoice and how to correct it. */
export function alreadyIssuedError(stored: StoredInvoice): SupportPactError {
  const { invoice } = stored;
  const message = `${invoice.serviceMonth} already has invoice ${invoice.id}, issued on ${invoice.issueOn} for ${formatMoney(invoice.totals.total)}; an issued invoice is never changed or issued again`;
  return new SupportPactError('CONFLICT', message, {
    problems: [
      {
        message: `an issued invoice is never changed, and a month is invoiced once`,
        hint: `to correct it, issue a credit note against it: supportpact credit-note --contract ${stored.contractId} --invoice ${invoice.id} --amount <amount> --reason "<why>" [--line <line id>]`,
      },
    ],
    details: { contractId: stored.contractId, invoiceId: invoice.id, serviceMonth: invoice.serviceMonth },
  });
}

/**
 * Issues the invoice for a service month: computes it as `prepareInvoice` does, gives it the
 * contract's next number (`NS-2027-0003`), stores it as issued (never to change again) and
 * appends `invoice.issued` to the audit log, all in one transaction under the contract's
 * settlement lock. A month that already has an invoice is refused with CONFLICT, naming it.
 */
export async function issueInvoiceForMonth(store: StoreSession, request: IssueInvoiceRequest): Promise<IssuedInvoice> {
  const prefix = request.numberPrefix;
  if (prefix !== undefined && !/^[A-Z0-9][A-Z0-9-]{0,15}$/.test(prefix)) {
    throw new SupportPactError('USAGE', `invoice number prefix ${JSON.stringify(prefix)} is not 1 to 16 capital letters, digits or dashes`, { problems: [{ message: `"${prefix}" is not a plain prefix`, path: ['numberPrefix'], hint: 'use capitals and digits, like NS' }] });
  }
  const existing = await store.settlement.getInvoiceForMonth(request.contractId, request.month);
  if (existing) throw alreadyIssuedError(existing);
  // The scorecards are the slow part: computed before the transaction, so the lock is held briefly.
  const inputs = await gatherInvoiceInputs(store, request);
  const stored = await store.transaction(async (session) => {
    await session.settlement.lockSettlement(request.contractId);
    const invoices = await session.settlement.listInvoices(request.contractId);
    const taken = invoices.find((s) => s.invoice.serviceMonth === request.month);
    if (taken) throw alreadyIssuedError(taken);
    const sequence = invoices.reduce((max, s) => Math.max(max, s.sequence), 0) + 1;
    // The number names the year of issue, which the draft's dates give.
    const draft = composeInvoice(inputs, invoices).invoice;
    const number = invoiceNumberOf(prefix ?? invoiceNumberPrefix(inputs.contract), draft.issueOn, sequence);
    const { invoice, creditedScorecard } = composeInvoice(inputs, invoices, number);
    const saved = await session.settlement.saveIssuedInvoice(request.contractId, {
      invoice: issueInvoice(invoice),
      sequence,
      ...(creditedScorecard ? { creditedScorecard } : {}),
      issuedAt: request.now,
      issuedBy: request.actor,
    });
    await session.audit.appendAudit({
      contractId: request.contractId,
      at: request.now,
      actor: request.actor,
      action: 'invoice.issued',
      subject: `invoice:${invoice.id}`,
      payload: {
        invoiceId: invoice.id,
        serviceMonth: invoice.serviceMonth,
        issueOn: invoice.issueOn,
        dueOn: invoice.dueOn,
        total: formatMoney(invoice.totals.total, 'plain'),
        currency: invoice.currency,
        contractVersion: invoice.contractVersion.version ?? null,
        contractSha256: invoice.contractVersion.sha256,
        inputDigest: invoice.inputDigest,
        documentSha256: saved.documentSha256,
      },
    });
    return saved;
  });
  return { stored, contract: inputs.contract };
}
