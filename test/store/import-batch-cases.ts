import { describe, expect, it } from 'vitest';
import type { ImportBatch } from '../../src/app/ports/index.js';
import { addContract, event, header, march1At, startJob, ticketSet } from './store-fixtures.js';
import type { SuiteContext } from './store-suite.js';

export function describeImportBatchCases(ctx: SuiteContext): void {
  describe('writeImportBatch', () => {
    async function prepared(label: string): Promise<{ contractId: string; batch: ImportBatch }> {
      const store = ctx.store();
      const contractId = await addContract(store, label);
      await startJob(store, contractId);
      const { tickets, events } = ticketSet(4, march1At);
      const batch: ImportBatch = {
        contractId,
        importJobId: 'job-1',
        tickets,
        events,
        outages: [{ id: 'o-1', service: 'phone-line', startAt: march1At, endAt: march1At + 900, description: 'carrier fault' }],
        reports: [{ id: 'r-2027-02', month: '2027-02', deliveredAt: march1At + 86400 * 4 }],
        rowsConsumedAfterBatch: 14,
      };
      return { contractId, batch };
    }

    it('writes the rows and moves the checkpoint, returning how many rows were new', async () => {
      const { contractId, batch } = await prepared('batch');
      const store = ctx.store();
      const result = await store.importJobs.writeImportBatch(batch);
      // Without facts in the batch, every ticket with new events is left to compute them from the stored events.
      expect(result).toEqual({ newRows: { tickets: 4, events: 12, outages: 1, vendorReports: 1 }, rowsCommitted: 14, ticketsNeedingFacts: batch.tickets.map((t) => t.ticket).sort() });
      expect(await store.tickets.countTickets(contractId)).toEqual({ tickets: 4, events: 12 });
      expect(await store.importJobs.getImportJob(contractId, 'job-1')).toMatchObject({
        status: 'running',
        rowsCommitted: 14,
        newRows: { tickets: 4, events: 12, outages: 1, vendorReports: 1 },
        fileName: 'events.jsonl',
      });
      expect(await store.outages.listOutages(contractId)).toEqual(batch.outages);
      expect(await store.vendorReports.listVendorReports(contractId)).toEqual(batch.reports);
    });

    it('changes nothing when the same batch is written again', async () => {
      const { contractId, batch } = await prepared('replay');
      const store = ctx.store();
      await store.importJobs.writeImportBatch(batch);
      const again = await store.importJobs.writeImportBatch(batch);
      expect(again.newRows).toEqual({ tickets: 0, events: 0, outages: 0, vendorReports: 0 });
      expect(await store.tickets.countTickets(contractId)).toEqual({ tickets: 4, events: 12 });
      expect((await store.importJobs.getImportJob(contractId, 'job-1'))?.newRows.events).toBe(12);
    });

    it('stores only the new rows of a batch that overlaps stored ones, and a row repeated inside a batch once', async () => {
      const { contractId, batch } = await prepared('overlap');
      const store = ctx.store();
      await store.importJobs.writeImportBatch({ ...batch, events: batch.events.slice(0, 6) });
      const repeated = batch.events[11]!;
      const result = await store.importJobs.writeImportBatch({ ...batch, tickets: [], events: [...batch.events, repeated], rowsConsumedAfterBatch: 20 });
      expect(result.newRows.events).toBe(6);
      expect(await store.tickets.countTickets(contractId)).toEqual({ tickets: 4, events: 12 });
    });

    it('leaves no partial batch behind when a row fails: rows, counts and checkpoint stay as they were', async () => {
      const { contractId, batch } = await prepared('rollback');
      const store = ctx.store();
      // The outage ends before it starts: the database refuses it after the tickets went in.
      const failing = { ...batch, outages: [{ id: 'o-bad', service: 'phone-line', startAt: march1At + 60, endAt: march1At }] };
      await expect(store.importJobs.writeImportBatch(failing)).rejects.toThrow();
      expect(await store.tickets.countTickets(contractId)).toEqual({ tickets: 0, events: 0 });
      expect(await store.importJobs.getImportJob(contractId, 'job-1')).toMatchObject({ rowsCommitted: 0, newRows: { tickets: 0, events: 0 } });
      // The same batch, corrected, then goes in whole.
      expect((await store.importJobs.writeImportBatch(batch)).newRows.events).toBe(12);
    });

    it('keeps text with tabs, newlines and backslashes exactly, and every optional field', async () => {
      const { contractId } = await prepared('escape');
      const store = ctx.store();
      const awkward = 'line 1\nline\t2 \\ C:\\temp\r\n\\N';
      const fullHeader = header('T-ESC', march1At, { source: 'zendesk', category: awkward, technology: 'Windows 11', sourceSla: { resolutionMet: false, firstResponseMet: true } });
      const fullEvent = event('T-ESC', 'zendesk:audit/1', march1At, 'status_changed', { seq: 7, status: 'pending_customer', priority: 'P1', actor: awkward, source: 'zendesk:audit/1' });
      await store.importJobs.writeImportBatch({ contractId, importJobId: 'job-1', tickets: [fullHeader], events: [{ ...fullEvent, channel: 'phone', category: awkward, technology: '' }], rowsConsumedAfterBatch: 1 });
      const stored = await store.tickets.getTicket(contractId, 'T-ESC');
      expect(stored?.header).toEqual(fullHeader);
      expect(stored?.events).toEqual([{ ...fullEvent, channel: 'phone', category: awkward, technology: '' }]);
    });

    it('refuses to move a checkpoint backwards, to write into a finished job, and names an unknown job', async () => {
      const { contractId, batch } = await prepared('guards');
      const jobs = ctx.store().importJobs;
      await jobs.writeImportBatch(batch);
      await expect(jobs.writeImportBatch({ ...batch, rowsConsumedAfterBatch: 13 })).rejects.toMatchObject({ code: 'CONFLICT' });
      await jobs.finishImportJob({ contractId, importJobId: 'job-1', status: 'completed', finishedAt: march1At + 60, summary: { rows: 14, skipped: [] } });
      await expect(jobs.writeImportBatch({ ...batch, rowsConsumedAfterBatch: 20 })).rejects.toMatchObject({ code: 'CONFLICT' });
      await expect(jobs.resumeImportJob(contractId, 'job-1')).rejects.toMatchObject({ code: 'CONFLICT' });
      await expect(jobs.writeImportBatch({ ...batch, importJobId: 'job-404' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(jobs.startImportJob({ contractId, importJobId: 'job-1', source: 'jsonl', fileDigest: 'x', startedAt: march1At })).rejects.toMatchObject({ code: 'CONFLICT' });
      await expect(jobs.startImportJob({ contractId: 'no-such-contract', importJobId: 'j', source: 'jsonl', fileDigest: 'x', startedAt: march1At })).rejects.toMatchObject({
        code: 'CONTRACT_NOT_FOUND',
      });
      expect(await jobs.getImportJob(contractId, 'job-1')).toMatchObject({ status: 'completed', finishedAt: march1At + 60, summary: { rows: 14, skipped: [] } });
    });

    it('finds a failed job of the same file and resumes it from its checkpoint', async () => {
      const { contractId, batch } = await prepared('resume');
      const jobs = ctx.store().importJobs;
      await jobs.writeImportBatch({ ...batch, events: batch.events.slice(0, 6), rowsConsumedAfterBatch: 7 });
      await jobs.finishImportJob({ contractId, importJobId: 'job-1', status: 'failed', finishedAt: march1At + 30 });
      const resumable = await jobs.findResumableImportJob(contractId, `digest-of-${contractId}`);
      expect(resumable).toMatchObject({ importJobId: 'job-1', status: 'failed', rowsCommitted: 7 });
      expect(await jobs.resumeImportJob(contractId, 'job-1')).toMatchObject({ status: 'running', rowsCommitted: 7 });
      expect((await jobs.getImportJob(contractId, 'job-1'))?.finishedAt).toBeUndefined();
      await jobs.writeImportBatch({ ...batch, events: batch.events.slice(6) });
      await jobs.finishImportJob({ contractId, importJobId: 'job-1', status: 'completed', finishedAt: march1At + 90 });
      expect(await jobs.findResumableImportJob(contractId, `digest-of-${contractId}`)).toBeUndefined();
      expect((await jobs.listImportJobs(contractId)).map((j) => [j.importJobId, j.status, j.newRows.events])).toEqual([['job-1', 'completed', 12]]);
    });

    it('refuses events of a ticket that has no ticket record, in the batch or stored, and keeps nothing', async () => {
      const { contractId, batch } = await prepared('orphan');
      const store = ctx.store();
      const orphans = [event('T-777', 'x1', march1At, 'agent_replied'), event('T-778', 'x2', march1At, 'agent_replied')];
      const attempt = store.importJobs.writeImportBatch({ ...batch, events: [...batch.events, ...orphans] });
      await expect(attempt).rejects.toMatchObject({ code: 'EVENTS_INVALID', message: expect.stringContaining('T-777, T-778') });
      expect(await store.tickets.countTickets(contractId)).toEqual({ tickets: 0, events: 0 });
    });

    it('rejects a fractional instant and keeps nothing of the batch', async () => {
      const { contractId, batch } = await prepared('fraction');
      const store = ctx.store();
      await expect(store.importJobs.writeImportBatch({ ...batch, events: [event('T-001', 'x', march1At + 0.5, 'created')] })).rejects.toMatchObject({ code: 'EVENTS_INVALID' });
      expect(await store.tickets.countTickets(contractId)).toEqual({ tickets: 0, events: 0 });
    });
  });

  describe('writeOutages', () => {
    it('skips stored ids and lists outages overlapping a half-open range, by service', async () => {
      const store = ctx.store();
      const contractId = await addContract(store, 'outages');
      const outages = [
        { id: 'o-1', service: 'phone-line', startAt: march1At - 600, endAt: march1At },
        { id: 'o-2', service: 'phone-line', startAt: march1At + 3600, endAt: march1At + 7200 },
        { id: 'o-3', service: 'portal', startAt: march1At + 100, endAt: march1At + 200 },
      ];
      expect(await store.outages.writeOutages(contractId, outages)).toBe(3);
      expect(await store.outages.writeOutages(contractId, outages)).toBe(0);
      // o-1 ends exactly where the range starts: [a, b) and [b, c) do not overlap.
      const inRange = await store.outages.listOutages(contractId, { overlapping: { fromAt: march1At, toAt: march1At + 3601 } });
      expect(inRange.map((o) => o.id)).toEqual(['o-3', 'o-2']);
      expect((await store.outages.listOutages(contractId, { service: 'phone-line' })).map((o) => o.id)).toEqual(['o-1', 'o-2']);
      await expect(store.outages.writeOutages('no-such-contract', outages)).rejects.toMatchObject({ code: 'CONTRACT_NOT_FOUND' });
    });
  });

  describe('writeVendorReports', () => {
    it('skips stored ids, lists by month and rejects a malformed month', async () => {
      const store = ctx.store();
      const contractId = await addContract(store, 'reports');
      const reports = [
        { id: 'r-2', month: '2027-02', deliveredAt: march1At + 5 * 86400 },
        { id: 'r-1', month: '2027-01', deliveredAt: march1At - 20 * 86400 },
      ];
      expect(await store.vendorReports.writeVendorReports(contractId, reports)).toBe(2);
      expect(await store.vendorReports.writeVendorReports(contractId, reports)).toBe(0);
      expect((await store.vendorReports.listVendorReports(contractId)).map((r) => r.id)).toEqual(['r-1', 'r-2']);
      expect(await store.vendorReports.listVendorReports(contractId, { month: '2027-02' })).toEqual([reports[0]]);
      await expect(store.vendorReports.writeVendorReports(contractId, [{ id: 'r-x', month: '2027-2', deliveredAt: march1At }])).rejects.toMatchObject({
        code: 'DATE_INVALID',
      });
    });
  });
}
