import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { northstarId, openApiFixture, type ApiFixture } from '../test-support/api-fixture.js';

describe('GET /api/v1/session', () => {
  let fixture: ApiFixture;
  beforeAll(async () => {
    fixture = await openApiFixture();
  });
  afterAll(() => fixture.close());

  it("names the calling token's role, contracts and permissions, never its secret", async () => {
    const vendor = await fixture.request({ url: '/api/v1/session', token: fixture.tokens.vendor });
    expect(vendor.statusCode).toBe(200);
    const body = vendor.json() as { role: string; contracts: string[]; permissions: string[] };
    expect(body).toMatchObject({ role: 'vendor', contracts: [northstarId] });
    expect(body.permissions).toContain('events:write');
    expect(body.permissions).not.toContain('compare:run');
    expect(vendor.body).not.toContain(fixture.tokens.vendor);
    const admin = (await fixture.request({ url: '/api/v1/session', token: fixture.tokens.all })).json() as { contracts: unknown; permissions: string[] };
    expect(admin.contracts).toBe('*');
    expect(admin.permissions).toContain('compare:run');
  });

  it('needs a token', async () => {
    expect((await fixture.request({ url: '/api/v1/session' })).statusCode).toBe(401);
  });
});
