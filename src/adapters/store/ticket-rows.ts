/** Conversions between ticket headers and the rows of `tickets` (events: `ticket-event-chunks.ts`). */
import type { Selectable } from 'kysely';
import type { StoredTicketHeader } from '../../app/ports/index.js';
import { SupportPactError } from '../../domain/errors/index.js';
import type { SourceSlaFlags } from '../../domain/tickets/index.js';
import type { BulkTable } from './bulk-insert.js';
import type { TicketsTable } from './database.js';

export const ticketsTable: BulkTable = {
  table: 'tickets',
  columns: ['contract_id', 'ticket', 'source', 'raw_priority', 'channel', 'category', 'technology', 'created_at', 'source_sla'],
};

export function ticketCopyRow(contractId: string, header: StoredTicketHeader): (string | number | null)[] {
  assertWholeSeconds(header.createdAt, `ticket ${header.ticket}: createdAt`);
  return [
    contractId,
    header.ticket,
    header.source ?? null,
    header.rawPriority ?? null,
    header.channel ?? null,
    header.category ?? null,
    header.technology ?? null,
    header.createdAt,
    header.sourceSla === undefined ? null : JSON.stringify(header.sourceSla),
  ];
}

/** Instants are whole epoch seconds; a fraction means an importer forgot to round. */
function assertWholeSeconds(value: number, where: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new SupportPactError('EVENTS_INVALID', `${where} must be a whole number (epoch seconds), got ${value}.`, {
      problems: [{ message: `not a whole number: ${value}`, hint: where }],
    });
  }
}

export function headerOfRow(row: Selectable<TicketsTable>): StoredTicketHeader {
  const header: { -readonly [K in keyof StoredTicketHeader]: StoredTicketHeader[K] } = { ticket: row.ticket, createdAt: row.created_at };
  if (row.source !== null) header.source = row.source;
  if (row.raw_priority !== null) header.rawPriority = row.raw_priority;
  if (row.channel !== null) header.channel = row.channel;
  if (row.category !== null) header.category = row.category;
  if (row.technology !== null) header.technology = row.technology;
  if (row.source_sla !== null) header.sourceSla = row.source_sla as SourceSlaFlags;
  return header;
}
