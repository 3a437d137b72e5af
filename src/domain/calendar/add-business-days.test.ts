import { describe, expect, it } from 'vitest';
import { addBusinessDays } from './add-business-days.js';
import { createCalendar } from './create-calendar.js';
import { kolkataOffice, losAngelesAlways, losAngelesNights, losAngelesOffice, weekdayNights } from './test-support/fixtures.js';

const office = createCalendar(losAngelesOffice);

describe('addBusinessDays', () => {
  it('starts a ticket created on Saturday on Monday (day 0): 0 days close Monday 18:00, 1 day Tuesday 18:00', () => {
    expect(addBusinessDays(office, '2027-03-13T10:00', 0)).toEqual(new Date('2027-03-15T18:00:00-07:00'));
    expect(addBusinessDays(office, '2027-03-13T10:00', 1)).toEqual(new Date('2027-03-16T18:00:00-07:00'));
  });

  it('counts from the current date when the start is open, and moves to the next date when it is after closing', () => {
    expect(addBusinessDays(office, '2027-03-15T09:00', 2)).toEqual(new Date('2027-03-17T18:00:00-07:00'));
    expect(addBusinessDays(office, '2027-03-15T19:00', 0)).toEqual(new Date('2027-03-16T18:00:00-07:00'));
  });

  it('returns the closing whatever dueAtClosingTime says', () => {
    const closingTime = createCalendar({ ...losAngelesOffice, dueAtClosingTime: 'closing-time' });
    expect(addBusinessDays(office, '2027-03-15T09:00', 1)).toEqual(addBusinessDays(closingTime, '2027-03-15T09:00', 1));
  });

  it('skips holidays, observed substitute days and closures', () => {
    // Friday 2027-07-02; Monday 07-05 is Independence Day observed.
    expect(addBusinessDays(office, '2027-07-02T10:00', 1)).toEqual(new Date('2027-07-06T18:00:00-07:00'));
    const closed = createCalendar({ ...losAngelesOffice, closures: ['2027-03-16'] });
    expect(addBusinessDays(closed, '2027-03-15T10:00', 1)).toEqual(new Date('2027-03-17T18:00:00-07:00'));
  });

  it('closes an overnight shift on the next date: Monday 22:00-06:00 closes Tuesday 06:00', () => {
    const nights = createCalendar(weekdayNights);
    expect(addBusinessDays(nights, '2027-03-15T23:00', 0)).toEqual(new Date('2027-03-16T06:00:00-07:00'));
    expect(addBusinessDays(nights, '2027-03-15T12:00', 1)).toEqual(new Date('2027-03-17T06:00:00-07:00'));
  });

  it('counts a start in the after-midnight part from that local date: Tuesday 03:00 has day 0 Tuesday, closing Wednesday 06:00', () => {
    const nights = createCalendar(weekdayNights);
    expect(addBusinessDays(nights, '2027-03-16T03:00', 0)).toEqual(new Date('2027-03-17T06:00:00-07:00'));
    // Saturday 00:00-06:00 is Friday's shift: Saturday is an open date that closes at 06:00.
    expect(addBusinessDays(nights, '2027-03-20T03:00', 0)).toEqual(new Date('2027-03-20T06:00:00-07:00'));
  });

  it('ends the day at midnight when a holiday closes the after-midnight part (Memorial Day, Monday 2027-05-31)', () => {
    expect(addBusinessDays(createCalendar(losAngelesNights), '2027-05-30T23:00', 0)).toEqual(new Date('2027-05-31T00:00:00-07:00'));
  });

  it('closes a 00:00-24:00 day at its local midnight though the calendar stays open (23-hour 2027-03-14)', () => {
    expect(addBusinessDays(createCalendar(losAngelesAlways), '2027-03-14T10:00', 0)).toEqual(new Date('2027-03-15T00:00:00-07:00'));
    expect(addBusinessDays(createCalendar(losAngelesAlways), '2027-03-14T10:00', 1)).toEqual(new Date('2027-03-16T00:00:00-07:00'));
  });

  it('works in a half-hour zone and across a month end and a leap day', () => {
    expect(addBusinessDays(createCalendar(kolkataOffice), '2027-04-30T10:00', 1)).toEqual(new Date('2027-05-03T17:30:00+05:30'));
    expect(addBusinessDays(office, '2028-02-28T10:00', 1)).toEqual(new Date('2028-02-29T18:00:00-08:00'));
  });

  it('rejects a negative or fractional number of days', () => {
    expect(() => addBusinessDays(office, '2027-03-15T10:00', -1)).toThrow(RangeError);
    expect(() => addBusinessDays(office, '2027-03-15T10:00', 1.5)).toThrow(RangeError);
  });
});
