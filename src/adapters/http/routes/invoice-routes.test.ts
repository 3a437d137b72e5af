import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExampleContract, repoRoot } from '../../../../test/support/examples.js';
import { northstarId, openApiFixture, type ApiFixture } from '../test-support/api-fixture.js';

const chromium = process.env.SUPPORTPACT_CHROMIUM ?? '/usr/bin/chromium';
const haveChromium = existsSync(chromium);
if (!haveChromium && process.env.CI === 'true') throw new Error(`CI=true but there is no Chromium at ${chromium}: install it with apt-get install -y chromium`);
if (!haveChromium) console.warn(`invoice-routes: the PDF test is skipped: no Chromium at ${chromium} (apt-get install -y chromium, or set SUPPORTPACT_CHROMIUM)`);

describe('invoice routes', () => {
  let fixture: ApiFixture;
  beforeAll(async () => {
    fixture = await openApiFixture();
  });
  afterAll(() => fixture.close());
  const base = `/api/v1/contracts/${northstarId}`;

  it('shows a draft for a month, issues it once, and refuses to issue the month again', async () => {
    const draft = await fixture.request({ method: 'GET', url: `${base}/invoices/2027-03`, token: fixture.tokens['client-admin'] });
    expect(draft.statusCode).toBe(200);
    expect(draft.json()).toMatchObject({ issued: false, invoice: { serviceMonth: '2027-03', state: 'draft', currency: 'USD' } });
    const issued = await fixture.request({ method: 'POST', url: `${base}/invoices/2027-03/issue`, token: fixture.tokens['client-admin'] });
    expect(issued.statusCode).toBe(200);
    const invoice = (issued.json() as { invoice: { id: string; state: string } }).invoice;
    expect(invoice.state).toBe('issued');
    expect(invoice.id).toMatch(/^NS-2027-\d{4}$/);
    const again = await fixture.request({ method: 'POST', url: `${base}/invoices/2027-03/issue`, token: fixture.tokens['client-admin'] });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'CONFLICT' } });
    const list = await fixture.request({ method: 'GET', url: `${base}/invoices`, token: fixture.tokens.vendor });
    expect((list.json() as { invoices: { id: string }[] }).invoices.map((i) => i.id)).toEqual([invoice.id]);
  });

  it('records a payment and shows what is owed on a day', async () => {
    const bad = await fixture.request({ method: 'POST', url: `${base}/payments`, token: fixture.tokens['client-admin'], payload: { amount: '12,50', receivedOn: '2027-05-01' } });
    expect(bad.statusCode).toBe(422);
    const paid = await fixture.request({ method: 'POST', url: `${base}/payments`, token: fixture.tokens['client-admin'], payload: { amount: '1000.00', receivedOn: '2027-05-01', reference: 'wire 1' } });
    expect(paid.statusCode).toBe(200);
    const statement = await fixture.request({ method: 'GET', url: `${base}/statement?asOf=2027-06-30`, token: fixture.tokens.auditor });
    expect(statement.statusCode).toBe(200);
    expect(statement.json()).toHaveProperty('totals');
  });

  it.skipIf(!haveChromium)(`serves the invoice as a PDF printed by Chromium${haveChromium ? '' : ` [skipped: no Chromium at ${chromium}; runs in CI, issue #7]`}`, async () => {
    const pdf = await fixture.request({ method: 'GET', url: `${base}/invoices/2027-04?format=pdf`, token: fixture.tokens['client-admin'] });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.rawPayload.length).toBeGreaterThan(5000);
  }, 60_000);
});

describe('compare routes', () => {
  let fixture: ApiFixture;
  beforeAll(async () => {
    fixture = await openApiFixture();
  });
  afterAll(() => fixture.close());

  it('compares proposals over a forecast, as JSON and as a self-contained HTML report', async () => {
    const payload = {
      proposals: [
        { name: 'northstar.yaml', yaml: readExampleContract('northstar-tiered') },
        { name: 'bayline.yaml', yaml: readExampleContract('bayline-per-incident') },
      ],
      forecast: { name: 'forecast.yaml', yaml: readFileSync(join(repoRoot, 'examples', 'forecast.yaml'), 'utf8') },
    };
    const json = await fixture.request({ method: 'POST', url: '/api/v1/compare', token: fixture.tokens['client-admin'], payload });
    expect(json.statusCode).toBe(200);
    expect(JSON.stringify(json.json())).toMatch(/acme-northstar-2027/);
    const html = await fixture.request({ method: 'POST', url: '/api/v1/compare', token: fixture.tokens['client-admin'], payload: { ...payload, format: 'html' } });
    expect(html.headers['content-type']).toMatch(/text\/html/);
    expect(html.body).toMatch(/<svg/);
    expect(html.body).not.toMatch(/<script src=/);
  }, 60_000);

  it('reports a bad proposal with its file, line and column', async () => {
    const payload = { proposals: [{ name: 'broken.yaml', yaml: 'supportpact: 1\nid: x\n' }], forecast: { name: 'f.yaml', yaml: readFileSync(join(repoRoot, 'examples', 'forecast.yaml'), 'utf8') } };
    const response = await fixture.request({ method: 'POST', url: '/api/v1/compare', token: fixture.tokens['client-admin'], payload });
    expect(response.statusCode).toBe(422);
    expect(JSON.stringify(response.json())).toMatch(/broken\.yaml/);
  });
});
