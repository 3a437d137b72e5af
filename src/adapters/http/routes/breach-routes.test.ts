import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { northstarId, openDemoApiFixture, type DemoApiFixture } from '../test-support/demo-api-fixture.js';

const url = `/api/v1/contracts/${northstarId}/breaches`;

interface Deadline {
  kind: string;
  status: string;
  dueAt?: string;
  doneAt?: string;
}
interface RegisterJson {
  asOf: string;
  overdue: number;
  incidents: { incident: { id: string }; result: { deadlines: Deadline[]; overdue: boolean } }[];
}
interface RecordedJson {
  created: boolean;
  incident: { id: string; discoveredAt: string; individualsNotifiedAt?: string; recordedAt: string };
  evaluation: { deadlines: Deadline[] };
  changed?: string[];
}

/** A second incident: discovered Tuesday 2027-06-01 at 09:00 in Los Angeles (16:00 UTC), 12 residents. */
const smallBreach = { discoveredAt: '2027-06-01T09:00:00-07:00', clientDataInvolved: true, recordsAffected: 40, californiaResidentsAffected: 12, dataCategories: ['contact-details'], description: 'a misdirected export' };

const deadline = (body: { deadlines: Deadline[] }, kind: string) => body.deadlines.find((d) => d.kind === kind);

