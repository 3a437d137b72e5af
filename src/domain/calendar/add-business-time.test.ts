import { describe, expect, it } from 'vitest';
import { isSupportPactError } from '../errors/index.js';
import { addBusinessTime } from './add-business-time.js';
import { createCalendar } from './create-calendar.js';
import { kolkataOffice, losAngelesAlways, losAngelesNights, losAngelesOffice, weekdayNights } from './test-support/fixtures.js';

const office = createCalendar(losAngelesOffice);
const officeClosingTime = createCalendar({ ...losAngelesOffice, dueAtClosingTime: 'closing-time' });
const hours = 3600;

describe('addBusinessTime', () => {
  it('counts only open hours: Monday 17:00 + 2 h is Tuesday 09:00', () => {
    expect(addBusinessTime(office, '2027-03-15T17:00:00-07:00', 2 * hours)).toEqual(new Date('2027-03-16T09:00:00-07:00'));
  });

  it('counts real seconds across DST start in Los Angeles: 01:30 PST + 1 h on 2027-03-14 is 03:30 PDT', () => {
    const always = createCalendar(losAngelesAlways);
    expect(addBusinessTime(always, '2027-03-14T01:30:00-08:00', hours)).toEqual(new Date('2027-03-14T03:30:00-07:00'));
  });

  it('counts the repeated hour at DST end in Los Angeles: 00:30 PDT + 2 h on 2027-11-07 is 01:30 PST', () => {
    const always = createCalendar(losAngelesAlways);
    expect(addBusinessTime(always, '2027-11-07T00:30:00-07:00', 2 * hours)).toEqual(new Date('2027-11-07T01:30:00-08:00'));
  });

  it('counts real seconds across DST start and end in Berlin inside open hours (Sunday 00:00-06:00)', () => {
    const berlin = createCalendar({ timezone: 'Europe/Berlin', hours: { sun: ['00:00-06:00'] } });
    expect(addBusinessTime(berlin, '2027-03-28T01:30:00+01:00', hours)).toEqual(new Date('2027-03-28T03:30:00+02:00'));
    expect(addBusinessTime(berlin, '2027-10-31T02:30:00+02:00', hours)).toEqual(new Date('2027-10-31T02:30:00+01:00'));
  });

  it('opens at the end of the skipped hour when an opening falls inside it (02:30 on 2027-03-14 opens at 03:00 PDT)', () => {
    const gap = createCalendar({ timezone: 'America/Los_Angeles', hours: { sun: ['02:30-10:00'] } });
    expect(addBusinessTime(gap, '2027-03-14T01:00:00-08:00', 0)).toEqual(new Date('2027-03-14T03:00:00-07:00'));
  });

  it('works in a half-hour zone: Kolkata 17:00 + 1 h is 09:30 the next day', () => {
    const kolkata = createCalendar(kolkataOffice);
    expect(addBusinessTime(kolkata, '2027-03-15T17:00:00+05:30', hours)).toEqual(new Date('2027-03-16T09:30:00+05:30'));
  });

  it('skips a public holiday and its observed substitute day (Sunday 2027-07-04 is observed Monday 2027-07-05 in US-CA)', () => {
    expect(addBusinessTime(office, '2027-07-02T17:00:00-07:00', 2 * hours)).toEqual(new Date('2027-07-06T09:00:00-07:00'));
  });

  it('stays open on observances: Sunday 2027-02-14 (Valentine\'s Day) counts on a mon-sun calendar', () => {
    const everyDay = createCalendar({ ...losAngelesOffice, hours: { 'mon-sun': ['08:00-18:00'] }, dueAtClosingTime: 'closing-time' });
    expect(addBusinessTime(everyDay, '2027-02-14T08:00:00-08:00', hours)).toEqual(new Date('2027-02-14T09:00:00-08:00'));
    // Monday 2027-02-15 is Presidents' Day (public): 10 h from Sunday 08:00 end at Sunday's closing.
    expect(addBusinessTime(everyDay, '2027-02-14T08:00:00-08:00', 10 * hours)).toEqual(new Date('2027-02-14T18:00:00-08:00'));
  });

  it('counts a shift across midnight: Monday 23:00 + 2 h on 22:00-06:00 is Tuesday 01:00', () => {
    const nights = createCalendar(weekdayNights);
    expect(addBusinessTime(nights, '2027-03-15T23:00:00-07:00', 2 * hours)).toEqual(new Date('2027-03-16T01:00:00-07:00'));
    // Friday 05:00 is in Thursday's shift: 1 h to 06:00, then Friday's shift from 22:00.
    expect(addBusinessTime(nights, '2027-03-19T05:00:00-07:00', 2 * hours)).toEqual(new Date('2027-03-19T23:00:00-07:00'));
  });

  it('lets a holiday close the after-midnight part of the shift before it (Memorial Day, Monday 2027-05-31)', () => {
    const nights = createCalendar(losAngelesNights);
    // Sunday 22:00-24:00 counts; all of Monday 05-31 is closed; Tuesday 00:00-06:00 (Monday's shift) counts again.
    expect(addBusinessTime(nights, '2027-05-30T23:00:00-07:00', 2 * hours)).toEqual(new Date('2027-06-01T01:00:00-07:00'));
  });

  it('crosses a month end: Friday 2027-04-30 17:00 + 2 h is Monday 2027-05-03 09:00', () => {
    expect(addBusinessTime(office, '2027-04-30T17:00:00-07:00', 2 * hours)).toEqual(new Date('2027-05-03T09:00:00-07:00'));
  });

  it('crosses a leap day: Monday 2028-02-28 17:00 + 2 h is Tuesday 2028-02-29 09:00', () => {
    expect(addBusinessTime(office, '2028-02-28T17:00:00-08:00', 2 * hours)).toEqual(new Date('2028-02-29T09:00:00-08:00'));
  });

  it('ends a 24:00 range at midnight, which is a closing unless the next day opens at 00:00', () => {
    const evenings = { timezone: 'America/Los_Angeles', hours: { 'mon-fri': ['18:00-24:00'] } };
    expect(addBusinessTime(createCalendar(evenings), '2027-03-15T23:00:00-07:00', hours)).toEqual(new Date('2027-03-16T18:00:00-07:00'));
    expect(addBusinessTime(createCalendar({ ...evenings, dueAtClosingTime: 'closing-time' }), '2027-03-15T23:00:00-07:00', hours)).toEqual(
      new Date('2027-03-16T00:00:00-07:00'),
    );
    expect(addBusinessTime(createCalendar(losAngelesAlways), '2027-03-15T23:00:00-07:00', hours)).toEqual(new Date('2027-03-16T00:00:00-07:00'));
  });

  it('skips a closure date: Tuesday 17:00 + 2 h with Wednesday 2027-03-17 closed is Thursday 09:00', () => {
    const closed = createCalendar({ timezone: 'America/Los_Angeles', hours: { 'mon-fri': ['08:00-18:00'] }, closures: ['2027-03-17'] });
    expect(addBusinessTime(closed, '2027-03-16T17:00:00-07:00', 2 * hours)).toEqual(new Date('2027-03-18T09:00:00-07:00'));
  });

  it('gives the next opening when adding 0 from a closed instant, and the instant itself from an open one', () => {
    expect(addBusinessTime(office, '2027-03-13T10:00:00-08:00', 0)).toEqual(new Date('2027-03-15T08:00:00-07:00'));
    expect(addBusinessTime(office, '2027-03-15T09:00:00-07:00', 0)).toEqual(new Date('2027-03-15T09:00:00-07:00'));
    // A closing instant is closed ([08:00, 18:00) is half-open), in either mode.
    expect(addBusinessTime(officeClosingTime, '2027-03-15T18:00:00-07:00', 0)).toEqual(new Date('2027-03-16T08:00:00-07:00'));
  });

  it('shows a target used up exactly at a closing as the next opening (next-opening) or the closing (closing-time)', () => {
    expect(addBusinessTime(office, '2027-03-15T16:00:00-07:00', 2 * hours)).toEqual(new Date('2027-03-16T08:00:00-07:00'));
    expect(addBusinessTime(officeClosingTime, '2027-03-15T16:00:00-07:00', 2 * hours)).toEqual(new Date('2027-03-15T18:00:00-07:00'));
  });

  it('walks back for a negative amount and returns the opening when it lands in a closed gap', () => {
    expect(addBusinessTime(office, '2027-03-16T10:00:00-07:00', -2 * hours)).toEqual(new Date('2027-03-16T08:00:00-07:00'));
    expect(addBusinessTime(office, '2027-03-16T10:00:00-07:00', -3 * hours)).toEqual(new Date('2027-03-15T17:00:00-07:00'));
    expect(addBusinessTime(office, '2027-03-13T10:00:00-08:00', -hours)).toEqual(new Date('2027-03-12T17:00:00-08:00'));
  });

  it('reads a string without an offset as wall time in the calendar\'s zone', () => {
    expect(addBusinessTime(office, '2027-03-15T17:00', 2 * hours)).toEqual(new Date('2027-03-16T09:00:00-07:00'));
    // With `Z` the text is absolute: 2027-03-16T00:00Z is Monday 17:00 PDT.
    expect(addBusinessTime(office, '2027-03-16T00:00:00Z', 2 * hours)).toEqual(new Date('2027-03-16T09:00:00-07:00'));
  });

  it('truncates sub-second input down to the second, and a fractional amount toward zero', () => {
    expect(addBusinessTime(office, new Date('2027-03-15T09:00:00.999-07:00'), 0)).toEqual(new Date('2027-03-15T09:00:00-07:00'));
    expect(addBusinessTime(office, '2027-03-15T09:00:00.5-07:00', 1.9)).toEqual(new Date('2027-03-15T09:00:01-07:00'));
  });

  it('rejects a malformed string with INSTANT_INVALID naming the text', () => {
    const attempt = (): Date => addBusinessTime(office, '2027-03-15 nine o\'clock', hours);
    expect(attempt).toThrow(/2027-03-15 nine o'clock/);
    try {
      attempt();
    } catch (error) {
      expect(isSupportPactError(error) && error.code).toBe('INSTANT_INVALID');
    }
    expect(() => addBusinessTime(office, new Date('not a date'), hours)).toThrow(/Invalid Date/);
  });

  it('does not count paused open time, and a pause while closed changes nothing', () => {
    expect(addBusinessTime(office, '2027-03-15T09:00:00-07:00', 2 * hours, { pauses: [['2027-03-15T10:00:00-07:00', '2027-03-15T11:00:00-07:00']] })).toEqual(
      new Date('2027-03-15T12:00:00-07:00'),
    );
    expect(addBusinessTime(office, '2027-03-12T17:00:00-08:00', 2 * hours, { pauses: [['2027-03-13T00:00', '2027-03-15T08:00']] })).toEqual(
      new Date('2027-03-15T09:00:00-07:00'),
    );
    // Overlapping pauses 10:00-11:00 and 10:30-11:30 pause 1.5 h.
    const overlapping = { pauses: [['2027-03-15T10:00', '2027-03-15T11:00'], [new Date('2027-03-15T10:30:00-07:00'), '2027-03-15T11:30']] } as const;
    expect(addBusinessTime(office, '2027-03-15T09:00', 2 * hours, overlapping)).toEqual(new Date('2027-03-15T12:30:00-07:00'));
  });
});
