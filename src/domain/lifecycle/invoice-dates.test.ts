import { describe, expect, it } from 'vitest';
import { parseDuration } from '../time/duration.js';
import { computeInvoiceDates, type Invoicing } from './invoice-dates.js';
import { isNorthstarBusinessDay } from './test-support/contracts.js';

const invoicing = (issueOn: Invoicing['issueOn'], terms = '30d'): Invoicing => ({ every: parseDuration('1mo')!, issueOn, calendar: 'business', paymentTerms: parseDuration(terms)! });

describe('computeInvoiceDates', () => {
  it('issues on the first business day of the next month and is due 30 days later', () => {
    // 2027-05-01 is a Saturday.
    expect(computeInvoiceDates(invoicing('first-business-day'), '2027-04', isNorthstarBusinessDay)).toEqual({ serviceMonth: '2027-04', issueOn: '2027-05-03', dueOn: '2027-06-02' });
    // 2027-12-31 (New Year observed) is closed, 2028-01-01 is a Saturday: Monday 2028-01-03.
    expect(computeInvoiceDates(invoicing('first-business-day'), '2027-12', isNorthstarBusinessDay).issueOn).toBe('2028-01-03');
  });

  it('issues on the first and on the last day of the next month', () => {
    expect(computeInvoiceDates(invoicing('first-day'), '2027-04')).toEqual({ serviceMonth: '2027-04', issueOn: '2027-05-01', dueOn: '2027-05-31' });
    expect(computeInvoiceDates(invoicing('last-day', '45d'), '2028-01')).toEqual({ serviceMonth: '2028-01', issueOn: '2028-02-29', dueOn: '2028-04-14' });
  });

  it('assumes Monday to Friday, and says so, when no business-day predicate is given', () => {
    expect(computeInvoiceDates(invoicing('first-business-day'), '2027-12')).toEqual({ serviceMonth: '2027-12', issueOn: '2028-01-03', dueOn: '2028-02-02', assumedWeekdays: true });
    expect(computeInvoiceDates(invoicing('first-business-day'), '2027-01').issueOn).toBe('2027-02-01');
  });
});
