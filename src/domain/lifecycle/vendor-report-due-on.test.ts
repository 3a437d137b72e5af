import { describe, expect, it } from 'vitest';
import { parseDuration } from '../time/duration.js';
import { vendorReportDueOn, type VendorReportTerms } from './vendor-report-due-on.js';
import { isNorthstarBusinessDay } from './test-support/contracts.js';

const terms = (dueWithin: string): VendorReportTerms => ({ every: parseDuration('1mo')!, dueWithin: parseDuration(dueWithin)!, calendar: 'business' });

describe('vendorReportDueOn', () => {
  it('is the 5th business day after the month ends (the month end is day 0)', () => {
    expect(vendorReportDueOn(terms('5bd'), '2027-01', isNorthstarBusinessDay)).toBe('2027-02-05');
    // June 2027: Monday 5 July is Independence Day observed, so the 5th business day is 2027-07-08.
    expect(vendorReportDueOn(terms('5bd'), '2027-06', isNorthstarBusinessDay)).toBe('2027-07-08');
  });

  it('counts calendar days for a d period, February included', () => {
    expect(vendorReportDueOn(terms('10d'), '2028-02')).toBe('2028-03-10');
    expect(vendorReportDueOn(terms('10d'), '2027-02')).toBe('2027-03-10');
  });
});
