import { sql, type Kysely, type Selectable } from 'kysely';
import type {
  ImportBatch,
  ImportBatchResult,
  ImportJob,
  ImportJobStatus,
  ImportJobStore,
  JsonValue,
  PreparedImportBatch,
  StartImportJobInput,
} from '../../app/ports/index.js';
import { noTurns, type TakeTurn } from '../../app/event-loop-turns.js';
import { SupportPactError } from '../../domain/errors/index.js';
import { compareCodePoints } from '../../domain/tickets/index.js';
import { assertContractExists } from './contract-exists.js';
import { isUniqueViolation, type BulkTable } from './bulk-insert.js';
import { copyStatement } from './copy-payload.js';
import type { Database, ImportJobsTable } from './database.js';
import type { ScriptStep } from './embedded-database.js';
import { writeOutageRows } from './outage-repository.js';
import type { StoreContext } from './store-context.js';
import { runTransactionScript } from './script-payload.js';
import { ticketEventChunksTable } from './ticket-event-chunks.js';
import { ticketFactsTable } from './ticket-fact-rows.js';
import { encodeFactRows, factCountsStatement, insertFactRows, type EncodedFactRows } from './ticket-facts-repository.js';
import { ticketsTable } from './ticket-rows.js';
import { encodeTicketRows, writeTicketRows, type EncodedTicketRows } from './ticket-repository.js';
import { writeVendorReportRows } from './vendor-report-repository.js';

interface EncodedBatch {
  readonly rows: EncodedTicketRows;
  readonly facts: EncodedFactRows | undefined;
}

/** What `prepareImportBatch` encoded, by the object it returned (any session's repository may write it). */
const encodedBatches = new WeakMap<PreparedImportBatch, EncodedBatch>();

async function encodeBatch(batch: ImportBatch, takeTurn: TakeTurn = noTurns): Promise<EncodedBatch> {
  return {
    rows: await encodeTicketRows(batch.contractId, batch.tickets, batch.events, takeTurn),
    facts: batch.facts === undefined ? undefined : await encodeFactRows(batch.contractId, batch.facts, takeTurn),
  };
}

export class ImportJobRepository implements ImportJobStore {
  constructor(private readonly ctx: StoreContext) {}

  startImportJob(input: StartImportJobInput): Promise<ImportJob> {
    return this.ctx.withTransaction(async (tx) => {
      await assertContractExists(tx.db(), input.contractId);
      const row = await tx
        .db()
        .insertInto('import_jobs')
        .values({
          contract_id: input.contractId,
          import_job_id: input.importJobId,
          source: input.source,
          file_name: input.fileName ?? null,
          file_digest: input.fileDigest,
          status: 'running',
          started_at: input.startedAt,
        })
        .onConflict((oc) => oc.columns(['contract_id', 'import_job_id']).doNothing())
        .returningAll()
        .executeTakeFirst();
      if (!row) {
        throw new SupportPactError('CONFLICT', `Contract "${input.contractId}" already has an import job "${input.importJobId}"; start the new one under a new id.`);
      }
      return jobOfRow(row);
    });
  }

  async getImportJob(contractId: string, importJobId: string): Promise<ImportJob | undefined> {
    const row = await this.ctx.db().selectFrom('import_jobs').selectAll().where('contract_id', '=', contractId).where('import_job_id', '=', importJobId).executeTakeFirst();
    return row && jobOfRow(row);
  }

