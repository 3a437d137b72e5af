import type { ImportedRowCounts, StoreSession, StoredTicketHeader } from './ports/index.js';
import { turnsEvery } from './event-loop-turns.js';
import { factsOfNewTickets, latestMaterializer, refreshTicketFacts, repairTicketFacts, type TicketFactsMaterializer } from './ticket-facts-materializer.js';
import { SupportPactError, type Problem } from '../domain/errors/index.js';
import type { Outage, TicketEvent, VendorReportDelivery } from '../domain/tickets/index.js';

/** The records an importer yields (the importers' `ImportRecord`, seen from the use case). */
export type TicketRecord =
  | { readonly type: 'ticket'; readonly header: StoredTicketHeader }
  | { readonly type: 'event'; readonly event: TicketEvent; readonly line?: number }
  | { readonly type: 'outage'; readonly outage: Outage; readonly line?: number }
  | { readonly type: 'vendor-report'; readonly report: VendorReportDelivery; readonly line?: number }
  | { readonly type: 'skip'; readonly line?: number; readonly path?: string; readonly field?: string; readonly reason: string; readonly value?: string }
  | { readonly type: 'notice' | 'end' };

export interface ImportRequest {
  readonly contractId: string;
  readonly source: string;
  readonly fileName: string;
  /** sha256 of the file's bytes: the same file resumes its unfinished job. */
  readonly fileDigest: string;
  /** The importer's records, one by one or in arrays (`readImportBatches`): the same stream either way. */
  readonly records: AsyncIterable<TicketRecord | readonly TicketRecord[]>;
  readonly now: () => number;
  readonly actor: string;
  /** Stop after this many skipped rows; nothing of the failing batch is stored. Default 100. */
  readonly maxErrors?: number;
  /** Events per atomic batch. Default 20,000 (see `defaultBatchEvents`). */
  readonly batchEvents?: number;
  /** Read and check everything, store nothing. */
  readonly dryRun?: boolean;
  /** Called after each committed batch (progress bars, and tests that kill the process mid-import). */
  readonly onBatch?: (progress: { readonly batches: number; readonly recordsConsumed: number; readonly newRows: ImportedRowCounts }) => void;
}

export interface ImportResult {
  readonly importJobId: string | undefined;
  /** Whether an interrupted job for the same file was resumed. */
  readonly resumed: boolean;
  /** Records skipped because an earlier run had already committed them. */
  readonly recordsAlreadyCommitted: number;
  readonly recordsConsumed: number;
  readonly batches: number;
  /** Rows that were new to the store (a re-import of the same data gives zeros). */
  readonly newRows: ImportedRowCounts;
  readonly skipped: number;
  readonly dryRun: boolean;
}

const zero: ImportedRowCounts = { tickets: 0, events: 0, outages: 0, vendorReports: 0 };

function add(a: ImportedRowCounts, b: ImportedRowCounts): ImportedRowCounts {
  return { tickets: a.tickets + b.tickets, events: a.events + b.events, outages: a.outages + b.outages, vendorReports: a.vendorReports + b.vendorReports };
}

function skipProblem(record: Extract<TicketRecord, { type: 'skip' }>, fileName: string): Problem {
  return {
    message: `${record.reason}${record.value !== undefined ? `: ${JSON.stringify(record.value)}` : ''}`,
    file: fileName,
    ...(record.line !== undefined ? { line: record.line } : {}),
    ...(record.field !== undefined ? { path: [record.field] } : record.path !== undefined ? { path: [record.path] } : {}),
  };
}

/**
 * Events per batch unless the caller says otherwise. A batch's fixed cost (transaction, job
 * row, ticket check) is about 2.5 ms of CPU on PGlite: 0.12 µs an event at 20,000, about 1%.
 * Measured over 800,000 and 8,000,000 events, 5,000, 10,000 and 50,000 were no faster on
 * either backend, nor was 40,000 with the embedded database on its own thread; two batches of
 * 20,000 events in memory take about 20 MB. A batch is cut at the next ticket once full (see
 * `cutBefore`), so it may hold up to twice as many.
 */
export const defaultBatchEvents = 20_000;

/** Thrown inside the read loop when skips pass `maxErrors`; the error itself is made once the batch being written is done. */
const tooManySkipped = Symbol('too many skipped rows');

function isRecordArray(item: TicketRecord | readonly TicketRecord[]): item is readonly TicketRecord[] {
  return Array.isArray(item);
}

