import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDuration, type Duration } from '../time/duration.js';
import { addDays, localDateOfDayNumber, dayNumberOf } from '../time/local-date.js';
import { noticeEffectiveOn, optOutDeadlineOn, termEndOn } from './term-dates.js';

const d = (text: string): Duration => parseDuration(text)!;

describe('termEndOn', () => {
  it('ends a 24-month term from 2027-01-01 on 2028-12-31 (inclusive end)', () => {
    expect(termEndOn('2027-01-01', d('24mo'))).toBe('2028-12-31');
  });

  it('ends a one-month term from the 31st on the last day of February', () => {
    // There is no 31 February, so the anniversary is 1 March and the last day is 28 (or 29) February.
    expect(termEndOn('2027-01-31', d('1mo'))).toBe('2027-02-28');
    expect(termEndOn('2028-01-31', d('1mo'))).toBe('2028-02-29');
    expect(termEndOn('2027-01-30', d('1mo'))).toBe('2027-02-28');
    expect(termEndOn('2027-03-31', d('1mo'))).toBe('2027-04-30');
  });

  it('handles 29 February: a year from 2028-02-29 ends 2029-02-28, four years ends 2032-02-28', () => {
    expect(termEndOn('2028-02-29', d('12mo'))).toBe('2029-02-28');
    expect(termEndOn('2028-02-29', d('4y'))).toBe('2032-02-28');
  });

  it('counts days: 365d from 2028-01-01 (a leap year) ends 2028-12-30', () => {
    expect(termEndOn('2028-01-01', d('365d'))).toBe('2028-12-30');
  });
});

describe('optOutDeadlineOn', () => {
  it('gives 2028-11-02 for a term ending 2028-12-31 with 60 days of notice', () => {
    expect(optOutDeadlineOn('2028-12-31', d('60d'))).toBe('2028-11-02');
  });

  it('counts months back from the day after the end: 2mo before 2029-03-01 is 2029-01-01', () => {
    expect(optOutDeadlineOn('2029-02-28', d('2mo'))).toBe('2029-01-01');
  });

  it('never lets notice given on the deadline run past the day after the term end', () => {
    const notice = fc.oneof(
      fc.integer({ min: 0, max: 400 }).map((n) => `${n}d`),
      fc.integer({ min: 1, max: 36 }).map((n) => `${n}mo`),
      fc.integer({ min: 1, max: 5 }).map((n) => `${n}y`),
    );
    const length = fc.oneof(fc.integer({ min: 1, max: 120 }).map((n) => `${n}mo`), fc.integer({ min: 1, max: 2000 }).map((n) => `${n}d`), fc.integer({ min: 1, max: 10 }).map((n) => `${n}y`));
    // Starts from 1990 to 2100, so month ends, 29 February and century years all occur.
    const start = fc.integer({ min: dayNumberOf('1990-01-01'), max: dayNumberOf('2100-12-31') }).map(localDateOfDayNumber);
    fc.assert(
      fc.property(start, length, notice, (startOn, lengthText, noticeText) => {
        const end = termEndOn(startOn, d(lengthText));
        const deadline = optOutDeadlineOn(end, d(noticeText));
        expect(noticeEffectiveOn(deadline, d(noticeText)) <= addDays(end, 1)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('noticeEffectiveOn', () => {
  it('makes 30 days of notice given on 2027-03-01 take effect on 2027-03-31', () => {
    expect(noticeEffectiveOn('2027-03-01', d('30d'))).toBe('2027-03-31');
  });

  it('clamps a month of notice given on 2027-01-31 to 2027-02-28', () => {
    expect(noticeEffectiveOn('2027-01-31', d('1mo'))).toBe('2027-02-28');
  });
});
