import type { LocalDate } from '../time/local-date.js';
import { joinNotes, weekendNote } from './weekend-note.js';

export const keyDateKinds = [
  'term-start',
  'renewal-start',
  'opt-out-deadline',
  'convenience-notice-deadline',
  'term-end',
  'invoice-issue',
  'invoice-due',
  'vendor-report-due',
  'audit-window-opens',
  'audit-notice-deadline',
  'audit-window-closes',
  'insurance-certificate-expires',
  'data-access-review',
] as const;
export type KeyDateKind = (typeof keyDateKinds)[number];

/** One date the contract creates, with the clause it comes from. */
export interface KeyDate {
  readonly on: LocalDate;
  readonly kind: KeyDateKind;
  /** What happens: `'Last day to opt out of renewal 1'`. */
  readonly label: string;
  /** How the date was computed, in words with the numbers. */
  readonly reason: string;
  /** Field path of the clause: `'term.renewal.optOutNotice'`. */
  readonly clause: string;
  /** A caution: a weekend deadline, an assumed calendar, a renewal that may be stopped. */
  readonly note?: string;
}

/** Kinds that are starts of something (a weekend start needs no warning); every other kind is a deadline or an end. */
const startKinds: ReadonlySet<KeyDateKind> = new Set(['term-start', 'renewal-start', 'audit-window-opens']);

/**
 * A key date, with the weekend note added when a deadline or end falls on a Saturday or Sunday:
 * `keyDate({ on: '2027-10-02', kind: 'opt-out-deadline', ... }).note` starts `'2027-10-02 is a Saturday'`.
 */
export function keyDate(date: Omit<KeyDate, 'note'>, note?: string): KeyDate {
  const combined = joinNotes([note, startKinds.has(date.kind) ? undefined : weekendNote(date.on)]);
  return combined === undefined ? date : { ...date, note: combined };
}

/** Sort order: by date, then in the order of `keyDateKinds` (a term end before the invoice issued that day), then label. */
export function compareKeyDates(a: KeyDate, b: KeyDate): number {
  if (a.on !== b.on) return a.on < b.on ? -1 : 1;
  const kind = keyDateKinds.indexOf(a.kind) - keyDateKinds.indexOf(b.kind);
  return kind !== 0 ? kind : a.label < b.label ? -1 : a.label > b.label ? 1 : 0;
}
