import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { northstarId, openDemoApiFixture, type DemoApiFixture } from '../test-support/demo-api-fixture.js';

const url = `/api/v1/contracts/${northstarId}/insurance`;

interface Finding {
  kind: string;
  type: string;
  severity: string;
  required?: { amount: string; currency: string };
  coverage?: { amount: string; currency: string };
  certificate?: number;
}
interface ReviewJson {
  asOf: string;
  certificates: { id: string; type: string; amount: string; expiresOn: string }[];
  findings: Finding[];
}

const kindsOf = (review: ReviewJson) => review.findings.map((f) => `${f.type}:${f.kind}`).sort();

describe('insurance routes', () => {
  let fixture: DemoApiFixture;
  beforeAll(async () => {
    fixture = await openDemoApiFixture();
  });
  afterAll(() => fixture.close());

  describe('GET /api/v1/contracts/:id/insurance', () => {
    it('finds the cyber certificate expiring within 30 days and errors-and-omissions cover at 75% of its minimum', async () => {
      const response = await fixture.request({ url: `${url}?asOf=2027-06-03`, token: fixture.tokens.auditor });
      expect(response.statusCode).toBe(200);
      const review = response.json() as ReviewJson;
      expect(review.asOf).toBe('2027-06-03');
      expect(kindsOf(review)).toEqual([
        'cyber-liability:expires-before-term-end',
        'cyber-liability:expiring-soon',
        'errors-and-omissions:below-minimum',
        'errors-and-omissions:expires-before-term-end',
        'general-liability:expires-before-term-end',
      ]);
      const below = review.findings.find((f) => f.kind === 'below-minimum')!;
      expect(below).toMatchObject({ severity: 'high', required: { amount: '2000000.00', currency: 'USD' }, coverage: { amount: '1500000.00', currency: 'USD' } });
      expect(review.certificates[below.certificate!]).toMatchObject({ type: 'errors-and-omissions', amount: '1500000.00' });
    });

    it('judges another day given as a date or as an instant: on 2027-07-01 the cyber certificate has expired', async () => {
      for (const asOf of ['2027-07-01', encodeURIComponent('2027-07-01T12:00:00-07:00')]) {
        const review = (await fixture.request({ url: `${url}?asOf=${asOf}`, token: fixture.tokens.auditor })).json() as ReviewJson;
        expect(review.asOf).toBe('2027-07-01');
        expect(kindsOf(review)).toContain('cyber-liability:expired');
      }
    });
  });

  describe('POST /api/v1/contracts/:id/insurance', () => {
    it('files a renewal certificate once (CERT-4), which ends the expiry findings of its type', async () => {
      const certificate = { type: 'cyber-liability', amount: '5000000.00', expiresOn: '2029-06-30', insurer: 'Beacon Mutual Insurance' };
      const filed = await fixture.request({ method: 'POST', url, token: fixture.tokens['client-admin'], payload: certificate });
      expect(filed.statusCode).toBe(201);
      expect(filed.json()).toMatchObject({ created: true, requiredType: true, certificate: { id: 'CERT-4', amount: '5000000.00', currency: 'USD', expiresOn: '2029-06-30', recordedAt: '2027-06-03T21:30:00Z' } });
      const again = await fixture.request({ method: 'POST', url, token: fixture.tokens['client-admin'], payload: certificate });
      expect(again.statusCode).toBe(200);
      expect(again.json()).toMatchObject({ created: false, certificate: { id: 'CERT-4' } });
      const review = (await fixture.request({ url: `${url}?asOf=2027-06-03`, token: fixture.tokens.auditor })).json() as ReviewJson;
      expect(kindsOf(review).filter((k) => k.startsWith('cyber-liability'))).toEqual([]);
    });

    it("refuses an amount finer than the currency's cents (422, naming the field) and says when the contract requires no such type", async () => {
      const fine = await fixture.request({ method: 'POST', url, token: fixture.tokens['client-admin'], payload: { type: 'cyber-liability', amount: '5000000.005', expiresOn: '2029-06-30' } });
      expect(fine.statusCode).toBe(422);
      expect(fine.json()).toMatchObject({ error: { code: 'MONEY_INVALID', details: { problems: [expect.objectContaining({ path: ['amount'] })] } } });
      const other = await fixture.request({ method: 'POST', url, token: fixture.tokens['client-admin'], payload: { type: 'crime', amount: '250000.00', expiresOn: '2028-01-31' } });
      expect(other.statusCode).toBe(201);
      expect(other.json()).toMatchObject({ requiredType: false, message: expect.stringContaining('requires no crime insurance') });
      const badDate = await fixture.request({ method: 'POST', url, token: fixture.tokens['client-admin'], payload: { type: 'crime', amount: '1.00', expiresOn: '2028-02-30' } });
      expect(badDate.statusCode).toBe(400);
      expect(badDate.json()).toMatchObject({ error: { code: 'USAGE', details: { problems: [expect.objectContaining({ path: ['body', 'expiresOn'] })] } } });
    });
  });
});
