import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { northstarId, openApiFixture, type ApiFixture } from '../test-support/api-fixture.js';

const planUrl = `/api/v1/contracts/${northstarId}/exit`;
const progressUrl = `/api/v1/contracts/${northstarId}/exit/progress`;

interface PlanJson {
  asOf: string;
  effectiveOn: string;
  lastServiceOn: string;
  items: { id: string; dueOn?: string; status: string; doneOn?: string; evidence?: string; late?: boolean }[];
  counts: { open: number; done: number; overdue: number };
}

const itemOf = (plan: PlanJson, id: string) => plan.items.find((i) => i.id === id);

describe('exit routes', () => {
  let fixture: ApiFixture;
  beforeAll(async () => {
    fixture = await openApiFixture();
  });
  afterAll(() => fixture.close());

  describe('GET /api/v1/contracts/:id/exit', () => {
    it('plans the exit after a client convenience notice on 2027-05-01: effective 2027-07-30 (90d), duties due from then', async () => {
      const response = await fixture.request({ url: `${planUrl}?noticeDate=2027-05-01&ground=convenience&by=client&asOf=2027-09-20`, token: fixture.tokens.auditor });
      expect(response.statusCode).toBe(200);
      const plan = response.json() as PlanJson;
      expect(plan).toMatchObject({ asOf: '2027-09-20', effectiveOn: '2027-07-30', lastServiceOn: '2027-07-29' });
      expect(itemOf(plan, 'data-return')).toMatchObject({ dueOn: '2027-08-29', status: 'overdue' });
      expect(itemOf(plan, 'deletion-certificate')).toMatchObject({ dueOn: '2027-09-13', status: 'overdue' });
      expect(itemOf(plan, 'knowledge-transfer-session-4')).toMatchObject({ dueOn: '2027-09-28', status: 'open' });
    });

    it('takes an agreed effective date instead of a ground, and refuses a notice with neither', async () => {
      const agreed = await fixture.request({ url: `${planUrl}?noticeDate=2027-05-01&effectiveOn=2027-06-30&asOf=2027-05-02`, token: fixture.tokens.auditor });
      expect(agreed.json()).toMatchObject({ effectiveOn: '2027-06-30' });
      const neither = await fixture.request({ url: `${planUrl}?noticeDate=2027-05-01`, token: fixture.tokens.auditor });
      expect(neither.statusCode).toBe(400);
      expect(neither.json()).toMatchObject({ error: { code: 'USAGE', details: { problems: [expect.objectContaining({ path: ['ground'] })] } } });
      const noNotice = await fixture.request({ url: `${planUrl}?ground=convenience`, token: fixture.tokens.auditor });
      expect(noNotice.json()).toMatchObject({ error: { code: 'USAGE', details: { problems: [expect.objectContaining({ path: ['querystring', 'noticeDate'] })] } } });
    });
  });

  describe('POST /api/v1/contracts/:id/exit/progress', () => {
    const done = { item: 'data-return', doneOn: '2027-08-20', evidence: 'export receipt #88' };

    it('marks an item done with its evidence, once; new evidence for the same day replaces the old', async () => {
      const first = await fixture.request({ method: 'POST', url: progressUrl, token: fixture.tokens['client-admin'], payload: done });
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({ outcome: 'created', progress: { item: 'data-return', doneOn: '2027-08-20', evidence: 'export receipt #88' } });
      const plan = (await fixture.request({ url: `${planUrl}?noticeDate=2027-05-01&ground=convenience&by=client&asOf=2027-09-20`, token: fixture.tokens.auditor })).json() as PlanJson;
      expect(itemOf(plan, 'data-return')).toMatchObject({ status: 'done', doneOn: '2027-08-20', evidence: 'export receipt #88' });
      expect(plan.counts.done).toBe(1);

      const same = await fixture.request({ method: 'POST', url: progressUrl, token: fixture.tokens['client-admin'], payload: done });
      expect(same.statusCode).toBe(200);
      expect(same.json()).toMatchObject({ outcome: 'unchanged' });
      const replaced = await fixture.request({ method: 'POST', url: progressUrl, token: fixture.tokens['client-admin'], payload: { ...done, evidence: 'export receipt #89' } });
      expect(replaced.json()).toMatchObject({ outcome: 'updated', message: 'Replaced the evidence of data-return done on 2027-08-20.' });
      const entries = await fixture.store.audit.listAudit({ contractId: northstarId });
      expect(entries.filter((e) => e.action.startsWith('exit.')).map((e) => [e.action, e.actor])).toEqual([
        ['exit.progress-recorded', expect.stringMatching(/^token:tok_/)],
        ['exit.progress-updated', expect.stringMatching(/^token:tok_/)],
      ]);
    });

    it("refuses an item that is not one of the contract's exit items, naming the ones that are", async () => {
      const response = await fixture.request({ method: 'POST', url: progressUrl, token: fixture.tokens['client-admin'], payload: { ...done, item: 'data-shredding' } });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: { code: 'USAGE', details: { problems: [expect.objectContaining({ path: ['item'], expected: expect.stringContaining('data-return') })] } } });
      const empty = await fixture.request({ method: 'POST', url: progressUrl, token: fixture.tokens['client-admin'], payload: { ...done, evidence: '' } });
      expect(empty.json()).toMatchObject({ error: { code: 'USAGE', details: { problems: [expect.objectContaining({ path: ['body', 'evidence'] })] } } });
    });
  });
});
