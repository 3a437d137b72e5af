import type { StoreSession, StoredTicketHeader } from './ports/index.js';
import type { TicketRecord } from './import-ticket-records.js';
import { latestMaterializer, refreshFactsAfterWrite } from './ticket-facts-materializer.js';
import { SupportPactError, type Problem } from '../domain/errors/index.js';
import type { TicketEvent } from '../domain/tickets/index.js';

export interface IngestResult {
  readonly received: number;
  readonly newTickets: number;
  readonly newEvents: number;
  /** Events already stored (same ticket and source reference): re-posting changes nothing. */
  readonly duplicates: number;
}

/**
 * Stores one batch of ticket records posted to the API, all or nothing: any bad record
 * rejects the batch (IMPORT_INVALID with each record's position), a good batch is written
 * in one transaction with the touched tickets' facts, and audited. Idempotent by source
 * reference.
 */
export async function ingestTicketEvents(store: StoreSession, contractId: string, records: readonly TicketRecord[], context: { now: number; actor: string }): Promise<IngestResult> {
  const problems: Problem[] = [];
  const headers: StoredTicketHeader[] = [];
  const events: TicketEvent[] = [];
  for (const record of records) {
    if (record.type === 'skip') problems.push({ message: `${record.reason}${record.value !== undefined ? `: ${JSON.stringify(record.value)}` : ''}`, ...(record.line !== undefined ? { line: record.line } : {}), ...(record.field ? { path: [record.field] } : {}) });
    else if (record.type === 'ticket') headers.push(record.header);
    else if (record.type === 'event') events.push(record.event);
  }
  if (problems.length > 0) throw new SupportPactError('IMPORT_INVALID', `${problems.length} of the posted events could not be read; nothing was stored`, { problems });
  if (!(await store.contracts.getContract(contractId))) throw new SupportPactError('CONTRACT_NOT_FOUND', `no stored contract ${contractId}`);
  const materializer = await latestMaterializer(store, contractId);
  return store.transaction(async (session) => {
    const written = await session.tickets.writeTickets(contractId, headers, events);
    // The touched tickets' facts are rewritten in the same transaction.
    await refreshFactsAfterWrite(session, contractId, materializer, { headers, events, ...written });
    if (written.newEvents > 0 || written.newTickets > 0) {
      await session.audit.appendAudit({ contractId, at: context.now, actor: context.actor, action: 'events.ingested', subject: `${events.length} events`, payload: { newTickets: written.newTickets, newEvents: written.newEvents, received: events.length } });
    }
    return { received: events.length, newTickets: written.newTickets, newEvents: written.newEvents, duplicates: events.length - written.newEvents };
  });
}
