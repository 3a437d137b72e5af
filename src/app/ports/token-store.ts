/**
 * What a token may do: `client-admin` reads and writes its contracts and manages tokens;
 * `vendor` reads scorecards, invoices and clocks and posts ticket events and vendor reports;
 * `auditor` reads everything of its contracts and writes nothing.
 */
export type TokenRole = 'client-admin' | 'vendor' | 'auditor';

/** The contracts a token may see: every contract (`'*'`), or the listed ids. */
export type TokenContracts = '*' | readonly string[];

/** A stored API token. Its text is never stored, only its SHA-256. */
export interface ApiToken {
  /** Public handle for listing and revoking: `tok_3hG9x0aQ2mZk`. */
  readonly tokenId: string;
  /** What it is for, in the issuer's words: `"ops dashboard"`, `"DeskForce import job"`. */
  readonly name: string;
  readonly role: TokenRole;
  readonly contracts: TokenContracts;
  /** Epoch seconds. */
  readonly createdAt: number;
  /** Who issued it: `"token:tok_..."`, `"bootstrap"`. */
  readonly createdBy: string;
  /** Epoch seconds; a revoked token authenticates nothing. */
  readonly revokedAt?: number;
}

export interface AddApiTokenInput extends Omit<ApiToken, 'revokedAt'> {
  /** Lower-case hex SHA-256 of the token's text. */
  readonly tokenSha256: string;
}

export interface TokenStore {
  /** Throws `CONFLICT` when the id or the hash is already stored. */
  addToken(input: AddApiTokenInput): Promise<ApiToken>;
  /**
   * Adds the token only when no unrevoked token exists, atomically (two servers starting
   * together on one database add one token between them); undefined when one existed.
   */
  addFirstToken(input: AddApiTokenInput): Promise<ApiToken | undefined>;
  /** The token whose text hashes to `tokenSha256`, revoked or not. */
  findTokenBySha256(tokenSha256: string): Promise<ApiToken | undefined>;
  getToken(tokenId: string): Promise<ApiToken | undefined>;
  /** Oldest first, revoked ones included. */
  listTokens(): Promise<ApiToken[]>;
  /** Marks the token revoked (the first revocation's instant stays); undefined for an unknown id. */
  revokeToken(tokenId: string, revokedAt: number): Promise<ApiToken | undefined>;
}
