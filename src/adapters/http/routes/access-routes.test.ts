import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { northstarId, openDemoApiFixture, type DemoApiFixture } from '../test-support/demo-api-fixture.js';

const postUrl = `/api/v1/contracts/${northstarId}/access-events`;
const findingsUrl = `/api/v1/contracts/${northstarId}/access-findings`;

/** Two good rows around a bad one (line 3: no offset and no zone), on 2027-06-02. */
const csv = [
  'at,account,safeguards,dataCategory,ticket,action',
  '2027-06-02T09:15:00-07:00,a.okafor@northstar.example,"named-accounts;mfa;least-privilege;access-logging;us-only-processing",contact-details,T-1,read',
  '2027-06-02T09:20:00,b.nguyen@northstar.example,mfa,contact-details,T-2,read',
  '2027-06-02T10:00:00-07:00,d.kowalski@northstar.example,"named-accounts;mfa;least-privilege;access-logging;us-only-processing",payroll,T-3,export',
].join('\n');

interface ReviewJson {
  month?: string;
  events: number;
  findingsTotal: number;
  findings: { kind: string; account: string; dataCategory: string; at: string; month: string }[];
  months: { month: string; findings: Record<string, number> }[];
}

describe('access routes', () => {
  let fixture: DemoApiFixture;
  beforeAll(async () => {
    fixture = await openDemoApiFixture();
  });
  afterAll(() => fixture.close());

  describe('POST /api/v1/contracts/:id/access-events', () => {
    it('stores the good CSV rows, reports the bad one by its line, and stores nothing when posted again', async () => {
      const auditBefore = (await fixture.store.audit.verifyAudit()).entriesChecked;
      const first = await fixture.request({ method: 'POST', url: postUrl, token: fixture.tokens['client-admin'], headers: { 'content-type': 'text/csv' }, payload: csv });
      expect(first.statusCode).toBe(200);
      expect(first.json()).toMatchObject({ rowsRead: 3, received: 2, newEvents: 2, duplicates: 0, changed: true, linesAre: 'body-lines', skipped: [{ field: 'at', count: 1, lines: [3] }] });
      const again = await fixture.request({ method: 'POST', url: postUrl, token: fixture.tokens['client-admin'], headers: { 'content-type': 'text/csv' }, payload: csv });
      expect(again.json()).toMatchObject({ received: 2, newEvents: 0, duplicates: 2, changed: false });
      const entries = await fixture.store.audit.listAudit({ contractId: northstarId, afterSeq: auditBefore });
      expect(entries.map((e) => [e.action, e.actor])).toEqual([['access.events-imported', expect.stringMatching(/^token:tok_/)]]);
    });

    it('places local times in ?zone=, reads JSON Lines, and refuses an unknown zone', async () => {
      const local = await fixture.request({ method: 'POST', url: `${postUrl}?zone=America/Los_Angeles`, token: fixture.tokens['client-admin'], headers: { 'content-type': 'text/csv' }, payload: csv });
      // The two rows stored already, plus line 3 read at 09:20 in Los Angeles.
      expect(local.json()).toMatchObject({ received: 3, newEvents: 1, duplicates: 2, skipped: [] });
      const jsonl = '{"at":"2027-06-02T11:00:00-07:00","account":"c.silva@northstar.example","safeguards":["mfa"],"dataCategory":"contact-details","action":"read"}\n';
      const lines = await fixture.request({ method: 'POST', url: postUrl, token: fixture.tokens['client-admin'], headers: { 'content-type': 'application/x-ndjson' }, payload: jsonl });
      expect(lines.json()).toMatchObject({ received: 1, newEvents: 1 });
      const zone = await fixture.request({ method: 'POST', url: `${postUrl}?zone=Mars/Olympus`, token: fixture.tokens['client-admin'], headers: { 'content-type': 'text/csv' }, payload: csv });
      expect(zone.statusCode).toBe(400);
      expect(zone.json()).toMatchObject({ error: { code: 'USAGE', details: { problems: [expect.objectContaining({ path: ['querystring', 'zone'] })] } } });
    });

    it('reads a JSON array, naming bad elements by their position from 1', async () => {
      const rows = [
        { at: '2027-06-02T12:00:00-07:00', account: 'e.haddad@northstar.example', safeguards: ['mfa'], dataCategory: 'contact-details', action: 'read' },
        { at: '2027-06-02T12:05:00-07:00', account: 'e.haddad@northstar.example', safeguards: 'mfa', dataCategory: 'contact-details' },
      ];
      const response = await fixture.request({ method: 'POST', url: postUrl, token: fixture.tokens['client-admin'], payload: rows });
      expect(response.json()).toMatchObject({ received: 1, newEvents: 1, linesAre: 'array-positions', skipped: [{ reason: 'missing action', field: 'action', lines: [2] }] });
    });

    it('refuses a CSV file without a required column: no row could be judged (422)', async () => {
      const response = await fixture.request({ method: 'POST', url: postUrl, token: fixture.tokens['client-admin'], headers: { 'content-type': 'text/csv' }, payload: 'at,account,dataCategory,action\n2027-06-02T09:15:00Z,a,x,read\n' });
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({ error: { code: 'IMPORT_INVALID' } });
    });
  });

  describe('GET /api/v1/contracts/:id/access-findings', () => {
    it('finds the two payroll accesses of April 2027 (a prohibited category)', async () => {
      const review = (await fixture.request({ url: `${findingsUrl}?month=2027-04`, token: fixture.tokens.auditor })).json() as ReviewJson;
      expect(review.month).toBe('2027-04');
      expect(review.findings.filter((f) => f.kind === 'prohibited-category').map((f) => [f.account, f.dataCategory])).toEqual([
        ['d.kowalski@northstar.example', 'payroll'],
        ['d.kowalski@northstar.example', 'payroll'],
      ]);
      expect(review.months).toEqual([expect.objectContaining({ month: '2027-04', findings: expect.objectContaining({ 'prohibited-category': 2 }) })]);
      expect(review.findingsTotal).toBe(review.findings.length);
    });

    it("evaluates every stored event without a month, including the ones posted here (June's payroll export)", async () => {
      const review = (await fixture.request({ url: findingsUrl, token: fixture.tokens.auditor })).json() as ReviewJson;
      expect(review).not.toHaveProperty('month');
      expect(review.months.map((m) => m.month)).toEqual(['2027-03', '2027-04', '2027-05', '2027-06']);
      expect(review.findings).toContainEqual(expect.objectContaining({ kind: 'prohibited-category', month: '2027-06', at: '2027-06-02T17:00:00Z' }));
      const bad = await fixture.request({ url: `${findingsUrl}?month=2027-13`, token: fixture.tokens.auditor });
      expect(bad.statusCode).toBe(400);
    });
  });
});
