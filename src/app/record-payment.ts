import type { StoreSession, StoredPayment } from './ports/index.js';
import { loadStoredContract } from './load-stored-contract.js';
import { SupportPactError } from '../domain/errors/index.js';
import { formatMoney, parseMoney } from '../domain/money/index.js';
import { isLocalDate, type LocalDate } from '../domain/time/index.js';

export interface RecordPaymentRequest {
  readonly contractId: string;
  /** The amount as the user wrote it, in the contract currency: `"1234.50"`. */
  readonly amount: string;
  readonly receivedOn: LocalDate;
  /** The payer's reference, usually the invoice number. */
  readonly reference?: string;
  /** `ach`, `wire`, ... */
  readonly method?: string;
  /** Epoch seconds. */
  readonly now: number;
  readonly actor: string;
}

/**
 * Records a payment received for a contract: the amount parsed exactly in the contract's
 * currency ("12,50", "1e3", "-5.00" and 0 are refused, each saying what to write), its date,
 * the next id (`PMT-0001`, `PMT-0002`, ...) and an audit entry. The same
 * reference, date and amount twice is refused as a duplicate. Which invoices it pays follows
 * when a statement is computed: the oldest open invoice first.
 */
export async function recordPayment(store: StoreSession, request: RecordPaymentRequest): Promise<StoredPayment> {
  const { contract } = (await loadStoredContract(store, request.contractId, { on: isLocalDate(request.receivedOn) ? request.receivedOn : undefined })).loaded;
  const amount = parseMoney(request.amount, contract.currency, { label: 'amount', at: { path: ['amount'] } });
  if (amount.minor === 0n) throw new SupportPactError('MONEY_INVALID', 'the amount is zero', { problems: [{ message: 'a payment of 0 pays nothing', path: ['amount'], hint: 'give the amount received, like "1234.50"' }] });
  if (!isLocalDate(request.receivedOn)) {
    throw new SupportPactError('DATE_INVALID', `received date ${request.receivedOn} is not a date`, { problems: [{ message: `"${request.receivedOn}" is not an existing YYYY-MM-DD date`, path: ['receivedOn'], hint: 'write it like 2027-05-03' }] });
  }
  return store.transaction(async (session) => {
    await session.settlement.lockSettlement(request.contractId);
    const payments = await session.settlement.listPayments(request.contractId);
    const twin = request.reference === undefined ? undefined : payments.find((p) => p.reference === request.reference && p.receivedOn === request.receivedOn && p.amount.minor === amount.minor);
    if (twin) {
      const message = `payment ${twin.id} with reference ${request.reference}, ${formatMoney(amount)} received ${request.receivedOn}, is already recorded`;
      throw new SupportPactError('CONFLICT', message, { problems: [{ message, hint: 'nothing to do if it is the same payment; a second payment with the same reference on the same day needs another reference' }], details: { paymentId: twin.id } });
    }
    const payment: StoredPayment = {
      id: `PMT-${String(payments.length + 1).padStart(4, '0')}`,
      receivedOn: request.receivedOn,
      amount,
      ...(request.reference !== undefined ? { reference: request.reference } : {}),
      ...(request.method !== undefined ? { method: request.method } : {}),
      recordedAt: request.now,
      recordedBy: request.actor,
    };
    await session.settlement.savePayment(request.contractId, payment);
    await session.audit.appendAudit({
      contractId: request.contractId,
      at: request.now,
      actor: request.actor,
      action: 'payment.recorded',
      subject: `payment:${payment.id}`,
      payload: { paymentId: payment.id, receivedOn: payment.receivedOn, amount: formatMoney(amount, 'plain'), currency: amount.currency, reference: payment.reference ?? null, method: payment.method ?? null },
    });
    return payment;
  });
}
