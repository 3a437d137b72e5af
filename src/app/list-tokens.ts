import { isScopeWithin } from './can-see-contract.js';
import type { ApiToken, StoreSession, TokenContracts } from './ports/index.js';

/**
 * The tokens a client-admin scoped to `viewerContracts` may see: those whose contracts all
 * lie within its own (every token for `'*'`), revoked ones included, oldest first.
 */
export async function listTokens(store: StoreSession, viewerContracts: TokenContracts): Promise<ApiToken[]> {
  const tokens = await store.tokens.listTokens();
  return tokens.filter((token) => isScopeWithin(token.contracts, viewerContracts));
}
