import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offsetSecondsAt, parseInstantTextWithTemporal, zoneOffsetSpans } from '../../domain/time/zone.js';
import { InstantReader, instantReasons } from './instant-reader.js';

const utc = (iso: string): number => Date.parse(iso) / 1000;

describe('InstantReader', () => {
  it('takes offsets as given and counts instants by how they got their offset', () => {
    const reader = new InstantReader('America/Los_Angeles', undefined);
    expect(reader.readIso('2027-03-01T09:15:00-08:00')).toEqual({ at: utc('2027-03-01T17:15:00Z') });
    expect(reader.readIso('2027-03-01T17:15:00.900Z')).toEqual({ at: utc('2027-03-01T17:15:00Z') });
    expect(reader.readIso('2027-03-01T09:15')).toEqual({ at: utc('2027-03-01T17:15:00Z') });
    expect([reader.instantsWithOffset, reader.instantsInGivenZone]).toEqual([2, 1]);
  });

  it('refuses local time without a zone instead of assuming UTC', () => {
    const reader = new InstantReader(undefined, 'dmy');
    expect(reader.readIso('2027-03-01T09:15:00')).toEqual({ reason: instantReasons.noZone });
    expect(reader.read('29/2/2016 01:16')).toEqual({ reason: instantReasons.noZone });
  });

  it('reads d/m/yyyy HH:MM of the UCI log in the given zone', () => {
    const reader = new InstantReader('America/Sao_Paulo', 'dmy');
    // Sao Paulo was UTC-03:00 on 2016-02-29 (its DST had ended on 2016-02-21).
    expect(reader.read('29/2/2016 01:16')).toEqual({ at: utc('2016-02-29T04:16:00Z') });
    expect(reader.read('5/3/2016 12:00')).toEqual({ at: utc('2016-03-05T15:00:00Z') });
  });

  it('needs a date order for numeric slash dates, and applies it', () => {
    expect(new InstantReader('UTC', undefined).read('03/02/2027 10:00')).toEqual({ reason: instantReasons.noDateOrder });
    expect(new InstantReader('UTC', 'mdy').read('03/02/2027 10:00')).toEqual({ at: utc('2027-03-02T10:00:00Z') });
    expect(new InstantReader('UTC', 'dmy').read('03/02/2027 10:00')).toEqual({ at: utc('2027-02-03T10:00:00Z') });
  });

  it("reads JSM's dd/MMM/yy h:mm a, in English and Spanish, with 12 AM as midnight", () => {
    const reader = new InstantReader('Europe/Madrid', undefined);
    expect(reader.read('19/Jan/26 12:47 PM')).toEqual({ at: utc('2026-01-19T11:47:00Z') });
    expect(reader.read('19/ene/26 12:05 AM')).toEqual({ at: utc('2026-01-18T23:05:00Z') });
    expect(reader.read('19/Foo/26 12:05 AM')).toEqual({ reason: instantReasons.notInstant });
  });

  it('rejects dates and times that do not exist, and text that is no date', () => {
    const reader = new InstantReader('UTC', 'dmy');
    expect(reader.read('31/Feb/27 9:00 AM')).toEqual({ reason: instantReasons.badDate });
    expect(reader.read('30/2/2016 10:00')).toEqual({ reason: instantReasons.badDate });
    expect(reader.read('1/3/2016 24:30')).toEqual({ reason: instantReasons.badDate });
    expect(reader.readIso('2027-02-30T10:00:00Z')).toEqual({ reason: instantReasons.badDate });
    expect(reader.readIso('2027-13-01')).toEqual({ reason: instantReasons.notIso });
    expect(reader.read('yesterday')).toEqual({ reason: instantReasons.notInstant });
  });

  it('moves a wall time inside a spring-forward gap forward by the gap', () => {
    // 02:30 on 2027-03-14 does not exist in Los Angeles: it is read as 03:30 PDT.
    expect(new InstantReader('America/Los_Angeles', 'mdy').read('3/14/2027 02:30')).toEqual({ at: utc('2027-03-14T10:30:00Z') });
  });

  it('places local times around DST changes exactly as Temporal does, whatever it read before (property)', () => {
    // Sao Paulo changed at local midnight (2016-2018), Los Angeles at 02:00, London at 01:00,
    // Lord Howe by 30 minutes, Kathmandu never: gaps, repeated hours and plain hours.
    const zones = ['America/Sao_Paulo', 'America/Los_Angeles', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu'] as const;
    const from = utc('2016-01-01T00:00:00Z');
    const to = utc('2019-01-01T00:00:00Z');
    const changes = new Map(zones.map((zone) => [zone, zoneOffsetSpans(from, to, zone).map((span) => span.fromEpochSeconds)]));
    /** Wall time near a change: the UTC fields of `wall` read as local time in the zone. */
    const nearChange = (zone: (typeof zones)[number]): fc.Arbitrary<number> =>
      fc.tuple(fc.nat(), fc.integer({ min: -3 * 3600, max: 3 * 3600 })).map(([which, deltaSeconds]) => {
        const list = changes.get(zone)!;
        const at = list[which % list.length]!;
        return at + offsetSecondsAt(at - 1, zone) + deltaSeconds;
      });
    const zoneAndWalls = fc.constantFrom(...zones).chain((zone) => fc.tuple(fc.constant(zone), fc.array(fc.oneof(nearChange(zone), fc.integer({ min: from, max: to })), { minLength: 1, maxLength: 40 })));
    fc.assert(
      fc.property(zoneAndWalls, ([zone, walls]) => {
        const reader = new InstantReader(zone, 'dmy');
        for (const wall of walls) {
          const d = new Date(wall * 1000);
          const text = `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()} ${d.getUTCHours()}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
          expect(reader.read(text).at).toBe(parseInstantTextWithTemporal(d.toISOString().slice(0, 19), zone));
        }
      }),
      { numRuns: 300 },
    );
  });
});

const pad2 = (n: number): string => String(n).padStart(2, '0');