  async findResumableImportJob(contractId: string, fileDigest: string): Promise<ImportJob | undefined> {
    const row = await this.ctx
      .db()
      .selectFrom('import_jobs')
      .selectAll()
      .where('contract_id', '=', contractId)
      .where('file_digest', '=', fileDigest)
      .where('status', 'in', ['running', 'failed'])
      .orderBy('started_at', 'desc')
      .orderBy('import_job_id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row && jobOfRow(row);
  }

  async listImportJobs(contractId: string): Promise<ImportJob[]> {
    const rows = await this.ctx
      .db()
      .selectFrom('import_jobs')
      .selectAll()
      .where('contract_id', '=', contractId)
      .orderBy('started_at', 'desc')
      .orderBy('import_job_id', 'desc')
      .execute();
    return rows.map(jobOfRow);
  }

  resumeImportJob(contractId: string, importJobId: string): Promise<ImportJob> {
    return this.ctx.withTransaction(async (tx) => {
      const job = await lockJob(tx, contractId, importJobId);
      if (job.status === 'completed') {
        throw new SupportPactError('CONFLICT', `Import job "${importJobId}" of contract "${contractId}" has completed; nothing is left to resume.`);
      }
      const row = await tx
        .db()
        .updateTable('import_jobs')
        .set({ status: 'running', finished_at: null })
        .where('contract_id', '=', contractId)
        .where('import_job_id', '=', importJobId)
        .returningAll()
        .executeTakeFirstOrThrow();
      return jobOfRow(row);
    });
  }

  async prepareImportBatch(batch: ImportBatch, takeTurn?: TakeTurn): Promise<PreparedImportBatch> {
    const prepared: PreparedImportBatch = { batch };
    encodedBatches.set(prepared, await encodeBatch(batch, takeTurn));
    return prepared;
  }

  async writeImportBatch(input: ImportBatch | PreparedImportBatch): Promise<ImportBatchResult> {
    const batch = 'batch' in input ? input.batch : input;
    const encoded = ('batch' in input ? encodedBatches.get(input) : undefined) ?? (await encodeBatch(batch));
    if (this.ctx.backend === 'pglite' && !this.ctx.inTransaction && isAllNewBatch(batch, encoded)) {
      try {
        return await writeAllNewBatchAsScript(this.ctx, batch, encoded);
      } catch (error) {
        // Something was stored already (a resumed job's overlap, a second import of the same
        // data), or the job is not running: the general path below sorts it out and says why.
        if (!isUniqueViolation(error) && !isGuardFailure(error)) throw error;
      }
    }
    return this.ctx.withTransaction(async (tx) => {
      const job = await lockJob(tx, batch.contractId, batch.importJobId);
      assertRunning(job);
      if (!Number.isSafeInteger(batch.rowsConsumedAfterBatch) || batch.rowsConsumedAfterBatch < job.rows_committed) {
        throw new SupportPactError(
          'CONFLICT',
          `Import job "${batch.importJobId}" has committed ${job.rows_committed} rows; a batch cannot move its checkpoint to ${batch.rowsConsumedAfterBatch}.`,
        );
      }
      // The job's contract exists (foreign key), so the row writers skip that check.
      const { newTickets, newEvents } = await writeTicketRows(tx, batch.contractId, batch.tickets, batch.events, encoded.rows);
      const ticketsNeedingFacts = await storeBatchFacts(tx, batch, encoded.facts, { newTickets, newEvents });
      const newOutages = await writeOutageRows(tx, batch.contractId, batch.outages ?? []);
      const newReports = await writeVendorReportRows(tx, batch.contractId, batch.reports ?? []);
      await tx
        .db()
        .updateTable('import_jobs')
        .set((eb) => ({
          rows_committed: batch.rowsConsumedAfterBatch,
          new_tickets: eb('new_tickets', '+', newTickets),
          new_events: eb('new_events', '+', newEvents),
          new_outages: eb('new_outages', '+', newOutages),
          new_reports: eb('new_reports', '+', newReports),
        }))
        .where('contract_id', '=', batch.contractId)
        .where('import_job_id', '=', batch.importJobId)
        .execute();
      return {
        newRows: { tickets: newTickets, events: newEvents, outages: newOutages, vendorReports: newReports },
        rowsCommitted: batch.rowsConsumedAfterBatch,
        ticketsNeedingFacts,
      };
    });
  }

  finishImportJob(input: { contractId: string; importJobId: string; status: 'completed' | 'failed'; finishedAt: number; summary?: JsonValue }): Promise<ImportJob> {
    return this.ctx.withTransaction(async (tx) => {
      assertRunning(await lockJob(tx, input.contractId, input.importJobId));
      const row = await tx
        .db()
        .updateTable('import_jobs')
        .set({
          status: input.status,
          finished_at: input.finishedAt,
          summary: input.summary === undefined ? null : JSON.stringify(input.summary),
        })
        .where('contract_id', '=', input.contractId)
        .where('import_job_id', '=', input.importJobId)
        .returningAll()
        .executeTakeFirstOrThrow();
      return jobOfRow(row);
    });
  }
}

/** Reads the job and locks its row until the transaction ends, so two writers of one job queue. */
async function lockJob(ctx: StoreContext, contractId: string, importJobId: string): Promise<Selectable<ImportJobsTable>> {
  const row = await ctx
    .db()
    .selectFrom('import_jobs')
    .selectAll()
    .where('contract_id', '=', contractId)
    .where('import_job_id', '=', importJobId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) {
    await assertContractExists(ctx.db(), contractId);
    throw new SupportPactError('NOT_FOUND', `Contract "${contractId}" has no import job "${importJobId}".`);
  }
  return row;
}

function assertRunning(job: Selectable<ImportJobsTable>): void {
  if (job.status !== 'running') {
    throw new SupportPactError(
      'CONFLICT',
      `Import job "${job.import_job_id}" of contract "${job.contract_id}" is ${job.status}, not running; ${job.status === 'failed' ? 'resume it first' : 'start a new job'}.`,
    );
  }
}

function jobOfRow(row: Selectable<ImportJobsTable>): ImportJob {
  return {
    contractId: row.contract_id,
    importJobId: row.import_job_id,
    source: row.source,
    ...(row.file_name === null ? {} : { fileName: row.file_name }),
    fileDigest: row.file_digest,
    status: row.status as ImportJobStatus,
    rowsCommitted: row.rows_committed,
    newRows: { tickets: row.new_tickets, events: row.new_events, outages: row.new_outages, vendorReports: row.new_reports },
    startedAt: row.started_at,
    ...(row.finished_at === null ? {} : { finishedAt: row.finished_at }),
    ...(row.summary === null ? {} : { summary: row.summary }),
  };
}

/**
 * Whether the batch looks all new, as most of a first import's batches are: headers, each
 * event's ticket among them, no event id twice, no outages or reports (they need the general
 * path's duplicate handling). Only the database can say whether it is: see below.
 */
function isAllNewBatch(batch: ImportBatch, encoded: EncodedBatch): boolean {
  if (batch.tickets.length === 0 || (batch.outages?.length ?? 0) > 0 || (batch.reports?.length ?? 0) > 0) return false;
  if (!Number.isSafeInteger(batch.rowsConsumedAfterBatch) || encoded.rows.eventCount !== batch.events.length) return false;
  const headers = new Set(batch.tickets.map((t) => t.ticket));
  if (headers.size !== batch.tickets.length) return false;
  for (const ticket of encoded.rows.groups.keys()) if (!headers.has(ticket)) return false;
  return true;
}

/**
 * Writes a batch that looks all new as one transaction script (the embedded database runs it
 * without a round trip per statement): the headers, chunk 0 of every ticket, the facts and the
 * job's checkpoint. Any stored row among them fails a COPY on its key, and a job that is not
 * running or whose checkpoint is past the batch fails the update's guard (a division by zero):
 * either rolls the script back, and the caller takes the general path.
 */
async function writeAllNewBatchAsScript(ctx: StoreContext, batch: ImportBatch, encoded: EncodedBatch): Promise<ImportBatchResult> {
  const db = ctx.db();
  const copy = (table: BulkTable, text: string): ScriptStep => ({ copy: copyStatement(table.table, table.columns, "'/dev/blob'"), text });
  const compiled = (query: { compile(db: Kysely<Database>): { sql: string; parameters: readonly unknown[] } }): ScriptStep => {
    const { sql: statement, parameters } = query.compile(db);
    return { statement, parameters };
  };
  const steps: ScriptStep[] = [copy(ticketsTable, encoded.rows.tickets)];
  if (encoded.rows.eventCount > 0) steps.push(copy(ticketEventChunksTable, encoded.rows.firstChunks));
  const facts = encoded.facts !== undefined && encoded.facts.tickets.length > 0 ? encoded.facts : undefined;
  if (facts) steps.push(copy(ticketFactsTable, facts.text), compiled(factCountsStatement(batch.contractId, facts.derived)));
  steps.push(
    compiled(sql`
      WITH moved AS (
        UPDATE import_jobs
           SET rows_committed = ${batch.rowsConsumedAfterBatch}, new_tickets = new_tickets + ${batch.tickets.length}, new_events = new_events + ${encoded.rows.eventCount}
         WHERE contract_id = ${batch.contractId} AND import_job_id = ${batch.importJobId} AND status = 'running' AND rows_committed <= ${batch.rowsConsumedAfterBatch}
        RETURNING 1
      )
      SELECT 1 / count(*) AS moved FROM moved`),
  );
  await runTransactionScript(db, steps);
  return {
    newRows: { tickets: batch.tickets.length, events: encoded.rows.eventCount, outages: 0, vendorReports: 0 },
    rowsCommitted: batch.rowsConsumedAfterBatch,
    ticketsNeedingFacts: ticketsLeftWithoutFacts(batch, facts?.tickets),
  };
}

/** SQLSTATE 22012: the script's job guard found no running job to move (see above). */
function isGuardFailure(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '22012';
}

/** The batch's tickets with events that `stored` (the tickets whose facts went in) leaves out, in ticket order. */
function ticketsLeftWithoutFacts(batch: ImportBatch, stored: readonly string[] | undefined): string[] {
  const touched = new Set<string>();
  for (const event of batch.events) touched.add(event.ticket);
  for (const ticket of stored ?? []) touched.delete(ticket);
  return [...touched].sort(compareCodePoints);
}

/**
 * Stores the batch's facts when the batch was all new (see `ImportBatch.facts`); returns the
 * tickets with new events that are left without facts, in ticket order.
 */
async function storeBatchFacts(
  tx: StoreContext,
  batch: ImportBatch,
  facts: EncodedFactRows | undefined,
  written: { newTickets: number; newEvents: number },
): Promise<string[]> {
  if (written.newEvents === 0) return [];
  const allNew = written.newTickets === batch.tickets.length && written.newEvents === batch.events.length;
  if (!facts || !allNew) return ticketsLeftWithoutFacts(batch, undefined);
  await insertFactRows(tx.db(), batch.contractId, facts);
  return ticketsLeftWithoutFacts(batch, facts.tickets);
}
