import type { StoreSession } from './ports/index.js';
import { breachRegister } from './breach-register.js';
import { checkContract } from './check-contract.js';
import { accessFindings } from './access-findings.js';
import { insuranceFindings } from './insurance-findings.js';
import { loadStoredContract, type StoredContractVersion } from './load-stored-contract.js';
import { scorecardForMonth } from './scorecard-for-month.js';
import { settledHistoryOf } from './settled-history.js';
import { statementForContract } from './statement-for-contract.js';
import { storedKeyDates } from './stored-key-dates.js';
import type { Contract } from '../domain/contract/schema/contract-schema.js';
import { isSupportPactError } from '../domain/errors/index.js';
import type { KeyDateKind } from '../domain/lifecycle/index.js';
import type { AvailabilityScore, MonthlyScorecard, ServiceLevelScore } from '../domain/measures/index.js';
import type { Money } from '../domain/money/index.js';
import type { BreachDeadlineKind } from '../domain/risk/index.js';
import { computeCredits, computeServicePeriod, type AdjustmentLine } from '../domain/settlement/index.js';
import { addDays, addMonths, localDateOf, monthOf, type LocalDate } from '../domain/time/index.js';

/** How many upcoming key dates the overview lists. */
export const overviewKeyDateCount = 5;
/** How far ahead the overview looks for them: two years holds the next renewal opt-out of any term up to 24 months. */
const keyDateHorizonMonths = 24;

export interface OverviewKeyDate {
  readonly on: LocalDate;
  /** The instant, for a breach-notice deadline (due by this time); absent for whole-day dates. */
  readonly at?: number;
  readonly kind: KeyDateKind | BreachDeadlineKind;
  readonly label: string;
  readonly clause: string;
}

export interface OverviewCredits {
  /** `computed`, or `outside-service` when the month has no day of service (then every amount is absent). */
  readonly status: 'computed' | 'outside-service';
  readonly fees?: Money;
  /** Where the fees come from, in words. */
  readonly feesBasis: string;
  /** Credits granted so far (after the caps), and before them. */
  readonly credits?: Money;
  readonly uncappedCredits?: Money;
  readonly bonuses?: Money;
  readonly lines: readonly Pick<AdjustmentLine, 'clause' | 'rule' | 'measure' | 'measured' | 'percent' | 'amount'>[];
  /** The settled months the caps read: from the settlement store's issued invoices. */
  readonly history: { readonly source: 'issued-invoices'; readonly months: number };
}

export interface OverviewFindings {
  /** `check` of the latest stored version. */
  readonly contractErrors: number;
  readonly contractWarnings: number;
  /** Breach-notice deadlines overdue at asOf (over every incident). */
  readonly breachDeadlinesOverdue: number;
  /** Insurance findings on asOf's date: missing, below minimum, expired, expiring within 30 days, expiring before the term ends. */
  readonly insurance: number;
  /** Data-access findings of events in asOf's month. */
  readonly accessThisMonth: number;
  readonly total: number;
}

export interface OverviewInvoices {
  readonly issued: number;
  readonly overdue: number;
  readonly balance: Money;
  readonly interest: Money;
  /** What the client owes on asOf's date, after account credit. */
  readonly netDue: Money;
}

export interface ContractOverview {
  readonly contractId: string;
  readonly title: string;
  readonly client: string;
  readonly vendor: string;
  readonly contractVersion: number;
  readonly zone: string;
  readonly currency: string;
  /** Epoch seconds. */
  readonly asOf: number;
  /** asOf's date in the contract's zone. */
  readonly today: LocalDate;
  /** asOf's month in the contract's zone: the month to date. */
  readonly month: string;
  readonly serviceLevels: {
    readonly contractVersion: number;
    readonly allServiceLevelsMet: boolean;
    readonly counts: { readonly met: number; readonly missed: number; readonly noData: number };
    readonly serviceLevels: readonly Omit<ServiceLevelScore, 'breachedTickets'>[];
    readonly availability: readonly Pick<AvailabilityScore, 'id' | 'service' | 'target' | 'availability' | 'result'>[];
  };
  readonly credits: OverviewCredits;
  readonly nextKeyDates: readonly OverviewKeyDate[];
  readonly openFindings: OverviewFindings;
  readonly invoices: OverviewInvoices;
  /** What the figures rest on, in words. */
  readonly notes: readonly string[];
}

function serviceLevelsOf(scorecard: MonthlyScorecard, contractVersion: number): ContractOverview['serviceLevels'] {
  const count = (result: string) => scorecard.serviceLevels.filter((l) => l.result === result).length;
  return {
    contractVersion,
    allServiceLevelsMet: scorecard.allServiceLevelsMet,
    counts: { met: count('met'), missed: count('missed'), noData: count('no-data') },
    serviceLevels: scorecard.serviceLevels.map(({ breachedTickets: _, ...level }) => level),
    availability: scorecard.availability.map(({ id, service, target, availability, result }) => ({ id, service, target, availability, result })),
  };
}

