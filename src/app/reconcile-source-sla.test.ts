import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type OpenedStore } from '../adapters/store/open-store.js';
import { addContractVersion } from './add-contract-version.js';
import { reconcileSourceSla } from './reconcile-source-sla.js';
import { exampleContractPath } from '../../test/support/examples.js';
import { at, ticket } from '../domain/sla/test-support/ticket-builder.js';

let store: OpenedStore;
const contractId = 'acme-northstar-2027';

beforeAll(async () => {
  store = await openStore({ dataDir: 'memory://' });
  const path = exampleContractPath('northstar-tiered');
  await addContractVersion(store, { text: readFileSync(path, 'utf8'), file: path, now: 1_800_000_000, actor: 'test' });
  // P1 (4h around the clock). A: solved in 2h, the source agrees it was met.
  // B: solved in 6h, the source says met (it disagrees). C: waited 5h on the customer, solved after 7h;
  // we do not count the pause (met), the source says breached.
  const tickets = [
    { events: ticket('A', ['2027-03-01T09:00:00-08:00', 'created', { priority: 'urgent' }], ['2027-03-01T11:00:00-08:00', 'solved']), met: true },
    { events: ticket('B', ['2027-03-02T09:00:00-08:00', 'created', { priority: 'urgent' }], ['2027-03-02T15:00:00-08:00', 'solved']), met: true },
    { events: ticket('C', ['2027-03-03T09:00:00-08:00', 'created', { priority: 'urgent' }], ['2027-03-03T10:00:00-08:00', 'status_changed', { status: 'pending_customer' }], ['2027-03-03T15:00:00-08:00', 'status_changed', { status: 'open' }], ['2027-03-03T16:00:00-08:00', 'solved']), met: false },
  ];
  await store.tickets.writeTickets(
    contractId,
    tickets.map((t) => ({ ticket: t.events[0]!.ticket, createdAt: t.events[0]!.at, rawPriority: 'urgent', sourceSla: { resolutionMet: t.met } })),
    tickets.flatMap((t) => t.events),
  );
});
afterAll(async () => store.close());

describe('reconcileSourceSla', () => {
  it('reports the agreement rate and what the disagreeing tickets share', async () => {
    const result = await reconcileSourceSla(store, contractId, at('2027-04-01T00:00:00-07:00'));
    expect(result).toMatchObject({ compared: 3, agree: 1, agreementPercent: '33.33%', weMetTheyBreached: 1, weBreachedTheyMet: 1 });
    expect(result.byPriority).toEqual([{ priority: 'P1', compared: 3, agree: 1, oursMet: 2, theirsMet: 2 }]);
    const reasons = Object.fromEntries(result.reasons.map((r) => [r.reason, r.examples]));
    expect(reasons['we say met, they say breached: the ticket waited in a paused status (we do not count paused time)']).toEqual(['C']);
    expect(reasons['we say breached, they say met: priority P1']).toEqual(['B']);
  });
});
