import { describe, expect, it } from 'vitest';
import { isSupportPactError } from '../errors/index.js';
import { dayNumberOf } from '../time/index.js';
import { createCalendar } from './create-calendar.js';
import { epochOf, losAngelesAlways, losAngelesOffice, weekdayNights } from './test-support/fixtures.js';

const office = createCalendar(losAngelesOffice);

describe('isOpenAt', () => {
  it('treats open hours as half-open [opening, closing)', () => {
    expect(office.isOpenAt(epochOf('2027-03-15T07:59:59-07:00'))).toBe(false);
    expect(office.isOpenAt(epochOf('2027-03-15T08:00:00-07:00'))).toBe(true);
    expect(office.isOpenAt(epochOf('2027-03-15T17:59:59-07:00'))).toBe(true);
    expect(office.isOpenAt(epochOf('2027-03-15T18:00:00-07:00'))).toBe(false);
  });
});

describe('nextOpeningAt', () => {
  it('returns an open instant itself and the next opening otherwise', () => {
    expect(office.nextOpeningAt(epochOf('2027-03-15T09:00:00-07:00'))).toBe(epochOf('2027-03-15T09:00:00-07:00'));
    expect(office.nextOpeningAt(epochOf('2027-03-12T18:00:00-08:00'))).toBe(epochOf('2027-03-15T08:00:00-07:00'));
  });
});

describe('openSecondsBetween', () => {
  it('counts open seconds in [from, to) and 0 for an empty or reversed span', () => {
    expect(office.openSecondsBetween(epochOf('2027-03-15T17:00:00-07:00'), epochOf('2027-03-16T09:00:00-07:00'))).toBe(7200);
    expect(office.openSecondsBetween(epochOf('2027-03-16T09:00:00-07:00'), epochOf('2027-03-15T17:00:00-07:00'))).toBe(0);
  });

  it('rejects an instant that is not a finite number', () => {
    expect(() => office.openSecondsBetween(Number.NaN, 0)).toThrow(RangeError);
    expect(() => office.addOpenSeconds(Number.POSITIVE_INFINITY, 60)).toThrow(RangeError);
  });
});

describe('addOpenSeconds', () => {
  it('builds years lazily in either direction and gives the same answers as a calendar built in one go', () => {
    const lazy = createCalendar(losAngelesOffice);
    const t2099 = epochOf('2099-06-01T10:00:00-07:00');
    const t2001 = epochOf('2001-06-01T10:00:00-07:00');
    const first = lazy.addOpenSeconds(t2099, 36000 * 3);
    const second = lazy.addOpenSeconds(t2001, -36000 * 3);
    const fresh = createCalendar(losAngelesOffice);
    fresh.openSecondsBetween(t2001 - 86400 * 30, t2099 + 86400 * 30);
    expect(fresh.addOpenSeconds(t2099, 36000 * 3)).toBe(first);
    expect(fresh.addOpenSeconds(t2001, -36000 * 3)).toBe(second);
    expect(lazy.openSecondsBetween(t2001, t2099)).toBe(fresh.openSecondsBetween(t2001, t2099));
  });

  it('extends past the built years when an amount needs more (ten years of open time)', () => {
    const always = createCalendar(losAngelesAlways);
    const start = epochOf('2027-01-01T00:00:00Z');
    expect(always.addOpenSeconds(start, 10 * 365 * 86400)).toBe(start + 10 * 365 * 86400);
  });

  it('refuses to reach past the year 9999 with INSTANT_INVALID', () => {
    try {
      office.addOpenSeconds(epochOf('9999-12-01T00:00:00Z'), 86400 * 365);
      expect.unreachable();
    } catch (error) {
      expect(isSupportPactError(error) && error.code).toBe('INSTANT_INVALID');
    }
  });
});

describe('closingOfBusinessDay', () => {
  it('closes a 31 December night shift on 1 January even when the new year is built later', () => {
    const nights = createCalendar({ ...weekdayNights, hours: { 'mon-sun': ['22:00-06:00'] } });
    // The first query builds 2026..2028; 2028-12-31's shift ends in 2029, built afterwards.
    nights.isOpenAt(epochOf('2027-06-01T00:00:00Z'));
    expect(nights.closingOfBusinessDay(epochOf('2028-12-31T23:00:00-08:00'), 0)).toBe(epochOf('2029-01-01T06:00:00-08:00'));
  });
});

describe('forEachOpenInterval', () => {
  it('visits open intervals clipped to the span, in order', () => {
    const seen: [number, number][] = [];
    office.forEachOpenInterval(epochOf('2027-03-15T07:00:00-07:00'), epochOf('2027-03-16T09:00:00-07:00'), (start, end) => seen.push([start, end]));
    expect(seen).toEqual([
      [epochOf('2027-03-15T08:00:00-07:00'), epochOf('2027-03-15T18:00:00-07:00')],
      [epochOf('2027-03-16T08:00:00-07:00'), epochOf('2027-03-16T09:00:00-07:00')],
    ]);
  });
});

describe('openIntervalsBetween', () => {
  it('lists the two passes of a range that ends inside the repeated hour (00:00-01:30 on 2027-11-07)', () => {
    const early = createCalendar({ timezone: 'America/Los_Angeles', hours: { sun: ['00:00-01:30'] } });
    expect(early.openIntervalsBetween(epochOf('2027-11-07T00:00:00-07:00'), epochOf('2027-11-08T00:00:00-08:00'))).toEqual([
      [epochOf('2027-11-07T00:00:00-07:00'), epochOf('2027-11-07T01:30:00-07:00')],
      [epochOf('2027-11-07T01:00:00-08:00'), epochOf('2027-11-07T01:30:00-08:00')],
    ]);
  });

  it('joins intervals that touch across midnight into one (no closing at 24:00 when 00:00 opens)', () => {
    const always = createCalendar(losAngelesAlways);
    expect(always.openIntervalsBetween(epochOf('2027-03-15T12:00:00-07:00'), epochOf('2027-03-17T12:00:00-07:00'))).toEqual([
      [epochOf('2027-03-15T12:00:00-07:00'), epochOf('2027-03-17T12:00:00-07:00')],
    ]);
  });
});

describe('localDayNumberAt', () => {
  it('gives the local date of an instant, on both sides of a DST change', () => {
    expect(office.localDayNumberAt(epochOf('2027-03-14T23:30:00-07:00'))).toBe(dayNumberOf('2027-03-14'));
    expect(office.localDayNumberAt(epochOf('2027-03-15T00:00:00-07:00'))).toBe(dayNumberOf('2027-03-15'));
    expect(office.localDayNumberAt(epochOf('2027-11-07T01:30:00-08:00'))).toBe(dayNumberOf('2027-11-07'));
  });
});
