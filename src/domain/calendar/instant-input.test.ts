import { describe, expect, it } from 'vitest';
import { isSupportPactError } from '../errors/index.js';
import { epochSecondsOfInstant, wholeAmount } from './instant-input.js';

describe('epochSecondsOfInstant', () => {
  it('reads offsets, Z, and local wall time of the given zone', () => {
    expect(epochSecondsOfInstant('2027-03-15T09:00:00-07:00', 'Asia/Kolkata')).toBe(Date.UTC(2027, 2, 15, 16) / 1000);
    expect(epochSecondsOfInstant('2027-03-15T16:00:00Z', 'Asia/Kolkata')).toBe(Date.UTC(2027, 2, 15, 16) / 1000);
    expect(epochSecondsOfInstant('2027-03-15T09:00', 'America/Los_Angeles')).toBe(Date.UTC(2027, 2, 15, 16) / 1000);
    expect(epochSecondsOfInstant('2027-03-15T21:30', 'Asia/Kolkata')).toBe(Date.UTC(2027, 2, 15, 16) / 1000);
  });

  it('truncates sub-second parts down, also before 1970', () => {
    expect(epochSecondsOfInstant(new Date(1999), 'UTC')).toBe(1);
    expect(epochSecondsOfInstant(new Date(-1), 'UTC')).toBe(-1);
    expect(epochSecondsOfInstant('2027-03-15T16:00:00.999Z', 'UTC')).toBe(Date.UTC(2027, 2, 15, 16) / 1000);
  });

  it('throws INSTANT_INVALID naming the text of a malformed instant', () => {
    for (const text of ['2027-03-15', 'yesterday', '2027-02-30T10:00', '2027-03-15T25:00']) {
      try {
        epochSecondsOfInstant(text, 'UTC');
        expect.unreachable(text);
      } catch (error) {
        expect(isSupportPactError(error) && error.code).toBe('INSTANT_INVALID');
        expect((error as Error).message).toContain(text);
      }
    }
  });
});

describe('wholeAmount', () => {
  it('truncates toward zero and rejects non-finite amounts', () => {
    expect(wholeAmount(1.9, 'seconds')).toBe(1);
    expect(wholeAmount(-1.9, 'seconds')).toBe(-1);
    expect(Object.is(wholeAmount(-0.5, 'seconds'), 0)).toBe(true);
    expect(() => wholeAmount(Number.NaN, 'seconds')).toThrow(RangeError);
  });
});
