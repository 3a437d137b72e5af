import { describe, expect, it } from 'vitest';
import { toApiJson } from './api-json.js';

describe('toApiJson', () => {
  it('writes instants (at, keys ending in At, asOf) as ISO-8601 UTC, and absent values as null', () => {
    // 1803920400 is 2027-03-01T17:00:00Z, 09:00 in Los Angeles (PST).
    expect(toApiJson({ asOf: 1803920400, createdAt: 1803920400, stoppedAt: undefined, clocks: [{ dueAt: 1803921300, elapsedSeconds: 900, steps: [{ at: 1803920400 }] }] })).toEqual({
      asOf: '2027-03-01T17:00:00Z',
      createdAt: '2027-03-01T17:00:00Z',
      stoppedAt: null,
      clocks: [{ dueAt: '2027-03-01T17:15:00Z', elapsedSeconds: 900, steps: [{ at: '2027-03-01T17:00:00Z' }] }],
    });
  });

  it('leaves other numbers alone, including names that merely contain "at"', () => {
    expect(toApiJson({ targetSeconds: 3600, format: 2, attainment: { numerator: 3, denominator: 4 }, solvedAt: [0, 60] })).toEqual({
      targetSeconds: 3600,
      format: 2,
      attainment: { numerator: 3, denominator: 4 },
      solvedAt: ['1970-01-01T00:00:00Z', '1970-01-01T00:01:00Z'],
    });
  });
});
