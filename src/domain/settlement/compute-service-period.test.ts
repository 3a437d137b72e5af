import { describe, expect, it } from 'vitest';
import { computeServicePeriod, termServiceEndOn } from './compute-service-period.js';
import { example } from './test-support/fixtures.js';
import { northstarStartingOn } from './test-support/northstar.js';

describe('computeServicePeriod', () => {
  it('starts a first partial month on the term start, inclusive', () => {
    expect(computeServicePeriod(northstarStartingOn('2028-02-29'), '2028-02')).toEqual({ month: '2028-02', startOn: '2028-02-29', endOn: '2028-02-29', daysOfService: 1, daysInMonth: 29 });
  });

  it('ends at the end of a term with no renewal after it, or at an earlier end of service', () => {
    const bayline = example('bayline-per-incident');
    expect(termServiceEndOn(bayline, '2028-02-29')).toBe('2028-02-29');
    expect(computeServicePeriod(bayline, '2027-09', '2027-09-12')).toMatchObject({ endOn: '2027-09-12', daysOfService: 12, daysInMonth: 30 });
    // Northstar renews automatically: the term sets no end.
    expect(termServiceEndOn(example('northstar-tiered'), '2030-01-31')).toBeUndefined();
  });

  it('refuses a month with no day of service, and a malformed month', () => {
    expect(() => computeServicePeriod(example('bayline-per-incident'), '2027-09', '2027-08-31')).toThrow(/outside the service/);
    expect(() => computeServicePeriod(example('bayline-per-incident'), '2027-13')).toThrow(/not YYYY-MM/);
  });
});