/** The month's credits so far: `computeCredits` on the month-to-date scorecard, capped with the issued invoices' history. */
async function creditsSoFar(store: StoreSession, contract: Contract, scorecard: MonthlyScorecard): Promise<OverviewCredits> {
  const invoices = await store.settlement.listInvoices(contract.id);
  const history = settledHistoryOf(invoices, contract.currency);
  const historyInfo = { source: 'issued-invoices' as const, months: history.filter((m) => m.month < scorecard.month).length };
  try {
    computeServicePeriod(contract, scorecard.month);
  } catch (error) {
    // The only failure for a well-formed month: it has no day of service.
    if (isSupportPactError(error) && error.code === 'USAGE') return { status: 'outside-service', feesBasis: `${scorecard.month} is outside the contract's service: no fees, no credits`, lines: [], history: historyInfo };
    throw error;
  }
  const own = invoices.find((s) => s.invoice.serviceMonth === scorecard.month);
  const adjustments = computeCredits(contract, scorecard, history, own ? { fees: own.invoice.totals.charges } : {});
  const feesBasis = own
    ? `the charges of invoice ${own.invoice.id}, issued for ${scorecard.month}`
    : contract.pricing
      ? `charges computed from the volumes measured so far in ${scorecard.month} (the month is not over: the figures are the month as it stands)`
      : 'the contract has no pricing section: fees are zero';
  const lines = adjustments.credits.lines.map(({ clause, rule, measure, measured, percent, amount }) => ({ clause, rule, measure, measured, percent, amount }));
  return { status: 'computed', fees: adjustments.fees, feesBasis, credits: adjustments.credits.total, uncappedCredits: adjustments.credits.uncapped, bonuses: adjustments.bonuses.total, lines, history: historyInfo };
}

async function nextKeyDates(store: StoreSession, contractId: string, today: LocalDate, asOf: number): Promise<OverviewKeyDate[]> {
  const result = await storedKeyDates(store, contractId, { from: today, to: addDays(addMonths(today, keyDateHorizonMonths), -1), now: asOf });
  const dates: OverviewKeyDate[] = result.dates.map(({ on, kind, label, clause }) => ({ on, kind, label, clause }));
  // A breach notice still to be given is a deadline; one already given (met or late) is not.
  for (const d of result.deadlines) if (d.at > asOf && d.status === 'pending') dates.push({ on: d.on, at: d.at, kind: d.kind, label: d.label, clause: d.clause });
  return dates.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : (a.at ?? 0) - (b.at ?? 0))).slice(0, overviewKeyDateCount);
}

async function openFindingsOf(store: StoreSession, latest: StoredContractVersion, today: LocalDate, month: string, asOf: number): Promise<OverviewFindings> {
  const contractId = latest.version.contractId;
  const check = checkContract(latest.version.yaml, `${contractId}@v${latest.version.version}`);
  const register = await breachRegister(store, contractId, asOf);
  const breachDeadlinesOverdue = register.incidents.reduce((n, i) => n + i.result.deadlines.filter((d) => d.status === 'overdue').length, 0);
  const insurance = (await insuranceFindings(store, contractId, today)).findings.length;
  const accessThisMonth = (await accessFindings(store, contractId, { month })).evaluation.findings.length;
  return {
    contractErrors: check.counts.error,
    contractWarnings: check.counts.warning,
    breachDeadlinesOverdue,
    insurance,
    accessThisMonth,
    total: check.counts.error + check.counts.warning + breachDeadlinesOverdue + insurance + accessThisMonth,
  };
}

async function invoicesOf(store: StoreSession, contractId: string, today: LocalDate): Promise<OverviewInvoices> {
  const { statement } = await statementForContract(store, contractId, today);
  const { balance, interest, netDue } = statement.totals;
  return { issued: statement.lines.length, overdue: statement.lines.filter((l) => l.status === 'overdue').length, balance, interest, netDue };
}

/**
 * A contract's state on an instant, for the dashboard's first page: the month-to-date service
 * levels and the credits they accrue so far, the next five key dates, the open findings and
 * what the client owes. Northstar at 2027-05-31T18:00-07:00 with the demo loaded: May so far,
 * credits of 2,220.80 (5% + 3% of 27,760.00 for the phone line's outages), the breach's notice
 * to individuals due by the end of 2027-06-19 among the next dates, 13 open findings.
 */
export async function contractOverview(store: StoreSession, contractId: string, asOf: number): Promise<ContractOverview> {
  const latest = await loadStoredContract(store, contractId);
  const zone = latest.loaded.contract.timezone;
  const today = localDateOf(asOf, zone);
  const month = monthOf(today);
  const { scorecard, contractVersion } = await scorecardForMonth(store, contractId, month, asOf);
  // The version in force for the month governs its credits, as it governs its scorecard.
  const monthContract = (await loadStoredContract(store, contractId, { month })).loaded.contract;
  const credits = await creditsSoFar(store, monthContract, scorecard);
  const dates = await nextKeyDates(store, contractId, today, asOf);
  const openFindings = await openFindingsOf(store, latest, today, month, asOf);
  const invoices = await invoicesOf(store, contractId, today);
  const notes = [
    `service levels and credits are ${month} to ${today} (month to date), measured at asOf; a clock still running counts only once it has breached`,
    credits.history.months === 0
      ? 'no earlier month is settled on an issued invoice, so the rolling 12-month credit cap reads none'
      : `the credit caps read ${credits.history.months} earlier month${credits.history.months === 1 ? '' : 's'} settled on issued invoices`,
  ];
  return {
    contractId,
    title: latest.loaded.contract.title,
    client: latest.loaded.contract.parties.client.name,
    vendor: latest.loaded.contract.parties.vendor.name,
    contractVersion: latest.version.version,
    zone,
    currency: latest.loaded.contract.currency,
    asOf,
    today,
    month,
    serviceLevels: serviceLevelsOf(scorecard, contractVersion),
    credits,
    nextKeyDates: dates,
    openFindings,
    invoices,
    notes,
  };
}
