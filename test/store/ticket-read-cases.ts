import { describe, expect, it } from 'vitest';
import type { TicketFilter } from '../../src/app/ports/index.js';
import { addContract, collect, event, header, march1At, ticketSet } from './store-fixtures.js';
import type { SuiteContext } from './store-suite.js';

export function describeTicketReadCases(ctx: SuiteContext): void {
  describe('streamTickets', () => {
    it('yields every ticket once in id order, with events by instant then seq, across page boundaries', async () => {
      const store = ctx.store();
      const contractId = await addContract(store, 'stream');
      const { tickets, events } = ticketSet(10, march1At);
      // Two events in the same second keep source order through seq, not through their ids.
      const sameSecond = [
        event('T-004', 'z-first', march1At + 3 * 3600 + 900, 'internal_note', { seq: 10 }),
        event('T-004', 'a-second', march1At + 3 * 3600 + 900, 'agent_replied', { seq: 11 }),
      ];
      // Written newest first, in two batches, so storage order tells nothing.
      await store.tickets.writeTickets(contractId, tickets.slice(5).reverse(), events.slice(15).reverse());
      await store.tickets.writeTickets(contractId, tickets.slice(0, 5).reverse(), [...sameSecond, ...events.slice(0, 15).reverse()]);
      for (const pageSize of [1, 3, 10, 11]) {
        const streamed = await collect(store.tickets.streamTickets(contractId, { pageSize }));
        expect(streamed.map((t) => t.header.ticket)).toEqual(tickets.map((t) => t.ticket));
        expect(streamed.every((t) => t.events.every((e) => e.ticket === t.header.ticket))).toBe(true);
        const t004 = streamed.find((t) => t.header.ticket === 'T-004')!;
        expect(t004.events.map((e) => e.id)).toEqual(['T-004/1', 'T-004/2', 'z-first', 'a-second', 'T-004/3']);
        expect(streamed.reduce((n, t) => n + t.events.length, 0)).toBe(32);
      }
    });

    it('merges the events a ticket got over several writes into one order: instant, seq (missing last), then id by code point', async () => {
      const store = ctx.store();
      const contractId = await addContract(store, 'merged');
      const at = march1At + 3600;
      await store.tickets.writeTickets(contractId, [header('T-1', march1At)], [event('T-1', 'created', march1At, 'created'), event('T-1', 'solved', at + 60, 'solved')]);
      await store.tickets.writeTickets(contractId, [], [event('T-1', 'solved', at + 60, 'solved'), event('T-1', 'reply', at - 60, 'agent_replied')]);
      await store.tickets.writeTickets(contractId, [], [
        event('T-1', 'no-seq', at, 'internal_note'),
        event('T-1', 'seq-2', at, 'internal_note', { seq: 2 }),
        event('T-1', '\u{1F600}', at, 'customer_replied', { seq: 1 }),
        event('T-1', '\uFFEF', at, 'customer_replied', { seq: 1 }),
        event('T-1', 'z', at, 'customer_replied', { seq: 1 }),
        event('T-1', '\u00E9', at, 'customer_replied', { seq: 1 }),
      ]);
      const ids = ['created', 'reply', 'z', '\u00E9', '\uFFEF', '\u{1F600}', 'seq-2', 'no-seq', 'solved'];
      expect((await store.tickets.getTicket(contractId, 'T-1'))!.events.map((e) => e.id)).toEqual(ids);
      expect(await store.tickets.countTickets(contractId)).toEqual({ tickets: 1, events: 9 });
      // The same order the database gives its text in "C" collation.
      const sorted = await store.queryRaw(`SELECT id FROM unnest(ARRAY['\u{1F600}', '\uFFEF', 'z', '\u00E9']::text[]) AS t(id) ORDER BY id COLLATE "C"`);
      expect(sorted.map((row) => row.id)).toEqual(ids.slice(2, 6));
    });

    it('folds a ticket fed one event per write into one chunk once it has eight, keeping every event once and in order', async () => {
      const store = ctx.store();
      const contractId = await addContract(store, 'webhook');
      await store.tickets.writeTickets(contractId, [header('T-1', march1At)], [event('T-1', 'e-00', march1At, 'created')]);
      const chunks = async () => (await store.queryRaw(`SELECT chunk, event_count FROM ticket_event_chunks WHERE contract_id = '${contractId}' ORDER BY chunk`)).map((r) => [r.chunk, r.event_count]);
      // Newest first, one event per write, each write repeating the one before.
      for (let i = 1; i <= 9; i++) {
        const id = `e-${String(i).padStart(2, '0')}`;
        const written = await store.tickets.writeTickets(contractId, [], [event('T-1', id, march1At + 1000 - i, 'internal_note'), event('T-1', `e-${String(i - 1).padStart(2, '0')}`, march1At + 1001 - i, 'internal_note')]);
        expect(written.newEvents).toBe(1);
      }
      expect(await chunks()).toEqual([[8, 9], [9, 1]]);
      const ids = (await store.tickets.getTicket(contractId, 'T-1'))!.events.map((e) => e.id);
      expect(ids).toEqual(['e-00', 'e-09', 'e-08', 'e-07', 'e-06', 'e-05', 'e-04', 'e-03', 'e-02', 'e-01']);
      expect(await store.tickets.countTickets(contractId)).toEqual({ tickets: 1, events: 10 });
    });

    it('reads page by page as it goes: a ticket stored after the first page was read still comes', async () => {
      const store = ctx.store();
      const contractId = await addContract(store, 'lazy');
      const { tickets, events } = ticketSet(4, march1At);
      await store.tickets.writeTickets(contractId, tickets, events);
      const seen: string[] = [];
      for await (const ticket of store.tickets.streamTickets(contractId, { pageSize: 2 })) {
        seen.push(ticket.header.ticket);
        if (seen.length === 1) await store.tickets.writeTickets(contractId, [header('T-999', march1At)], []);
      }
      expect(seen).toEqual(['T-001', 'T-002', 'T-003', 'T-004', 'T-999']);
    });

    it('filters on creation inside a half-open range, and counts the tickets and events it keeps', async () => {
      const store = ctx.store();
      const contractId = await addContract(store, 'range');
      const fromAt = march1At;
      const toAt = march1At + 86400;
      const tickets = [
        header('A-created-at-start', fromAt),
        header('B-created-at-end', toAt),
        header('C-old-solved-inside', fromAt - 86400),
        header('D-old-closed-inside', fromAt - 86400),
        header('E-old-canceled-inside', fromAt - 86400),
        header('F-old-pending-inside', fromAt - 86400),
        header('G-old-solved-at-end', fromAt - 86400),
      ];
      const events = [
        event('C-old-solved-inside', 'c1', fromAt + 60, 'solved'),
        event('D-old-closed-inside', 'd1', fromAt + 60, 'closed'),
        event('E-old-canceled-inside', 'e1', fromAt + 60, 'status_changed', { status: 'canceled' }),
        event('F-old-pending-inside', 'f1', fromAt + 60, 'status_changed', { status: 'pending_customer' }),
        event('G-old-solved-at-end', 'g1', toAt, 'solved'),
      ];
      await store.tickets.writeTickets(contractId, tickets, events);
      const ids = async (by: TicketFilter['by']) =>
        (await collect(store.tickets.streamTickets(contractId, { filter: { range: { fromAt, toAt }, by }, pageSize: 2 }))).map((t) => t.header.ticket);
      expect(await ids('created')).toEqual(['A-created-at-start']);
      expect(await store.tickets.countTickets(contractId, { range: { fromAt, toAt }, by: 'created' })).toEqual({ tickets: 1, events: 0 });
      expect(await store.tickets.countTickets(contractId, { range: { fromAt: fromAt - 86400, toAt }, by: 'created' })).toEqual({ tickets: 6, events: 5 });
      expect(await store.tickets.countTickets(contractId)).toEqual({ tickets: 7, events: 5 });
      const old = await collect(store.tickets.streamTickets(contractId, { filter: { range: { fromAt: fromAt - 86400, toAt: fromAt }, by: 'created' } }));
      expect(old.find((t) => t.header.ticket === 'C-old-solved-inside')?.events.map((e) => e.id)).toEqual(['c1']);
    });

    it('rejects a page size that is not a positive whole number', async () => {
      await expect(collect(ctx.store().tickets.streamTickets('any', { pageSize: 0 }))).rejects.toThrow(/pageSize/);
    });
  });

  describe('getTicket', () => {
    it('returns one ticket with its events, and undefined for an unknown one or another contract', async () => {
      const store = ctx.store();
      const contractId = await addContract(store, 'one');
      const otherId = await addContract(store, 'other');
      const { tickets, events } = ticketSet(2, march1At);
      await store.tickets.writeTickets(contractId, tickets, events);
      const ticket = await store.tickets.getTicket(contractId, 'T-002');
      expect(ticket?.header).toEqual(tickets[1]);
      expect(ticket?.events).toEqual(events.slice(3));
      expect(await store.tickets.getTicket(contractId, 'T-404')).toBeUndefined();
      expect(await store.tickets.getTicket(otherId, 'T-002')).toBeUndefined();
      await expect(store.tickets.writeTickets('no-such-contract', tickets, events)).rejects.toMatchObject({ code: 'CONTRACT_NOT_FOUND' });
    });
  });
}
