import { describe, expect, it } from 'vitest';
import { ContractReadCache } from './contract-read-cache.js';
import { scorecardForMonth } from './scorecard-for-month.js';
import { ingestTicketEvents } from './ingest-ticket-events.js';
import { openNorthstarStore } from '../../test/support/northstar-store.js';
import { at, ticket } from '../domain/sla/test-support/ticket-builder.js';

describe('ContractReadCache', () => {
  it('serves the same scorecard until the contract has a new audit entry, then computes it again', async () => {
    const store = await openNorthstarStore();
    const contractId = 'acme-northstar-2027';
    try {
      const cache = new ContractReadCache();
      const get = () => cache.get(store, contractId, `scorecard:2027-03:${asOf}`, () => scorecardForMonth(store, contractId, '2027-03', asOf));
      const asOf = at('2027-04-10T00:00:00-07:00');
      const first = await get();
      expect(await get()).toBe(first);
      expect(first.scorecard.volumes.created).toBe(0);
      const events = ticket('X-1', ['2027-03-01T09:00:00-08:00', 'created', { priority: 'urgent' }], ['2027-03-01T09:05:00-08:00', 'agent_replied']);
      await ingestTicketEvents(store, contractId, [{ type: 'ticket', header: { ticket: 'X-1', createdAt: events[0]!.at, rawPriority: 'urgent' } }, ...events.map((event) => ({ type: 'event' as const, event }))], { now: asOf, actor: 'test' });
      const after = await get();
      expect(after).not.toBe(first);
      expect(after.scorecard.volumes.created).toBe(1);
    } finally {
      await store.close();
    }
  });
});
