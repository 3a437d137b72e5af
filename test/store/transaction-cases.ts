import { describe, expect, it } from 'vitest';
import { addContract, collect, event, march1At, ticketSet } from './store-fixtures.js';
import type { SuiteContext } from './store-suite.js';

export function describeTransactionCases(ctx: SuiteContext): void {
  describe('transaction', () => {
    it('commits every write of fn when it resolves', async () => {
      const store = ctx.store();
      const contractId = await addContract(store, 'commit');
      const { tickets, events } = ticketSet(2, march1At);
      await store.transaction(async (session) => {
        await session.tickets.writeTickets(contractId, tickets, events);
        await session.outages.writeOutages(contractId, [{ id: 'o-1', service: 'portal', startAt: march1At, endAt: march1At + 60 }]);
      });
      expect(await store.tickets.countTickets(contractId)).toEqual({ tickets: 2, events: 6 });
      expect(await store.outages.listOutages(contractId)).toHaveLength(1);
    });

    it('undoes every write of fn when it throws, and rethrows its error', async () => {
      const store = ctx.store();
      const contractId = await addContract(store, 'abort');
      const { tickets, events } = ticketSet(2, march1At);
      const failure = store.transaction(async (session) => {
        await session.tickets.writeTickets(contractId, tickets, events);
        await session.audit.appendAudit({ contractId, at: march1At, actor: 'test', action: 'import.completed', subject: 'job' });
        throw new Error('the use case changed its mind');
      });
      await expect(failure).rejects.toThrow('the use case changed its mind');
      expect(await store.tickets.countTickets(contractId)).toEqual({ tickets: 0, events: 0 });
      expect(await store.audit.listAudit({ contractId })).toEqual([]);
    });

    it('undoes only the inner writes when a nested transaction fails and the outer one goes on', async () => {
      const store = ctx.store();
      const contractId = await addContract(store, 'nested');
      const { tickets, events } = ticketSet(3, march1At);
      await store.transaction(async (session) => {
        await session.tickets.writeTickets(contractId, tickets.slice(0, 1), events.slice(0, 3));
        await expect(
          session.transaction(async (inner) => {
            await inner.tickets.writeTickets(contractId, tickets.slice(1, 2), events.slice(3, 6));
            throw new Error('inner step failed');
          }),
        ).rejects.toThrow('inner step failed');
        await session.tickets.writeTickets(contractId, tickets.slice(2), events.slice(6));
      });
      const stored = await store.tickets.countTickets(contractId);
      expect(stored).toEqual({ tickets: 2, events: 6 });
      expect(await store.tickets.getTicket(contractId, 'T-002')).toBeUndefined();
    });

    it('refuses a call on the store itself inside its transaction instead of waiting forever', async () => {
      const store = ctx.store();
      const contractId = await addContract(store, 'misuse');
      const misuse = store.transaction(async () => store.tickets.countTickets(contractId));
      await expect(misuse).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringMatching(/session/) });
      // The store still works afterwards.
      expect(await store.tickets.countTickets(contractId)).toEqual({ tickets: 0, events: 0 });
    });

    it('runs transactions started together one after another without losing a write', async () => {
      const store = ctx.store();
      const contractId = await addContract(store, 'concurrent');
      const { tickets, events } = ticketSet(8, march1At);
      await Promise.all(
        tickets.map((ticket, i) => store.transaction((session) => session.tickets.writeTickets(contractId, [ticket], events.slice(3 * i, 3 * i + 3)))),
      );
      expect(await store.tickets.countTickets(contractId)).toEqual({ tickets: 8, events: 24 });
    });

    it('stores each event once when writers add overlapping events to the same tickets at once', async () => {
      const store = ctx.store();
      const contractId = await addContract(store, 'overlapping-writers');
      const { tickets, events } = ticketSet(3, march1At);
      const extra = tickets.map((t, i) => event(t.ticket, `${t.ticket}/late`, t.createdAt + 7200 + i, 'reopened'));
      // Every writer brings every header and a different, overlapping part of the events, in its own order.
      const parts = [events.slice(0, 5), [...events.slice(3), ...extra].reverse(), [...extra, ...events.slice(0, 2)], events];
      const results = await Promise.all(parts.map((part) => store.transaction((session) => session.tickets.writeTickets(contractId, tickets, part))));
      expect(results.reduce((n, r) => n + r.newTickets, 0)).toBe(3);
      expect(results.reduce((n, r) => n + r.newEvents, 0)).toBe(12);
      expect(await store.tickets.countTickets(contractId)).toEqual({ tickets: 3, events: 12 });
      const stored = await collect(store.tickets.streamTickets(contractId));
      expect(stored.map((t) => t.events.map((e) => e.id))).toEqual(tickets.map((t) => [`${t.ticket}/1`, `${t.ticket}/2`, `${t.ticket}/3`, `${t.ticket}/late`]));
      expect(await store.tickets.countEventsByTicket(contractId, ['T-001', 'T-002', 'T-404'])).toEqual(new Map([['T-001', 4], ['T-002', 4]]));
    });
  });
}
