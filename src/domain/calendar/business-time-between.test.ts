import { describe, expect, it } from 'vitest';
import { businessTimeBetween } from './business-time-between.js';
import { createCalendar } from './create-calendar.js';
import { kolkataOffice, losAngelesAlways, losAngelesNights, losAngelesOffice, weekdayNights } from './test-support/fixtures.js';

const office = createCalendar(losAngelesOffice);
const hours = 3600;

describe('businessTimeBetween', () => {
  it('counts open seconds in [from, to): Monday 17:00 to Tuesday 09:00 is 2 h', () => {
    expect(businessTimeBetween(office, '2027-03-15T17:00:00-07:00', '2027-03-16T09:00:00-07:00')).toBe(2 * hours);
  });

  it('is 0 when to is not after from', () => {
    expect(businessTimeBetween(office, '2027-03-16T09:00:00-07:00', '2027-03-15T17:00:00-07:00')).toBe(0);
    expect(businessTimeBetween(office, '2027-03-16T09:00:00-07:00', '2027-03-16T09:00:00-07:00')).toBe(0);
  });

  it('gives a 00:00-24:00 Sunday 23 open hours at DST start (2027-03-14) and 25 at DST end (2027-11-07) in Los Angeles', () => {
    const always = createCalendar(losAngelesAlways);
    expect(businessTimeBetween(always, '2027-03-14T00:00', '2027-03-15T00:00')).toBe(23 * hours);
    expect(businessTimeBetween(always, '2027-11-07T00:00', '2027-11-08T00:00')).toBe(25 * hours);
  });

  it('gives Berlin\'s Sunday 00:00-06:00 5 h at DST start (2027-03-28) and 7 h at DST end (2027-10-31)', () => {
    const berlin = createCalendar({ timezone: 'Europe/Berlin', hours: { sun: ['00:00-06:00'] } });
    expect(businessTimeBetween(berlin, '2027-03-28T00:00', '2027-03-29T00:00')).toBe(5 * hours);
    expect(businessTimeBetween(berlin, '2027-10-31T00:00', '2027-11-01T00:00')).toBe(7 * hours);
  });

  it('counts both passes of the repeated hour when a range ends inside it (00:00-01:30 on 2027-11-07 is 2 h)', () => {
    const early = createCalendar({ timezone: 'America/Los_Angeles', hours: { sun: ['00:00-01:30'] } });
    expect(businessTimeBetween(early, '2027-11-07T00:00', '2027-11-08T00:00')).toBe(2 * hours);
  });

  it('opens at the end of the skipped hour when an opening falls inside it (02:30-10:00 on 2027-03-14 is 7 h)', () => {
    const gap = createCalendar({ timezone: 'America/Los_Angeles', hours: { sun: ['02:30-10:00'] } });
    expect(businessTimeBetween(gap, '2027-03-14T00:00', '2027-03-15T00:00')).toBe(7 * hours);
  });

  it('works in half-hour zones: a Kolkata week of 09:00-17:30 is 42.5 h; Adelaide\'s DST end day (2027-04-04) has 25 h', () => {
    expect(businessTimeBetween(createCalendar(kolkataOffice), '2027-03-15T00:00', '2027-03-22T00:00')).toBe(42.5 * hours);
    const adelaide = createCalendar({ timezone: 'Australia/Adelaide', hours: { 'mon-sun': ['00:00-24:00'] } });
    expect(businessTimeBetween(adelaide, '2027-04-04T00:00', '2027-04-05T00:00')).toBe(25 * hours);
    expect(businessTimeBetween(adelaide, '2027-04-04T00:00+10:30', '2027-04-05T00:00+09:30')).toBe(25 * hours);
  });

  it('closes a public holiday and its observed substitute day: the week of 2027-07-05 has 4 open days', () => {
    expect(businessTimeBetween(office, '2027-07-03T00:00', '2027-07-10T00:00')).toBe(40 * hours);
  });

  it('keeps observances open: Sunday 2027-02-14 has 10 h on a mon-sun calendar, Presidents\' Day 2027-02-15 none', () => {
    const everyDay = createCalendar({ ...losAngelesOffice, hours: { 'mon-sun': ['08:00-18:00'] } });
    expect(businessTimeBetween(everyDay, '2027-02-14T00:00', '2027-02-15T00:00')).toBe(10 * hours);
    expect(businessTimeBetween(everyDay, '2027-02-15T00:00', '2027-02-16T00:00')).toBe(0);
  });

  it('counts a shift across midnight on the dates it covers: Friday to Monday of mon-fri 22:00-06:00 is 14 h', () => {
    // Friday 00:00-06:00 (Thursday's shift), Friday 22:00-24:00, Saturday 00:00-06:00.
    expect(businessTimeBetween(createCalendar(weekdayNights), '2027-03-19T00:00', '2027-03-22T00:00')).toBe(14 * hours);
  });

  it('lets a holiday close the after-midnight part of a shift that falls on it (2027-07-04 and 07-05 closed)', () => {
    // 07-03: 00-06 and 22-24 (8 h); 07-04 and 07-05: nothing; 07-06: 00-06 (Monday's shift) and 22-24 (8 h).
    expect(businessTimeBetween(createCalendar(losAngelesNights), '2027-07-03T00:00', '2027-07-07T00:00')).toBe(16 * hours);
  });

  it('crosses a month end and a leap day: February 2028 has 21 weekdays, 20 without Presidents\' Day', () => {
    const noHolidays = createCalendar({ timezone: 'America/Los_Angeles', hours: { 'mon-fri': ['08:00-18:00'] } });
    expect(businessTimeBetween(noHolidays, '2028-02-01T00:00', '2028-03-01T00:00')).toBe(210 * hours);
    expect(businessTimeBetween(office, '2028-02-01T00:00', '2028-03-01T00:00')).toBe(200 * hours);
    expect(businessTimeBetween(office, '2028-02-29T00:00', '2028-03-01T00:00')).toBe(10 * hours);
  });

  it('reads 24:00 as midnight at the end of the day: 18:00-24:00 is 6 h', () => {
    const evenings = createCalendar({ timezone: 'America/Los_Angeles', hours: { 'mon-fri': ['18:00-24:00'] } });
    expect(businessTimeBetween(evenings, '2027-03-15T00:00', '2027-03-16T00:00')).toBe(6 * hours);
  });

  it('closes a closure date: the week of 2027-03-15 with Wednesday closed has 40 h', () => {
    const closed = createCalendar({ timezone: 'America/Los_Angeles', hours: { 'mon-fri': ['08:00-18:00'] }, closures: ['2027-03-17'] });
    expect(businessTimeBetween(closed, '2027-03-15T00:00', '2027-03-22T00:00')).toBe(40 * hours);
  });

  it('subtracts paused open time once, even for overlapping pauses, and ignores pauses while closed', () => {
    const pauses = [
      ['2027-03-15T10:00', '2027-03-15T11:00'],
      ['2027-03-15T10:30', '2027-03-15T11:30'],
      ['2027-03-15T19:00', '2027-03-16T07:00'],
    ] as const;
    expect(businessTimeBetween(office, '2027-03-15T09:00', '2027-03-16T09:00', { pauses })).toBe(10 * hours - 1.5 * hours);
  });

  it('spans a century: 2000-01-01 to 2100-01-01 around the clock is 36525 days', () => {
    const always = createCalendar(losAngelesAlways);
    expect(businessTimeBetween(always, '2000-01-01T00:00', '2100-01-01T00:00')).toBe(36525 * 86400);
  });
});
