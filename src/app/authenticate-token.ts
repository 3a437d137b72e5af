import { createHash } from 'node:crypto';
import type { ApiToken, StoreSession } from './ports/index.js';

/** `sp_` and 43 base64url characters: 32 random bytes (256 bits). */
const tokenTextPattern = /^sp_[A-Za-z0-9_-]{43}$/;

/** Lower-case hex SHA-256 of a token's text: the only form in which a token is stored. */
export function hashTokenText(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The unrevoked token whose text this is, or undefined (malformed, unknown or revoked: the
 * caller answers all three the same way, so a guess learns nothing).
 */
export async function authenticateToken(store: StoreSession, text: string): Promise<ApiToken | undefined> {
  // A high-entropy secret needs no slow hash; a plain SHA-256 lookup cannot be brute-forced.
  if (!tokenTextPattern.test(text)) return undefined;
  const token = await store.tokens.findTokenBySha256(hashTokenText(text));
  return token && token.revokedAt === undefined ? token : undefined;
}
