import { describe, expect, it } from 'vitest';
import { parseOpeningRange, weekdayIndexesOfKey } from './opening-hours.js';

describe('weekdayIndexesOfKey', () => {
  it('reads single days, ranges and ranges that wrap past Sunday', () => {
    expect(weekdayIndexesOfKey('mon')).toEqual([0]);
    expect(weekdayIndexesOfKey('mon-fri')).toEqual([0, 1, 2, 3, 4]);
    expect(weekdayIndexesOfKey('mon-sun')).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(weekdayIndexesOfKey('fri-mon')).toEqual([4, 5, 6, 0]);
  });

  it('rejects anything else', () => {
    for (const key of ['monday', 'Mon', 'mon-', 'mon-fri-sat', '']) expect(weekdayIndexesOfKey(key)).toBeUndefined();
  });
});

describe('parseOpeningRange', () => {
  it('reads ranges in seconds, 24:00 as an end, and an end before the start as crossing midnight', () => {
    expect(parseOpeningRange('08:00-18:00')).toEqual({ startSeconds: 28800, endSeconds: 64800 });
    expect(parseOpeningRange('18:00-24:00')).toEqual({ startSeconds: 64800, endSeconds: 86400 });
    expect(parseOpeningRange('22:00-06:00')).toEqual({ startSeconds: 79200, endSeconds: 108000 });
    expect(parseOpeningRange('08:00 - 12:30')).toEqual({ startSeconds: 28800, endSeconds: 45000 });
  });

  it('explains what is wrong with a bad range', () => {
    expect(parseOpeningRange('25:00-26:00')).toMatch(/25:00 is not a time of day/);
    expect(parseOpeningRange('08:60-09:00')).toMatch(/minute 60 of the start/);
    expect(parseOpeningRange('24:00-02:00')).toMatch(/24:00 only as an end/);
    expect(parseOpeningRange('10:00-10:00')).toMatch(/empty/);
    expect(parseOpeningRange('8:00-18:00')).toMatch(/not a "HH:MM-HH:MM" range/);
    expect(parseOpeningRange(800)).toMatch(/not a "HH:MM-HH:MM" range/);
  });
});