describe('breach routes', () => {
  let fixture: DemoApiFixture;
  beforeAll(async () => {
    fixture = await openDemoApiFixture();
  });
  afterAll(() => fixture.close());

  describe('GET /api/v1/contracts/:id/breaches', () => {
    it("lists the demo's incident: the vendor told the client 30h after discovery (late against 24h), individuals still pending", async () => {
      const body = (await fixture.request({ url, token: fixture.tokens.auditor })).json() as RegisterJson;
      expect(body).toMatchObject({ asOf: '2027-06-03T21:30:00Z', overdue: 0 });
      const result = body.incidents[0]!.result;
      expect(deadline(result, 'vendor-to-client')).toMatchObject({ status: 'late', dueAt: '2027-05-20T23:40:00Z', doneAt: '2027-05-21T05:40:00Z' });
      expect(deadline(result, 'individuals')).toMatchObject({ status: 'pending', dueAt: '2027-06-20T06:59:59Z' });
    });

    it('flags the incident overdue once the notice to individuals is past due', async () => {
      const body = (await fixture.request({ url: `${url}?asOf=2027-06-21T00:00:00-07:00`, token: fixture.tokens.auditor })).json() as RegisterJson;
      expect(body.overdue).toBe(1);
      expect(body.incidents[0]?.result).toMatchObject({ overdue: true });
      expect(deadline(body.incidents[0]!.result, 'individuals')?.status).toBe('overdue');
    });
  });

  describe('POST /api/v1/contracts/:id/breaches', () => {
    it('records an incident with its deadlines, once, and names the token in the audit log', async () => {
      const auditBefore = (await fixture.store.audit.verifyAudit()).entriesChecked;
      const first = await fixture.request({ method: 'POST', url, token: fixture.tokens['client-admin'], payload: smallBreach });
      expect(first.statusCode).toBe(201);
      const body = first.json() as RecordedJson;
      expect(body).toMatchObject({ created: true, incident: { id: 'BR-2', discoveredAt: '2027-06-01T16:00:00Z', recordedAt: '2027-06-03T21:30:00Z' } });
      // 24 hours of elapsed time, not business time.
      expect(deadline(body.evaluation, 'vendor-to-client')).toMatchObject({ status: 'overdue', dueAt: '2027-06-02T16:00:00Z' });
      // 12 residents: no sample notice to the Attorney General (over 500 only).
      expect(deadline(body.evaluation, 'attorney-general')).toMatchObject({ status: 'not-required' });
      const entries = await fixture.store.audit.listAudit({ contractId: northstarId, afterSeq: auditBefore });
      expect(entries.map((e) => [e.action, e.subject, e.actor])).toEqual([['breach.recorded', `breach:${northstarId}/BR-2`, expect.stringMatching(/^token:tok_/)]]);

      const again = await fixture.request({ method: 'POST', url, token: fixture.tokens['client-admin'], payload: smallBreach });
      expect(again.statusCode).toBe(200);
      expect(again.json()).toMatchObject({ created: false, incident: { id: 'BR-2' } });
      expect((await fixture.store.audit.verifyAudit()).entriesChecked).toBe(auditBefore + 1);
    });

    it('refuses other facts under a taken id (CONFLICT), an instant without an offset, and unknown fields', async () => {
      const conflict = await fixture.request({ method: 'POST', url, token: fixture.tokens['client-admin'], payload: { ...smallBreach, id: 'BR-2027-05-01' } });
      expect(conflict.statusCode).toBe(409);
      expect(conflict.json()).toMatchObject({ error: { code: 'CONFLICT', details: { problems: [expect.objectContaining({ path: ['id'] })] } } });
      const local = await fixture.request({ method: 'POST', url, token: fixture.tokens['client-admin'], payload: { ...smallBreach, discoveredAt: '2027-06-01T09:00:00' } });
      expect(local.statusCode).toBe(400);
      expect(local.json()).toMatchObject({ error: { code: 'USAGE', details: { problems: [expect.objectContaining({ path: ['body', 'discoveredAt'] })] } } });
      const typo = await fixture.request({ method: 'POST', url, token: fixture.tokens['client-admin'], payload: { ...smallBreach, recordsAffectd: 3 } });
      expect(typo.statusCode).toBe(400);
      const notified = await fixture.request({ method: 'POST', url, token: fixture.tokens['client-admin'], payload: { ...smallBreach, vendorNotifiedClientAt: '2027-05-31T09:00:00-07:00' } });
      expect(notified.json()).toMatchObject({ error: { code: 'USAGE', details: { problems: [expect.objectContaining({ path: ['vendorNotifiedClientAt'] })] } } });
    });
  });

  describe('PATCH /api/v1/contracts/:id/breaches/:incidentId', () => {
    const patchUrl = `${url}/BR-2027-05-01`;

    it('records the notice to individuals (pending becomes met), and null clears it again', async () => {
      const notified = await fixture.request({ method: 'PATCH', url: patchUrl, token: fixture.tokens['client-admin'], payload: { individualsNotifiedAt: '2027-06-02T10:00:00-07:00' } });
      expect(notified.statusCode).toBe(200);
      const body = notified.json() as RecordedJson;
      expect(body.changed).toEqual(['individualsNotifiedAt']);
      expect(body.incident.individualsNotifiedAt).toBe('2027-06-02T17:00:00Z');
      expect(deadline(body.evaluation, 'individuals')).toMatchObject({ status: 'met', doneAt: '2027-06-02T17:00:00Z' });
      // 640 residents: the Attorney General's sample notice is due 15 days after theirs.
      expect(deadline(body.evaluation, 'attorney-general')?.status).toBe('pending');

      const same = await fixture.request({ method: 'PATCH', url: patchUrl, token: fixture.tokens['client-admin'], payload: { individualsNotifiedAt: '2027-06-02T10:00:00-07:00' } });
      expect(same.json()).toMatchObject({ changed: [], message: 'Nothing changed in breach incident BR-2027-05-01.' });

      const cleared = await fixture.request({ method: 'PATCH', url: patchUrl, token: fixture.tokens['client-admin'], payload: { individualsNotifiedAt: null } });
      expect((cleared.json() as RecordedJson).changed).toEqual(['individualsNotifiedAt']);
      const register = (await fixture.request({ url, token: fixture.tokens.auditor })).json() as RegisterJson;
      const stored = register.incidents.find((i) => i.incident.id === 'BR-2027-05-01')!;
      expect(stored.incident).not.toHaveProperty('individualsNotifiedAt');
      expect(deadline(stored.result, 'individuals')?.status).toBe('pending');
    });

    it('answers NOT_FOUND for an incident the contract does not have, and USAGE for an empty change', async () => {
      const unknown = await fixture.request({ method: 'PATCH', url: `${url}/BR-99`, token: fixture.tokens['client-admin'], payload: { description: 'x' } });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
      const empty = await fixture.request({ method: 'PATCH', url: patchUrl, token: fixture.tokens['client-admin'], payload: {} });
      expect(empty.statusCode).toBe(400);
      expect(empty.json()).toMatchObject({ error: { code: 'USAGE' } });
    });
  });
});
