import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedStore } from '../adapters/store/open-store.js';
import { issueCreditNote } from './issue-credit-note.js';
import { recordPayment } from './record-payment.js';
import { statementForContract } from './statement-for-contract.js';
import { northstarWithTwoInvoices } from './test-support/settlement-fixture.js';
import { formatMoney, type Money } from '../domain/money/index.js';

let store: OpenedStore;
let contractId: string;
const now = Date.parse('2027-06-20T09:00:00-07:00') / 1000;
const plain = (m: Money): string => formatMoney(m, 'plain');

beforeAll(async () => {
  ({ store, contractId } = await northstarWithTwoInvoices());
}, 60_000);
afterAll(async () => store?.close());

describe('statementForContract', () => {
  it('charges simple interest on an overdue invoice from the day after its due date plus the grace days', async () => {
    const { statement } = await statementForContract(store, contractId, '2027-06-15');
    // NS-2027-0001: 9,000.00 due 2027-05-01, 5 grace days, so interest from 2027-05-07: 40 days to
    // 2027-06-15 at 18% a year, 9000 × 0.18 × 40 / 365 = 177.534..., 177.53.
    // NS-2027-0002: 9,180.00 (the minimum plus March's 2% first-contact bonus) due 2027-06-02,
    // interest from 2027-06-08: 8 days, 9180 × 0.18 × 8 / 365 = 36.216..., 36.22.
    expect(statement.lines.map((l) => [l.invoiceId, l.status, l.daysOverdue, l.interestFromOn, plain(l.balance), plain(l.interest)])).toEqual([
      ['NS-2027-0001', 'overdue', 45, '2027-05-07', '9000.00', '177.53'],
      ['NS-2027-0002', 'overdue', 13, '2027-06-08', '9180.00', '36.22'],
    ]);
    expect(plain(statement.totals.due)).toBe('18393.75');
    expect(statement.lateInterest).toMatchObject({ rate: '1.5%', annualRate: '18%', graceDays: 5 });
  });

  it('leaves out invoices issued after its date, and charges nothing up to the due date plus grace', async () => {
    const due = await statementForContract(store, contractId, '2027-05-01');
    expect(due.statement.lines.map((l) => [l.invoiceId, l.status, plain(l.interest)])).toEqual([['NS-2027-0001', 'issued', '0.00']]);
    // Overdue from 2027-05-02, but the 5 grace days run to 2027-05-06.
    const grace = await statementForContract(store, contractId, '2027-05-06');
    expect(grace.statement.lines.map((l) => [l.invoiceId, l.status, plain(l.interest)])).toEqual([['NS-2027-0001', 'overdue', '0.00'], ['NS-2027-0002', 'issued', '0.00']]);
  });

  it('pays the oldest invoice first, stops interest on what a payment paid from its date, and nets credit notes', async () => {
    await recordPayment(store, { contractId, amount: '10000.00', receivedOn: '2027-05-20', reference: 'NS-2027-0001', now, actor: 'test' });
    await issueCreditNote(store, { invoiceId: 'NS-2027-0002', amount: '500.00', reason: 'goodwill for the April outage', issueOn: '2027-05-10', now, actor: 'test' });
    const { statement } = await statementForContract(store, contractId, '2027-06-15');
    // March: 13 days (05-07 to 05-19) on 9,000.00 = 57.70, then paid in full on 05-20; the
    // interest stays owed (the total due counts it).
    // April: 9,180.00 less the 500.00 credit note less the 1,000.00 left of the payment = 7,680.00,
    // 8 days from 06-08: 7680 × 0.18 × 8 / 365 = 30.299..., 30.30.
    expect(statement.lines.map((l) => [l.invoiceId, l.status, plain(l.paid), plain(l.credited), plain(l.balance), plain(l.interest)])).toEqual([
      ['NS-2027-0001', 'paid', '9000.00', '0.00', '0.00', '57.70'],
      ['NS-2027-0002', 'overdue', '1000.00', '500.00', '7680.00', '30.30'],
    ]);
    expect(plain(statement.totals.due)).toBe('7768.00');
  });

  it('refuses a date that does not exist', async () => {
    await expect(statementForContract(store, contractId, '2027-06-31')).rejects.toMatchObject({ code: 'DATE_INVALID' });
  });
});
