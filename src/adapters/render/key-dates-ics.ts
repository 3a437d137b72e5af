/**
 * The key dates as an iCalendar feed (RFC 5545) for a calendar app. Whole-day dates are
 * ALL-DAY events (`DTSTART;VALUE=DATE:20281102`, `DTEND` the next day, exclusive), so they
 * show on the contract's own date in any viewer's zone; instants (breach-notice deadlines)
 * are UTC date-times (`DTSTART:20270307T060000Z`). No `timezone` is given to ical-generator:
 * with plain `Date`s it would write wrong local times. UIDs are built from the contract,
 * kind, date and clause, so a re-subscribed or re-imported feed updates events rather than
 * duplicating them.
 */
import ical, { ICalEventTransparency } from 'ical-generator';
import type { ContractKeyDates } from '../../app/key-dates.js';
import { addDays, type LocalDate } from '../../domain/time/index.js';

/** Midnight UTC of a date: ical-generator writes an all-day `Date` with its UTC getters, so the date stays as written. */
function utcMidnight(date: LocalDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();
}

export interface KeyDatesIcsOptions {
  /** DTSTAMP of every event (epoch seconds): when the feed was produced. */
  readonly stampAt: number;
}

/** `renderKeyDatesIcs(result, { stampAt })` is the VCALENDAR text with one VEVENT per key date and deadline. */
export function renderKeyDatesIcs(result: ContractKeyDates, options: KeyDatesIcsOptions): string {
  const calendar = ical({ name: `${result.title} — key dates`, prodId: { company: 'SupportPact', product: 'key-dates', language: 'EN' } });
  const stamp = new Date(options.stampAt * 1000);
  const domain = `${slug(result.contractId)}.supportpact`;
  const seen = new Map<string, number>();
  for (const d of result.dates) {
    const base = `${d.kind}-${d.on}-${slug(d.clause)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    calendar.createEvent({
      id: `${base}${n > 1 ? `-${n}` : ''}@${domain}`,
      allDay: true,
      start: utcMidnight(d.on),
      end: utcMidnight(addDays(d.on, 1)),
      // A deadline is a reminder, not a meeting: it does not mark the day busy.
      transparency: ICalEventTransparency.TRANSPARENT,
      stamp,
      summary: d.label,
      description: [d.reason, `Clause: ${d.clause}`, d.note].filter(Boolean).join('\n'),
    });
  }
  for (const d of result.deadlines) {
    calendar.createEvent({
      id: `breach-${slug(d.key)}@${domain}`,
      // A moment, not a span: no DTEND (RFC 5545 wants DTEND after DTSTART; without it the event ends as it starts).
      start: new Date(d.at * 1000),
      stamp,
      summary: `${d.label} (due by this time)`,
      description: [d.reason, `Clause: ${d.clause}`, `Status: ${d.status}`].join('\n'),
    });
  }
  return calendar.toString();
}
