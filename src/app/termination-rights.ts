import type { StoreSession } from './ports/index.js';
import { evaluateTerminationRights, type MonthlyServiceLevels, type TerminationRights } from '../domain/lifecycle/index.js';
import type { Money } from '../domain/money/index.js';
import { addDays, addMonthsToMonth, isLocalDate, monthBounds, monthOf, startOfLocalDate, type LocalDate } from '../domain/time/index.js';
import { SupportPactError } from '../domain/errors/index.js';
import { invoiceEvidence } from './invoice-evidence.js';
import { estimateFeeOfMonths, liabilityCapForContract, type LiabilityCapResult } from './liability-cap-for-contract.js';
import { loadStoredContract } from './load-stored-contract.js';
import { scorecardForMonth } from './scorecard-for-month.js';

export interface TerminationRightsRequest {
  readonly contractId: string;
  readonly asOf: LocalDate;
}

export interface TerminationRightsReport {
  readonly contractId: string;
  readonly contractVersion: number;
  readonly zone: string;
  readonly rights: TerminationRights;
  /** The months measured for the performance ground (each month of the term that is over by asOf). */
  readonly monthlyServiceLevels: readonly MonthlyServiceLevels[];
  readonly breachIncidents: number;
  readonly events: number;
  /** Invoices issued by asOf (0 while none is recorded: non-payment is then not evaluated and fees are estimated). */
  readonly invoices: number;
  /** A convenience fee in months of fees, estimated while invoices are not recorded; by clause index. */
  readonly convenienceFeeEstimates: Readonly<Record<number, { amount: Money; basis: string }>>;
  readonly liability: LiabilityCapResult;
  /** What evidence is missing, in words. */
  readonly notes: readonly string[];
}

/** The months of service from the term's start whose last day is before asOf (the ones the performance ground may count). */
function monthsOver(startOn: LocalDate, asOf: LocalDate): string[] {
  const months: string[] = [];
  for (let m = monthOf(startOn); monthBounds(m)[1] < asOf; m = addMonthsToMonth(m, 1)) months.push(m);
  return months;
}

/**
 * Every termination right of a stored contract on a day, from the stored evidence: the
 * service-level results of each month of the term so far (scorecards evaluated at the end of
 * asOf), the breach register, and the insolvency, force-majeure and material-breach events
 * recorded by hand, and the issued invoices, credit notes and payments (unpaid invoices,
 * trailing fees). With the liability cap and convenience fees (estimated while no invoice is issued).
 */
export async function terminationRights(store: StoreSession, request: TerminationRightsRequest): Promise<TerminationRightsReport> {
  if (!isLocalDate(request.asOf)) {
    throw new SupportPactError('DATE_INVALID', `--as-of ${request.asOf} is not a date`, { problems: [{ message: `"${request.asOf}" is not YYYY-MM-DD`, path: ['asOf'], hint: 'write a date like 2027-07-15' }] });
  }
  const { loaded, version } = await loadStoredContract(store, request.contractId, { on: request.asOf });
  const contract = loaded.contract;
  // "As of a day" means at its end: an incident discovered that afternoon counts.
  const asOfAt = startOfLocalDate(addDays(request.asOf, 1), contract.timezone) - 1;
  const monthlyServiceLevels: MonthlyServiceLevels[] = [];
  const measured = contract.term && (contract.sla?.serviceLevels ?? []).length > 0 ? monthsOver(contract.term.start, request.asOf) : [];
  for (const month of measured) {
    const { scorecard } = await scorecardForMonth(store, request.contractId, month, asOfAt);
    const ids = (result: string) => scorecard.serviceLevels.filter((l) => l.result === result).map((l) => l.id);
    monthlyServiceLevels.push({ month, missed: ids('missed'), met: ids('met'), noData: ids('no-data') });
  }
  const [incidents, events, invoices] = await Promise.all([
    store.breachIncidents.listBreachIncidents(request.contractId),
    store.contractEvents.listContractEvents(request.contractId),
    invoiceEvidence(store, request.contractId, request.asOf, contract.currency),
  ]);
  const evaluated = evaluateTerminationRights(
    contract,
    {
      monthlyServiceLevels,
      breachIncidents: incidents.map((i) => ({ id: i.id, discoveredAt: i.discoveredAt, clientDataInvolved: i.clientDataInvolved })),
      events: events.map(({ kind, startedOn, endedOn, description, party }) => ({ kind, startedOn, description, ...(endedOn ? { endedOn } : {}), ...(party ? { party } : {}) })),
      ...(invoices ? { unpaidInvoices: invoices.unpaidInvoices, trailingMonthlyFees: invoices.trailingMonthlyFees } : {}),
    },
    request.asOf,
  );
  // Without invoice records "no unpaid invoice" proves nothing: say the ground was not tested.
  const rights: TerminationRights = invoices
    ? evaluated
    : { ...evaluated, forCause: evaluated.forCause.map((r) => (r.ground === 'non-payment' ? { ...r, status: 'not-evaluated' as const, reason: 'invoice evidence is not recorded yet, so unpaid invoices cannot be checked', evidence: [] } : r)) };
  const notes: string[] = [];
  const convenienceFeeEstimates: Record<number, { amount: Money; basis: string }> = {};
  if (!invoices) {
    notes.push('invoice evidence is not recorded yet (no invoice issued by this day): the non-payment ground is not evaluated, and fees in months are estimated');
    for (const [i, clause] of (contract.term?.termination?.forConvenience ?? []).entries()) {
      const estimate = clause.fee?.months !== undefined ? estimateFeeOfMonths(contract, clause.fee.months) : undefined;
      if (estimate) convenienceFeeEstimates[i] = estimate;
    }
  }
  if (measured.length === 0) notes.push(contract.term ? 'no month of the term is over yet, so no service-level results count' : 'the contract has no term, so no months are measured');
  const liability = liabilityCapForContract(contract, invoices?.trailingMonthlyFees);
  return { contractId: request.contractId, contractVersion: version.version, zone: contract.timezone, rights, monthlyServiceLevels, breachIncidents: incidents.length, events: events.length, invoices: invoices?.invoiceCount ?? 0, convenienceFeeEstimates, liability, notes };
}
