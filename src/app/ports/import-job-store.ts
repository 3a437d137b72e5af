import type { TakeTurn } from '../event-loop-turns.js';
import type { Outage, TicketEvent, VendorReportDelivery } from '../../domain/tickets/index.js';
import type { JsonValue } from './json-value.js';
import type { StoredTicketFacts } from './ticket-facts-store.js';
import type { StoredTicketHeader } from './ticket-store.js';

export type ImportJobStatus = 'running' | 'completed' | 'failed';

/** Rows a job (or one batch) added that were not stored before. */
export interface ImportedRowCounts {
  readonly tickets: number;
  readonly events: number;
  readonly outages: number;
  readonly vendorReports: number;
}

/** One import of one file into one contract; `rowsCommitted` is the resume checkpoint. */
export interface ImportJob {
  readonly contractId: string;
  readonly importJobId: string;
  /** Importer name: `"jsonl"`, `"zendesk"`. */
  readonly source: string;
  readonly fileName?: string;
  /** Lower-case hex SHA-256 of the file; a rerun of the same file finds the job by it. */
  readonly fileDigest: string;
  readonly status: ImportJobStatus;
  /** Source rows consumed by committed batches: a resumed run skips this many. */
  readonly rowsCommitted: number;
  readonly newRows: ImportedRowCounts;
  /** Epoch seconds. */
  readonly startedAt: number;
  readonly finishedAt?: number;
  readonly summary?: JsonValue;
}

export interface StartImportJobInput {
  readonly contractId: string;
  readonly importJobId: string;
  readonly source: string;
  readonly fileName?: string;
  readonly fileDigest: string;
  readonly startedAt: number;
}

/** Rows parsed from a slice of the source file, written together with the new checkpoint. */
export interface ImportBatch {
  readonly contractId: string;
  readonly importJobId: string;
  readonly tickets: readonly StoredTicketHeader[];
  readonly events: readonly TicketEvent[];
  readonly outages?: readonly Outage[];
  readonly reports?: readonly VendorReportDelivery[];
  /** Source rows consumed once this batch is in (the job's new `rowsCommitted`). */
  readonly rowsConsumedAfterBatch: number;
  /**
   * Facts of the batch's tickets whose header (created event) is in the batch, computed from
   * the batch's own events. Stored in the batch's transaction when every ticket and event of
   * the batch was new (the batch then holds all there is of those tickets); otherwise left
   * out, and the result names the tickets whose facts must be computed from stored events.
   */
  readonly facts?: readonly StoredTicketFacts[];
}

export interface ImportBatchResult {
  readonly newRows: ImportedRowCounts;
  readonly rowsCommitted: number;
  /**
   * Tickets that got new events but no facts from this write (their old facts, if any, were
   * deleted in it): tickets whose earlier events are stored, or all of them when the batch
   * repeated stored rows or came without facts. In ticket order.
   */
  readonly ticketsNeedingFacts: readonly string[];
}

/** A batch encoded for the store ahead of its write (see `prepareImportBatch`). */
export interface PreparedImportBatch {
  readonly batch: ImportBatch;
}

export interface ImportJobStore {
  /** Throws `CONFLICT` when the contract already has a job with this id. */
  startImportJob(input: StartImportJobInput): Promise<ImportJob>;
  getImportJob(contractId: string, importJobId: string): Promise<ImportJob | undefined>;
  /** The newest unfinished (`running` or `failed`) job for the same file, to resume from its checkpoint. */
  findResumableImportJob(contractId: string, fileDigest: string): Promise<ImportJob | undefined>;
  /** Newest first. */
  listImportJobs(contractId: string): Promise<ImportJob[]>;
  /** Sets a `running` or `failed` job running again (clearing `finishedAt`); its checkpoint stays. */
  resumeImportJob(contractId: string, importJobId: string): Promise<ImportJob>;
  /**
   * Writes the batch's rows and moves the checkpoint to `rowsConsumedAfterBatch` in ONE
   * transaction: after a crash either both are stored or neither. Stored rows are skipped, so
   * replaying a batch changes nothing. Throws `CONFLICT` when the job is not running or the
   * checkpoint would move backwards, `EVENTS_INVALID` as `TicketStore.writeTickets` does.
   */
  writeImportBatch(batch: ImportBatch | PreparedImportBatch): Promise<ImportBatchResult>;
  /**
   * Does the CPU work of a batch's write (encoding its rows for the database) now, so an
   * importer can prepare the next batch while the store still writes the previous one; the
   * write then only moves data. Pass the result to `writeImportBatch`. Awaits `takeTurn`
   * every few rows, so the write in progress is not kept waiting for its next statement.
   */
  prepareImportBatch(batch: ImportBatch, takeTurn?: TakeTurn): Promise<PreparedImportBatch>;
  /** Throws `CONFLICT` when the job is not running. */
  finishImportJob(input: {
    contractId: string;
    importJobId: string;
    status: 'completed' | 'failed';
    finishedAt: number;
    summary?: JsonValue;
  }): Promise<ImportJob>;
}
