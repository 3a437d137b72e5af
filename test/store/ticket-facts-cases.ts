import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addContractVersion } from '../../src/app/add-contract-version.js';
import type { StoreSession, StoredTicketHeader } from '../../src/app/ports/index.js';
import { scorecardForMonth } from '../../src/app/scorecard-for-month.js';
import { latestMaterializer, refreshFactsAfterWrite, refreshTicketFacts } from '../../src/app/ticket-facts-materializer.js';
import type { TicketEvent } from '../../src/domain/tickets/index.js';
import { exampleContractPath } from '../support/examples.js';
import { event, header, march1At } from './store-fixtures.js';
import type { SuiteContext } from './store-suite.js';

const contractPath = exampleContractPath('northstar-tiered');
const contractText = readFileSync(contractPath, 'utf8');
let contracts = 0;

/** The Northstar example under a unique id, so the materializer has a real contract. */
async function addRealContract(store: StoreSession): Promise<string> {
  const id = `facts-${++contracts}-${Date.now().toString(36)}`;
  await addContractVersion(store, { text: contractText.replace(/^id: .*$/m, `id: ${id}`), file: contractPath, now: march1At, actor: 'test' });
  return id;
}

/** `count` tickets 23 minutes apart from 2027-03-01; every ninth is never solved, so its clock runs. */
function tickets(count: number): { headers: StoredTicketHeader[]; events: TicketEvent[] } {
  const headers: StoredTicketHeader[] = [];
  const events: TicketEvent[] = [];
  const priorities = ['urgent', 'high', 'normal', 'low'];
  for (let i = 0; i < count; i++) {
    const ticket = `F-${String(i).padStart(5, '0')}`;
    const at = march1At + 3600 + i * 23 * 60;
    const priority = priorities[i % 4]!;
    headers.push(header(ticket, at, { rawPriority: priority }));
    events.push(event(ticket, `${ticket}/c`, at, 'created', { priority }));
    events.push(event(ticket, `${ticket}/r`, at + (i % 6) * 1_900, 'agent_replied'));
    if (i % 9 !== 0) events.push(event(ticket, `${ticket}/s`, at + (i % 13) * 6_000, 'solved'));
  }
  return { headers, events };
}

