import type { StoreSession } from './ports/index.js';
import { evaluateAccessEvents, type AccessEvaluation } from '../domain/risk/index.js';
import { monthPeriod } from '../domain/measures/index.js';
import { loadStoredContract } from './load-stored-contract.js';

export interface AccessReview {
  readonly contractId: string;
  readonly zone: string;
  /** The month asked for (`YYYY-MM`), or every stored event when absent. */
  readonly month?: string;
  readonly events: number;
  readonly evaluation: AccessEvaluation;
}

/**
 * Findings over the stored data-access events of a contract (all, or one month in the
 * contract's zone): prohibited categories, categories outside the allowed list, missing
 * safeguards, with a monthly summary.
 */
export async function accessFindings(store: StoreSession, contractId: string, options: { month?: string } = {}): Promise<AccessReview> {
  const { loaded } = await loadStoredContract(store, contractId, options.month ? { month: options.month } : {});
  const contract = loaded.contract;
  const range = options.month ? monthPeriod(options.month, contract.timezone) : undefined;
  const events = await store.accessEvents.listAccessEvents(contractId, range ? { range: { fromAt: range.startAt, toAt: range.endAt } } : {});
  return { contractId, zone: contract.timezone, ...(options.month ? { month: options.month } : {}), events: events.length, evaluation: evaluateAccessEvents(contract, events) };
}
