import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExampleContract } from '../../test/support/examples.js';
import { openStore, type OpenedStore } from '../adapters/store/index.js';
import { addContractVersion } from './add-contract-version.js';
import { createToken } from './create-token.js';
import { listTokens } from './list-tokens.js';
import { revokeToken } from './revoke-token.js';

const nowSeconds = Date.parse('2027-04-10T09:00:00-07:00') / 1000;
const northstar = 'acme-northstar-2027';
const bayline = 'bayline-helpdesk-2027';

describe('revokeToken and listTokens', () => {
  let store: OpenedStore;
  let northstarToken: string;
  let baylineToken: string;
  beforeAll(async () => {
    store = await openStore({ dataDir: 'memory://' });
    for (const name of ['northstar-tiered', 'bayline-per-incident'] as const) await addContractVersion(store, { text: readExampleContract(name), file: name, now: nowSeconds, actor: 'test' });
    const issue = async (contracts: string[]) => (await createToken(store, { name: contracts.join('+'), role: 'vendor', contracts, now: nowSeconds, actor: 'test', issuerContracts: '*' })).token.tokenId;
    northstarToken = await issue([northstar]);
    baylineToken = await issue([bayline]);
    await issue([northstar, bayline]);
  });
  afterAll(() => store.close());

  it('lists every token to an all-contracts viewer, and only those within its contracts to a scoped one', async () => {
    // Issued in the same second: the order among them is by id, so compare sorted.
    expect((await listTokens(store, '*')).map((t) => t.name).sort()).toEqual([northstar, `${northstar}+${bayline}`, bayline].sort());
    expect((await listTokens(store, [northstar])).map((t) => t.tokenId)).toEqual([northstarToken]);
  });

  it('revokes once, keeps the first instant on a second revocation, and audits only the first', async () => {
    const first = await revokeToken(store, northstarToken, { now: nowSeconds + 60, actor: 'token:tok_admin', viewerContracts: [northstar] });
    expect(first).toMatchObject({ changed: true, token: { revokedAt: nowSeconds + 60 } });
    const second = await revokeToken(store, northstarToken, { now: nowSeconds + 120, actor: 'token:tok_admin', viewerContracts: '*' });
    expect(second).toMatchObject({ changed: false, token: { revokedAt: nowSeconds + 60 } });
    expect((await store.audit.listAudit()).filter((e) => e.action === 'token.revoked').map((e) => e.subject)).toEqual([`token:${northstarToken}`]);
    expect((await listTokens(store, '*')).find((t) => t.tokenId === northstarToken)?.revokedAt).toBe(nowSeconds + 60);
  });

  it('answers NOT_FOUND alike for a token outside the viewer and for no such token', async () => {
    const outside = revokeToken(store, baylineToken, { now: nowSeconds, actor: 'x', viewerContracts: [northstar] });
    await expect(outside).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(revokeToken(store, 'tok_none', { now: nowSeconds, actor: 'x', viewerContracts: [northstar] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await store.tokens.getToken(baylineToken))?.revokedAt).toBeUndefined();
  });
});
