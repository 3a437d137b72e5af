import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedStore } from '../adapters/store/open-store.js';
import { issueCreditNote, type IssueCreditNoteRequest } from './issue-credit-note.js';
import { issueInvoiceForMonth } from './issue-invoice-for-month.js';
import { addContractVersion } from './add-contract-version.js';
import { importRecords, northstarWithTwoInvoices, solvedTicket } from './test-support/settlement-fixture.js';
import { readExampleContract } from '../../test/support/examples.js';
import { formatMoney } from '../domain/money/index.js';

let store: OpenedStore;
let contractId: string;
const now = Date.parse('2027-06-20T09:00:00-07:00') / 1000;

beforeAll(async () => {
  ({ store, contractId } = await northstarWithTwoInvoices());
}, 60_000);
afterAll(async () => store?.close());

const request = (amount: string, extra: Partial<IssueCreditNoteRequest> = {}): IssueCreditNoteRequest => ({ invoiceId: 'NS-2027-0001', amount, reason: 'double count', issueOn: '2027-04-15', now, actor: 'test', ...extra });

describe('issueCreditNote', () => {
  it('corrects an issued invoice with numbered credit notes, leaving the invoice as issued, and logs each', async () => {
    const before = (await store.settlement.getInvoice(contractId, 'NS-2027-0001'))!;
    const first = await issueCreditNote(store, request('18.00', { lineId: 'usage-1', reason: 'T-2 was billed though it was a duplicate' }));
    const second = await issueCreditNote(store, request('100.00', { description: 'Goodwill for the March 9 outage' }));
    expect(first.creditNote).toMatchObject({ id: 'NS-2027-0001-CN1', originalInvoiceId: 'NS-2027-0001', issueOn: '2027-04-15', reason: 'T-2 was billed though it was a duplicate' });
    expect(first.creditNote.lines.map((l) => [l.description, l.clause, formatMoney(l.amount, 'plain')])).toEqual([['Correction of Resolved tickets 1–500', 'invoice NS-2027-0001 line usage-1', '-18.00']]);
    expect(second.creditNote.lines.map((l) => [l.description, formatMoney(l.amount, 'plain')])).toEqual([['Goodwill for the March 9 outage', '-100.00']]);
    expect(second.creditNote.id).toBe('NS-2027-0001-CN2');
    expect((await store.settlement.getInvoice(contractId, 'NS-2027-0001'))?.documentJson).toBe(before.documentJson);
    const logged = (await store.audit.listAudit({ contractId })).filter((e) => e.action === 'credit-note.issued').map((e) => e.subject);
    expect(logged).toEqual(['credit-note:NS-2027-0001-CN1', 'credit-note:NS-2027-0001-CN2']);
  });

  it('refuses to credit more than the invoice total less its earlier credit notes', async () => {
    // 9,000.00 - 18.00 - 100.00 = 8,882.00 is left to credit.
    await expect(issueCreditNote(store, request('8882.01'))).rejects.toMatchObject({ code: 'USAGE', message: expect.stringContaining('USD 8,882.01 plus USD 118.00 already credited is more than the invoice total USD 9,000.00') });
    expect((await issueCreditNote(store, request('8882.00'))).creditNote.id).toBe('NS-2027-0001-CN3');
  });

  it('refuses an unknown line, a date before the invoice, a bad amount and an invoice that was never issued', async () => {
    await expect(issueCreditNote(store, request('1.00', { invoiceId: 'NS-2027-0002', lineId: 'usage-9', issueOn: '2027-05-10' }))).rejects.toMatchObject({ code: 'USAGE', message: expect.stringContaining('has no line usage-9') });
    await expect(issueCreditNote(store, request('1.00', { invoiceId: 'NS-2027-0002', issueOn: '2027-05-02' }))).rejects.toMatchObject({ code: 'USAGE', message: expect.stringContaining("not a date on or after the invoice's 2027-05-03") });
    await expect(issueCreditNote(store, request('1,00', { invoiceId: 'NS-2027-0002' }))).rejects.toMatchObject({ code: 'MONEY_INVALID' });
    await expect(issueCreditNote(store, request('1.00', { invoiceId: 'NS-2027-0009' }))).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'no issued invoice NS-2027-0009' });
  });

  it('asks which contract when two contracts have an invoice with the same number', async () => {
    // A second contract with the same vendor numbers its first invoice NS-2027-0001 too.
    const text = readExampleContract('northstar-tiered').replace('id: acme-northstar-2027', 'id: acme-northstar-west');
    const other = (await addContractVersion(store, { text, file: 'west.contract.yaml', now, actor: 'test' })).contractId;
    await importRecords(store, other, solvedTicket('W-1', Date.parse('2027-03-03T10:00:00-08:00') / 1000, 'normal'), 'b'.repeat(64));
    await issueInvoiceForMonth(store, { contractId: other, month: '2027-03', now, actor: 'test' });
    await expect(issueCreditNote(store, request('1.00'))).rejects.toMatchObject({ code: 'USAGE', message: 'invoice NS-2027-0001 exists for contracts acme-northstar-2027, acme-northstar-west' });
    expect((await issueCreditNote(store, request('1.00', { contractId: other }))).contractId).toBe(other);
  }, 60_000);
});
