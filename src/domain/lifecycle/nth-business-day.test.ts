import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayNumberOf, localDateOfDayNumber } from '../time/local-date.js';
import { firstBusinessDayFrom, isMondayToFriday, latestDayBeforeBusinessDays, nthBusinessDayAfter } from './nth-business-day.js';
import { isNorthstarBusinessDay } from './test-support/contracts.js';

describe('nthBusinessDayAfter', () => {
  it('counts the day itself as day 0: 5 business days after Sunday 2027-01-31 is Friday 2027-02-05', () => {
    expect(nthBusinessDayAfter('2027-01-31', 5, isMondayToFriday)).toBe('2027-02-05');
    expect(nthBusinessDayAfter('2027-01-31', 0, isMondayToFriday)).toBe('2027-01-31');
  });

  it('skips holidays of the calendar it is given: 5 after 2027-05-31 (Memorial Day) is 2027-06-07', () => {
    expect(nthBusinessDayAfter('2027-05-31', 5, isNorthstarBusinessDay)).toBe('2027-06-07');
    // 2027-11-25 and 26 are Thanksgiving: 3 business days after Wednesday 24th is Wednesday 1 December.
    expect(nthBusinessDayAfter('2027-11-24', 3, isNorthstarBusinessDay)).toBe('2027-12-01');
  });

  it('passes the calendar name through to the predicate', () => {
    const seen: (string | undefined)[] = [];
    nthBusinessDayAfter('2027-03-01', 1, (date, calendar) => (seen.push(calendar), true), 'lab-hours');
    expect(seen).toEqual(['lab-hours']);
  });

  it('refuses a calendar with no open day instead of looping for ever', () => {
    expect(() => nthBusinessDayAfter('2027-03-01', 1, () => false)).toThrow('no business day within ten years');
  });
});

describe('latestDayBeforeBusinessDays', () => {
  it('gives the latest day from which n business days still end by the date', () => {
    expect(latestDayBeforeBusinessDays('2027-12-31', 15, isMondayToFriday)).toBe('2027-12-12');
    // 2027-12-24 and 2027-12-31 are closed on the business calendar: two more days back.
    expect(latestDayBeforeBusinessDays('2027-12-31', 15, isNorthstarBusinessDay)).toBe('2027-12-08');
    expect(nthBusinessDayAfter('2027-12-08', 15, isNorthstarBusinessDay)).toBe('2027-12-30');
  });

  it('is the latest such day: from it n business days end by the date, from the day after they do not', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumberOf('2027-01-01'), max: dayNumberOf('2029-12-31') }), fc.integer({ min: 1, max: 30 }), (day, n) => {
        const date = localDateOfDayNumber(day);
        const on = latestDayBeforeBusinessDays(date, n, isNorthstarBusinessDay);
        expect(nthBusinessDayAfter(on, n, isNorthstarBusinessDay) <= date).toBe(true);
        expect(nthBusinessDayAfter(addDays(on, 1), n, isNorthstarBusinessDay) > date).toBe(true);
      }),
    );
  });
});

describe('firstBusinessDayFrom', () => {
  it('keeps an open day and moves a closed one forward', () => {
    expect(firstBusinessDayFrom('2027-03-01', isMondayToFriday)).toBe('2027-03-01');
    expect(firstBusinessDayFrom('2027-05-01', isMondayToFriday)).toBe('2027-05-03');
    expect(firstBusinessDayFrom('2028-01-01', isNorthstarBusinessDay)).toBe('2028-01-03');
  });
});
