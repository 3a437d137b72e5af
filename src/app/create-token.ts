import { randomBytes } from 'node:crypto';
import { hashTokenText } from './authenticate-token.js';
import { isScopeWithin } from './can-see-contract.js';
import type { ApiToken, StoreSession, TokenContracts, TokenRole } from './ports/index.js';
import { SupportPactError } from '../domain/errors/index.js';

export const tokenRoles = ['client-admin', 'vendor', 'auditor'] as const satisfies readonly TokenRole[];

/** Longest token name: a label, not a document. */
export const maxTokenNameChars = 100;

export interface CreateTokenRequest {
  readonly name: string;
  readonly role: TokenRole;
  /** `'*'` (client-admin only) or the contract ids the token may see. */
  readonly contracts: TokenContracts;
  /** Epoch seconds. */
  readonly now: number;
  /** Who issues it, for the audit log: `"token:tok_..."`. */
  readonly actor: string;
  /** The contracts the issuing token may see; a token can grant no contract its issuer cannot see. */
  readonly issuerContracts: TokenContracts;
}

export interface CreatedToken {
  readonly token: ApiToken;
  /** The secret, `sp_...`: shown once, never stored. */
  readonly text: string;
}

/** A fresh secret and public id: `{ text: 'sp_<43 chars>', tokenId: 'tok_<12 chars>' }`. */
export function newTokenSecret(): { text: string; tokenId: string } {
  return { text: `sp_${randomBytes(32).toString('base64url')}`, tokenId: `tok_${randomBytes(9).toString('base64url')}` };
}

/**
 * Issues an API token for existing contracts (or all, for a client-admin) and audits it.
 * Throws USAGE for a bad name, role or scope, FORBIDDEN when the issuer cannot see a
 * requested contract, NOT_FOUND for an unknown contract id.
 */
export async function createToken(store: StoreSession, request: CreateTokenRequest): Promise<CreatedToken> {
  const name = request.name.trim();
  if (name === '' || name.length > maxTokenNameChars) {
    throw new SupportPactError('USAGE', `A token needs a name of 1 to ${maxTokenNameChars} characters that says what it is for.`, { problems: [{ message: 'empty or too long', path: ['name'] }] });
  }
  if (!(tokenRoles as readonly string[]).includes(request.role)) {
    throw new SupportPactError('USAGE', `Unknown role "${request.role}".`, { problems: [{ message: `expected one of ${tokenRoles.join(', ')}`, path: ['role'] }] });
  }
  const contracts = request.contracts === '*' ? '*' : [...new Set(request.contracts)].sort();
  if (contracts === '*' && request.role !== 'client-admin') {
    throw new SupportPactError('USAGE', `A ${request.role} token must name the contracts it may see; only a client-admin token may see all ("*").`, { problems: [{ message: 'list contract ids instead of "*"', path: ['contracts'] }] });
  }
  if (contracts !== '*' && contracts.length === 0) {
    throw new SupportPactError('USAGE', 'A token must see at least one contract: list its ids, or "*" for a client-admin token over all contracts.', { problems: [{ message: 'empty list', path: ['contracts'] }] });
  }
  if (!isScopeWithin(contracts, request.issuerContracts)) {
    throw new SupportPactError('FORBIDDEN', 'This token can only issue tokens for the contracts it may see itself.', { problems: [{ message: 'a contract outside the issuing token\'s scope', path: ['contracts'] }] });
  }
  if (contracts !== '*') {
    for (const contractId of contracts) {
      if (!(await store.contracts.getContract(contractId))) {
        throw new SupportPactError('NOT_FOUND', `No contract "${contractId}" is stored; add it before issuing tokens for it.`, { problems: [{ message: `unknown contract "${contractId}"`, path: ['contracts'] }] });
      }
    }
  }
  const { text, tokenId } = newTokenSecret();
  return store.transaction(async (session) => {
    const token = await session.tokens.addToken({ tokenId, tokenSha256: hashTokenText(text), name, role: request.role, contracts, createdAt: request.now, createdBy: request.actor });
    await session.audit.appendAudit({
      at: request.now,
      actor: request.actor,
      action: 'token.created',
      subject: `token:${tokenId}`,
      payload: { name, role: token.role, contracts: contracts === '*' ? '*' : [...contracts] },
    });
    return { token, text };
  });
}
