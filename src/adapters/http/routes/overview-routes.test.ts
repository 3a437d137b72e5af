import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baylineId, northstarId, openDemoApiFixture, type DemoApiFixture } from '../test-support/demo-api-fixture.js';

interface OverviewJson {
  contractId: string;
  asOf: string;
  month: string;
  credits: { status: string; fees?: { amount: string; currency: string }; credits?: { amount: string; currency: string }; lines: { clause: string; amount: { amount: string } }[] };
  nextKeyDates: { on: string; at?: string; kind: string }[];
  openFindings: Record<string, number>;
  invoices: { issued: number; netDue: { amount: string; currency: string } };
}

const endOfMay = encodeURIComponent('2027-05-31T18:00:00-07:00');

describe('overview routes', () => {
  let fixture: DemoApiFixture;
  beforeAll(async () => {
    fixture = await openDemoApiFixture();
  });
  afterAll(() => fixture.close());

  describe('GET /api/v1/contracts/:id/overview', () => {
    it('summarises the contract at asOf, money as decimal strings and instants in ISO-8601 UTC', async () => {
      const response = await fixture.request({ url: `/api/v1/contracts/${northstarId}/overview?asOf=${endOfMay}`, token: fixture.tokens.auditor });
      expect(response.statusCode).toBe(200);
      const body = response.json() as OverviewJson;
      expect(body).toMatchObject({ contractId: northstarId, asOf: '2027-06-01T01:00:00Z', month: '2027-05' });
      expect(body.credits).toMatchObject({ status: 'computed', fees: { amount: '27760.00', currency: 'USD' }, credits: { amount: '2220.80', currency: 'USD' } });
      expect(body.nextKeyDates).toContainEqual({ on: '2027-06-19', at: '2027-06-20T06:59:59Z', kind: 'individuals', label: expect.any(String), clause: expect.any(String) });
      expect(body.openFindings).toMatchObject({ accessThisMonth: 3, total: 13 });
      expect(body.invoices).toMatchObject({ issued: 0, netDue: { amount: '0.00', currency: 'USD' } });
    });

    it("defaults asOf to the server clock (the demo's now, June 2027 to date)", async () => {
      const body = (await fixture.request({ url: `/api/v1/contracts/${northstarId}/overview`, token: fixture.tokens['client-admin'] })).json() as OverviewJson;
      expect(body).toMatchObject({ asOf: '2027-06-03T21:30:00Z', month: '2027-06' });
    });
  });

  describe('GET /api/v1/overview', () => {
    it('lists one summary per contract the token may see: the scoped tokens see northstar alone', async () => {
      for (const token of [fixture.tokens['client-admin'], fixture.tokens.auditor]) {
        const body = (await fixture.request({ url: `/api/v1/overview?asOf=${endOfMay}`, token })).json() as { asOf: string; contracts: OverviewJson[] };
        expect(body.asOf).toBe('2027-06-01T01:00:00Z');
        expect(body.contracts.map((c) => c.contractId)).toEqual([northstarId]);
      }
      const all = (await fixture.request({ url: `/api/v1/overview?asOf=${endOfMay}`, token: fixture.tokens.all })).json() as { contracts: OverviewJson[] };
      expect(all.contracts.map((c) => c.contractId)).toEqual([northstarId, baylineId]);
      expect(all.contracts[1]).toMatchObject({ contractId: baylineId, month: '2027-05', asOf: '2027-06-01T01:00:00Z' });
    });

    it('refuses a vendor token: the summaries count risk findings', async () => {
      const response = await fixture.request({ url: '/api/v1/overview', token: fixture.tokens.vendor });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ error: { code: 'FORBIDDEN', details: { role: 'vendor', permission: 'overview:read' } } });
    });
  });
});
