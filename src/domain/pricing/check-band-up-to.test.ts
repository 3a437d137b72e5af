import { describe, expect, it } from 'vitest';
import { checkBandUpTo } from './check-band-up-to.js';

describe('checkBandUpTo', () => {
  it('accepts an ascending bound and an open last band', () => {
    expect(checkBandUpTo(1500, 1, 3, 500, ['bands', 1])).toEqual({ upTo: 1500, problems: [] });
    expect(checkBandUpTo(undefined, 2, 3, 1500, ['bands', 2])).toEqual({ upTo: undefined, problems: [] });
    expect(checkBandUpTo(0, 0, 2, 0, ['bands', 0])).toEqual({ upTo: 0, problems: [] });
  });

  it('rejects an equal or lower bound, naming the band', () => {
    expect(checkBandUpTo(500, 1, 3, 500, ['bands', 1]).problems[0]).toMatchObject({ path: ['bands', 1, 'upTo'], message: "upTo 500 is not above the previous band's upTo 500" });
  });

  it('rejects a bound on the last band and a missing one before it', () => {
    expect(checkBandUpTo(10, 1, 2, 5, ['bands', 1]).problems[0]?.message).toBe('the last band has upTo 10');
    expect(checkBandUpTo(undefined, 0, 2, 0, ['bands', 0]).problems[0]?.hint).toBe('give this band the last unit it covers, e.g. upTo: 100');
  });
});
