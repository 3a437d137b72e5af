import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OpenedStore } from '../adapters/store/open-store.js';
import { at, clearRegisters, northstarId, openNorthstarStore } from '../../test/support/northstar-store.js';
import type { BreachIncidentFacts } from './breach-incident-input.js';
import { breachRegister } from './breach-register.js';
import { recordBreachIncident } from './record-breach-incident.js';
import { updateBreachIncident } from './update-breach-incident.js';

let store: OpenedStore;
beforeAll(async () => (store = await openNorthstarStore()));
beforeEach(async () => clearRegisters(store));
afterAll(async () => store.close());

const facts: BreachIncidentFacts = {
  discoveredAt: at('2027-03-05T22:00:00-08:00'),
  clientDataInvolved: true,
  recordsAffected: 1180,
  californiaResidentsAffected: 640,
  dataCategories: ['contact-details', 'account-metadata'],
  vendorNotifiedClientAt: at('2027-03-06T20:00:00-08:00'),
};
const recordedAt = at('2027-03-07T09:00:00-08:00');

describe('recordBreachIncident', () => {
  it('stores BR-1 with its deadlines and an audit entry, and a second identical record changes nothing', async () => {
    const first = await recordBreachIncident(store, { contractId: northstarId, facts, now: recordedAt, actor: 'test' });
    expect(first.created).toBe(true);
    expect(first.incident).toMatchObject({ id: 'BR-1', recordedAt, updatedAt: recordedAt });
    expect(first.evaluation.deadlines.map((d) => [d.kind, d.status])).toEqual([
      ['vendor-to-client', 'met'],
      ['individuals', 'pending'],
      ['attorney-general', 'pending'],
    ]);
    const again = await recordBreachIncident(store, { contractId: northstarId, facts, now: recordedAt + 60, actor: 'test' });
    expect(again).toMatchObject({ created: false, incident: { id: 'BR-1', recordedAt } });
    const second = await recordBreachIncident(store, { contractId: northstarId, facts: { ...facts, recordsAffected: 12, californiaResidentsAffected: 3 }, now: recordedAt, actor: 'test' });
    expect(second.incident.id).toBe('BR-2');
    const audit = await store.audit.listAudit({ contractId: northstarId });
    expect(audit.filter((e) => e.action === 'breach.recorded').map((e) => e.subject)).toEqual([`breach:${northstarId}/BR-1`, `breach:${northstarId}/BR-2`]);
  });

  it('refuses a notice before the discovery, and more residents than records, naming the fields', async () => {
    const early = recordBreachIncident(store, { contractId: northstarId, facts: { ...facts, vendorNotifiedClientAt: facts.discoveredAt - 1 }, now: recordedAt, actor: 'test' });
    await expect(early).rejects.toMatchObject({ code: 'USAGE', problems: [expect.objectContaining({ path: ['vendorNotifiedClientAt'] })] });
    const more = recordBreachIncident(store, { contractId: northstarId, facts: { ...facts, recordsAffected: 10 }, now: recordedAt, actor: 'test' });
    await expect(more).rejects.toMatchObject({ code: 'USAGE', problems: [expect.objectContaining({ path: ['californiaResidentsAffected'] })] });
  });

  it('refuses an id that already holds other facts', async () => {
    await recordBreachIncident(store, { contractId: northstarId, id: 'INC-7', facts, now: recordedAt, actor: 'test' });
    await expect(recordBreachIncident(store, { contractId: northstarId, id: 'INC-7', facts: { ...facts, recordsAffected: 2000 }, now: recordedAt, actor: 'test' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('updateBreachIncident', () => {
  it('records the notices as they are given, found by id alone, and audits the changed fields only', async () => {
    await recordBreachIncident(store, { contractId: northstarId, facts, now: recordedAt, actor: 'test' });
    const notified = at('2027-04-02T10:00:00-07:00');
    const updated = await updateBreachIncident(store, { incidentId: 'BR-1', changes: { individualsNotifiedAt: notified, recordsAffected: 1180 }, now: notified, actor: 'test' });
    expect(updated.changed).toEqual(['individualsNotifiedAt']);
    expect(updated.contractId).toBe(northstarId);
    expect(updated.incident).toMatchObject({ individualsNotifiedAt: notified, recordedAt, updatedAt: notified });
    const unchanged = await updateBreachIncident(store, { incidentId: 'BR-1', changes: { individualsNotifiedAt: notified }, now: notified + 60, actor: 'test' });
    expect(unchanged.changed).toEqual([]);
    const entries = (await store.audit.listAudit({ contractId: northstarId })).filter((e) => e.action === 'breach.updated');
    expect(entries).toHaveLength(1);
    expect(entries[0]?.payload).toMatchObject({ changed: ['individualsNotifiedAt'], individualsNotifiedAt: notified });
  });

  it('says when no incident has the id', async () => {
    await expect(updateBreachIncident(store, { incidentId: 'BR-404', changes: {}, now: recordedAt, actor: 'test' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('breachRegister', () => {
  it('flags the individuals notice overdue after 30 days, and the Attorney General deadline once individuals are notified', async () => {
    await recordBreachIncident(store, { contractId: northstarId, facts, now: recordedAt, actor: 'test' });
    // Before the discovery the register was empty.
    expect((await breachRegister(store, northstarId, facts.discoveredAt - 60)).incidents).toEqual([]);
    const late = await breachRegister(store, northstarId, at('2027-04-10T09:00:00-07:00'));
    expect(late.overdue).toBe(1);
    expect(late.incidents[0]?.result.deadlines.find((d) => d.kind === 'individuals')).toMatchObject({ status: 'overdue', dueOn: '2027-04-05' });
    await updateBreachIncident(store, { incidentId: 'BR-1', contractId: northstarId, changes: { individualsNotifiedAt: at('2027-04-12T10:00:00-07:00') }, now: recordedAt, actor: 'test' });
    const register = await breachRegister(store, northstarId, at('2027-04-30T09:00:00-07:00'));
    // 640 residents > 500: the sample notice is due 15 days after 2027-04-12, and was not sent.
    expect(register.incidents[0]?.result.deadlines.map((d) => [d.kind, d.status, d.dueOn])).toEqual([
      ['vendor-to-client', 'met', '2027-03-06'],
      ['individuals', 'late', '2027-04-05'],
      ['attorney-general', 'overdue', '2027-04-27'],
    ]);
  });
});
