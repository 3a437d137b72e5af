import type { Contract } from '../domain/contract/schema/contract-schema.js';
import { SupportPactError } from '../domain/errors/index.js';
import { buildTicketTimeline, compileSlaPolicy, explainTicket, type ExplainedTicket } from '../domain/sla/index.js';
import { sortTicketEvents, type TicketEvent } from '../domain/tickets/index.js';

/**
 * Explains one ticket's clocks from its canonical events under a contract, at `asOf`
 * (epoch seconds). Throws TICKET_NOT_FOUND when there are no events, EVENTS_INVALID when
 * none of them is the `created` event.
 */
export function explainTicketEvents(contract: Contract, ticket: string, events: readonly TicketEvent[], asOf: number): ExplainedTicket {
  if (events.length === 0) throw new SupportPactError('TICKET_NOT_FOUND', `no events for ticket ${ticket}`, { problems: [{ message: `ticket "${ticket}" has no events in the input` }] });
  const policy = compileSlaPolicy(contract);
  const timeline = buildTicketTimeline(sortTicketEvents(events), policy);
  if (!timeline) {
    throw new SupportPactError('EVENTS_INVALID', `ticket ${ticket} has no created event`, { problems: [{ message: `ticket "${ticket}" has ${events.length} events but none of kind "created"; its clocks cannot start` }] });
  }
  return explainTicket(policy, timeline, asOf);
}
