/**
 * The invoice for one service month: the month's charges, the PREVIOUS month's credits and
 * bonuses as their own lines (February's credits, computed from February's fees, land on
 * March's invoice), then taxes. Dates follow the contract's schedule. The same contract
 * version and inputs always give the same invoice, and `inputDigest` fingerprints them.
 */
import type { Contract } from '../contract/schema/contract-schema.js';
import { SupportPactError } from '../errors/index.js';
import { computeInvoiceDates } from '../lifecycle/invoice-dates.js';
import type { IsBusinessDay } from '../lifecycle/nth-business-day.js';
import type { MonthlyScorecard } from '../measures/scorecard.js';
import { sumMoney } from '../money/index.js';
import { addCalendarDuration, describeDuration } from '../time/duration.js';
import { addMonthsToMonth, isLocalDate, type LocalDate } from '../time/local-date.js';
import type { MonthAdjustments, SettledMonth } from './adjustment-types.js';
import { adjustmentInvoiceLines } from './adjustment-invoice-lines.js';
import { computeCredits } from './compute-credits.js';
import { computeMonthCharges } from './compute-month-charges.js';
import { computeTaxLines } from './compute-tax-lines.js';
import type { ContractVersionRef, Invoice } from './invoice-types.js';
import { digestOf } from './settlement-json.js';

export interface BuildInvoiceInput {
  readonly contract: Contract;
  /** The stored contract file's SHA-256 (and version number): recorded on the invoice. */
  readonly contractVersion: ContractVersionRef;
  readonly serviceMonth: string;
  /** The service month's scorecard: its volumes are billed. */
  readonly scorecard: Pick<MonthlyScorecard, 'contractId' | 'month' | 'volumes'>;
  /** Credits and bonuses of the month before, from `computeCredits`; they land on this invoice. */
  readonly previousMonthAdjustments?: MonthAdjustments;
  /** Or: the month before's scorecard and the history before it, to compute them here. */
  readonly previousMonthScorecard?: MonthlyScorecard;
  readonly history?: readonly SettledMonth[];
  /** Defaults to `<contract id>-<service month>`. */
  readonly id?: string;
  /** The actual issue date, when it differs from the schedule; the due date follows from it. */
  readonly issueOn?: LocalDate;
  /** The invoicing calendar's business days, for `issueOn: first-business-day`; Monday–Friday (said so) without it. */
  readonly isBusinessDay?: IsBusinessDay;
  /** Last day of service when the contract ended early. */
  readonly serviceEndOn?: LocalDate;
  /** SHA-256 as lower-case hex for the input digest; the pure `sha256Hex` by default (same digest, slower). */
  readonly sha256?: (text: string) => string;
}

function usage(message: string, path: string[], hint: string): SupportPactError {
  return new SupportPactError('USAGE', message, { problems: [{ message, path, hint }] });
}

function previousAdjustments(input: BuildInvoiceInput, previousMonth: string): MonthAdjustments | undefined {
  const { contract } = input;
  if (input.previousMonthAdjustments && input.previousMonthScorecard) {
    throw usage('give the previous month as adjustments or as a scorecard, not both', ['previousMonthScorecard'], 'pass one of previousMonthAdjustments and previousMonthScorecard');
  }
  const adjustments = input.previousMonthAdjustments ?? (input.previousMonthScorecard ? computeCredits(contract, input.previousMonthScorecard, input.history ?? []) : undefined);
  if (!adjustments) return undefined;
  if (adjustments.month !== previousMonth || adjustments.contractId !== contract.id || adjustments.currency !== contract.currency) {
    throw usage(
      `the credits given are for ${adjustments.contractId} ${adjustments.month} (${adjustments.currency}); the invoice for ${input.serviceMonth} carries ${contract.id} ${previousMonth}`,
      ['previousMonthAdjustments'],
      `pass computeCredits for ${previousMonth} of the same contract`,
    );
  }
  return adjustments;
}

/**
 * Northstar for 2027-03 with 1,200 resolved tickets and February's credits of 587.50 +
 * 1,762.50: lines base 4,000.00, usage 9,000.00 and 10,500.00, credits -587.50 and
 * -1,762.50, California sales tax 0% 0.00; total USD 21,150.00, issued Thursday 2027-04-01
 * (first business day of April), due 2027-05-01 (30 days).
 */
