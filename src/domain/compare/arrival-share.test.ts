import { describe, expect, it } from 'vitest';
import { createCalendar } from '../calendar/create-calendar.js';
import { evenArrivals, shareOutsideCalendar } from './arrival-share.js';

const zone = 'America/Los_Angeles';
const business = createCalendar({ timezone: zone, hours: { 'mon-fri': ['08:00-18:00'] } });

describe('shareOutsideCalendar', () => {
  it('counts each day by its own length: March 2027 in Los Angeles has 23 open weekdays of 10 hours and a 23-hour Sunday (DST)', () => {
    // Each day carries the same weight; weekdays are 10/24 open, weekends closed: 1 - 23 × 10/24 / 31.
    expect(shareOutsideCalendar(business, zone, evenArrivals, '2027-03')).toBeCloseTo(1 - (23 * 10) / 24 / 31, 10);
  });

  it('follows the arrival profile: tickets only 09:00-17:00 on weekdays never arrive outside Mon-Fri 08:00-18:00', () => {
    const office = [{ days: [0, 1, 2, 3, 4], fromMinute: 540, toMinute: 1020, weight: 1 }];
    expect(shareOutsideCalendar(business, zone, office, '2027-06')).toBe(0);
  });

  it('counts a holiday as closed and reads a range across midnight into the next day', () => {
    const withHoliday = createCalendar({ timezone: zone, hours: { 'mon-fri': ['08:00-18:00'] }, holidays: ['US-CA'] });
    const mornings = [{ days: [0, 1, 2, 3, 4], fromMinute: 540, toMinute: 600, weight: 1 }];
    // July 2027: 22 weekdays, one of them (Monday 5 July, observed Independence Day) closed.
    expect(shareOutsideCalendar(withHoliday, zone, mornings, '2027-07')).toBeCloseTo(1 / 22, 10);
    const nights = [{ days: [4], fromMinute: 1320, toMinute: 600, weight: 1 }];
    // Friday 22:00 to Saturday 10:00: 12 hours, all closed.
    expect(shareOutsideCalendar(business, zone, nights, '2027-06')).toBe(1);
  });
});
