import type { StoreSession, StoredContractEvent } from './ports/index.js';
import type { Problem } from '../domain/errors/index.js';
import { SupportPactError } from '../domain/errors/index.js';
import type { CauseEventKind, Party } from '../domain/lifecycle/index.js';
import { isLocalDate, type LocalDate } from '../domain/time/index.js';
import { loadStoredContract } from './load-stored-contract.js';

export const contractEventKinds: readonly CauseEventKind[] = ['insolvency', 'force-majeure', 'material-breach'];

export interface RecordContractEventRequest {
  readonly contractId: string;
  readonly kind: CauseEventKind;
  readonly startedOn: LocalDate;
  readonly endedOn?: LocalDate;
  readonly description: string;
  /** The party it concerns: the insolvent party, the party in breach, the party hit by force majeure. */
  readonly party?: Party;
  readonly now: number;
  readonly actor: string;
}

export interface RecordedContractEvent {
  readonly event: StoredContractEvent;
  /** False when the same event was already recorded. */
  readonly created: boolean;
}

/** Throws USAGE for an unknown kind, a date that does not exist, an end before the start or an empty description. */
export function checkContractEvent(event: { kind: string; startedOn: string; endedOn?: string; description: string; party?: string }): void {
  const problems: Problem[] = [];
  if (!contractEventKinds.includes(event.kind as CauseEventKind)) problems.push({ message: `kind "${event.kind}" is not one of ${contractEventKinds.join(', ')}`, path: ['kind'] });
  if (!isLocalDate(event.startedOn)) problems.push({ message: `start ${JSON.stringify(event.startedOn)} is not a date`, path: ['startedOn'], expected: 'YYYY-MM-DD' });
  if (event.endedOn !== undefined && !isLocalDate(event.endedOn)) problems.push({ message: `end ${JSON.stringify(event.endedOn)} is not a date`, path: ['endedOn'], expected: 'YYYY-MM-DD' });
  else if (event.endedOn !== undefined && event.endedOn < event.startedOn) problems.push({ message: `the event ends (${event.endedOn}) before it starts (${event.startedOn})`, path: ['endedOn'] });
  if (event.party !== undefined && event.party !== 'client' && event.party !== 'vendor') problems.push({ message: `party "${event.party}" is not client or vendor`, path: ['party'] });
  if (event.description.trim() === '') problems.push({ message: 'the description is empty', path: ['description'], hint: 'say what happened, e.g. "Vendor filed for Chapter 11"' });
  if (problems.length > 0) throw new SupportPactError('USAGE', problems[0]!.message, { problems });
}

/**
 * Records an insolvency, force-majeure or material-breach event as evidence for the
 * termination grounds (`EV-1`, `EV-2`, ... per contract) and appends an audit entry.
 * Recording the same event again changes nothing.
 */
export async function recordContractEvent(store: StoreSession, request: RecordContractEventRequest): Promise<RecordedContractEvent> {
  checkContractEvent(request);
  await loadStoredContract(store, request.contractId);
  const facts = { kind: request.kind, startedOn: request.startedOn, ...(request.endedOn ? { endedOn: request.endedOn } : {}), description: request.description.trim(), ...(request.party ? { party: request.party } : {}) };
  return store.transaction(async (session) => {
    const existing = await session.contractEvents.listContractEvents(request.contractId);
    const same = existing.find((e) => e.kind === facts.kind && e.startedOn === facts.startedOn && e.endedOn === facts.endedOn && e.description === facts.description && e.party === facts.party);
    if (same) return { event: same, created: false };
    const taken = new Set(existing.map((e) => e.id));
    let n = existing.length + 1;
    while (taken.has(`EV-${n}`)) n++;
    const event: StoredContractEvent = { id: `EV-${n}`, ...facts, recordedAt: request.now };
    await session.contractEvents.saveContractEvent(request.contractId, event);
    await session.audit.appendAudit({
      contractId: request.contractId,
      at: request.now,
      actor: request.actor,
      action: 'contract-event.recorded',
      subject: `event:${request.contractId}/${event.id}`,
      payload: { kind: event.kind, startedOn: event.startedOn, endedOn: event.endedOn ?? null, description: event.description, party: event.party ?? null },
    });
    return { event, created: true };
  });
}
