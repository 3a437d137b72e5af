import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoIntoStore } from '../adapters/cli/commands/demo-command.js';
import { openStore, type OpenedStore } from '../adapters/store/open-store.js';
import { scorecardForMonth } from './scorecard-for-month.js';
import { refreshAllTicketFacts } from './ticket-facts-materializer.js';

const contractId = 'acme-northstar-2027';
let store: OpenedStore;
let demoNow: number;

beforeAll(async () => {
  store = await openStore({ dataDir: 'memory://' });
  demoNow = (await loadDemoIntoStore(store, 42)).demoNow;
}, 120_000);
afterAll(async () => store.close());

describe('scorecardForMonth', () => {
  it('answers from the facts the demo load materialised', async () => {
    const status = await store.ticketFacts.factsStatus(contractId);
    expect(status.ticketsWithFacts).toBe(status.tickets);
    expect((await scorecardForMonth(store, contractId, '2027-04', demoNow)).source).toBe('ticket-facts');
  }, 120_000);

  it('streams the events until the ticket facts are materialised', async () => {
    await store.ticketFacts.clearTicketFacts(contractId);
    expect((await scorecardForMonth(store, contractId, '2027-04', demoNow)).source).toBe('events');
  }, 120_000);

  it('gives the same scorecard from the materialised facts as from every event, month by month, with running tickets', async () => {
    const count = await refreshAllTicketFacts(store, contractId);
    expect(count).toBeGreaterThan(3000);
    expect((await store.ticketFacts.listRunningTickets(contractId)).length).toBeGreaterThan(10);
    for (const month of ['2027-03', '2027-04', '2027-05', '2027-06']) {
      for (const asOf of [demoNow, demoNow + 7 * 86_400]) {
        const fromEvents = await scorecardForMonth(store, contractId, month, asOf, { allowFacts: false });
        const fromFacts = await scorecardForMonth(store, contractId, month, asOf);
        expect(fromEvents.source).toBe('events');
        expect(fromFacts.source).toBe('ticket-facts');
        expect(JSON.stringify(fromFacts.scorecard)).toBe(JSON.stringify(fromEvents.scorecard));
      }
    }
  }, 300_000);

  it('answers an as-of before the newest events from the facts too, evaluating the tickets with later events', async () => {
    for (const daysBack of [30, 45]) {
      const asOf = demoNow - daysBack * 86_400;
      expect((await store.ticketFacts.listTicketsToEvaluate(contractId, { asOf, createdMonthUpTo: 202705 })).length).toBeGreaterThan((await store.ticketFacts.listRunningTickets(contractId)).length);
      for (const month of ['2027-03', '2027-04', '2027-05']) {
        const fromEvents = await scorecardForMonth(store, contractId, month, asOf, { allowFacts: false });
        const fromFacts = await scorecardForMonth(store, contractId, month, asOf);
        expect(fromFacts.source).toBe('ticket-facts');
        expect(JSON.stringify(fromFacts.scorecard)).toBe(JSON.stringify(fromEvents.scorecard));
      }
    }
  }, 300_000);
});
