import { describe, expect, it } from 'vitest';
import { CalendarOracle } from './oracle.js';
import { epochOf, losAngelesAlways, losAngelesOffice, weekdayNights } from './fixtures.js';

/** The oracle must itself be right on hand-worked cases, or agreeing with it proves nothing. */
describe('CalendarOracle', () => {
  const office = new CalendarOracle(losAngelesOffice);

  it('decides open instants from wall time, weekday, holidays and closures', () => {
    expect(office.isOpenAt(epochOf('2027-03-15T08:00:00-07:00'))).toBe(true);
    expect(office.isOpenAt(epochOf('2027-03-15T18:00:00-07:00'))).toBe(false);
    expect(office.isOpenAt(epochOf('2027-03-13T10:00:00-08:00'))).toBe(false);
    expect(office.isOpenAt(epochOf('2027-07-05T10:00:00-07:00'))).toBe(false);
  });

  it('counts real seconds on DST days', () => {
    const always = new CalendarOracle(losAngelesAlways);
    expect(always.between(epochOf('2027-03-14T00:00:00-08:00'), epochOf('2027-03-15T00:00:00-07:00'))).toBe(23 * 3600);
    expect(always.between(epochOf('2027-11-07T00:00:00-07:00'), epochOf('2027-11-08T00:00:00-08:00'))).toBe(25 * 3600);
  });

  it('adds forwards with both closing conventions, backwards, and around pauses', () => {
    expect(office.add(epochOf('2027-03-15T16:00:00-07:00'), 7200)).toBe(epochOf('2027-03-16T08:00:00-07:00'));
    const closingTime = new CalendarOracle({ ...losAngelesOffice, dueAtClosingTime: 'closing-time' });
    expect(closingTime.add(epochOf('2027-03-15T16:00:00-07:00'), 7200)).toBe(epochOf('2027-03-15T18:00:00-07:00'));
    expect(office.add(epochOf('2027-03-16T10:00:00-07:00'), -7200)).toBe(epochOf('2027-03-16T08:00:00-07:00'));
    const pause: [number, number] = [epochOf('2027-03-15T10:00:00-07:00'), epochOf('2027-03-15T11:00:00-07:00')];
    expect(office.add(epochOf('2027-03-15T09:00:00-07:00'), 7200, [pause])).toBe(epochOf('2027-03-15T12:00:00-07:00'));
    expect(office.between(epochOf('2027-03-15T09:00:00-07:00'), epochOf('2027-03-15T12:00:00-07:00'), [pause, pause])).toBe(7200);
  });

  it('finds business-day closings, overnight ones on the next date', () => {
    expect(office.closingOfBusinessDay(epochOf('2027-03-13T10:00:00-08:00'), 1)).toBe(epochOf('2027-03-16T18:00:00-07:00'));
    const nights = new CalendarOracle(weekdayNights);
    expect(nights.closingOfBusinessDay(epochOf('2027-03-15T23:00:00-07:00'), 0)).toBe(epochOf('2027-03-16T06:00:00-07:00'));
  });
});
