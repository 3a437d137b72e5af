import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baylineId, northstarId, openApiFixture, type ApiFixture } from '../test-support/api-fixture.js';

describe('token routes', () => {
  let fixture: ApiFixture;
  beforeAll(async () => {
    fixture = await openApiFixture();
  });
  afterAll(() => fixture.close());

  it('issues a token whose secret appears once and works at once with its role', async () => {
    const issued = await fixture.request({ method: 'POST', url: '/api/v1/tokens', token: fixture.tokens['client-admin'], payload: { name: 'DeskForce feed', role: 'vendor', contracts: [northstarId] } });
    expect(issued.statusCode).toBe(201);
    const body = issued.json() as { token: { tokenId: string }; secret: string };
    expect(body).toMatchObject({ token: { name: 'DeskForce feed', role: 'vendor', contracts: [northstarId], createdAt: '2027-04-10T16:00:00Z', revokedAt: null }, secret: expect.stringMatching(/^sp_[A-Za-z0-9_-]{43}$/) });
    const posted = await fixture.request({ method: 'POST', url: `/api/v1/contracts/${northstarId}/events`, token: body.secret, payload: { events: [{ ticket: 'T-7', at: '2027-03-05T09:00:00-08:00', kind: 'created', priority: 'low' }] } });
    expect(posted.statusCode).toBe(200);
    const listed = await fixture.request({ url: '/api/v1/tokens', token: fixture.tokens.all });
    expect(listed.body).not.toContain(body.secret);
    expect(listed.body).not.toMatch(/[0-9a-f]{64}/);
    expect((await fixture.store.audit.listAudit()).filter((e) => e.action === 'token.created').at(-1)).toMatchObject({ subject: `token:${body.token.tokenId}`, payload: { name: 'DeskForce feed', role: 'vendor', contracts: [northstarId] } });
  });

  it('lets a scoped client-admin grant only its own contracts, and only an admin see all', async () => {
    const scoped = fixture.tokens['client-admin'];
    const cases = [
      { payload: { name: 'wider', role: 'client-admin', contracts: '*' }, status: 403, code: 'FORBIDDEN' },
      { payload: { name: 'other', role: 'auditor', contracts: [northstarId, baylineId] }, status: 403, code: 'FORBIDDEN' },
      { payload: { name: 'vendor everywhere', role: 'vendor', contracts: '*' }, status: 400, code: 'USAGE' },
      { payload: { name: 'root', role: 'superuser', contracts: [northstarId] }, status: 400, code: 'USAGE' },
    ];
    for (const { payload, status, code } of cases) {
      const response = await fixture.request({ method: 'POST', url: '/api/v1/tokens', token: payload.role === 'vendor' ? fixture.tokens.all : scoped, payload });
      expect([response.statusCode, (response.json() as { error: { code: string } }).error.code]).toEqual([status, code]);
    }
    const unknown = await fixture.request({ method: 'POST', url: '/api/v1/tokens', token: fixture.tokens.all, payload: { name: 'typo', role: 'auditor', contracts: ['acme-northstar-2072'] } });
    expect(unknown.json()).toMatchObject({ error: { code: 'NOT_FOUND', message: expect.stringContaining('acme-northstar-2072') } });
  });

  it('lists to a scoped client-admin only the tokens within its contracts', async () => {
    await fixture.request({ method: 'POST', url: '/api/v1/tokens', token: fixture.tokens.all, payload: { name: 'bayline auditor', role: 'auditor', contracts: [baylineId] } });
    const scopedList = (await fixture.request({ url: '/api/v1/tokens', token: fixture.tokens['client-admin'] })).json() as { tokens: { name: string; contracts: unknown }[] };
    expect(scopedList.tokens.every((t) => JSON.stringify(t.contracts) === JSON.stringify([northstarId]))).toBe(true);
    const allList = (await fixture.request({ url: '/api/v1/tokens', token: fixture.tokens.all })).json() as { tokens: { name: string }[] };
    expect(allList.tokens.map((t) => t.name)).toEqual(expect.arrayContaining(['first admin token', 'bayline auditor', 'vendor for northstar']));
  });

  it('revokes a token once; revoking it again changes nothing', async () => {
    const issued = (await fixture.request({ method: 'POST', url: '/api/v1/tokens', token: fixture.tokens.all, payload: { name: 'temp', role: 'auditor', contracts: [northstarId] } })).json() as { token: { tokenId: string } };
    const url = `/api/v1/tokens/${issued.token.tokenId}`;
    const first = await fixture.request({ method: 'DELETE', url, token: fixture.tokens['client-admin'] });
    expect(first.json()).toMatchObject({ changed: true, token: { revokedAt: '2027-04-10T16:00:00Z' } });
    const second = await fixture.request({ method: 'DELETE', url, token: fixture.tokens['client-admin'] });
    expect(second.json()).toMatchObject({ changed: false });
    expect((await fixture.store.audit.listAudit()).filter((e) => e.subject === `token:${issued.token.tokenId}`).map((e) => e.action)).toEqual(['token.created', 'token.revoked']);
  });

  it('refuses a revoked token at once, although token lookups are cached for a few seconds', async () => {
    const issued = (await fixture.request({ method: 'POST', url: '/api/v1/tokens', token: fixture.tokens.all, payload: { name: 'short-lived', role: 'auditor', contracts: [northstarId] } })).json() as { token: { tokenId: string }; secret: string };
    expect((await fixture.request({ url: `/api/v1/contracts/${northstarId}`, token: issued.secret })).statusCode).toBe(200);
    await fixture.request({ method: 'DELETE', url: `/api/v1/tokens/${issued.token.tokenId}`, token: fixture.tokens.all });
    const after = await fixture.request({ url: `/api/v1/contracts/${northstarId}`, token: issued.secret });
    expect(after.statusCode).toBe(401);
  });
});
