import { createHash } from 'node:crypto';
import { computeScorecard } from './compute-scorecard.js';
import { defaultBusinessCalendarName } from './contract-business-days.js';
import type { BusinessCalendar } from '../domain/calendar/business-calendar.js';
import type { Contract } from '../domain/contract/schema/contract-schema.js';
import { isMondayToFriday, type IsBusinessDay } from '../domain/lifecycle/index.js';
import type { MonthlyScorecard } from '../domain/measures/index.js';
import { buildInvoice, computeCredits, type ContractVersionRef, type Invoice, type MonthAdjustments, type SettledMonth } from '../domain/settlement/index.js';
import { compileSlaPolicy } from '../domain/sla/index.js';
import type { Outage, TicketEvent, VendorReportDelivery } from '../domain/tickets/index.js';
import { addDays, startOfLocalDate, type LocalDate } from '../domain/time/index.js';

export interface SettleMonthInput {
  readonly contract: Contract;
  readonly contractVersion: ContractVersionRef;
  readonly month: string;
  /** "Now" for running clocks, epoch seconds. */
  readonly asOf: number;
  /** Each ticket's events, sorted, one ticket at a time. */
  readonly tickets: AsyncIterable<readonly TicketEvent[]> | Iterable<readonly TicketEvent[]>;
  readonly outages?: readonly Outage[];
  readonly vendorReports?: readonly VendorReportDelivery[];
  /** The months settled before, for the rolling caps and consecutive-month bonuses. */
  readonly history: readonly SettledMonth[];
  /** The previous month's credits and bonuses, computed when it was settled: they land on this invoice. */
  readonly previousMonthAdjustments?: MonthAdjustments;
  readonly id?: string;
}

export interface SettledContractMonth {
  readonly scorecard: MonthlyScorecard;
  /** This month's credits and bonuses, for the next month's invoice. */
  readonly adjustments: MonthAdjustments;
  readonly invoice: Invoice;
}

/**
 * Business days on already compiled calendars, with `contractBusinessDays`' rules (a date is a
 * business day of a calendar when it has open time that day; no calendar named: `business`,
 * else Monday to Friday). Reusing the SLA policy's calendars spares compiling them again.
 */
export function businessDaysOn(calendars: ReadonlyMap<string, BusinessCalendar>): IsBusinessDay {
  const fallback = calendars.get(defaultBusinessCalendarName);
  return (date: LocalDate, name?: string) => {
    const calendar = name !== undefined ? calendars.get(name) : fallback;
    if (!calendar) return isMondayToFriday(date);
    return calendar.openSecondsBetween(startOfLocalDate(date, calendar.zone), startOfLocalDate(addDays(date, 1), calendar.zone)) > 0;
  };
}

const nativeSha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Settles one contract's month from its events in memory, as a batch run over many contracts
 * does: the month's scorecard (one SLA policy compiled for the contract, its calendars reused
 * for the invoice's business days), the month's credits and bonuses under the caps (carried
 * to the next invoice), and the month's invoice carrying the previous month's. The same
 * inputs give the same invoice as `composeInvoice` does from the store.
 */
export async function settleMonth(input: SettleMonthInput): Promise<SettledContractMonth> {
  const { contract, month } = input;
  const policy = compileSlaPolicy(contract);
  const scorecard = await computeScorecard({ contract, policy, month, asOf: input.asOf, tickets: input.tickets, ...(input.outages ? { outages: input.outages } : {}), ...(input.vendorReports ? { vendorReports: input.vendorReports } : {}) });
  const adjustments = computeCredits(contract, scorecard, input.history);
  const invoice = buildInvoice({
    contract,
    contractVersion: input.contractVersion,
    serviceMonth: month,
    scorecard,
    ...(input.previousMonthAdjustments ? { previousMonthAdjustments: input.previousMonthAdjustments } : {}),
    ...(input.id !== undefined ? { id: input.id } : {}),
    isBusinessDay: businessDaysOn(policy.calendars),
    sha256: nativeSha256,
  });
  return { scorecard, adjustments, invoice };
}
