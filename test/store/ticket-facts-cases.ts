import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OpenedStore } from '../../src/adapters/store/index.js';
import { ticketFactContributions } from '../../src/adapters/store/migrations/005-ticket-facts.js';
import { addContractVersion } from '../../src/app/add-contract-version.js';
import type { StoreSession, StoredTicketFacts, StoredTicketHeader } from '../../src/app/ports/index.js';
import { scorecardForMonth } from '../../src/app/scorecard-for-month.js';
import { factsOfNewTickets, latestMaterializer, refreshFactsAfterWrite, refreshTicketFacts } from '../../src/app/ticket-facts-materializer.js';
import type { TicketEvent } from '../../src/domain/tickets/index.js';
import { exampleContractPath } from '../support/examples.js';
import { event, header, march1At, startJob } from './store-fixtures.js';
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

/** Text a client could put in a priority, channel, extra id or out-of-scope reason: quotes, backslashes, commas, braces, tabs. */
const awkwardText = fc.constantFrom('P1', 'P2', 'normal', 'high, "very"', 'back\\slash', '{braces}', 'tab\there', 'NULL', '', 'é€');
const month = fc.constantFrom(202702, 202703, 202704);
const metric = fc.constantFrom('firstResponse' as const, 'resolution' as const);

/** Facts rows of every shape the counters distinguish (scope, priority mapped or not, solved or not, clocks met, missed and pending, extras, MTTR). */
const factsRows = fc.uniqueArray(
  fc.record({
    ticket: fc.string({ minLength: 1, maxLength: 6 }),
    priority: fc.option(awkwardText, { nil: undefined }),
    rawPriority: awkwardText,
    outOfScope: fc.option(awkwardText, { nil: undefined, freq: 4 }),
    channel: fc.option(awkwardText, { nil: undefined }),
    outsideCoverage: fc.boolean(),
    extras: fc.array(awkwardText, { maxLength: 3 }),
    solved: fc.option(fc.tuple(month, month), { nil: undefined }),
    fcr: fc.boolean(),
    reopened: fc.boolean(),
    mttr: fc.array(fc.option(fc.integer({ min: 0, max: 9_000_000 }), { nil: null }), { minLength: 3, maxLength: 3 }),
    // One clock per metric and cycle, as a ticket has.
    clocks: fc.uniqueArray(fc.record({ metric, cycle: fc.integer({ min: 1, max: 3 }), priority: awkwardText, met: fc.boolean(), month }), { maxLength: 4, selector: (c) => `${c.metric}#${c.cycle}` }),
    pending: fc.uniqueArray(fc.record({ metric, cycle: fc.integer({ min: 4, max: 5 }), priority: awkwardText, month, breachAt: fc.integer({ min: 1_800_000_000, max: 1_900_000_000 }) }), {
      maxLength: 2,
      selector: (c) => `${c.metric}#${c.cycle}`,
    }),
    createdMonth: month,
    version: fc.integer({ min: 1, max: 2 }),
  }),
  { selector: (r) => r.ticket, minLength: 1, maxLength: 40 },
).map((rows) =>
  rows.map(
    (r): StoredTicketFacts => ({
      facts: {
        ticket: r.ticket,
        createdAt: 1_800_000_000,
        priority: r.priority,
        rawPriority: r.rawPriority,
        outOfScope: r.outOfScope,
        channel: r.channel,
        outsideCoverage: r.outsideCoverage,
        extras: r.extras,
        firstSolvedAt: r.solved ? 1_800_000_000 : undefined,
        solvedAt: r.solved ? 1_800_000_000 : undefined,
        firstContactResolved: r.fcr,
        reopened: r.reopened,
        mttrSeconds: r.mttr,
        settledClocks: r.clocks.map((c) => ({ metric: c.metric, cycle: c.cycle, priority: c.priority, met: c.met, settledAt: 1_800_000_000 })),
        running: r.pending.length > 0,
      },
      contractVersion: r.version,
      lastEventAt: 1_800_000_000,
      createdMonth: r.createdMonth,
      firstSolvedMonth: r.solved?.[0],
      solvedMonth: r.solved?.[1],
      clockMonths: r.clocks.map((c) => c.month),
      pendingClocks: r.pending.map((p) => ({ metric: p.metric, cycle: p.cycle, priority: p.priority, breachAt: p.breachAt, month: p.month })),
      live: false,
    }),
  ),
);

