import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDateOf } from '../time/zone.js';
import { MonthIndex, monthPeriod } from './month-period.js';

describe('monthPeriod', () => {
  it('covers a month in its zone, DST hour included: March 2027 in Los Angeles has 743 hours', () => {
    const p = monthPeriod('2027-03', 'America/Los_Angeles');
    expect((p.endAt - p.startAt) / 3600).toBe(743);
  });
});

describe('MonthIndex', () => {
  it('gives the month an instant falls in, as the zone library does, for any instant and zone', () => {
    const zones = ['America/Los_Angeles', 'Australia/Sydney', 'Asia/Kolkata', 'Pacific/Kiritimati', 'America/Sao_Paulo'];
    const indexes = new Map(zones.map((z) => [z, new MonthIndex(z)]));
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: 946_684_800, max: 2_524_608_000 }), (zone, at) => {
        const expected = Number(localDateOf(at, zone).slice(0, 7).replace('-', ''));
        expect(indexes.get(zone)!.monthOf(at)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('puts the first second of a month in that month and the last second before it in the previous one', () => {
    const index = new MonthIndex('America/Los_Angeles');
    const start = monthPeriod('2027-03', 'America/Los_Angeles').startAt;
    expect(index.monthOf(start)).toBe(202703);
    expect(index.monthOf(start - 1)).toBe(202702);
  });
});