/**
 * Imports a stream of ticket records into the store in atomic batches: each batch's rows and
 * the job's checkpoint commit in one transaction, so a killed import leaves no half batch
 * and the next run of the same file resumes after the last committed batch. Duplicate
 * events (same ticket and source reference) are ignored, so importing twice changes nothing.
 * More than `maxErrors` skipped rows stops the import (IMPORT_INVALID) with the failing
 * batch discarded. Reading goes on while a batch is written (one write at a time, in
 * order), so a server backend's work overlaps the parsing of the next batch.
 */
/**
 * `<source>-<file digest>-<start second>`, with `-2`, `-3`… when the same file was imported
 * before within that second (a script importing it twice must not collide with itself).
 */
async function newImportJobId(store: StoreSession, request: ImportRequest): Promise<string> {
  const base = `${request.source}-${request.fileDigest.slice(0, 12)}-${request.now()}`;
  let id = base;
  for (let n = 2; await store.importJobs.getImportJob(request.contractId, id); n++) id = `${base}-${n}`;
  return id;
}

/** How long the import reads or encodes without letting the event loop run other work (see event-loop-turns.ts). */
const turnEveryMs = 2;

export async function importTicketRecords(store: StoreSession, request: ImportRequest): Promise<ImportResult> {
  const maxErrors = request.maxErrors ?? 100;
  const batchEvents = request.batchEvents ?? defaultBatchEvents;
  const dryRun = request.dryRun ?? false;
  if (!dryRun && !(await store.contracts.getContract(request.contractId))) {
    const known = (await store.contracts.listContracts()).map((c) => c.contractId);
    throw new SupportPactError('CONTRACT_NOT_FOUND', `no stored contract ${request.contractId}`, { problems: [{ message: known.length ? `stored contracts: ${known.join(', ')}` : 'no contracts are stored yet', hint: 'add it first with `supportpact contract add <file>`' }] });
  }

  let job = dryRun ? undefined : await store.importJobs.findResumableImportJob(request.contractId, request.fileDigest);
  const resumed = job !== undefined;
  if (job) job = await store.importJobs.resumeImportJob(request.contractId, job.importJobId);
  else if (!dryRun) {
    job = await store.importJobs.startImportJob({
      contractId: request.contractId,
      importJobId: await newImportJobId(store, request),
      source: request.source,
      fileName: request.fileName,
      fileDigest: request.fileDigest,
      startedAt: request.now(),
    });
  }
  const alreadyCommitted = job?.rowsCommitted ?? 0;
  const materializer: TicketFactsMaterializer | undefined = job ? await latestMaterializer(store, request.contractId) : undefined;

  let consumed = 0;
  let batches = 0;
  let batchesCommitted = 0;
  let newRows = zero;
  let skipped = 0;
  const problems: Problem[] = [];
  let tickets: StoredTicketHeader[] = [];
  let events: TicketEvent[] = [];
  let outages: Outage[] = [];
  let reports: VendorReportDelivery[] = [];
  // The batch being written while the next one is read: it never rejects; its failure waits in `writeFailure`.
  let writing: Promise<void> | undefined;
  const takeTurn = turnsEvery(turnEveryMs);
  let writeFailure: { error: unknown } | undefined;

  /** Waits for the batch being written; rethrows its failure. */
  const settle = async (): Promise<void> => {
    if (writing) {
      await writing;
      writing = undefined;
    }
    if (writeFailure) throw writeFailure.error;
  };

  const flush = async (): Promise<void> => {
    if (tickets.length + events.length + outages.length + reports.length === 0 && consumed <= alreadyCommitted) return;
    const number = ++batches;
    const rows = { tickets, events, outages, reports, rowsConsumedAfterBatch: consumed };
    tickets = [];
    events = [];
    outages = [];
    reports = [];
    // The batch's facts and encoding are computed while the previous batch is still being
    // written (the embedded database works on a thread of its own): the write that follows
    // only moves data. Facts come from the batch's own events for tickets created in it, and
    // are stored with the batch when it was all new.
    // Both take turns, so the write in progress gets its next statement while they run.
    const factsOf = materializer;
    const prepared =
      dryRun || !job
        ? undefined
        : await store.importJobs.prepareImportBatch(
            {
              contractId: request.contractId,
              importJobId: job.importJobId,
              ...rows,
              ...(factsOf ? { facts: await factsOfNewTickets(factsOf, rows.tickets, rows.events, takeTurn) } : {}),
            },
            takeTurn,
          );
    await settle();
    if (!prepared) {
      batchesCommitted++;
      request.onBatch?.({ batches: number, recordsConsumed: rows.rowsConsumedAfterBatch, newRows });
      return;
    }
    writing = store.importJobs
      .writeImportBatch(prepared)
      .then(async (result) => {
        // Tickets whose earlier events are stored (one straddles each batch boundary) get their
        // facts from all their events, once the batch is committed. A crash in between leaves
        // them without facts (scorecards stream events meanwhile) until the end of the import repairs them.
        if (factsOf) await refreshTicketFacts(store, request.contractId, result.ticketsNeedingFacts, factsOf);
        return result;
      })
      .then(
        (result) => {
          batchesCommitted++;
          newRows = add(newRows, result.newRows);
          request.onBatch?.({ batches: number, recordsConsumed: rows.rowsConsumedAfterBatch, newRows });
        },
        (error: unknown) => {
          writeFailure = { error };
        },
      );
  };

  /**
   * A full batch is cut before the next ticket's first record, so a ticket's events (as most
   * exports group them) never straddle two batches: the facts of the batch's tickets then come
   * from the batch alone, without reading stored events back. A batch grown to twice the size
   * (one huge ticket, or a source that interleaves tickets) is cut anyway.
   */
  const cutBefore = (record: TicketRecord): boolean => {
    if (events.length < batchEvents) return false;
    if (events.length >= 2 * batchEvents) return true;
    const last = events[events.length - 1]!.ticket;
    return record.type === 'ticket' ? record.header.ticket !== last : record.type === 'event' ? record.event.ticket !== last : false;
  };

  /** Takes one record into the batch. */
  const take = (record: TicketRecord): void => {
    consumed++;
    // Resuming: everything up to the checkpoint is stored already.
    if (consumed <= alreadyCommitted) return;
    switch (record.type) {
      case 'ticket':
        tickets.push(record.header);
        break;
      case 'event':
        events.push(record.event);
        break;
      case 'outage':
        outages.push(record.outage);
        break;
      case 'vendor-report':
        reports.push(record.report);
        break;
      case 'skip':
        skipped++;
        if (problems.length < 200) problems.push(skipProblem(record, request.fileName));
        if (skipped > maxErrors) throw tooManySkipped;
        break;
      default:
        break;
    }
  };

  try {
    for await (const item of request.records) {
      for (const record of isRecordArray(item) ? item : [item]) {
        if (cutBefore(record)) await flush();
        take(record);
      }
      // Records already read arrive as resolved promises, so this loop could parse a whole batch
      // without giving the event loop a turn, while the batch being written waits for it (see
      // event-loop-turns.ts). A turn every few milliseconds keeps both busy.
      const turn = takeTurn();
      if (turn) await turn;
    }
    await flush();
    await settle();
  } catch (thrown) {
    // A batch already handed to the store finishes (committed or not) before the job is marked failed.
    if (writing) await writing;
    const error =
      thrown === tooManySkipped
        ? new SupportPactError('IMPORT_INVALID', `${request.fileName}: more than ${maxErrors} rows could not be read; the import stopped and nothing of the failing batch was stored`, {
            problems,
            details: { skipped, batchesCommitted, maxErrors },
          })
        : thrown;
    if (job) await store.importJobs.finishImportJob({ contractId: request.contractId, importJobId: job.importJobId, status: 'failed', finishedAt: request.now(), summary: { error: (error as Error).message, recordsConsumed: consumed } });
    throw error;
  }

  if (job) {
    await repairTicketFacts(store, request.contractId);
    await store.transaction(async (session) => {
      await session.importJobs.finishImportJob({ contractId: request.contractId, importJobId: job.importJobId, status: 'completed', finishedAt: request.now(), summary: { recordsConsumed: consumed, skipped, newRows: { ...newRows } } });
      await session.audit.appendAudit({
        contractId: request.contractId,
        at: request.now(),
        actor: request.actor,
        action: 'import.completed',
        subject: request.fileName,
        payload: { source: request.source, fileDigest: request.fileDigest, importJobId: job.importJobId, resumed, recordsConsumed: consumed, skipped, newRows: { ...newRows } },
      });
    });
  }
  return { importJobId: job?.importJobId, resumed, recordsAlreadyCommitted: alreadyCommitted, recordsConsumed: consumed, batches, newRows, skipped, dryRun };
}
