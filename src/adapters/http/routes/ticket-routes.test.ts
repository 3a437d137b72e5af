import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { northstarId, openApiFixture, seededTicket, type ApiFixture } from '../test-support/api-fixture.js';
import { maxEventsPerRequest } from './ticket-routes.js';

/** A P1 ticket (raw "urgent", 15m response on the always calendar) answered after 20 minutes. */
const lateTicket = [
  { ticket: 'T-2001', at: '2027-03-03T09:00:00-08:00', kind: 'created', priority: 'urgent', channel: 'phone', category: 'troubleshooting', technology: 'Windows 11', id: 'e1' },
  { ticket: 'T-2001', at: '2027-03-03T09:20:00-08:00', kind: 'agent_replied', id: 'e2' },
  { ticket: 'T-2001', at: '2027-03-03T11:00:00-08:00', kind: 'solved', id: 'e3' },
];

describe('ticket routes', () => {
  let fixture: ApiFixture;
  beforeAll(async () => {
    fixture = await openApiFixture();
  });
  afterAll(() => fixture.close());

  describe('POST /api/v1/contracts/:id/events', () => {
    it('stores new events, and posting them again changes nothing and says so', async () => {
      const url = `/api/v1/contracts/${northstarId}/events`;
      const first = await fixture.request({ method: 'POST', url, token: fixture.tokens.vendor, payload: { events: lateTicket } });
      expect(first.json()).toEqual({ contractId: northstarId, received: 3, newTickets: 1, newEvents: 3, duplicates: 0, changed: true, message: 'Stored 3 new events (1 new tickets); 0 were already stored.' });
      const auditBefore = (await fixture.store.audit.verifyAudit()).entriesChecked;
      const again = await fixture.request({ method: 'POST', url, token: fixture.tokens.vendor, payload: { events: lateTicket } });
      expect(again.json()).toMatchObject({ received: 3, newEvents: 0, duplicates: 3, changed: false, message: 'All 3 events were already stored; nothing changed.' });
      expect((await fixture.store.audit.verifyAudit()).entriesChecked).toBe(auditBefore);
      expect(await fixture.store.tickets.countTickets(northstarId)).toEqual({ tickets: 2, events: 6 });
    });

    it('refuses the whole batch when one event cannot be read, naming the event and field', async () => {
      const events = [{ ticket: 'T-3001', at: '2027-03-04T09:00:00-08:00', kind: 'created', priority: 'high' }, { ticket: 'T-3001', at: '2027-03-04 nine', kind: 'solved' }];
      const response = await fixture.request({ method: 'POST', url: `/api/v1/contracts/${northstarId}/events`, token: fixture.tokens.vendor, payload: { events } });
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({ error: { code: 'IMPORT_INVALID', details: { problems: [{ message: 'not an ISO-8601 instant: "2027-03-04 nine"', path: ['body', 'events', 1, 'at'] }] } } });
      expect(await fixture.store.tickets.getTicket(northstarId, 'T-3001')).toBeUndefined();
    });

    it('refuses unknown fields, unknown kinds and oversized batches as USAGE before storing anything', async () => {
      const url = `/api/v1/contracts/${northstarId}/events`;
      const typo = await fixture.request({ method: 'POST', url, token: fixture.tokens.vendor, payload: { events: [{ ticket: 'T-1', at: '2027-03-04T09:00:00-08:00', kind: 'created', priorty: 'high' }] } });
      expect(typo.statusCode).toBe(400);
      expect(typo.json()).toMatchObject({ error: { code: 'USAGE', details: { problems: [expect.objectContaining({ path: ['body', 'events', 0] })] } } });
      const kind = await fixture.request({ method: 'POST', url, token: fixture.tokens.vendor, payload: { events: [{ ticket: 'T-1', at: '2027-03-04T09:00:00-08:00', kind: 'escalated' }] } });
      expect(kind.json()).toMatchObject({ error: { code: 'USAGE', details: { problems: [expect.objectContaining({ path: ['body', 'events', 0, 'kind'] })] } } });
      const many = Array.from({ length: maxEventsPerRequest + 1 }, (_, i) => ({ ticket: `T-${i}`, at: '2027-03-04T09:00:00-08:00', kind: 'created' }));
      const oversized = await fixture.request({ method: 'POST', url, token: fixture.tokens.vendor, payload: { events: many } });
      expect(oversized.statusCode).toBe(400);
      expect(oversized.json()).toMatchObject({ error: { code: 'USAGE', details: { problems: [expect.objectContaining({ path: ['body', 'events'] })] } } });
    });
  });

  it("returns the month's scorecard as the CLI's JSON, instants in ISO-8601 UTC", async () => {
    const response = await fixture.request({ url: `/api/v1/contracts/${northstarId}/scorecards/2027-03?asOf=2027-04-10T00:00:00-07:00`, token: fixture.tokens.vendor });
    const body = response.json() as { contract: string; contractVersion: number; asOf: string; period: { start: string }; serviceLevels: { id: string; settled: number; breached: number; breachedTickets: string[] }[] };
    // March 2027 in Los Angeles starts at 08:00 UTC (PST, UTC-8).
    expect(body).toMatchObject({ contract: northstarId, contractVersion: 1, asOf: '2027-04-10T07:00:00Z', period: { start: '2027-03-01T08:00:00Z' } });
    expect(body.serviceLevels.find((l) => l.id === 'p1-response')).toMatchObject({ settled: 1, breached: 1, breachedTickets: ['T-2001'] });
    // T-1001 (P2): 12h45m of extended time to its solve against an 8h target.
    expect(body.serviceLevels.find((l) => l.id === 'p2-resolution')).toMatchObject({ settled: 1, breachedTickets: [seededTicket] });
  });

  it('lists the tickets with a breached clock', async () => {
    const response = await fixture.request({ url: `/api/v1/contracts/${northstarId}/clocks?status=breached&asOf=2027-04-01T00:00:00Z`, token: fixture.tokens.vendor });
    const body = response.json() as { total: number; tickets: { ticket: string; clocks: { metric: string; status: string; dueAt: string }[] }[] };
    expect(body.total).toBe(2);
    expect(body.tickets.map((t) => t.ticket)).toEqual([seededTicket, 'T-2001']);
    expect(body.tickets[1]?.clocks.find((c) => c.metric === 'firstResponse')).toMatchObject({ status: 'breached', dueAt: '2027-03-03T17:15:00Z' });
  });

  it("explains a ticket's clocks step by step at asOf, and answers TICKET_NOT_FOUND for an unknown ticket", async () => {
    const response = await fixture.request({ url: `/api/v1/contracts/${northstarId}/tickets/T-2001/explain?asOf=2027-03-03T09:12:00-08:00`, token: fixture.tokens.vendor });
    const body = response.json() as { ticket: string; priority: string; clocks: { metric: string; status: string; elapsedSeconds: number; startedAt: string; stoppedAt: string | null; steps: unknown[] }[] };
    expect(body).toMatchObject({ ticket: 'T-2001', priority: 'P1' });
    // Twelve minutes in, nothing replied yet: 720 of the 900 target seconds is 80%, past the 75% at-risk share.
    expect(body.clocks.find((c) => c.metric === 'firstResponse')).toMatchObject({ status: 'at-risk', elapsedSeconds: 720, startedAt: '2027-03-03T17:00:00Z', stoppedAt: null, steps: expect.arrayContaining([expect.objectContaining({ at: '2027-03-03T17:00:00Z', kind: 'opened' })]) });
    const unknown = await fixture.request({ url: `/api/v1/contracts/${northstarId}/tickets/T-9999/explain`, token: fixture.tokens.vendor });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: { code: 'TICKET_NOT_FOUND' } });
  });

  it('refuses an asOf without an offset', async () => {
    const response = await fixture.request({ url: `/api/v1/contracts/${northstarId}/clocks?asOf=2027-04-01T00:00:00`, token: fixture.tokens.vendor });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'USAGE', details: { problems: [expect.objectContaining({ path: ['querystring', 'asOf'] })] } } });
  });
});
