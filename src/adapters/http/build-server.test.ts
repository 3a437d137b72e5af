import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listApiRoutes, buildServer } from './build-server.js';
import { fixedNowMs, northstarId, openApiFixture, type ApiFixture } from './test-support/api-fixture.js';

describe('buildServer', () => {
  let fixture: ApiFixture;
  beforeAll(async () => {
    fixture = await openApiFixture({ webRoot: join(tmpdir(), 'supportpact-no-dashboard-here') });
  });
  afterAll(() => fixture.close());

  it('answers /healthz without a token, naming the store backend', async () => {
    const response = await fixture.request({ url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', store: 'pglite' });
  });

  it('lists every API route in the OpenAPI document at /docs/json, and serves the UI at /docs', async () => {
    const document = (await fixture.request({ url: '/docs/json' })).json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(document.openapi).toBe('3.1.0');
    const documented = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    const routes = listApiRoutes(fixture.app).map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
    expect(routes.length).toBeGreaterThanOrEqual(15);
    expect(routes.filter((r) => !documented.includes(r))).toEqual([]);
    expect(documented).toContain('GET /healthz');
    const ui = await fixture.request({ url: '/docs' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toMatch(/text\/html/);
  });

  it('sends security headers, with a policy that allows only same-origin scripts', async () => {
    for (const url of ['/healthz', '/api/v1/contracts', '/']) {
      const headers = (await fixture.request({ url, token: fixture.tokens.all })).headers;
      expect(headers['content-security-policy']).toContain("script-src 'self'");
      expect(headers['content-security-policy']).toContain("default-src 'self'");
      expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['x-frame-options']).toBe('DENY');
      expect(headers['referrer-policy']).toBe('no-referrer');
    }
  });

  describe('the one error shape', () => {
    const shape = { error: { code: expect.any(String), message: expect.any(String), details: expect.objectContaining({ problems: expect.any(Array), fix: expect.any(String) }) } };

    it('answers an unknown route with NOT_FOUND', async () => {
      for (const url of ['/api/v1/nothing-here', '/no/such/page']) {
        const response = await fixture.request({ url, token: fixture.tokens.all });
        expect(response.statusCode).toBe(404);
        expect(response.json()).toMatchObject({ ...shape, error: { ...shape.error, code: 'NOT_FOUND' } });
      }
    });

    it('answers a missing or malformed token with UNAUTHENTICATED and a Bearer challenge', async () => {
      for (const headers of [{}, { authorization: 'Basic dXNlcjpwYXNz' }, { authorization: 'Bearer sp_not-a-token' }]) {
        const response = await fixture.request({ url: '/api/v1/contracts', headers });
        expect(response.statusCode).toBe(401);
        expect(response.headers['www-authenticate']).toBe('Bearer');
        expect(response.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
      }
    });

    it('answers a revoked token like an unknown one', async () => {
      const issued = await fixture.request({ method: 'POST', url: '/api/v1/tokens', token: fixture.tokens.all, payload: { name: 'short-lived', role: 'auditor', contracts: [northstarId] } });
      const { token, secret } = issued.json() as { token: { tokenId: string }; secret: string };
      expect((await fixture.request({ url: '/api/v1/contracts', token: secret })).statusCode).toBe(200);
      await fixture.request({ method: 'DELETE', url: `/api/v1/tokens/${token.tokenId}`, token: fixture.tokens.all });
      const refused = await fixture.request({ url: '/api/v1/contracts', token: secret });
      expect(refused.statusCode).toBe(401);
      expect(refused.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED', message: expect.stringContaining('unknown, revoked or mistyped') } });
    });

    it('answers a request outside the role with FORBIDDEN naming the permission', async () => {
      const response = await fixture.request({ url: `/api/v1/contracts/${northstarId}`, token: fixture.tokens.vendor });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ error: { code: 'FORBIDDEN', details: { role: 'vendor', permission: 'contract:read' } } });
    });

    it('turns schema violations into USAGE with the path of each bad field', async () => {
      const response = await fixture.request({ url: `/api/v1/contracts/${northstarId}/clocks?status=late&limit=0`, token: fixture.tokens.all });
      expect(response.statusCode).toBe(400);
      const body = response.json() as { error: { code: string; details: { problems: { path: unknown[] }[] } } };
      expect(body.error.code).toBe('USAGE');
      expect(body.error.details.problems.map((p) => p.path)).toEqual(expect.arrayContaining([['querystring', 'status'], ['querystring', 'limit']]));
    });

    it('turns malformed JSON into USAGE and an unknown media type into UNSUPPORTED_MEDIA_TYPE', async () => {
      const malformed = await fixture.request({ method: 'POST', url: '/api/v1/tokens', token: fixture.tokens.all, headers: { 'content-type': 'application/json' }, payload: '{"name": ' });
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json()).toMatchObject({ error: { code: 'USAGE' } });
      const xml = await fixture.request({ method: 'POST', url: '/api/v1/contracts', token: fixture.tokens.all, headers: { 'content-type': 'application/xml' }, payload: '<contract/>' });
      expect(xml.statusCode).toBe(415);
      expect(xml.json()).toMatchObject({ error: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
    });

    it('answers an unexpected failure with INTERNAL and keeps its text out of the answer', async () => {
      const contracts = Object.create(fixture.store.contracts) as typeof fixture.store.contracts;
      contracts.listContracts = async () => {
        throw new Error('connection to db-7.internal:5432 failed: password authentication for "sp_owner"');
      };
      const broken = buildServer({ store: { ...fixture.store, contracts }, now: () => fixedNowMs, rateLimit: false });
      try {
        const response = await broken.inject({ url: '/api/v1/contracts', headers: { authorization: `Bearer ${fixture.tokens.all}` } });
        expect(response.statusCode).toBe(500);
        expect(response.json()).toMatchObject({ error: { code: 'INTERNAL', message: expect.stringMatching(/^Internal error: the server log has the details \(request .+\)\.$/) } });
        expect(response.body).not.toMatch(/db-7|password|sp_owner|at .*\.ts/);
      } finally {
        await broken.close();
      }
    });
  });

  it('refuses a body over the limit with PAYLOAD_TOO_LARGE before reading it', async () => {
    const small = await openApiFixture({ bodyLimitBytes: 2000 });
    try {
      const events = Array.from({ length: 40 }, (_, i) => ({ ticket: `T-${i}`, at: '2027-03-01T09:15:00-08:00', kind: 'created', priority: 'high' }));
      const response = await small.request({ method: 'POST', url: `/api/v1/contracts/${northstarId}/events`, token: small.tokens.all, payload: { events } });
      expect(response.statusCode).toBe(413);
      expect(response.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE', details: { fix: expect.stringContaining('batches') } } });
      expect(await small.store.tickets.countTickets(northstarId)).toEqual({ tickets: 1, events: 3 });
    } finally {
      await small.close();
    }
  });

  it('limits requests per token with RATE_LIMITED and Retry-After, other tokens unaffected', async () => {
    const limited = await openApiFixture({ rateLimit: { max: 3, timeWindowMs: 60_000 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await limited.request({ url: '/api/v1/contracts', token: limited.tokens.auditor })).statusCode);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const refused = await limited.request({ url: '/api/v1/contracts', token: limited.tokens.auditor });
      expect(refused.headers['retry-after']).toBe('60');
      expect(refused.json()).toMatchObject({ error: { code: 'RATE_LIMITED', details: { limit: 3, retryAfterSeconds: 60 } } });
      expect((await limited.request({ url: '/api/v1/contracts', token: limited.tokens.vendor })).statusCode).toBe(200);
      expect((await limited.request({ url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('refuses to start when an API route has no access rule', async () => {
    const app = buildServer({ store: fixture.store, now: () => fixedNowMs, rateLimit: false });
    app.register(async (scope) => scope.get('/open', async () => 'oops'), { prefix: '/api/v1' });
    await expect(app.ready()).rejects.toThrow('GET /api/v1/open has no row in src/adapters/http/access-rules.ts');
  });

  describe('the dashboard', () => {
    it('shows how to build it when dist/web is missing', async () => {
      const response = await fixture.request({ url: '/' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/text\/html/);
      expect(response.body).toContain('The dashboard has not been built');
      expect(response.body).toContain('dist/web/');
    });

    it('serves the built files at /, and index.html for a page route, but JSON for an unknown API route', async () => {
      const webRoot = mkdtempSync(join(tmpdir(), 'supportpact-web-'));
      writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>SupportPact dashboard</title><script type="module" src="/app.js"></script>');
      writeFileSync(join(webRoot, 'app.js'), 'console.log("dashboard")');
      const app = buildServer({ store: fixture.store, now: () => fixedNowMs, rateLimit: false, webRoot });
      try {
        expect((await app.inject({ url: '/' })).body).toContain('SupportPact dashboard');
        const script = await app.inject({ url: '/app.js' });
        expect(script.headers['content-type']).toMatch(/javascript/);
        expect((await app.inject({ url: '/contracts/acme/scorecard', headers: { accept: 'text/html' } })).body).toContain('SupportPact dashboard');
        const api = await app.inject({ url: '/api/v1/unknown', headers: { accept: 'text/html' } });
        expect(api.statusCode).toBe(404);
        expect(api.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
      } finally {
        await app.close();
        rmSync(webRoot, { recursive: true, force: true });
      }
    });
  });
});
