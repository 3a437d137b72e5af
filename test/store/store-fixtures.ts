/** Builders for the shared store suite: contracts, tickets and events at fixed instants. */
import type { StoredTicketHeader, Store, StoreSession } from '../../src/app/ports/index.js';
import type { EventKind, TicketEvent, TicketStatus } from '../../src/domain/tickets/index.js';

/** 2027-03-01T00:00:00Z: the suite's reference instant (a Monday). */
export const march1At = 1803859200;
/** 2027-04-01T00:00:00Z. */
export const april1At = march1At + 31 * 86400;

let contracts = 0;

/** Stores a fresh contract with a unique id, so tests sharing one store never see each other's rows. */
export async function addContract(store: StoreSession, label: string): Promise<string> {
  const contractId = `${label}-${++contracts}`;
  await store.contracts.addContractVersion({
    contractId,
    title: `Helpdesk services (${label})`,
    client: 'Acme Corp',
    vendor: 'DeskForce LLC',
    yaml: `supportpact: 1\nid: ${contractId}\n`,
    effectiveOn: '2027-01-01',
    addedAt: march1At,
  });
  return contractId;
}

export function header(ticket: string, createdAt: number, extra: Partial<StoredTicketHeader> = {}): StoredTicketHeader {
  return { ticket, createdAt, rawPriority: 'high', channel: 'email', ...extra };
}

export function event(
  ticket: string,
  id: string,
  at: number,
  kind: EventKind,
  extra: { seq?: number; status?: TicketStatus; priority?: string; actor?: string; source?: string } = {},
): TicketEvent {
  return { ticket, id, at, kind, ...extra };
}

/** `count` tickets `T-001`... created an hour apart from `fromAt`, each created, replied to and solved. */
export function ticketSet(count: number, fromAt: number): { tickets: StoredTicketHeader[]; events: TicketEvent[] } {
  const tickets: StoredTicketHeader[] = [];
  const events: TicketEvent[] = [];
  for (let i = 1; i <= count; i++) {
    const ticket = `T-${String(i).padStart(3, '0')}`;
    const createdAt = fromAt + (i - 1) * 3600;
    tickets.push(header(ticket, createdAt));
    events.push(event(ticket, `${ticket}/1`, createdAt, 'created', { seq: 1, priority: 'high' }));
    events.push(event(ticket, `${ticket}/2`, createdAt + 600, 'agent_replied', { seq: 2 }));
    events.push(event(ticket, `${ticket}/3`, createdAt + 1800, 'solved', { seq: 3 }));
  }
  return { tickets, events };
}

/** Collects an async iterable (the suite reads small contracts only). */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

export async function startJob(store: Store, contractId: string, importJobId = 'job-1'): Promise<void> {
  await store.importJobs.startImportJob({ contractId, importJobId, source: 'jsonl', fileName: 'events.jsonl', fileDigest: `digest-of-${contractId}`, startedAt: march1At });
}