export function describeTicketFactsCases(ctx: SuiteContext): void {
  describe('ticket facts', () => {
    it('reads many tickets at once in ticket order, and counts their events', async () => {
      const store = ctx.store();
      const contractId = await addRealContract(store);
      const { headers, events } = tickets(1_300);
      await store.tickets.writeTickets(contractId, headers, events);
      const wanted = [...headers.map((h) => h.ticket)].reverse().concat(['F-00003', 'NOPE']);
      const read = await store.tickets.getTickets(contractId, wanted);
      expect(read.map((t) => t.header.ticket)).toEqual(headers.map((h) => h.ticket));
      expect(read[9]!.events.map((e) => e.kind)).toEqual(['created', 'agent_replied']);
      const counts = await store.tickets.countEventsByTicket(contractId, wanted);
      expect(counts.size).toBe(1_300);
      expect([counts.get('F-00000'), counts.get('F-00001')]).toEqual([2, 3]);
    });

    it('aggregates a month from the facts to the same scorecard as streaming the events', async () => {
      const store = ctx.store();
      const contractId = await addRealContract(store);
      const { headers, events } = tickets(1_500);
      const materializer = await latestMaterializer(store, contractId);
      const written = await store.tickets.writeTickets(contractId, headers, events);
      expect(await refreshFactsAfterWrite(store, contractId, materializer, { headers, events, ...written })).toBe(1_500);
      expect((await store.ticketFacts.factsStatus(contractId)).ticketsWithFacts).toBe(1_500);
      expect((await store.ticketFacts.listRunningTickets(contractId)).length).toBeGreaterThan(100);
      const asOf = march1At + 40 * 86_400;
      for (const month of ['2027-03', '2027-04']) {
        const fromEvents = await scorecardForMonth(store, contractId, month, asOf, { allowFacts: false });
        const fromFacts = await scorecardForMonth(store, contractId, month, asOf);
        expect(fromFacts.source).toBe('ticket-facts');
        expect(JSON.stringify(fromFacts.scorecard)).toBe(JSON.stringify(fromEvents.scorecard));
      }
    });

    it('inserts facts of new tickets, and refuses a ticket that has facts without storing any of the rows', async () => {
      const store = ctx.store();
      const contractId = await addRealContract(store);
      const { headers, events } = tickets(6);
      const materializer = await latestMaterializer(store, contractId);
      await store.tickets.writeTickets(contractId, headers, events);
      const rows = headers.map((h) => materializer.rowOf(events.filter((e) => e.ticket === h.ticket))!);
      await store.ticketFacts.insertTicketFacts(contractId, rows.slice(0, 3));
      await expect(store.ticketFacts.insertTicketFacts(contractId, rows.slice(2))).rejects.toThrow();
      expect(await store.ticketFacts.listTicketsWithoutFacts(contractId)).toEqual(['F-00003', 'F-00004', 'F-00005']);
      await store.ticketFacts.replaceTicketFacts(contractId, rows.slice(2));
      expect((await store.ticketFacts.factsStatus(contractId)).ticketsWithFacts).toBe(6);
    });

    it('new events delete their tickets\' facts in the writing transaction, and a rolled-back write keeps them', async () => {
      const store = ctx.store();
      const contractId = await addRealContract(store);
      const { headers, events } = tickets(20);
      const materializer = await latestMaterializer(store, contractId);
      const written = await store.tickets.writeTickets(contractId, headers, events);
      await refreshFactsAfterWrite(store, contractId, materializer, { headers, events, ...written });
      expect(await store.ticketFacts.listTicketsWithoutFacts(contractId)).toEqual([]);

      const reopen = event('F-00004', 'F-00004/o', march1At + 86_400 * 3, 'reopened');
      await expect(
        store.transaction(async (session) => {
          await session.tickets.writeTickets(contractId, [], [reopen]);
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(await store.ticketFacts.listTicketsWithoutFacts(contractId)).toEqual([]);

      // A duplicate changes nothing, so the facts stay.
      await store.tickets.writeTickets(contractId, [], [events[0]!]);
      expect(await store.ticketFacts.listTicketsWithoutFacts(contractId)).toEqual([]);

      await store.tickets.writeTickets(contractId, [header('F-00004', events[12]!.at)], [reopen, event('F-00005', 'F-00005/o', march1At + 86_400 * 3, 'reopened')]);
      expect(await store.ticketFacts.listTicketsWithoutFacts(contractId)).toEqual(['F-00004', 'F-00005']);
      // The month's counters followed the deletion: refreshed, the facts score as the events do.
      await refreshTicketFacts(store, contractId, ['F-00004', 'F-00005']);
      const asOf = march1At + 40 * 86_400;
      const fromEvents = await scorecardForMonth(store, contractId, '2027-03', asOf, { allowFacts: false });
      const fromFacts = await scorecardForMonth(store, contractId, '2027-03', asOf);
      expect(fromFacts.source).toBe('ticket-facts');
      expect(JSON.stringify(fromFacts.scorecard)).toBe(JSON.stringify(fromEvents.scorecard));

      await store.ticketFacts.clearTicketFacts(contractId);
      expect((await store.ticketFacts.factsStatus(contractId)).ticketsWithFacts).toBe(0);
      const empty = await store.ticketFacts.aggregateMonth(contractId, 202703, { qualityCount: 3, listLimit: 100, asOf });
      expect([empty.clocks, empty.createdByPriority, empty.solved, empty.mttr.map((m) => m.count)]).toEqual([[], {}, 0, [0, 0, 0]]);
    });
  });
}
