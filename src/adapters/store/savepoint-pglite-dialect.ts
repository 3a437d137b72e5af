/**
 * kysely-pglite-dialect plus what the store needs from it: savepoints (nested transactions),
 * a commit that fails loudly when PostgreSQL rolled the transaction back instead, affected-row
 * counts of 0, COPY FROM STDIN through PGlite's `/dev/blob`, and transaction scripts
 * (script-payload.ts). Connection queueing (one
 * transaction at a time on the single PGlite connection) stays the library's.
 */
import {
  AbortedTransactionError,
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
  createQueryId,
  IdentifierNode,
  RawNode,
} from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { copyFromStdinPattern, isCopyQuery } from './copy-payload.js';
import type { EmbeddedDatabase } from './embedded-database.js';
import { isScriptQuery } from './script-payload.js';

export class SavepointPGliteDialect extends PGliteDialect {
  readonly #pglite: EmbeddedDatabase;

  constructor(pglite: EmbeddedDatabase) {
    // The library's driver only queues connections and calls query() and close(), which the
    // embedded database has, on whichever thread it runs.
    super(pglite as unknown as ConstructorParameters<typeof PGliteDialect>[0]);
    this.#pglite = pglite;
  }

  override createDriver(): Driver {
    return new SavepointPGliteDriver(super.createDriver(), this.#pglite);
  }
}

/** Wraps the library's connection token: queries go straight to PGlite. */
class PGliteStoreConnection implements DatabaseConnection {
  constructor(
    readonly inner: DatabaseConnection,
    private readonly pglite: EmbeddedDatabase,
  ) {}

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const parameters = compiledQuery.parameters;
    if (isCopyQuery(parameters)) {
      const blobSql = compiledQuery.sql.replace(copyFromStdinPattern, "FROM '/dev/blob'");
      return { rows: [{ copied_rows: await this.pglite.copyFrom(blobSql, parameters[0].text) } as R] };
    }
    if (isScriptQuery(parameters)) return { rows: (await this.pglite.transactionScript(parameters[0].steps)) as R[] };
    const result = await this.pglite.query<R>(compiledQuery.sql, [...parameters]);
    const counted = result.command === 'INSERT' || result.command === 'UPDATE' || result.command === 'DELETE' || result.command === 'MERGE';
    if (result.command === 'ROLLBACK' || result.command === 'COMMIT') return { rows: [{ command: result.command } as R] };
    return counted ? { numAffectedRows: BigInt(result.affectedRows ?? 0), rows: result.rows } : { rows: result.rows };
  }

  streamQuery<R>(compiledQuery: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    // PGlite has no cursors over the wire: the library reads everything then slices. The store
    // pages with keyset queries instead and never calls this on large results.
    return this.inner.streamQuery<R>(compiledQuery, chunkSize);
  }
}

class SavepointPGliteDriver implements Driver {
  constructor(
    private readonly inner: Driver,
    private readonly pglite: EmbeddedDatabase,
  ) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new PGliteStoreConnection(await this.inner.acquireConnection(), this.pglite);
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    await this.inner.releaseConnection((connection as PGliteStoreConnection).inner);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    let text = 'begin';
    if (settings.isolationLevel) text += ` isolation level ${settings.isolationLevel}`;
    if (settings.accessMode) text += ` ${settings.accessMode}`;
    await connection.executeQuery(CompiledQuery.raw(text));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const { rows } = await connection.executeQuery<{ command?: string }>(CompiledQuery.raw('commit'));
    // PostgreSQL answers COMMIT with ROLLBACK when an earlier statement failed and the caller
    // went on anyway; saying "committed" then would lose the writes silently. Kysely knows this
    // error: it marks the transaction aborted and releases the connection.
    if (rows[0]?.command === 'ROLLBACK') throw new AbortedTransactionError();
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async savepoint(connection: DatabaseConnection, name: string, compileQuery: QueryCompiler['compileQuery']): Promise<void> {
    await connection.executeQuery(compileQuery(savepointCommand('savepoint', name), createQueryId()));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compileQuery: QueryCompiler['compileQuery']): Promise<void> {
    await connection.executeQuery(compileQuery(savepointCommand('rollback to', name), createQueryId()));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, compileQuery: QueryCompiler['compileQuery']): Promise<void> {
    await connection.executeQuery(compileQuery(savepointCommand('release', name), createQueryId()));
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

/** `savepoint "sp_1"`, with the name quoted by the query compiler like Kysely's own drivers do. */
function savepointCommand(command: 'savepoint' | 'rollback to' | 'release', name: string): RawNode {
  return RawNode.createWithChildren([RawNode.createWithSql(`${command} `), IdentifierNode.create(name)]);
}
