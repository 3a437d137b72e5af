import type { StoreSession } from './ports/index.js';
import { loadStoredContract } from './load-stored-contract.js';
import type { Contract } from '../domain/contract/schema/contract-schema.js';
import { SupportPactError } from '../domain/errors/index.js';
import { computeStatement, type CreditNote, type Invoice, type Statement } from '../domain/settlement/index.js';
import { isLocalDate, type LocalDate } from '../domain/time/index.js';

export interface ContractStatement {
  readonly statement: Statement;
  /** The contract version in force on the statement's date: its late-payment terms apply. */
  readonly contract: Contract;
}

/**
 * What a client owes on a day, from the stored invoices, credit notes and payments: per invoice
 * the total, what credit notes and payments took off (payments settle the oldest invoice first),
 * the balance, its status and the late interest to that day under the contract's terms.
 */
export async function statementForContract(store: StoreSession, contractId: string, asOn: LocalDate): Promise<ContractStatement> {
  if (!isLocalDate(asOn)) {
    throw new SupportPactError('DATE_INVALID', `statement date ${asOn} is not a date`, { problems: [{ message: `"${asOn}" is not an existing YYYY-MM-DD date`, path: ['asOf'], hint: 'write it like 2027-06-15' }] });
  }
  const { contract } = (await loadStoredContract(store, contractId, { on: asOn })).loaded;
  const [invoices, creditNotes, payments] = await Promise.all([store.settlement.listInvoices(contractId), store.settlement.listCreditNotes(contractId), store.settlement.listPayments(contractId)]);
  const documents: (Invoice | CreditNote)[] = [...invoices.map((s) => s.invoice), ...creditNotes.map((s) => s.creditNote)];
  return { statement: computeStatement(contract, documents, payments, asOn), contract };
}
