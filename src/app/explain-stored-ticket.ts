import type { StoreSession } from './ports/index.js';
import { explainTicketEvents } from './explain-ticket-events.js';
import { loadStoredContract } from './load-stored-contract.js';
import { SupportPactError } from '../domain/errors/index.js';
import type { ExplainedTicket } from '../domain/sla/index.js';
import { localDateOf } from '../domain/time/index.js';

/**
 * Explains a stored ticket's clocks at `asOf`, under the contract version in force when the
 * ticket was created. Throws TICKET_NOT_FOUND when the contract has no such ticket.
 */
export async function explainStoredTicket(store: StoreSession, contractId: string, ticket: string, asOf: number): Promise<{ explained: ExplainedTicket; contractVersion: number; zone: string }> {
  const latest = await loadStoredContract(store, contractId);
  const stored = await store.tickets.getTicket(contractId, ticket);
  if (!stored) throw new SupportPactError('TICKET_NOT_FOUND', `contract ${contractId} has no ticket ${ticket}`, { problems: [{ message: `no ticket "${ticket}"`, hint: 'list tickets with `supportpact tickets --contract <id>`' }] });
  const zone = latest.loaded.contract.timezone;
  const { loaded, version } = await loadStoredContract(store, contractId, { on: localDateOf(stored.header.createdAt, zone) });
  const explained = explainTicketEvents(loaded.contract, ticket, stored.events.filter((e) => e.at <= asOf), asOf);
  return { explained, contractVersion: version.version, zone };
}
