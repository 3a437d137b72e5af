import { describe, expect, it } from 'vitest';
import type { StoredPayment } from '../../src/app/ports/index.js';
import { buildCreditNote, invoiceToJson, issueInvoice, type Invoice } from '../../src/domain/settlement/index.js';
import { northstarFebruaryCredits, northstarMarchInvoice } from '../../src/domain/settlement/test-support/northstar.js';
import { usd } from '../../src/domain/settlement/test-support/fixtures.js';
import { addContract, march1At } from './store-fixtures.js';
import type { SuiteContext } from './store-suite.js';

/** Northstar's March invoice (with February's credits) as issued for `contractId` under number `id`. */
function issuedFor(contractId: string, id: string, serviceMonth = '2027-03'): Invoice {
  return issueInvoice({ ...northstarMarchInvoice(), contractId, id, serviceMonth, contractVersion: { ...northstarMarchInvoice().contractVersion, version: 1 } });
}

function payment(id: string, receivedOn: string, amount: string, extra: Partial<StoredPayment> = {}): StoredPayment {
  return { id, receivedOn, amount: usd(amount), recordedAt: march1At, recordedBy: 'test', ...extra };
}

export function describeSettlementCases(ctx: SuiteContext): void {
  describe('settlement store', () => {
    it('stores an issued invoice exactly as issued and reads it back equal, by id, by month and in sequence order', async () => {
      const store = ctx.store();
      const contractId = await addContract(store, 'settle');
      const invoice = issuedFor(contractId, 'NS-2027-0001');
      const february = northstarFebruaryCredits();
      const saved = await store.settlement.saveIssuedInvoice(contractId, { invoice, sequence: 1, issuedAt: march1At, issuedBy: 'test' });
      expect(saved.documentJson).toBe(JSON.stringify(invoiceToJson(invoice)));
      expect(saved.documentSha256).toMatch(/^[0-9a-f]{64}$/);
      const read = await store.settlement.getInvoice(contractId, 'NS-2027-0001');
      // Money, bigint minor units and all: the adjustments carry February's capped credits.
      expect(read?.invoice).toEqual(invoice);
      expect(read?.invoice.adjustments?.credits.total).toEqual(february.credits.total);
      expect(read?.documentJson).toBe(saved.documentJson);
      expect((await store.settlement.getInvoiceForMonth(contractId, '2027-03'))?.invoice.id).toBe('NS-2027-0001');
      expect(await store.settlement.getInvoiceForMonth(contractId, '2027-04')).toBeUndefined();
      await store.settlement.saveIssuedInvoice(contractId, { invoice: issuedFor(contractId, 'NS-2027-0002', '2027-04'), sequence: 2, issuedAt: march1At, issuedBy: 'test' });
      expect((await store.settlement.listInvoices(contractId)).map((s) => [s.sequence, s.invoice.id])).toEqual([[1, 'NS-2027-0001'], [2, 'NS-2027-0002']]);
    });

    it('refuses to store an issued invoice again (an edit) or a second invoice for its month, with CONFLICT, and keeps the original', async () => {
      const store = ctx.store();
      const contractId = await addContract(store, 'settle');
      const invoice = issuedFor(contractId, 'NS-2027-0001');
      await store.settlement.saveIssuedInvoice(contractId, { invoice, sequence: 1, issuedAt: march1At, issuedBy: 'test' });
      const edited = { ...invoice, notes: [...invoice.notes, 'changed after issue'] };
      await expect(store.settlement.saveIssuedInvoice(contractId, { invoice: edited, sequence: 1, issuedAt: march1At, issuedBy: 'test' })).rejects.toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining('invoice NS-2027-0001 for 2027-03 was issued on 2027-04-01, and an issued invoice is never changed'),
      });
      await expect(store.settlement.saveIssuedInvoice(contractId, { invoice: issuedFor(contractId, 'NS-2027-0009'), sequence: 9, issuedAt: march1At, issuedBy: 'test' })).rejects.toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining('cannot issue a second invoice for 2027-03'),
      });
      expect((await store.settlement.getInvoice(contractId, 'NS-2027-0001'))?.invoice.notes).toEqual(invoice.notes);
      expect(await store.settlement.listInvoices(contractId)).toHaveLength(1);
    });

    it('refuses a draft, and keeps the caller\'s transaction usable after a refused save', async () => {
      const store = ctx.store();
      const contractId = await addContract(store, 'settle');
      const draft = { ...northstarMarchInvoice(), contractId, id: 'NS-2027-0001' };
      await expect(store.settlement.saveIssuedInvoice(contractId, { invoice: draft, sequence: 1, issuedAt: march1At, issuedBy: 'test' })).rejects.toMatchObject({ code: 'USAGE' });
      await store.transaction(async (session) => {
        await session.settlement.lockSettlement(contractId);
        await session.settlement.saveIssuedInvoice(contractId, { invoice: issuedFor(contractId, 'NS-2027-0001'), sequence: 1, issuedAt: march1At, issuedBy: 'test' });
        await expect(session.settlement.saveIssuedInvoice(contractId, { invoice: issuedFor(contractId, 'NS-2027-0001'), sequence: 1, issuedAt: march1At, issuedBy: 'test' })).rejects.toMatchObject({ code: 'CONFLICT' });
        await session.settlement.savePayment(contractId, payment('PMT-0001', '2027-04-10', '100.00'));
      });
      expect(await store.settlement.listInvoices(contractId)).toHaveLength(1);
      expect(await store.settlement.listPayments(contractId)).toHaveLength(1);
    });

    it('refuses UPDATE and DELETE of issued invoices and credit notes even in hand-written SQL', async () => {
      const store = ctx.store();
      const contractId = await addContract(store, 'settle');
      const invoice = issuedFor(contractId, 'NS-2027-0001');
      await store.settlement.saveIssuedInvoice(contractId, { invoice, sequence: 1, issuedAt: march1At, issuedBy: 'test' });
      const note = buildCreditNote(invoice, [{ description: 'Ten tickets billed twice', amount: usd('150.00'), correctsLineId: 'usage-2' }], 'double count', { issueOn: '2027-04-10' });
      await store.settlement.saveCreditNote(contractId, { creditNote: note, issuedAt: march1At, issuedBy: 'test' });
      await expect(store.queryRaw(`UPDATE invoices SET total_minor = 1 WHERE contract_id = '${contractId}'`)).rejects.toThrow(/issued documents are never changed \(UPDATE on invoices\)/);
      await expect(store.queryRaw(`DELETE FROM invoices WHERE contract_id = '${contractId}'`)).rejects.toThrow(/never changed \(DELETE on invoices\)/);
      await expect(store.queryRaw(`UPDATE credit_notes SET reason = 'x' WHERE contract_id = '${contractId}'`)).rejects.toThrow(/never changed \(UPDATE on credit_notes\)/);
      expect((await store.settlement.getInvoice(contractId, 'NS-2027-0001'))?.invoice).toEqual(invoice);
    });

    it('stores credit notes against an issued invoice only, once each, and reads them back equal', async () => {
      const store = ctx.store();
      const contractId = await addContract(store, 'settle');
      const invoice = issuedFor(contractId, 'NS-2027-0001');
      await store.settlement.saveIssuedInvoice(contractId, { invoice, sequence: 1, issuedAt: march1At, issuedBy: 'test' });
      const first = buildCreditNote(invoice, [{ description: 'Ten tickets billed twice', amount: usd('150.00'), correctsLineId: 'usage-2' }], 'double count', { issueOn: '2027-04-10' });
      const second = buildCreditNote(invoice, [{ description: 'Goodwill', amount: usd('0.01') }], 'rounding goodwill', { issueOn: '2027-04-09', sequence: 2 });
      await store.settlement.saveCreditNote(contractId, { creditNote: first, issuedAt: march1At, issuedBy: 'test' });
      await store.settlement.saveCreditNote(contractId, { creditNote: second, issuedAt: march1At, issuedBy: 'test' });
      await expect(store.settlement.saveCreditNote(contractId, { creditNote: first, issuedAt: march1At, issuedBy: 'test' })).rejects.toMatchObject({ code: 'CONFLICT' });
      const orphan = { ...first, id: 'X-CN1', originalInvoiceId: 'NS-2099-0001' };
      await expect(store.settlement.saveCreditNote(contractId, { creditNote: orphan, issuedAt: march1At, issuedBy: 'test' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      const notes = await store.settlement.listCreditNotes(contractId, { invoiceId: 'NS-2027-0001' });
      // By issue date: the goodwill note is dated a day earlier.
      expect(notes.map((s) => s.creditNote)).toEqual([second, first]);
      expect(await store.settlement.listCreditNotes(contractId, { invoiceId: 'NS-2027-0002' })).toEqual([]);
    });

    it('keeps payment amounts exact beyond 2^53 minor units and lists them by date received', async () => {
      const store = ctx.store();
      const contractId = await addContract(store, 'settle');
      // 2^53 + 1 cents: a float would read it back as 2^53.
      const huge = { minor: 9_007_199_254_740_993n, currency: 'USD' };
      await store.settlement.savePayment(contractId, payment('PMT-0002', '2027-05-02', '10.00', { amount: huge, reference: 'NS-2027-0001', method: 'wire' }));
      await store.settlement.savePayment(contractId, payment('PMT-0001', '2027-05-01', '1234.50'));
      await expect(store.settlement.savePayment(contractId, payment('PMT-0001', '2027-05-03', '1.00'))).rejects.toMatchObject({ code: 'CONFLICT' });
      const listed = await store.settlement.listPayments(contractId);
      expect(listed).toEqual([payment('PMT-0001', '2027-05-01', '1234.50'), payment('PMT-0002', '2027-05-02', '10.00', { amount: huge, reference: 'NS-2027-0001', method: 'wire' })]);
    });

    it('finds an invoice by number across contracts, and keeps each contract\'s documents to itself', async () => {
      const store = ctx.store();
      const a = await addContract(store, 'settle');
      const b = await addContract(store, 'settle');
      await store.settlement.saveIssuedInvoice(a, { invoice: issuedFor(a, 'SHARED-2027-0001'), sequence: 1, issuedAt: march1At, issuedBy: 'test' });
      await store.settlement.saveIssuedInvoice(b, { invoice: issuedFor(b, 'SHARED-2027-0001'), sequence: 1, issuedAt: march1At, issuedBy: 'test' });
      expect((await store.settlement.findInvoices('SHARED-2027-0001')).map((s) => s.contractId)).toEqual([a, b].sort());
      expect(await store.settlement.findInvoices('NONE-2027-0001')).toEqual([]);
      await expect(store.settlement.saveIssuedInvoice(b, { invoice: issuedFor(a, 'OTHER-1', '2027-05'), sequence: 2, issuedAt: march1At, issuedBy: 'test' })).rejects.toMatchObject({ code: 'USAGE' });
      await expect(store.transaction((session) => session.settlement.lockSettlement('no-such-contract'))).rejects.toMatchObject({ code: 'CONTRACT_NOT_FOUND' });
    });
  });
}
