import { weekdayOf, type LocalDate } from '../time/local-date.js';

/**
 * A note for a deadline or notice-period end that falls on a weekend; the date itself is
 * never moved (the contract counts calendar days): `weekendNote('2027-10-02')` is
 * `'2027-10-02 is a Saturday; the date stands as written (calendar days) and is not moved to a business day'`,
 * and a weekday gives `undefined`.
 */
export function weekendNote(date: LocalDate): string | undefined {
  const day = weekdayOf(date);
  if (day !== 'sat' && day !== 'sun') return undefined;
  return `${date} is a ${day === 'sat' ? 'Saturday' : 'Sunday'}; the date stands as written (calendar days) and is not moved to a business day`;
}

/** Joins the notes that apply, or `undefined` when none does: `joinNotes(['a', undefined, 'b'])` is `'a. b'`. */
export function joinNotes(notes: readonly (string | undefined)[]): string | undefined {
  const present = notes.filter((n): n is string => n !== undefined && n !== '');
  return present.length === 0 ? undefined : present.join('. ');
}
