/**
 * A transaction script for the embedded database, sent through Kysely like a COPY payload: a
 * raw query whose only parameter is a ScriptPayload. The PGlite dialect recognises it and runs
 * the steps in one request (`EmbeddedDatabase.transactionScript`), answering with one row per
 * step; the server's driver does not know it, so only PGlite stores send one.
 *
 * Why: each statement of a transaction costs the embedded database's thread a round trip to
 * the main thread, which may be busy parsing the next batch for a millisecond or more. A batch
 * written as one script leaves it nothing to wait for.
 */
import { CompiledQuery, type Kysely } from 'kysely';
import type { EmbeddedResult, ScriptStep } from './embedded-database.js';

export class ScriptPayload {
  constructor(readonly steps: readonly ScriptStep[]) {}
}

export function isScriptQuery(parameters: readonly unknown[]): parameters is readonly [ScriptPayload] {
  return parameters.length === 1 && parameters[0] instanceof ScriptPayload;
}

/**
 * Runs `steps` as one transaction on the embedded database behind `db` (the store's root, not
 * a transaction: the script opens its own). Rejects with the failing step's error, everything
 * rolled back.
 */
export async function runTransactionScript(db: Kysely<any>, steps: readonly ScriptStep[]): Promise<EmbeddedResult<unknown>[]> {
  const result = await db.executeQuery<EmbeddedResult<unknown>>(CompiledQuery.raw('-- transaction script', [new ScriptPayload(steps)]));
  return result.rows;
}
