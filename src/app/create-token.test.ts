import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExampleContract } from '../../test/support/examples.js';
import { openStore, type OpenedStore } from '../adapters/store/index.js';
import { addContractVersion } from './add-contract-version.js';
import { authenticateToken } from './authenticate-token.js';
import { createToken, type CreateTokenRequest } from './create-token.js';

const nowSeconds = Date.parse('2027-04-10T09:00:00-07:00') / 1000;
const northstar = 'acme-northstar-2027';
const bayline = 'bayline-helpdesk-2027';

describe('createToken', () => {
  let store: OpenedStore;
  const request = (extra: Partial<CreateTokenRequest>): CreateTokenRequest => ({ name: 'feed', role: 'vendor', contracts: [northstar], now: nowSeconds, actor: 'token:tok_admin', issuerContracts: '*', ...extra });
  beforeAll(async () => {
    store = await openStore({ dataDir: 'memory://' });
    for (const name of ['northstar-tiered', 'bayline-per-incident'] as const) await addContractVersion(store, { text: readExampleContract(name), file: name, now: nowSeconds, actor: 'test' });
  });
  afterAll(() => store.close());

  it('issues a token scoped to sorted, distinct contracts that authenticates at once', async () => {
    const created = await createToken(store, request({ name: '  ops dashboard ', role: 'auditor', contracts: [northstar, bayline, northstar] }));
    expect(created.token).toMatchObject({ name: 'ops dashboard', role: 'auditor', contracts: [northstar, bayline].sort(), createdBy: 'token:tok_admin', createdAt: nowSeconds });
    expect(created.token.tokenId).toMatch(/^tok_[A-Za-z0-9_-]{12}$/);
    expect(await authenticateToken(store, created.text)).toEqual(created.token);
  });

  it('gives each token its own secret', async () => {
    const a = await createToken(store, request({}));
    const b = await createToken(store, request({}));
    expect(a.text).not.toBe(b.text);
    expect(a.token.tokenId).not.toBe(b.token.tokenId);
  });

  it('refuses a grant wider than the issuer, before looking up any contract', async () => {
    await expect(createToken(store, request({ role: 'client-admin', contracts: '*', issuerContracts: [northstar] }))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(createToken(store, request({ contracts: [bayline], issuerContracts: [northstar] }))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(createToken(store, request({ contracts: ['no-such'], issuerContracts: [northstar] }))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses "*" for a vendor or auditor, an empty scope, an empty name and an unknown contract', async () => {
    await expect(createToken(store, request({ role: 'vendor', contracts: '*' }))).rejects.toMatchObject({ code: 'USAGE', problems: [{ path: ['contracts'] }] });
    await expect(createToken(store, request({ role: 'auditor', contracts: '*' }))).rejects.toMatchObject({ code: 'USAGE' });
    await expect(createToken(store, request({ contracts: [] }))).rejects.toMatchObject({ code: 'USAGE' });
    await expect(createToken(store, request({ name: '   ' }))).rejects.toMatchObject({ code: 'USAGE', problems: [{ path: ['name'] }] });
    await expect(createToken(store, request({ contracts: ['acme-northstar-2072'] }))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
