import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type OpenedStore } from '../adapters/store/index.js';
import { authenticateToken, hashTokenText } from './authenticate-token.js';
import { ensureAdminToken } from './ensure-admin-token.js';

const nowSeconds = Date.parse('2027-04-10T09:00:00-07:00') / 1000;

describe('authenticateToken', () => {
  let store: OpenedStore;
  let text: string;
  beforeAll(async () => {
    store = await openStore({ dataDir: 'memory://' });
    text = (await ensureAdminToken(store, nowSeconds))!;
  });
  afterAll(() => store.close());

  it('finds the token by the SHA-256 of its text, which is all the store keeps', async () => {
    expect(hashTokenText('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const rows = await store.queryRaw('SELECT * FROM api_tokens');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.token_sha256).toBe(hashTokenText(text));
    expect(JSON.stringify(rows)).not.toContain(text.slice(3));
    expect((await authenticateToken(store, text))?.role).toBe('client-admin');
  });

  it('refuses a malformed, an unknown and a revoked token alike', async () => {
    expect(await authenticateToken(store, 'sp_short')).toBeUndefined();
    expect(await authenticateToken(store, `${text} `)).toBeUndefined();
    expect(await authenticateToken(store, `sp_${'x'.repeat(43)}`)).toBeUndefined();
    const [token] = await store.tokens.listTokens();
    await store.tokens.revokeToken(token!.tokenId, nowSeconds + 1);
    expect(await authenticateToken(store, text)).toBeUndefined();
  });
});
