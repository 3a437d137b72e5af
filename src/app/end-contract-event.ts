import type { StoreSession, StoredContractEvent } from './ports/index.js';
import { SupportPactError } from '../domain/errors/index.js';
import type { LocalDate } from '../domain/time/index.js';
import { checkContractEvent } from './record-contract-event.js';

/**
 * Records the last day of a recorded event (the insolvency dismissed, the breach cured, the
 * force majeure over) and appends an audit entry; the same end again changes nothing.
 */
export async function endContractEvent(store: StoreSession, request: { contractId: string; eventId: string; endedOn: LocalDate; now: number; actor: string }): Promise<{ event: StoredContractEvent; changed: boolean }> {
  return store.transaction(async (session) => {
    const event = await session.contractEvents.getContractEvent(request.contractId, request.eventId);
    if (!event) {
      throw new SupportPactError('NOT_FOUND', `no event ${request.eventId} for ${request.contractId}`, { problems: [{ message: `unknown event "${request.eventId}"`, hint: 'list them with `supportpact event list --contract <id>`' }] });
    }
    if (event.endedOn === request.endedOn) return { event, changed: false };
    const ended = { ...event, endedOn: request.endedOn };
    checkContractEvent(ended);
    await session.contractEvents.saveContractEvent(request.contractId, ended);
    await session.audit.appendAudit({
      contractId: request.contractId,
      at: request.now,
      actor: request.actor,
      action: 'contract-event.ended',
      subject: `event:${request.contractId}/${event.id}`,
      payload: { endedOn: request.endedOn, previousEndedOn: event.endedOn ?? null },
    });
    return { event: ended, changed: true };
  });
}