export function buildInvoice(input: BuildInvoiceInput): Invoice {
  const { contract, serviceMonth } = input;
  if (!/^[0-9a-f]{64}$/.test(input.contractVersion.sha256)) {
    throw usage('contractVersion.sha256 is not 64 lower-case hex digits', ['contractVersion', 'sha256'], "pass the stored contract version's sha256");
  }
  if (input.scorecard.contractId !== contract.id || input.scorecard.month !== serviceMonth) {
    throw usage(`the scorecard is for ${input.scorecard.contractId} ${input.scorecard.month}, not ${contract.id} ${serviceMonth}`, ['scorecard'], `pass the ${serviceMonth} scorecard of ${contract.id}`);
  }
  if (input.issueOn !== undefined && !isLocalDate(input.issueOn)) {
    throw new SupportPactError('DATE_INVALID', `issueOn ${JSON.stringify(input.issueOn)} is not a date`, { problems: [{ message: `"${input.issueOn}" is not an existing YYYY-MM-DD date`, path: ['issueOn'], hint: 'write it like 2027-04-01' }] });
  }
  const charges = computeMonthCharges(contract, input.scorecard, input.serviceEndOn !== undefined ? { serviceEndOn: input.serviceEndOn } : {});
  const { currency, rounding } = charges;
  const invoicing = contract.pricing?.invoicing;
  const notes = [...charges.notes];

  let issueOn: LocalDate;
  let dueOn: LocalDate;
  if (input.issueOn !== undefined) {
    issueOn = input.issueOn;
    dueOn = invoicing ? addCalendarDuration(issueOn, invoicing.paymentTerms) : issueOn;
  } else if (invoicing) {
    const dates = computeInvoiceDates(invoicing, serviceMonth, input.isBusinessDay);
    ({ issueOn, dueOn } = dates);
    if (dates.assumedWeekdays) notes.push('Issue date: no business-day calendar was given, so Monday to Friday was assumed (holidays not counted).');
  } else {
    throw usage(`contract ${contract.id} has no pricing.invoicing, so the invoice has no scheduled date`, ['pricing', 'invoicing'], 'add pricing.invoicing (issueOn, paymentTerms) or pass issueOn');
  }
  if (!invoicing) notes.push('The contract states no payment terms: the invoice is due on issue.');

  const previousMonth = addMonthsToMonth(serviceMonth, -1);
  const adjustments = previousAdjustments(input, previousMonth);
  const adjustmentLines = adjustments ? adjustmentInvoiceLines(adjustments) : [];
  if (adjustments && adjustmentLines.length > 0) notes.push(`Credits and bonuses for ${previousMonth} are computed from ${previousMonth}'s fees and carried on this invoice.`);
  const beforeTax = [...charges.lines, ...adjustmentLines];
  const taxLines = computeTaxLines(contract.pricing?.taxes, beforeTax, currency, rounding);
  const lines = [...beforeTax, ...taxLines];

  const sumOf = (kinds: readonly string[]) => sumMoney(lines.filter((l) => kinds.includes(l.kind)).map((l) => l.amount), currency);
  const credits = sumOf(['credit']);
  const bonuses = sumOf(['bonus']);
  const subtotal = sumMoney(beforeTax.map((l) => l.amount), currency);
  const tax = sumOf(['tax']);
  const id = input.id ?? `${contract.id}-${serviceMonth}`;

  const inputDigest = digestOf({
    contractId: contract.id,
    contractVersion: input.contractVersion,
    id,
    serviceMonth,
    serviceEndOn: input.serviceEndOn,
    issueOn,
    dueOn,
    volumes: input.scorecard.volumes,
    previousMonthAdjustments: adjustments,
  }, input.sha256);

  return {
    kind: 'invoice',
    id,
    state: 'draft',
    contractId: contract.id,
    contractTitle: contract.title,
    contractVersion: input.contractVersion,
    vendor: contract.parties.vendor,
    client: contract.parties.client,
    currency,
    rounding,
    serviceMonth,
    service: charges.service,
    issueOn,
    dueOn,
    paymentTerms: invoicing ? describeDuration(invoicing.paymentTerms) : 'due on issue',
    paymentMethods: invoicing?.methods ?? [],
    lines,
    totals: { charges: charges.fees, credits, bonuses, subtotal, tax, total: sumMoney(lines.map((l) => l.amount), currency) },
    ...(adjustments ? { adjustments } : {}),
    notes,
    inputDigest,
  };
}
