import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OpenedStore } from '../adapters/store/open-store.js';
import { clearRegisters, northstarId, openNorthstarStore, storedAt } from '../../test/support/northstar-store.js';
import { endContractEvent } from './end-contract-event.js';
import { recordContractEvent } from './record-contract-event.js';

let store: OpenedStore;
beforeAll(async () => (store = await openNorthstarStore()));
beforeEach(async () => clearRegisters(store));
afterAll(async () => store.close());

const insolvency = { contractId: northstarId, kind: 'insolvency' as const, startedOn: '2027-05-01', party: 'vendor' as const, description: 'Vendor filed for Chapter 11', now: storedAt, actor: 'test' };

describe('recordContractEvent', () => {
  it('records EV-1 with an audit entry, and the same event again changes nothing', async () => {
    const first = await recordContractEvent(store, insolvency);
    expect(first).toMatchObject({ created: true, event: { id: 'EV-1', kind: 'insolvency', startedOn: '2027-05-01', party: 'vendor' } });
    expect((await recordContractEvent(store, insolvency)).created).toBe(false);
    expect((await recordContractEvent(store, { ...insolvency, kind: 'force-majeure', description: 'Wildfire closed the service centre' })).event.id).toBe('EV-2');
    expect((await store.audit.listAudit({ contractId: northstarId })).map((e) => e.subject)).toEqual([`event:${northstarId}/EV-1`, `event:${northstarId}/EV-2`]);
  });

  it('refuses an end before the start and an empty description', async () => {
    await expect(recordContractEvent(store, { ...insolvency, endedOn: '2027-04-30' })).rejects.toMatchObject({ code: 'USAGE', problems: [expect.objectContaining({ path: ['endedOn'] })] });
    await expect(recordContractEvent(store, { ...insolvency, description: '  ' })).rejects.toMatchObject({ code: 'USAGE', problems: [expect.objectContaining({ path: ['description'] })] });
  });
});

describe('endContractEvent', () => {
  it("records an event's last day once", async () => {
    await recordContractEvent(store, insolvency);
    expect(await endContractEvent(store, { contractId: northstarId, eventId: 'EV-1', endedOn: '2027-06-30', now: storedAt, actor: 'test' })).toMatchObject({ changed: true, event: { endedOn: '2027-06-30' } });
    expect((await endContractEvent(store, { contractId: northstarId, eventId: 'EV-1', endedOn: '2027-06-30', now: storedAt, actor: 'test' })).changed).toBe(false);
    await expect(endContractEvent(store, { contractId: northstarId, eventId: 'EV-9', endedOn: '2027-06-30', now: storedAt, actor: 'test' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await store.audit.listAudit({ contractId: northstarId })).map((e) => e.action)).toEqual(['contract-event.recorded', 'contract-event.ended']);
  });
});
