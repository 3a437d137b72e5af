import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../build-server.js';
import { demoNowSeconds, northstarId, openDemoApiFixture, type DemoApiFixture } from '../test-support/demo-api-fixture.js';
import { redactTokenQuery } from './key-dates-routes.js';

const base = `/api/v1/contracts/${northstarId}`;

describe('key dates routes', () => {
  let fixture: DemoApiFixture;
  beforeAll(async () => {
    fixture = await openDemoApiFixture();
  });
  afterAll(() => fixture.close());

  describe('GET /api/v1/contracts/:id/key-dates', () => {
    it('lists the last day to opt out of renewal 1 (2028-12-31 end, 60 days: 2028-11-02)', async () => {
      const response = await fixture.request({ url: `${base}/key-dates?from=2028-10-01&to=2028-12-31`, token: fixture.tokens.auditor });
      expect(response.statusCode).toBe(200);
      const body = response.json() as { from: string; to: string; contractVersion: number; dates: { on: string; kind: string; clause: string }[] };
      expect(body).toMatchObject({ from: '2028-10-01', to: '2028-12-31', contractVersion: 1 });
      expect(body.dates).toContainEqual(expect.objectContaining({ on: '2028-11-02', kind: 'opt-out-deadline', clause: 'term.renewal.optOutNotice' }));
      expect(body.dates.every((d) => d.on >= '2028-10-01' && d.on <= '2028-12-31')).toBe(true);
    });

    it("defaults to a year from today in the contract's zone and lists the breach notices as UTC instants with their status at asOf", async () => {
      const now = await fixture.request({ url: `${base}/key-dates`, token: fixture.tokens.auditor });
      // The demo's now, 2027-06-03 14:30 in Los Angeles.
      expect(now.json()).toMatchObject({ from: '2027-06-03', to: '2028-06-02', zone: 'America/Los_Angeles' });
      // 30 days from the day the client learned of it (the vendor's notice, 2027-05-20): the end of 2027-06-19 in Los Angeles.
      const individuals = { key: 'BR-2027-05-01/individuals', at: '2027-06-20T06:59:59Z', on: '2027-06-19' };
      expect((now.json() as { deadlines: unknown[] }).deadlines).toContainEqual(expect.objectContaining({ ...individuals, status: 'pending' }));
      const later = await fixture.request({ url: `${base}/key-dates?from=2027-06-01&to=2027-06-30&asOf=2027-06-21T00:00:00-07:00`, token: fixture.tokens.auditor });
      expect((later.json() as { deadlines: unknown[] }).deadlines).toContainEqual(expect.objectContaining({ ...individuals, status: 'overdue' }));
    });

    it('refuses a reversed range, a range over ten years and a date that does not exist', async () => {
      for (const query of ['from=2028-01-01&to=2027-01-01', 'from=2027-01-01&to=2037-12-31', 'from=2027-02-29']) {
        const response = await fixture.request({ url: `${base}/key-dates?${query}`, token: fixture.tokens.auditor });
        expect(response.statusCode, query).toBe(400);
        expect(response.json()).toMatchObject({ error: { code: 'USAGE', details: { problems: [expect.objectContaining({ path: expect.arrayContaining(['querystring']) })] } } });
      }
    });
  });

  describe('GET /api/v1/contracts/:id/key-dates.ics', () => {
    it('serves the feed to a token given as ?token= (no header): all-day dates and UTC instants', async () => {
      const response = await fixture.app.inject({ url: `${base}/key-dates.ics?from=2027-06-01&to=2028-12-31&token=${fixture.tokens.auditor}` });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
      expect(response.headers['cache-control']).toBe('private, no-store');
      expect(response.body).toMatch(/^BEGIN:VCALENDAR\r\n/);
      expect(response.body).toContain('DTSTART;VALUE=DATE:20281102\r\nDTEND;VALUE=DATE:20281103');
      expect(response.body).toContain('DTSTART:20270620T065959Z');
      expect(response.body).toContain(`DTSTAMP:20270603T213000Z`);
      expect(response.body).not.toMatch(/TZID|DTSTART:\d{8}T\d{6}\r/);
    });

    it('answers a wrong ?token= with 401 UNAUTHENTICATED in the error shape, and a vendor token with 403', async () => {
      const wrong = await fixture.app.inject({ url: `${base}/key-dates.ics?token=sp_${'A'.repeat(43)}` });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.headers['content-type']).toMatch(/^application\/json/);
      expect(wrong.headers['www-authenticate']).toBe('Bearer');
      expect(wrong.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED', message: expect.any(String), details: { problems: [], fix: expect.any(String) } } });
      const vendor = await fixture.app.inject({ url: `${base}/key-dates.ics?token=${fixture.tokens.vendor}` });
      expect(vendor.statusCode).toBe(403);
      expect(vendor.json()).toMatchObject({ error: { code: 'FORBIDDEN', details: { role: 'vendor', permission: 'lifecycle:read' } } });
      const missing = await fixture.app.inject({ url: `${base}/key-dates.ics` });
      expect(missing.statusCode).toBe(401);
    });

    it('takes ?token= on the feed alone, and lets a header win over it', async () => {
      const json = await fixture.app.inject({ url: `${base}/key-dates?token=${fixture.tokens.auditor}` });
      expect(json.statusCode).toBe(401);
      const headerWins = await fixture.request({ url: `${base}/key-dates.ics?token=sp_${'B'.repeat(43)}`, token: fixture.tokens.auditor });
      expect(headerWins.statusCode).toBe(200);
    });

    it('never writes the token to the log: the request line shows ?token=[redacted]', async () => {
      const lines: string[] = [];
      const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
      const app = buildServer({ store: fixture.store, now: () => demoNowSeconds * 1000, rateLimit: false, logger });
      try {
        await app.ready();
        const secret = fixture.tokens.auditor;
        for (const token of [secret, `sp_${'C'.repeat(43)}`]) await app.inject({ url: `${base}/key-dates.ics?from=2027-06-01&token=${token}&to=2027-06-30` });
        expect(lines.length).toBeGreaterThanOrEqual(4);
        expect(lines.filter((l) => l.includes(secret) || l.includes('C'.repeat(43)))).toEqual([]);
        const incoming = lines.map((l) => JSON.parse(l) as { msg: string; req?: { url: string } }).filter((l) => l.msg === 'incoming request');
        expect(incoming.map((l) => l.req?.url)).toEqual([`${base}/key-dates.ics?from=2027-06-01&token=[redacted]&to=2027-06-30`, `${base}/key-dates.ics?from=2027-06-01&token=[redacted]&to=2027-06-30`]);
      } finally {
        await app.close();
      }
    });
  });
});

describe('redactTokenQuery', () => {
  it('replaces the token value wherever it stands in the query, and nothing else', () => {
    expect(redactTokenQuery('/a.ics?token=sp_x&from=2027-01-01')).toBe('/a.ics?token=[redacted]&from=2027-01-01');
    expect(redactTokenQuery('/a.ics?from=2027-01-01&TOKEN=sp_x')).toBe('/a.ics?from=2027-01-01&TOKEN=[redacted]');
    expect(redactTokenQuery('/a.ics?mytoken=keep&from=1')).toBe('/a.ics?mytoken=keep&from=1');
  });
});
