import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { epochSecondsOfLocal, formatInZone, localPartsOf } from '../../domain/time/zone.js';
import { createZoneClock } from './zone-clock.js';

const zone = 'America/Los_Angeles';
const from = Date.parse('2027-02-28T00:00:00Z') / 1000;
const to = Date.parse('2027-12-01T00:00:00Z') / 1000;
const clock = createZoneClock(zone, from, to);

describe('createZoneClock', () => {
  it('formats instants with their offset, across the spring-forward and fall-back changes', () => {
    expect(clock.format(Date.parse('2027-03-01T17:15:00Z') / 1000)).toBe('2027-03-01T09:15:00-08:00');
    // 2027-03-14 02:00 PST jumps to 03:00 PDT.
    expect(clock.format(Date.parse('2027-03-14T09:59:59Z') / 1000)).toBe('2027-03-14T01:59:59-08:00');
    expect(clock.format(Date.parse('2027-03-14T10:00:00Z') / 1000)).toBe('2027-03-14T03:00:00-07:00');
    expect(clock.format(Date.parse('2027-11-07T09:00:00Z') / 1000)).toBe('2027-11-07T01:00:00-08:00');
  });

  it('agrees with the zone library on local dates, hours and formatting for any instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: from - 40 * 86_400, max: to + 40 * 86_400 }), (at) => {
        const parts = localPartsOf(at, zone);
        return clock.format(at) === formatInZone(at, zone) && clock.localDateOf(at) === parts.date && clock.localHourOf(at) === Math.floor(parts.secondsOfDay / 3600);
      }),
      { numRuns: 300 },
    );
  });

  it('builds instants from local wall time like epochSecondsOfLocal, a skipped hour moving forward', () => {
    expect(clock.instantOf('2027-03-14', 2 * 3600 + 30 * 60)).toBe(epochSecondsOfLocal('2027-03-14', 2 * 3600 + 30 * 60, zone));
    expect(clock.format(clock.instantOf('2027-03-14', 2 * 3600 + 30 * 60))).toBe('2027-03-14T03:30:00-07:00');
    expect(clock.instantOf('2027-05-12', 9 * 3600 + 47 * 60 + 5)).toBe(Date.parse('2027-05-12T16:47:05Z') / 1000);
  });
});
