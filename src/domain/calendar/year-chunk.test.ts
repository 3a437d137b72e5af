import { describe, expect, it } from 'vitest';
import { dayNumberOf, zoneOffsetSpans } from '../time/index.js';
import { validateCalendarSpec } from './calendar-spec.js';
import { publicHolidayDayNumbers } from './holiday-regions.js';
import { buildYearChunk, mergeIntervals, wallSegmentsByWeekday } from './year-chunk.js';
import { epochOf, losAngelesOffice } from './test-support/fixtures.js';

describe('wallSegmentsByWeekday', () => {
  it('gives each weekday its own ranges up to 24:00 and the after-midnight part of the previous weekday\'s', () => {
    const spec = validateCalendarSpec({ timezone: 'UTC', hours: { mon: ['08:00-12:00', '22:00-06:00'], tue: ['09:00-10:00'] } });
    const segments = wallSegmentsByWeekday(spec.weeklyHours);
    expect(segments[0]).toEqual([
      { fromSeconds: 28800, toSeconds: 43200, isTailOfPreviousDay: false },
      { fromSeconds: 79200, toSeconds: 86400, isTailOfPreviousDay: false },
    ]);
    expect(segments[1]).toEqual([
      { fromSeconds: 0, toSeconds: 21600, isTailOfPreviousDay: true },
      { fromSeconds: 32400, toSeconds: 36000, isTailOfPreviousDay: false },
    ]);
    expect(segments[2]).toEqual([]);
  });
});

describe('buildYearChunk', () => {
  const spec = validateCalendarSpec(losAngelesOffice);
  const region = spec.holidayRegions[0]!;
  const holidays = new Set([2026, 2027, 2028].flatMap((year) => [...publicHolidayDayNumbers(region, year)]));
  const chunk = buildYearChunk(wallSegmentsByWeekday(spec.weeklyHours), spec.zone, (day) => holidays.has(day), 2027, 2027);

  it('gives 2027 one 10-hour interval per weekday that is not a public holiday: 261 - 13 = 248', () => {
    expect(chunk.starts).toHaveLength(248);
    expect(chunk.ends.every((end, i) => end - chunk.starts[i]! === 36000)).toBe(true);
  });

  it('places each date\'s hours in its own offset, before and after DST start', () => {
    expect(chunk.starts).toContain(epochOf('2027-03-12T08:00:00-08:00'));
    expect(chunk.starts).toContain(epochOf('2027-03-15T08:00:00-07:00'));
  });

  it('records per date whether it has open time and when it closes', () => {
    const index = (date: string): number => dayNumberOf(date) - chunk.firstDay;
    expect(chunk.hasOpenTime[index('2027-03-15')]).toBe(1);
    expect(chunk.closingAt[index('2027-03-15')]).toBe(epochOf('2027-03-15T18:00:00-07:00'));
    expect(chunk.hasOpenTime[index('2027-07-05')]).toBe(0);
    expect(chunk.closingAt[index('2027-03-13')]).toBe(-Infinity);
  });

  it('owns the instants from local midnight of 1 January to local midnight of the next 1 January', () => {
    expect(chunk.fromEpochSeconds).toBe(epochOf('2027-01-01T00:00:00-08:00'));
    expect(chunk.toEpochSeconds).toBe(epochOf('2028-01-01T00:00:00-08:00'));
  });
});

describe('mergeIntervals', () => {
  it('sorts only when needed and joins touching or overlapping pieces', () => {
    expect(mergeIntervals([0, 10, 30], [10, 20, 40])).toEqual({ starts: [0, 30], ends: [20, 40] });
    expect(mergeIntervals([30, 0, 5], [40, 10, 12])).toEqual({ starts: [0, 30], ends: [12, 40] });
  });
});

describe('zoneOffsetSpans', () => {
  it('lists the offsets of Los Angeles over 2027: PST, PDT from 2027-03-14T10:00Z, PST from 2027-11-07T09:00Z', () => {
    expect(zoneOffsetSpans(epochOf('2027-01-01T00:00:00Z'), epochOf('2028-01-01T00:00:00Z'), 'America/Los_Angeles')).toEqual([
      { fromEpochSeconds: epochOf('2027-01-01T00:00:00Z'), offsetSeconds: -28800 },
      { fromEpochSeconds: epochOf('2027-03-14T10:00:00Z'), offsetSeconds: -25200 },
      { fromEpochSeconds: epochOf('2027-11-07T09:00:00Z'), offsetSeconds: -28800 },
    ]);
  });

  it('gives one span for a zone without DST (Kolkata, +05:30)', () => {
    expect(zoneOffsetSpans(epochOf('2027-01-01T00:00:00Z'), epochOf('2028-01-01T00:00:00Z'), 'Asia/Kolkata')).toEqual([
      { fromEpochSeconds: epochOf('2027-01-01T00:00:00Z'), offsetSeconds: 19800 },
    ]);
  });
});
