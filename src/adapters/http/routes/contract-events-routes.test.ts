import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { northstarId, openApiFixture, type ApiFixture } from '../test-support/api-fixture.js';

const url = `/api/v1/contracts/${northstarId}/contract-events`;

const insolvency = { kind: 'insolvency', startedOn: '2027-04-01', description: 'Vendor filed for Chapter 11', party: 'vendor' };

describe('contract events routes', () => {
  let fixture: ApiFixture;
  beforeAll(async () => {
    fixture = await openApiFixture();
  });
  afterAll(() => fixture.close());

  it('records an event once (EV-1), lists it, and the rights read it: the client may terminate for the vendor\'s insolvency', async () => {
    const first = await fixture.request({ method: 'POST', url, token: fixture.tokens['client-admin'], payload: insolvency });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ created: true, event: { id: 'EV-1', kind: 'insolvency', startedOn: '2027-04-01', party: 'vendor', recordedAt: '2027-04-10T16:00:00Z' } });
    const again = await fixture.request({ method: 'POST', url, token: fixture.tokens['client-admin'], payload: insolvency });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ created: false, event: { id: 'EV-1' } });
    const list = await fixture.request({ url, token: fixture.tokens.auditor });
    expect(list.json()).toEqual({ contractId: northstarId, events: [{ id: 'EV-1', kind: 'insolvency', startedOn: '2027-04-01', description: 'Vendor filed for Chapter 11', party: 'vendor', recordedAt: '2027-04-10T16:00:00Z' }] });
    const rights = (await fixture.request({ url: `/api/v1/contracts/${northstarId}/rights?asOf=2027-04-10`, token: fixture.tokens.auditor })).json() as { rights: { forCause: { ground: string; status: string; mayTerminate: string[] }[] } };
    expect(rights.rights.forCause.find((r) => r.ground === 'insolvency')).toMatchObject({ status: 'open', mayTerminate: ['client'] });
  });

  it("records an event's last day once, and refuses an end before its start", async () => {
    const ended = await fixture.request({ method: 'PATCH', url: `${url}/EV-1`, token: fixture.tokens['client-admin'], payload: { endedOn: '2027-04-05' } });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ changed: true, event: { id: 'EV-1', endedOn: '2027-04-05' } });
    const same = await fixture.request({ method: 'PATCH', url: `${url}/EV-1`, token: fixture.tokens['client-admin'], payload: { endedOn: '2027-04-05' } });
    expect(same.json()).toMatchObject({ changed: false });
    const early = await fixture.request({ method: 'PATCH', url: `${url}/EV-1`, token: fixture.tokens['client-admin'], payload: { endedOn: '2027-03-01' } });
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({ error: { code: 'USAGE', details: { problems: [expect.objectContaining({ path: ['endedOn'] })] } } });
    const unknown = await fixture.request({ method: 'PATCH', url: `${url}/EV-9`, token: fixture.tokens['client-admin'], payload: { endedOn: '2027-04-05' } });
    expect(unknown.statusCode).toBe(404);
    const entries = await fixture.store.audit.listAudit({ contractId: northstarId });
    expect(entries.filter((e) => e.action.startsWith('contract-event.')).map((e) => [e.action, e.actor])).toEqual([
      ['contract-event.recorded', expect.stringMatching(/^token:tok_/)],
      ['contract-event.ended', expect.stringMatching(/^token:tok_/)],
    ]);
  });

  it('refuses an unknown kind, a date that does not exist and an empty description before storing anything', async () => {
    for (const payload of [{ ...insolvency, kind: 'pandemic' }, { ...insolvency, startedOn: '2027-02-29' }, { ...insolvency, description: '' }]) {
      const response = await fixture.request({ method: 'POST', url, token: fixture.tokens['client-admin'], payload });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: { code: 'USAGE', details: { problems: [expect.objectContaining({ path: expect.arrayContaining(['body']) })] } } });
    }
    expect(await fixture.store.contractEvents.listContractEvents(northstarId)).toHaveLength(1);
  });
});
