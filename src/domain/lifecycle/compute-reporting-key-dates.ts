/**
 * Key dates of the reporting clauses: each vendor report's due date, and each independent
 * audit window (opens, last day to give audit notice for an audit inside it, closes).
 */
import type { Sla } from '../contract/schema/sla.js';
import { addCalendarDuration, describeDuration, monthsOf } from '../time/duration.js';
import { addDays, addMonths, addMonthsToMonth, monthOf, type LocalDate } from '../time/local-date.js';
import { assumedWeekdaysNote } from './compute-billing-key-dates.js';
import { keyDate, type KeyDate } from './key-date.js';
import { isMondayToFriday, latestDayBeforeBusinessDays, type IsBusinessDay } from './nth-business-day.js';
import { vendorReportDueOn } from './vendor-report-due-on.js';

/**
 * Northstar from 2027-01-01 to 2028-12-31: the January 2027 report is due 2027-02-05 (5th
 * business day of February); the first audit window runs 2027-01-01 to 2027-12-31 and the
 * last day to give 15 business days' audit notice for it is 2027-12-08 (on the business
 * calendar, which is closed for Thanksgiving, 2027-12-24 and 2027-12-31).
 * `reportMonths` replaces the schedule with the given reporting months.
 */
export function computeReportingKeyDates(
  sla: Sla | undefined,
  serviceStartOn: LocalDate,
  serviceEndOn: LocalDate,
  isBusinessDay: IsBusinessDay | undefined,
  reportMonths?: readonly string[],
): KeyDate[] {
  const dates: KeyDate[] = [];
  const predicate = isBusinessDay ?? isMondayToFriday;
  const report = sla?.reporting?.vendorReport;
  if (report) {
    const note = isBusinessDay === undefined && report.dueWithin.unit === 'bd' ? assumedWeekdaysNote : undefined;
    const every = report.every.amount;
    const months: string[] = [];
    if (reportMonths) months.push(...reportMonths);
    else {
      const last = monthOf(serviceEndOn);
      for (let first = monthOf(serviceStartOn); first <= last; first = addMonthsToMonth(first, every)) {
        const end = addMonthsToMonth(first, every - 1);
        months.push(end > last ? last : end);
      }
    }
    for (const month of months) {
      const on = vendorReportDueOn(report, month, predicate);
      const unit = report.dueWithin.unit === 'bd' ? `business days${report.calendar ? ` (${report.calendar} calendar)` : ''}` : 'days';
      dates.push(keyDate({ on, kind: 'vendor-report-due', label: `Vendor report for ${month} due`, reason: `${report.dueWithin.amount} ${unit} after the end of ${month}`, clause: 'sla.reporting.vendorReport.dueWithin' }, note));
    }
  }
  const audit = sla?.reporting?.independentAudit;
  if (audit) {
    const months = monthsOf(audit.every) as number;
    const note = isBusinessDay === undefined && audit.noticeWithin.unit === 'bd' ? assumedWeekdaysNote : undefined;
    for (let k = 0; ; k += 1) {
      const opensOn = addMonths(serviceStartOn, k * months);
      if (opensOn > serviceEndOn) break;
      const nextOpens = addMonths(serviceStartOn, (k + 1) * months);
      const closesOn = addDays(nextOpens, -1) > serviceEndOn ? serviceEndOn : addDays(nextOpens, -1);
      const noticeBy =
        audit.noticeWithin.unit === 'bd'
          ? latestDayBeforeBusinessDays(closesOn, audit.noticeWithin.amount, predicate, audit.calendar)
          : addCalendarDuration(closesOn, audit.noticeWithin, -1);
      const window = `audit window ${k + 1} (${opensOn} to ${closesOn})`;
      dates.push(keyDate({ on: opensOn, kind: 'audit-window-opens', label: `Independent ${window} opens`, reason: `one audit every ${describeDuration(audit.every)} from ${serviceStartOn}`, clause: 'sla.reporting.independentAudit.every' }));
      dates.push(
        keyDate(
          { on: noticeBy, kind: 'audit-notice-deadline', label: `Last day to give audit notice for an audit inside ${window}`, reason: `${describeDuration(audit.noticeWithin)} of notice must end by ${closesOn}`, clause: 'sla.reporting.independentAudit.noticeWithin' },
          note,
        ),
      );
      dates.push(keyDate({ on: closesOn, kind: 'audit-window-closes', label: `Independent ${window} closes`, reason: `the day before the next window opens (${nextOpens})`, clause: 'sla.reporting.independentAudit.every' }));
    }
  }
  return dates;
}
