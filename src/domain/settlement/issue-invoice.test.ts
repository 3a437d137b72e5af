import { describe, expect, it } from 'vitest';
import { computeInvoiceStatus } from './compute-invoice-status.js';
import { issueInvoice } from './issue-invoice.js';
import { northstarMarchInvoice } from './test-support/northstar.js';

describe('issueInvoice', () => {
  it('freezes a draft as issued, and refuses to issue it twice', () => {
    const draft = northstarMarchInvoice();
    expect(draft.state).toBe('draft');
    const issued = issueInvoice(draft);
    expect({ ...issued, state: 'draft' }).toEqual(draft);
    expect(() => issueInvoice(issued)).toThrow(/already issued on 2027-04-01/);
  });
});

describe('computeInvoiceStatus', () => {
  const due = { state: 'issued' as const, dueOn: '2027-05-01' };
  const usd = (minor: bigint) => ({ minor, currency: 'USD' });

  it('is issued through the due date, overdue the day after, paid once nothing is left, draft until issued', () => {
    expect(computeInvoiceStatus(due, usd(30_000n), '2027-05-01')).toBe('issued');
    expect(computeInvoiceStatus(due, usd(30_000n), '2027-05-02')).toBe('overdue');
    expect(computeInvoiceStatus(due, usd(0n), '2027-06-01')).toBe('paid');
    expect(computeInvoiceStatus({ ...due, state: 'draft' }, usd(30_000n), '2027-06-01')).toBe('draft');
  });
});
