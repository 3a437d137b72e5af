import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInstantText, parseInstantTextWithTemporal } from './zone.js';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Field values around and beyond their ranges, so invalid dates and times come up often. */
const instantParts = fc.record({
  year: fc.oneof(fc.integer({ min: 1960, max: 2040 }), fc.integer({ min: 0, max: 9999 })),
  month: fc.integer({ min: 0, max: 13 }),
  day: fc.integer({ min: 0, max: 32 }),
  separator: fc.constantFrom('T', ' ', 't', '_'),
  hour: fc.integer({ min: 0, max: 25 }),
  minute: fc.integer({ min: 0, max: 61 }),
  second: fc.option(fc.integer({ min: 0, max: 61 }), { nil: undefined }),
  fraction: fc.option(fc.stringMatching(/^[0-9]{0,11}$/), { nil: undefined }),
  offset: fc.oneof(
    fc.constantFrom('Z', 'z', '', '+00:00', '-00:00', '+05:30', '-08:00', '+0800', '-03', '+14:00', '+23:59', '+24:00', '-08:60', '+8:00', '-08:0', 'UTC', '+05:30:00'),
    fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.constantFrom(':', '')).map(([sign, h, m, colon]) => `${sign}${pad(h, 2)}${colon}${pad(m, 2)}`),
  ),
  annotation: fc.constantFrom('', '', '', '[America/Sao_Paulo]', '[u-ca=iso8601]'),
  padding: fc.constantFrom('', '', '', ' ', '\t'),
});

const instantText = instantParts.map(({ year, month, day, separator, hour, minute, second, fraction, offset, annotation, padding }) => {
  const seconds = second === undefined ? '' : `:${pad(second, 2)}${fraction === undefined ? '' : `.${fraction}`}`;
  return `${padding}${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}${separator}${pad(hour, 2)}:${pad(minute, 2)}${seconds}${offset}${annotation}${padding}`;
});

/** Arbitrary text over the characters instants are made of: mostly malformed. */
const noise = fc.string({ unit: fc.constantFrom(...'0123456789-:.TZz+ '), minLength: 0, maxLength: 30 });

describe('parseInstantText', () => {
  it('reads an instant with an offset to the same epoch second as Temporal, and refuses what Temporal refuses (property)', () => {
    fc.assert(
      fc.property(fc.oneof({ arbitrary: instantText, weight: 4 }, { arbitrary: noise, weight: 1 }), fc.constantFrom(undefined, 'America/Sao_Paulo'), (text, zone) => {
        expect(parseInstantText(text, zone)).toBe(parseInstantTextWithTemporal(text, zone));
      }),
      { numRuns: 20_000 },
    );
  });

  it('reads a valid instant with an offset in any of its spellings to the same second (property)', () => {
    const valid = fc.record({
      at: fc.integer({ min: Date.UTC(1900, 0, 1) / 1000, max: Date.UTC(2100, 0, 1) / 1000 }),
      offsetMinutes: fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 }),
      colon: fc.boolean(),
    });
    fc.assert(
      fc.property(valid, ({ at, offsetMinutes, colon }) => {
        const local = new Date((at + offsetMinutes * 60) * 1000).toISOString().slice(0, 19);
        const abs = Math.abs(offsetMinutes);
        const offset = `${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60), 2)}${colon ? ':' : ''}${pad(abs % 60, 2)}`;
        expect(parseInstantText(`${local}${offset}`)).toBe(at);
        expect(parseInstantTextWithTemporal(`${local}${offset}`)).toBe(at);
      }),
      { numRuns: 5_000 },
    );
  });

  it('refuses days and hours that do not exist', () => {
    expect(parseInstantText('2027-02-29T09:00:00Z')).toBeUndefined();
    expect(parseInstantText('2027-02-30T09:00:00-08:00')).toBeUndefined();
    expect(parseInstantText('2027-03-01T25:00:00-08:00')).toBeUndefined();
    expect(parseInstantText('2027-03-01T24:00Z')).toBeUndefined();
    expect(parseInstantText('2027-03-01T09:00:00+24:00')).toBeUndefined();
    expect(parseInstantText('2028-02-29T09:00:00Z')).toBe(Date.UTC(2028, 1, 29, 9) / 1000);
  });

  it('reads a leap second as the second before it and floors a fraction, as Temporal does', () => {
    expect(parseInstantText('2027-06-30T23:59:60Z')).toBe(Date.UTC(2027, 5, 30, 23, 59, 59) / 1000);
    expect(parseInstantText('1969-12-31T23:59:59.999999999Z')).toBe(-1);
    expect(parseInstantText('2027-03-01T09:15:00.123456789-08:00')).toBe(Date.UTC(2027, 2, 1, 17, 15) / 1000);
  });

  it('leaves local wall times to the zone: 09:15 on 2027-03-01 in Los Angeles is 17:15Z', () => {
    expect(parseInstantText('2027-03-01T09:15', 'America/Los_Angeles')).toBe(Date.UTC(2027, 2, 1, 17, 15) / 1000);
    expect(parseInstantText('2027-03-01T09:15')).toBeUndefined();
  });
});
