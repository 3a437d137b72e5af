/**
 * Migration 002: API tokens. Installation-wide and small (a handful of rows), so keyed by the
 * token id rather than a contract (listed in `globalTables`). Only the SHA-256 of a token's
 * text is stored: the text is shown once, when the token is created. Frozen once released.
 */
import { sql, type Kysely } from 'kysely';

const statements = [
  `CREATE TABLE api_tokens (
    token_id text COLLATE "C" PRIMARY KEY,
    token_sha256 text NOT NULL UNIQUE CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
    name text NOT NULL CHECK (name <> ''),
    role text NOT NULL CHECK (role IN ('client-admin', 'vendor', 'auditor')),
    all_contracts boolean NOT NULL,
    contract_ids jsonb NOT NULL,
    created_at bigint NOT NULL,
    created_by text NOT NULL,
    revoked_at bigint
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
