import type { Contract } from '../schema/contract-schema.js';
import type { CalendarSpecification } from '../schema/calendars.js';
import { describeCalendar, describeHours } from '../describe/describe-calendar.js';
import type { ContractChange } from './contract-change.js';
import { recordChanges } from './change-recorder.js';
import { matchRecords } from './match-items.js';
import { dateKind, setKind, textKind, type ValueKind } from './value-kinds.js';

/** The file's identity: id, title, currency, zone and signature date; a new `signed` date reads `Added signature date: 2027-02-01`. */
export function diffGeneral(before: Contract, after: Contract): ContractChange[] {
  const r = recordChanges('general');
  r.field('id', 'Contract id', textKind, before.id, after.id);
  r.field('title', 'Title', textKind, before.title, after.title);
  r.field('currency', 'Currency', textKind, before.currency, after.currency);
  r.field('timezone', 'Time zone', textKind, before.timezone, after.timezone);
  r.field('signed', 'Signature date', dateKind, before.signed, after.signed);
  return r.changes;
}

/** Names, addresses and contacts of client and vendor: `Vendor name: Northstar Support LLC -> Northstar Support Inc.`. */
export function diffParties(before: Contract, after: Contract): ContractChange[] {
  const r = recordChanges('parties');
  for (const role of ['client', 'vendor'] as const) {
    const [o, n] = [before.parties[role], after.parties[role]];
    const who = role === 'client' ? 'Client' : 'Vendor';
    r.field(`parties.${role}.name`, `${who} name`, textKind, o.name, n.name);
    r.field(`parties.${role}.address`, `${who} address`, textKind, o.address, n.address);
    r.field(`parties.${role}.contact`, `${who} contact`, textKind, o.contact, n.contact);
  }
  return r.changes;
}

const dayIndex: Record<string, number> = { mon: 0, tue: 1, wed: 2, thu: 3, fri: 4, sat: 5, sun: 6 };
const minutesPerWeek = 7 * 1440;

/** The open minutes of a week, Monday 00:00 first; `22:00-06:00` runs into the next day. */
function openMinutes(hours: Readonly<Record<string, readonly string[]>>): Uint8Array {
  const open = new Uint8Array(minutesPerWeek);
  for (const [key, ranges] of Object.entries(hours)) {
    const [first = 'mon', last = first] = key.split('-');
    const [from, to] = [dayIndex[first] ?? 0, dayIndex[last] ?? 0];
    const days = Array.from({ length: ((to - from + 7) % 7) + 1 }, (_, i) => (from + i) % 7);
    for (const range of ranges) {
      const [start = 0, end = 0] = range.split('-').map((t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5)));
      const length = end > start ? end - start : end + 1440 - start;
      for (const day of days) for (let m = 0; m < length; m++) open[(day * 1440 + start + m) % minutesPerWeek] = 1;
    }
  }
  return open;
}

/**
 * Weekly hours compare by the minutes they open: `mon-fri: ["08:00-18:00"]` equals the same
 * hours written day by day, and adding Saturday is "more" (targets elapse sooner, channels are
 * staffed longer: better for the client).
 */
export const hoursKind: ValueKind<Readonly<Record<string, string[]>>> = {
  format: (hours) => describeHours({ timezone: 'UTC', hours }),
  compare: (a, b) => {
    const [x, y] = [openMinutes(a), openMinutes(b)];
    let [more, less] = [false, false];
    for (let i = 0; i < minutesPerWeek; i++) {
      if (y[i] && !x[i]) more = true;
      if (x[i] && !y[i]) less = true;
    }
    return more && less ? undefined : more ? -1 : less ? 1 : 0;
  },
};

/**
 * Whether calendar `b` is open more (-1), less (1) or as much (0) as `a`; `undefined` when that
 * is unclear (hours that overlap both ways, different holidays, closures or zone, or a calendar
 * that is missing): Mon-Fri 08-18 against Mon-Sat 08-18 with the same holidays is -1.
 */
export function compareCalendarOpenness(a: CalendarSpecification | undefined, b: CalendarSpecification | undefined): number | undefined {
  if (!a || !b || a.timezone !== b.timezone) return undefined;
  // More holidays or closures close the calendar more: their order counts the other way round.
  const orders = [hoursKind.compare(a.hours, b.hours), setKind().compare(b.holidays ?? [], a.holidays ?? []), setKind().compare(b.closures ?? [], a.closures ?? [])];
  if (orders.includes(undefined)) return undefined;
  const signs = new Set(orders.filter((o) => o !== 0));
  return signs.size === 0 ? 0 : signs.size === 1 ? [...signs][0] : undefined;
}

/** Business calendars: hours, holidays and closures; adding a closure on 2027-11-26 reads `Calendar business closures: added 2027-11-26` and favours the vendor. */
export function diffCalendars(before: Contract, after: Contract): ContractChange[] {
  const r = recordChanges('calendars');
  for (const { key, old: o, new: n } of matchRecords<CalendarSpecification>(before.calendars, after.calendars)) {
    const path = `calendars.${key}`;
    const label = `Calendar ${key}`;
    if (!o || !n) {
      r.item(path, label, o && describeCalendar(o), n && describeCalendar(n));
      continue;
    }
    r.field(`${path}.timezone`, `${label} time zone`, textKind, o.timezone, n.timezone);
    r.field(`${path}.hours`, `${label} hours`, hoursKind, o.hours, n.hours, { higher: 'client' });
    // More holidays or closures mean fewer open hours: better for the vendor.
    r.field(`${path}.holidays`, `${label} holidays`, setKind(), o.holidays ?? [], n.holidays ?? [], { higher: 'vendor' });
    r.field(`${path}.closures`, `${label} closures`, setKind(), o.closures ?? [], n.closures ?? [], { higher: 'vendor' });
  }
  return r.changes;
}
