import { isScopeWithin } from './can-see-contract.js';
import type { ApiToken, StoreSession, TokenContracts } from './ports/index.js';
import { SupportPactError } from '../domain/errors/index.js';

export interface RevokeTokenRequest {
  /** Epoch seconds. */
  readonly now: number;
  readonly actor: string;
  /** The revoking token's contracts: it may revoke only tokens within them. */
  readonly viewerContracts: TokenContracts;
}

/**
 * Revokes a token and audits it; revoking a revoked token changes nothing. Throws NOT_FOUND
 * for an unknown id or a token outside the viewer's contracts (the same answer for both).
 */
export async function revokeToken(store: StoreSession, tokenId: string, request: RevokeTokenRequest): Promise<{ token: ApiToken; changed: boolean }> {
  return store.transaction(async (session) => {
    const existing = await session.tokens.getToken(tokenId);
    if (!existing || !isScopeWithin(existing.contracts, request.viewerContracts)) {
      throw new SupportPactError('NOT_FOUND', `No token ${tokenId} is visible to this token.`, { problems: [{ message: 'list tokens to see their ids', path: ['tokenId'] }] });
    }
    if (existing.revokedAt !== undefined) return { token: existing, changed: false };
    const token = (await session.tokens.revokeToken(tokenId, request.now)) ?? existing;
    await session.audit.appendAudit({ at: request.now, actor: request.actor, action: 'token.revoked', subject: `token:${tokenId}`, payload: { name: token.name, role: token.role } });
    return { token, changed: true };
  });
}
