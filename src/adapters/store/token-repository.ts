import { sql, type Insertable, type Selectable } from 'kysely';
import type { AddApiTokenInput, ApiToken, TokenRole, TokenStore } from '../../app/ports/index.js';
import { SupportPactError } from '../../domain/errors/index.js';
import { isUniqueViolation } from './bulk-insert.js';
import type { ApiTokensTable } from './database.js';
import type { StoreContext } from './store-context.js';

export class TokenRepository implements TokenStore {
  constructor(private readonly ctx: StoreContext) {}

  async addToken(input: AddApiTokenInput): Promise<ApiToken> {
    try {
      const row = await this.ctx.db().insertInto('api_tokens').values(rowOf(input)).returningAll().executeTakeFirstOrThrow();
      return tokenOf(row);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new SupportPactError('CONFLICT', `A token with id ${input.tokenId} (or the same secret) already exists; issue a new token instead.`, { cause: error });
    }
  }

  addFirstToken(input: AddApiTokenInput): Promise<ApiToken | undefined> {
    return this.ctx.withTransaction(async (tx) => {
      const db = tx.db();
      // Two servers starting together on one PostgreSQL database: the second waits here and
      // then sees the first one's token. SHARE ROW EXCLUSIVE blocks writers, not readers.
      await sql`LOCK TABLE api_tokens IN SHARE ROW EXCLUSIVE MODE`.execute(db);
      const active = await db.selectFrom('api_tokens').select('token_id').where('revoked_at', 'is', null).limit(1).executeTakeFirst();
      if (active) return undefined;
      const row = await db.insertInto('api_tokens').values(rowOf(input)).returningAll().executeTakeFirstOrThrow();
      return tokenOf(row);
    });
  }

  async findTokenBySha256(tokenSha256: string): Promise<ApiToken | undefined> {
    const row = await this.ctx.db().selectFrom('api_tokens').selectAll().where('token_sha256', '=', tokenSha256).executeTakeFirst();
    return row && tokenOf(row);
  }

  async getToken(tokenId: string): Promise<ApiToken | undefined> {
    const row = await this.ctx.db().selectFrom('api_tokens').selectAll().where('token_id', '=', tokenId).executeTakeFirst();
    return row && tokenOf(row);
  }

  async listTokens(): Promise<ApiToken[]> {
    const rows = await this.ctx.db().selectFrom('api_tokens').selectAll().orderBy('created_at').orderBy('token_id').execute();
    return rows.map(tokenOf);
  }

  async revokeToken(tokenId: string, revokedAt: number): Promise<ApiToken | undefined> {
    // coalesce keeps the first revocation's instant when a token is revoked twice.
    const row = await this.ctx
      .db()
      .updateTable('api_tokens')
      .set({ revoked_at: sql<number>`coalesce(revoked_at, ${revokedAt})` })
      .where('token_id', '=', tokenId)
      .returningAll()
      .executeTakeFirst();
    return row && tokenOf(row);
  }
}

function rowOf(input: AddApiTokenInput): Insertable<ApiTokensTable> {
  const all = input.contracts === '*';
  return {
    token_id: input.tokenId,
    token_sha256: input.tokenSha256,
    name: input.name,
    role: input.role,
    all_contracts: all,
    contract_ids: JSON.stringify(all ? [] : [...input.contracts]),
    created_at: input.createdAt,
    created_by: input.createdBy,
    revoked_at: null,
  };
}

function tokenOf(row: Selectable<ApiTokensTable>): ApiToken {
  const ids = Array.isArray(row.contract_ids) ? row.contract_ids.filter((id): id is string => typeof id === 'string') : [];
  return {
    tokenId: row.token_id,
    name: row.name,
    role: row.role as TokenRole,
    contracts: row.all_contracts ? '*' : ids,
    createdAt: row.created_at,
    createdBy: row.created_by,
    ...(row.revoked_at === null ? {} : { revokedAt: row.revoked_at }),
  };
}
