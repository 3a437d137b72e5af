import { createHash } from 'node:crypto';
import type { ContractVersion, StoreSession, StoredInvoice } from './ports/index.js';
import { contractBusinessDays } from './contract-business-days.js';
import { loadStoredContract } from './load-stored-contract.js';
import { scorecardForMonth } from './scorecard-for-month.js';
import { settledHistoryOf } from './settled-history.js';
import type { Contract } from '../domain/contract/schema/contract-schema.js';
import { SupportPactError } from '../domain/errors/index.js';
import { computeInvoiceDates, type IsBusinessDay } from '../domain/lifecycle/index.js';
import type { MonthlyScorecard } from '../domain/measures/index.js';
import { formatMoney } from '../domain/money/index.js';
import { buildInvoice, computeCredits, type Invoice, type ScorecardSummary } from '../domain/settlement/index.js';
import { addDays, addMonthsToMonth, isLocalDate, isMonth, monthBounds, startOfLocalDate, type LocalDate } from '../domain/time/index.js';

export interface PrepareInvoiceRequest {
  readonly contractId: string;
  /** The service month, `YYYY-MM`. */
  readonly month: string;
  /**
   * "Now" for running clocks, epoch seconds. Default: the start of the invoice's issue date in
   * the contract's zone, so the invoice depends only on the contract and the stored events,
   * never on the day the command runs.
   */
  readonly asOf?: number;
  /** Issue on this date instead of the contract's schedule (the due date follows from it). */
  readonly issueOn?: LocalDate;
}

/** Everything an invoice is computed from, read from the store. */
export interface InvoiceInputs {
  readonly contractId: string;
  readonly month: string;
  readonly contract: Contract;
  readonly version: ContractVersion;
  readonly isBusinessDay: IsBusinessDay;
  readonly issueOn?: LocalDate;
  readonly asOf: number;
  /** The service month's scorecard: its volumes are billed. */
  readonly scorecard: MonthlyScorecard;
  /** The month before, when it had service: its credits and bonuses land on this invoice (under its own contract version). */
  readonly previous?: { readonly contract: Contract; readonly scorecard: MonthlyScorecard };
}

export interface PreparedInvoice {
  /** A draft, or the issued invoice when the month already has one. */
  readonly invoice: Invoice;
  /** The contract version the invoice was computed under. */
  readonly contract: Contract;
  readonly issued?: StoredInvoice;
}

const nativeSha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

function checkRequest(request: PrepareInvoiceRequest): void {
  if (!isMonth(request.month)) throw new SupportPactError('USAGE', `month ${request.month} is not YYYY-MM`, { problems: [{ message: `"${request.month}" is not a month`, path: ['month'], hint: 'write a month like 2027-03' }] });
  if (request.issueOn !== undefined && !isLocalDate(request.issueOn)) {
    throw new SupportPactError('DATE_INVALID', `issue date ${request.issueOn} is not a date`, { problems: [{ message: `"${request.issueOn}" is not an existing YYYY-MM-DD date`, path: ['issueOn'], hint: 'write it like 2027-04-01' }] });
  }
}

/** Whether `month` has at least one day inside the term (a contract with no term always has service). */
function hasService(contract: Contract, month: string): boolean {
  const start = contract.term?.start;
  return start === undefined || start <= monthBounds(month)[1];
}

/** Reads the contract versions and computes the scorecards an invoice for `month` needs. */
export async function gatherInvoiceInputs(store: StoreSession, request: PrepareInvoiceRequest): Promise<InvoiceInputs> {
  checkRequest(request);
  const { contractId, month } = request;
  const { loaded, version } = await loadStoredContract(store, contractId, { month });
  const contract = loaded.contract;
  const { isBusinessDay } = contractBusinessDays(contract);
  const invoicing = contract.pricing?.invoicing;
  const issueOn = request.issueOn ?? (invoicing ? computeInvoiceDates(invoicing, month, isBusinessDay).issueOn : undefined);
  // Without a schedule, the day after the month: everything in the month is known by then.
  const asOf = request.asOf ?? startOfLocalDate(issueOn ?? addDays(monthBounds(month)[1], 1), contract.timezone);
  const previousMonth = addMonthsToMonth(month, -1);
  const [current, previous] = await Promise.all([
    scorecardForMonth(store, contractId, month, asOf),
    hasService(contract, previousMonth)
      ? Promise.all([loadStoredContract(store, contractId, { month: previousMonth }), scorecardForMonth(store, contractId, previousMonth, asOf)])
      : undefined,
  ]);
  return {
    contractId,
    month,
    contract,
    version,
    isBusinessDay,
    ...(issueOn !== undefined ? { issueOn } : {}),
    asOf,
    scorecard: current.scorecard,
    ...(previous ? { previous: { contract: previous[0].loaded.contract, scorecard: previous[1].scorecard } } : {}),
  };
}

