import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExampleContract } from '../../../../test/support/examples.js';
import { addContractVersion } from '../../../app/add-contract-version.js';
import { baylineId, fixedNowMs, fixedNowSeconds, northstarId, openApiFixture, type ApiFixture } from '../test-support/api-fixture.js';

const url = `/api/v1/contracts/${northstarId}/clock`;

describe('GET /api/v1/contracts/:id/clock', () => {
  let fixture: ApiFixture;
  // The server's clock, moved by the tests: 2027-04-10T09:00:00-07:00 to start with.
  let nowMs = fixedNowMs;
  beforeAll(async () => {
    fixture = await openApiFixture({ now: () => nowMs });
  });
  afterAll(() => fixture.close());

  it("answers the server's now in UTC and the contract's zone to every role that may see the contract", async () => {
    for (const role of ['client-admin', 'vendor', 'auditor'] as const) {
      const response = await fixture.request({ url, token: fixture.tokens[role] });
      expect(response.statusCode, role).toBe(200);
      // 09:00 in Los Angeles on 2027-04-10 is daylight time (UTC-7): 16:00 UTC.
      expect(response.json(), role).toEqual({ contractId: northstarId, zone: 'America/Los_Angeles', asOf: '2027-04-10T16:00:00Z' });
    }
  });

  it("follows the server's clock to the second, never the minute", async () => {
    // 01:30:15 PDT on 2027-11-07, half an hour before the clocks go back in Los Angeles.
    nowMs = Date.parse('2027-11-07T01:30:15-07:00');
    try {
      expect((await fixture.request({ url, token: fixture.tokens.vendor })).json()).toMatchObject({ asOf: '2027-11-07T08:30:15Z' });
    } finally {
      nowMs = fixedNowMs;
    }
  });

  it('takes the zone from the latest stored version, so a new version with another zone is answered at once', async () => {
    const text = readExampleContract('northstar-tiered').replace(/^timezone: America\/Los_Angeles$/m, 'timezone: Europe/Dublin');
    expect(text).toContain('timezone: Europe/Dublin');
    await addContractVersion(fixture.store, { text, file: 'northstar-dublin.contract.yaml', effectiveOn: '2027-05-01', now: fixedNowSeconds, actor: 'test' });
    expect((await fixture.request({ url, token: fixture.tokens.auditor })).json()).toMatchObject({ zone: 'Europe/Dublin' });
  });

  it('answers a contract the token may not see exactly as one that does not exist', async () => {
    const foreign = await fixture.request({ url: `/api/v1/contracts/${baylineId}/clock`, token: fixture.tokens.vendor });
    const missing = await fixture.request({ url: '/api/v1/contracts/no-such-contract/clock', token: fixture.tokens.vendor });
    expect(foreign.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(foreign.json()).toMatchObject({ error: { code: 'NOT_FOUND', message: `No contract "${baylineId}" is visible to this token.` } });
    expect(missing.body.replaceAll('no-such-contract', baylineId)).toBe(foreign.body);
    // The bootstrap admin sees every contract.
    expect((await fixture.request({ url: `/api/v1/contracts/${baylineId}/clock`, token: fixture.tokens.all })).json()).toMatchObject({ contractId: baylineId, zone: 'America/Los_Angeles' });
  });
});
