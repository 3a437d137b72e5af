import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { northstarId, openDemoApiFixture, type DemoApiFixture } from '../test-support/demo-api-fixture.js';

const url = `/api/v1/contracts/${northstarId}/rights`;

interface RightsJson {
  contractVersion: number;
  rights: { asOf: string; period: { optOutDeadlineOn: string }; forCause: { ground: string; status: string; openSince?: string; evidence: { kind: string; id?: string; discoveredAt?: string }[]; earliestEffectiveOn?: string }[] };
  monthlyServiceLevels: { month: string }[];
  invoices: number;
  convenienceFeeEstimates: Record<string, { amount: { amount: string; currency: string }; basis: string }>;
  liability: { estimated: boolean; cap: { amount: { amount: string; currency: string }; basis: string; excluded: string[] } };
  notes: string[];
}

describe('GET /api/v1/contracts/:id/rights', () => {
  let fixture: DemoApiFixture;
  beforeAll(async () => {
    fixture = await openDemoApiFixture();
  });
  afterAll(() => fixture.close());

  it('opens the data-breach ground on the discovery day, with the incident as evidence; notice 0d makes it effective at once', async () => {
    const response = await fixture.request({ url: `${url}?asOf=2027-06-03`, token: fixture.tokens.auditor });
    expect(response.statusCode).toBe(200);
    const body = response.json() as RightsJson;
    expect(body.rights.asOf).toBe('2027-06-03');
    expect(body.rights.period.optOutDeadlineOn).toBe('2028-11-02');
    expect(body.rights.forCause.find((r) => r.ground === 'data-breach')).toMatchObject({
      status: 'open',
      openSince: '2027-05-19',
      earliestEffectiveOn: '2027-06-03',
      evidence: [{ kind: 'breach-incident', id: 'BR-2027-05-01', discoveredAt: '2027-05-19T23:40:00Z' }],
    });
    // January to May 2027 are over on 2027-06-03; June is not.
    expect(body.monthlyServiceLevels.map((m) => m.month)).toEqual(['2027-01', '2027-02', '2027-03', '2027-04', '2027-05']);
  });

  it('says non-payment is not evaluated and money figures are estimates while no invoice is issued (money as decimal strings)', async () => {
    const body = (await fixture.request({ url: `${url}?asOf=2027-06-03`, token: fixture.tokens.auditor })).json() as RightsJson;
    expect(body.invoices).toBe(0);
    expect(body.rights.forCause.find((r) => r.ground === 'non-payment')).toMatchObject({ status: 'not-evaluated', evidence: [] });
    // 12 months × the USD 9,000.00 minimum commitment (above the 4,000.00 base fee).
    expect(body.liability).toMatchObject({ estimated: true, cap: { amount: { amount: '108000.00', currency: 'USD' }, basis: 'months-of-fees' } });
    expect(body.liability.cap.excluded).toContain('data-breach');
    expect(Object.values(body.convenienceFeeEstimates)).toContainEqual(expect.objectContaining({ amount: { amount: '9000.00', currency: 'USD' } }));
    expect(body.notes.join(' ')).toContain('invoice evidence is not recorded yet');
  });

  it("takes asOf as an instant too, judged on its date in the contract's zone (23:30 in Los Angeles is already the next day in UTC)", async () => {
    const response = await fixture.request({ url: `${url}?asOf=${encodeURIComponent('2027-06-03T23:30:00-07:00')}`, token: fixture.tokens.auditor });
    expect((response.json() as RightsJson).rights.asOf).toBe('2027-06-03');
    const byDefault = await fixture.request({ url, token: fixture.tokens['client-admin'] });
    expect((byDefault.json() as RightsJson).rights.asOf).toBe('2027-06-03');
  });

  it('refuses an asOf that is neither a date nor an instant with an offset', async () => {
    for (const asOf of ['2027-06-31', '2027-06-03T10:00:00', 'tomorrow']) {
      const response = await fixture.request({ url: `${url}?asOf=${asOf}`, token: fixture.tokens.auditor });
      expect(response.statusCode, asOf).toBe(400);
      expect(response.json()).toMatchObject({ error: { code: 'USAGE', details: { problems: [expect.objectContaining({ path: ['querystring', 'asOf'] })] } } });
    }
  });
});