function summaryOf(scorecard: MonthlyScorecard): ScorecardSummary {
  return { month: scorecard.month, serviceLevels: scorecard.serviceLevels, quality: scorecard.quality, allServiceLevelsMet: scorecard.allServiceLevelsMet };
}

/**
 * The invoice from its inputs and the contract's issued invoices (the history the caps read):
 * the month's charges, the previous month's credits and bonuses (a percent of that month's
 * issued charges, or of its computed fees when it has no invoice), taxes. Pure given its
 * arguments: the same inputs give a byte-identical invoice. `id` defaults to the draft id.
 */
export function composeInvoice(inputs: InvoiceInputs, invoices: readonly StoredInvoice[], id?: string): { invoice: Invoice; creditedScorecard?: ScorecardSummary } {
  const { contract, previous } = inputs;
  const previousMonth = addMonthsToMonth(inputs.month, -1);
  const history = settledHistoryOf(invoices, contract.currency).filter((m) => m.month < previousMonth);
  const previousInvoice = invoices.find((s) => s.invoice.serviceMonth === previousMonth);
  const adjustments = previous ? computeCredits(previous.contract, previous.scorecard, history, previousInvoice ? { fees: previousInvoice.invoice.totals.charges } : {}) : undefined;
  const invoice = buildInvoice({
    contract,
    contractVersion: { sha256: inputs.version.sha256, version: inputs.version.version },
    serviceMonth: inputs.month,
    scorecard: inputs.scorecard,
    ...(adjustments ? { previousMonthAdjustments: adjustments } : {}),
    ...(id !== undefined ? { id } : {}),
    ...(inputs.issueOn !== undefined ? { issueOn: inputs.issueOn } : {}),
    isBusinessDay: inputs.isBusinessDay,
    sha256: nativeSha256,
  });
  const notes: string[] = [];
  if (adjustments && !previousInvoice) notes.push(`No invoice was issued here for ${previousMonth}: its credits and bonuses are a percent of its fees as computed from its measured volumes, ${formatMoney(adjustments.fees)}.`);
  const rolling = previous?.contract.sla?.creditCap?.rolling12Months;
  if (previous && rolling) {
    const recorded = new Set(history.map((m) => m.month));
    const missing: string[] = [];
    for (let back = 11; back >= 1; back--) {
      const month = addMonthsToMonth(previousMonth, -back);
      if (hasService(previous.contract, month) && !recorded.has(month)) missing.push(month);
    }
    if (missing.length > 0) notes.push(`The rolling 12-month credit cap counts no fees or credits for ${missing.join(', ')}: no invoice issued here records them.`);
  }
  return {
    invoice: notes.length > 0 ? { ...invoice, notes: [...invoice.notes, ...notes] } : invoice,
    ...(previous ? { creditedScorecard: summaryOf(previous.scorecard) } : {}),
  };
}

/**
 * The invoice for a service month: the issued one when the month has one (exactly as issued),
 * else a draft computed from the stored scorecards, the issued invoices and the contract.
 */
export async function prepareInvoice(store: StoreSession, request: PrepareInvoiceRequest): Promise<PreparedInvoice> {
  checkRequest(request);
  const issued = await store.settlement.getInvoiceForMonth(request.contractId, request.month);
  if (issued) {
    const { loaded } = await loadStoredContract(store, request.contractId, { version: issued.invoice.contractVersion.version ?? 1 });
    return { invoice: issued.invoice, contract: loaded.contract, issued };
  }
  const inputs = await gatherInvoiceInputs(store, request);
  const { invoice } = composeInvoice(inputs, await store.settlement.listInvoices(request.contractId));
  return { invoice, contract: inputs.contract };
}
