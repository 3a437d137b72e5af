import type { BusinessCalendar } from '../../domain/calendar/business-calendar.js';
import type { Contract } from '../../domain/contract/schema/contract-schema.js';
import { monthPeriod } from '../../domain/measures/month-period.js';
import type { Outage, VendorReportDelivery } from '../../domain/tickets/index.js';
import { formatLocalDate } from '../../domain/time/local-date.js';
import { sceneOfMonth } from './demo-scenes.js';
import type { RandomSource } from './random-source.js';
import type { ZoneClock } from './zone-clock.js';

/**
 * The outages of the contract's first availability target in each month, as the scenes
 * script them (service = the target's id, e.g. `phone-line`), up to `now`. None when the
 * contract measures no availability.
 */
export function planOutages(contract: Contract, months: readonly string[], clock: ZoneClock, now: number): Outage[] {
  const target = contract.sla?.availability?.[0];
  if (!target) return [];
  const outages: Outage[] = [];
  months.forEach((month, index) => {
    const [year, monthNumber] = month.split('-').map(Number) as [number, number];
    sceneOfMonth(index).outages.forEach((scene, k) => {
      const startAt = clock.instantOf(formatLocalDate(year, monthNumber, scene.day), scene.startSecondsOfDay);
      const endAt = startAt + scene.minutes * 60;
      if (endAt > now) return;
      outages.push({ id: `OUT-${month}-${k + 1}`, service: target.id, startAt, endAt, description: scene.description });
    });
  });
  return outages;
}

/**
 * Vendor report deliveries: each month's report on its 2nd to 4th business day of the next
 * month (the last month's on the 4th), or (scene `late`) on the business day after the due
 * one, at 09:00-16:59 local.
 * A report whose delivery would fall after `now` is not delivered yet: with the default now
 * (3rd business day after the last month) the last month's report is still to come.
 */
export function planVendorReports(contract: Contract, months: readonly string[], calendars: ReadonlyMap<string, BusinessCalendar>, clock: ZoneClock, now: number, random: RandomSource): VendorReportDelivery[] {
  const spec = contract.sla?.reporting?.vendorReport;
  if (!spec) return [];
  const calendar = spec.calendar ? calendars.get(spec.calendar) : undefined;
  const dueDays = spec.dueWithin.unit === 'bd' ? spec.dueWithin.amount : 5;
  const reports: VendorReportDelivery[] = [];
  months.forEach((month, index) => {
    const late = sceneOfMonth(index).report === 'late';
    // The last month's report comes on the 4th business day: after the default now (the 3rd).
    const onTimeDay = index === months.length - 1 ? Math.min(4, dueDays) : random.int(Math.min(2, dueDays), Math.min(4, dueDays));
    const businessDay = late ? dueDays + 1 : onTimeDay;
    const endAt = monthPeriod(month, contract.timezone).endAt;
    // closingOfBusinessDay counts day 0 as the first open day: the Nth business day is N - 1.
    const closing = calendar ? calendar.closingOfBusinessDay(endAt, businessDay - 1) : endAt + businessDay * 86_400;
    const deliveredAt = clock.instantOf(clock.localDateOf(closing - 1), random.int(9 * 3600, 17 * 3600 - 1));
    if (deliveredAt > now) return;
    reports.push({ id: `RPT-${month}`, month, deliveredAt });
  });
  return reports;
}