/** The read model beside `ticket_facts` as stored, and as migration 005's SQL derives it from the rows. */
async function readModel(store: OpenedStore, contractId: string): Promise<{ stored: unknown; derived: unknown }> {
  const q = (statement: string) => store.queryRaw(statement);
  const id = `'${contractId}'`;
  const rows = `(SELECT * FROM ticket_facts WHERE contract_id = ${id})`;
  const sorted = (rows: Record<string, unknown>[]) => rows.map((r) => JSON.stringify(Object.values(r).map(String))).sort();
  return {
    stored: {
      counts: sorted(await q(`SELECT month, key, n FROM ticket_fact_counts WHERE contract_id = ${id} AND n <> 0 AND key <> 'tickets'`)),
      breaches: sorted(await q(`SELECT month, metric, priority, ticket, cycle FROM ticket_fact_breaches WHERE contract_id = ${id}`)),
      pending: sorted(await q(`SELECT month, metric, priority, ticket, cycle, at FROM ticket_fact_pending WHERE contract_id = ${id}`)),
      lists: sorted(await q(`SELECT month, list, key, ticket, detail FROM ticket_fact_lists WHERE contract_id = ${id}`)),
    },
    derived: {
      counts: sorted(await q(`SELECT month, key, sum(n) AS n FROM (${ticketFactContributions(rows)}) x GROUP BY month, key HAVING sum(n) <> 0`)),
      breaches: sorted(
        await q(`SELECT c.month, c.metric, c.priority, r.ticket, c.cycle FROM ${rows} r, unnest(r.clock_metric, r.clock_priority, r.clock_month, r.clock_met, r.clock_cycle) AS c(metric, priority, month, met, cycle) WHERE r.out_of_scope IS NULL AND NOT c.met`),
      ),
      pending: sorted(
        await q(`SELECT p.month, p.metric, p.priority, r.ticket, p.cycle, p.at FROM ${rows} r, unnest(r.pending_metric, r.pending_priority, r.pending_month, r.pending_cycle, r.pending_at) AS p(metric, priority, month, cycle, at) WHERE r.out_of_scope IS NULL`),
      ),
      lists: sorted(
        await q(`SELECT r.created_month AS month, 'out-of-scope' AS list, '' AS key, r.ticket, r.out_of_scope AS detail FROM ${rows} r WHERE r.out_of_scope IS NOT NULL
                 UNION SELECT r.created_month, 'extra', e.id, r.ticket, NULL FROM ${rows} r, unnest(r.extras) AS e(id) WHERE r.out_of_scope IS NULL`),
      ),
    },
  };
}

export function describeTicketFactsCases(ctx: SuiteContext): void {
  describe('ticket facts', () => {
    it('counts inserted facts exactly as the SQL definition the delete trigger and as-of reads subtract with, and deleting them all leaves every counter at zero', async () => {
      const store = ctx.store();
      await fc.assert(
        fc.asyncProperty(factsRows, async (rows) => {
          const contractId = await addRealContract(store);
          const half = Math.ceil(rows.length / 2);
          await store.ticketFacts.insertTicketFacts(contractId, rows.slice(0, half));
          await store.ticketFacts.replaceTicketFacts(contractId, rows.slice(half - 1));
          const { stored, derived } = await readModel(store, contractId);
          expect(stored).toEqual(derived);
          await store.ticketFacts.clearTicketFacts(contractId);
          expect(await store.queryRaw(`SELECT key, n FROM ticket_fact_counts WHERE contract_id = '${contractId}' AND n <> 0 AND key <> 'tickets'`)).toEqual([]);
          for (const table of ['ticket_fact_breaches', 'ticket_fact_pending', 'ticket_fact_lists']) {
            expect(await store.queryRaw(`SELECT * FROM ${table} WHERE contract_id = '${contractId}'`)).toEqual([]);
          }
        }),
        { numRuns: 25, seed: 20261126 },
      );
    });

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

    it('stores an all-new import batch\'s facts in its transaction, and names the tickets left without facts: earlier events stored, or the batch repeated stored rows', async () => {
      const store = ctx.store();
      const contractId = await addRealContract(store);
      await startJob(store, contractId);
      const materializer = await latestMaterializer(store, contractId);
      const { headers, events } = tickets(30);
      const firstEvents = events.filter((e) => e.ticket < 'F-00020');
      const first = { contractId, importJobId: 'job-1', tickets: headers.slice(0, 20), events: firstEvents, rowsConsumedAfterBatch: 1 };
      const written = await store.importJobs.writeImportBatch(await store.importJobs.prepareImportBatch({ ...first, facts: await factsOfNewTickets(materializer, first.tickets, first.events) }));
      expect(written.ticketsNeedingFacts).toEqual([]);
      expect(await store.ticketFacts.listTicketsWithoutFacts(contractId)).toEqual([]);

      // F-00019's reply arrives with the next batch: its facts are deleted in the write and named, the new tickets' stored.
      const late = event('F-00019', 'F-00019/late', march1At + 86_400 * 2, 'customer_replied');
      const secondEvents = [late, ...events.filter((e) => e.ticket >= 'F-00020')];
      const second = { contractId, importJobId: 'job-1', tickets: headers.slice(20), events: secondEvents, rowsConsumedAfterBatch: 2 };
      const next = await store.importJobs.writeImportBatch({ ...second, facts: await factsOfNewTickets(materializer, second.tickets, second.events) });
      expect(next.ticketsNeedingFacts).toEqual(['F-00019']);
      expect(await store.ticketFacts.listTicketsWithoutFacts(contractId)).toEqual(['F-00019']);
      await refreshTicketFacts(store, contractId, next.ticketsNeedingFacts, materializer);

      // A batch repeating stored rows with one new event: its facts are not trusted, every ticket with events is named.
      const repeat = { contractId, importJobId: 'job-1', tickets: headers.slice(0, 2), events: [...events.filter((e) => e.ticket < 'F-00002'), event('F-00001', 'F-00001/x', march1At + 86_400 * 3, 'reopened')], rowsConsumedAfterBatch: 3 };
      const again = await store.importJobs.writeImportBatch({ ...repeat, facts: await factsOfNewTickets(materializer, repeat.tickets, repeat.events) });
      expect(again.ticketsNeedingFacts).toEqual(['F-00000', 'F-00001']);
      await refreshTicketFacts(store, contractId, again.ticketsNeedingFacts, materializer);
      const asOf = march1At + 40 * 86_400;
      const fromEvents = await scorecardForMonth(store, contractId, '2027-03', asOf, { allowFacts: false });
      const fromFacts = await scorecardForMonth(store, contractId, '2027-03', asOf);
      expect(fromFacts.source).toBe('ticket-facts');
      expect(JSON.stringify(fromFacts.scorecard)).toBe(JSON.stringify(fromEvents.scorecard));
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
