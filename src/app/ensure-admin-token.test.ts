import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type OpenedStore } from '../adapters/store/index.js';
import { authenticateToken } from './authenticate-token.js';
import { ensureAdminToken } from './ensure-admin-token.js';

/** 2027-04-10T09:00:00-07:00 (Los Angeles). */
const nowSeconds = Date.parse('2027-04-10T09:00:00-07:00') / 1000;

describe('ensureAdminToken', () => {
  let store: OpenedStore;
  beforeEach(async () => {
    store = await openStore({ dataDir: 'memory://' });
  });
  afterEach(() => store.close());

  it('issues a client-admin token over all contracts on the first start, and audits it without the secret', async () => {
    const text = await ensureAdminToken(store, nowSeconds);
    expect(text).toMatch(/^sp_[A-Za-z0-9_-]{43}$/);
    expect(await authenticateToken(store, text!)).toMatchObject({ role: 'client-admin', contracts: '*', name: 'first admin token', createdBy: 'bootstrap', createdAt: nowSeconds });
    const [entry] = await store.audit.listAudit();
    expect(entry).toMatchObject({ actor: 'bootstrap', action: 'token.created', payload: { role: 'client-admin', contracts: '*' } });
    expect(JSON.stringify(entry)).not.toContain(text!.slice(3));
  });

  it('issues nothing while a token exists, so it is printed once', async () => {
    await ensureAdminToken(store, nowSeconds);
    expect(await ensureAdminToken(store, nowSeconds + 60)).toBeUndefined();
    expect(await store.tokens.listTokens()).toHaveLength(1);
  });

  it('issues one token between two starts racing on the same store', async () => {
    const texts = await Promise.all([ensureAdminToken(store, nowSeconds), ensureAdminToken(store, nowSeconds)]);
    expect(texts.filter((t) => t !== undefined)).toHaveLength(1);
    expect(await store.tokens.listTokens()).toHaveLength(1);
  });

  it('issues a new one once every token is revoked, so the installation cannot be locked out', async () => {
    await ensureAdminToken(store, nowSeconds);
    const [first] = await store.tokens.listTokens();
    await store.tokens.revokeToken(first!.tokenId, nowSeconds + 10);
    const text = await ensureAdminToken(store, nowSeconds + 20);
    expect(await authenticateToken(store, text!)).toMatchObject({ role: 'client-admin', createdAt: nowSeconds + 20 });
  });
});
