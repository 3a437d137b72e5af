import type { FastifyRequest, preParsingAsyncHookHandler } from 'fastify';
import { authenticateToken } from '../../app/authenticate-token.js';
import { canSeeContract } from '../../app/can-see-contract.js';
import type { ApiToken, StoreSession } from '../../app/ports/index.js';
import { SupportPactError } from '../../domain/errors/index.js';
import { contractParam, roleHas, type Permission } from './access-rules.js';

/** Who is calling: the authenticated token, and how the audit log names it. */
export interface Principal {
  readonly token: ApiToken;
  /** `"token:tok_3hG9x0aQ2mZk"`. */
  readonly actor: string;
}

const principals = new WeakMap<FastifyRequest, Principal>();

/**
 * Tokens recently looked up, per store, for a few seconds: a busy dashboard would otherwise
 * query the token table on every request. Revoking through this server forgets them at once
 * (`forgetCachedTokens`); a revocation made by another process takes effect within the TTL.
 */
const tokenTtlMs = 5_000;
const tokenCaches = new WeakMap<StoreSession, Map<string, { token: ApiToken | undefined; until: number }>>();
/** Contracts known to exist, per store: contracts are never deleted, so a hit never goes stale. */
const knownContracts = new WeakMap<StoreSession, Set<string>>();

async function cachedToken(store: StoreSession, text: string): Promise<ApiToken | undefined> {
  let cache = tokenCaches.get(store);
  if (!cache) tokenCaches.set(store, (cache = new Map()));
  const now = Date.now();
  const hit = cache.get(text);
  if (hit && hit.until > now) return hit.token;
  const token = await authenticateToken(store, text);
  if (cache.size > 1000) cache.clear();
  cache.set(text, { token, until: now + tokenTtlMs });
  return token;
}

async function contractExists(store: StoreSession, contractId: string): Promise<boolean> {
  let known = knownContracts.get(store);
  if (!known) knownContracts.set(store, (known = new Set()));
  if (known.has(contractId)) return true;
  const exists = (await store.contracts.getContract(contractId)) !== undefined;
  if (exists) known.add(contractId);
  return exists;
}

/** Forgets the cached token lookups of a store (after a token is revoked). */
export function forgetCachedTokens(store: StoreSession): void {
  tokenCaches.delete(store);
}

/** The caller of a request that passed the access hook (every `/api/v1` route). */
export function principalOf(request: FastifyRequest): Principal {
  const principal = principals.get(request);
  if (!principal) throw new SupportPactError('INTERNAL', `route ${request.routeOptions.url ?? request.url} ran without an authenticated caller`);
  return principal;
}

/** The answer for a contract the token may not see, word for word the same as for no such contract. */
export function contractNotVisible(contractId: string): SupportPactError {
  return new SupportPactError('NOT_FOUND', `No contract "${contractId}" is visible to this token.`);
}

/**
 * The one access check, attached to every `/api/v1` route with the permission its row in
 * `routeRules` names: a valid bearer token (else UNAUTHENTICATED), a role with that permission
 * (else FORBIDDEN, whatever the contract), and on a contract route a contract the token may
 * see and that exists (else NOT_FOUND, identical either way). It runs at preParsing: after the
 * rate limiter (onRequest), so refused callers are counted too, and before the body is read,
 * so an unauthenticated caller makes the server parse nothing and learns nothing from
 * validation errors.
 */
export function createAccessHook(store: StoreSession, permission: Permission, contractScoped: boolean): preParsingAsyncHookHandler {
  return async (request, _reply, payload) => {
    const header = request.headers.authorization;
    if (header === undefined || header.trim() === '') {
      throw new SupportPactError('UNAUTHENTICATED', 'This request needs an API token: send the header `Authorization: Bearer <token>`.');
    }
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!bearer?.[1]) throw new SupportPactError('UNAUTHENTICATED', 'The Authorization header must read `Bearer <token>`.');
    const token = await cachedToken(store, bearer[1]);
    if (!token) throw new SupportPactError('UNAUTHENTICATED', 'The API token is not valid: it is unknown, revoked or mistyped.');
    if (!roleHas(token.role, permission)) {
      throw new SupportPactError('FORBIDDEN', `A ${token.role} token may not do this: the request needs the "${permission}" permission.`, { details: { role: token.role, permission } });
    }
    if (contractScoped) {
      const contractId = (request.params as Record<string, string | undefined>)[contractParam] ?? '';
      if (!canSeeContract(token.contracts, contractId) || !(await contractExists(store, contractId))) throw contractNotVisible(contractId);
    }
    principals.set(request, { token, actor: `token:${token.tokenId}` });
    return payload;
  };
}
