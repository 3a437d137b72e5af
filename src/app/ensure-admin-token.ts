import { hashTokenText } from './authenticate-token.js';
import { newTokenSecret } from './create-token.js';
import type { StoreSession } from './ports/index.js';

/**
 * First start: when the store has no unrevoked token, issues a client-admin token over all
 * contracts and returns its text (to print once); undefined when a token exists already.
 * `now` is epoch seconds.
 */
export async function ensureAdminToken(store: StoreSession, now: number): Promise<string | undefined> {
  const { text, tokenId } = newTokenSecret();
  return store.transaction(async (session) => {
    const token = await session.tokens.addFirstToken({ tokenId, tokenSha256: hashTokenText(text), name: 'first admin token', role: 'client-admin', contracts: '*', createdAt: now, createdBy: 'bootstrap' });
    if (!token) return undefined;
    await session.audit.appendAudit({ at: now, actor: 'bootstrap', action: 'token.created', subject: `token:${tokenId}`, payload: { name: token.name, role: token.role, contracts: '*' } });
    return text;
  });
}
