/**
 * Opens the store: embedded PGlite in a folder (the default, `./.supportpact`), in memory
 * (`dataDir: 'memory://'`, for tests), or a PostgreSQL server (`databaseUrl`). Same migrations
 * on each. The caller (the composition root) reads env and flags and passes them here.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { Store } from '../../app/ports/index.js';
import { SupportPactError } from '../../domain/errors/index.js';
import { createCopyCapablePool } from './copy-capable-pool.js';
import { createStoreSession } from './create-store-session.js';
import type { Database } from './database.js';
import { openEmbeddedDatabase, type EmbeddedDatabase } from './embedded-database.js';
import { acquireFolderLock, type FolderLock } from './folder-lock.js';
import { migrateStore } from './migrate-store.js';
import { SavepointPGliteDialect } from './savepoint-pglite-dialect.js';
import { createRootContext } from './store-context.js';

export const defaultDataDir = '.supportpact';
export const inMemoryDataDir = 'memory://';

export interface OpenStoreOptions {
  /** Folder of the embedded database (created if missing); `memory://` keeps it in memory. */
  readonly dataDir?: string;
  /** `postgres://user@host:5432/db`: use this server instead of the embedded database. */
  readonly databaseUrl?: string;
  /** PostgreSQL schema holding the tables (`public` unless given); created if missing. */
  readonly schema?: string;
  /** The command line recorded in the folder lock (defaults to this process's). */
  readonly command?: string;
}

/** The opened store plus what only the composition root needs. */
export interface OpenedStore extends Store {
  readonly schema: string;
  /** What opening did that the user should hear about (a stale lock taken over). */
  readonly notes: readonly string[];
  /** Records a server's HTTP API address in the folder lock, so a refused opener is pointed to it. */
  advertiseHttpApi(url: string): void;
  /** Runs one SQL statement outside the ports: for diagnostics and the tamper tests, never for use cases. */
  queryRaw(statement: string): Promise<Record<string, unknown>[]>;
}

const schemaPattern = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openStore(options: OpenStoreOptions = {}): Promise<OpenedStore> {
  if (options.dataDir !== undefined && options.databaseUrl !== undefined) {
    throw new SupportPactError('USAGE', 'Give either a data folder or a database URL, not both: the folder is the embedded database, the URL a PostgreSQL server.');
  }
  const schema = options.schema ?? 'public';
  if (!schemaPattern.test(schema)) {
    throw new SupportPactError('USAGE', `Schema "${schema}" is not a plain PostgreSQL name; use lower-case letters, digits and _ (for example supportpact).`);
  }
  return options.databaseUrl !== undefined
    ? openServerStore(options.databaseUrl, schema)
    : openEmbeddedStore(options.dataDir ?? defaultDataDir, schema, options.command);
}

async function openEmbeddedStore(dataDir: string, schema: string, command: string | undefined): Promise<OpenedStore> {
  const inMemory = dataDir === inMemoryDataDir;
  const folder = inMemory ? undefined : resolve(dataDir);
  let lock: FolderLock | undefined;
  let pglite: EmbeddedDatabase;
  try {
    if (folder) {
      mkdirSync(folder, { recursive: true });
      lock = acquireFolderLock(folder, command === undefined ? {} : { command });
    }
    // The database lives in pgdata/ so the folder can also hold the lock (and later, other
    // files). A folder's database runs on a worker thread, an in-memory one on this thread.
    pglite = await openEmbeddedDatabase({ dataDir: folder ? join(folder, 'pgdata') : inMemoryDataDir });
    if (schema !== 'public') await pglite.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}; SET search_path TO ${schema}`);
  } catch (error) {
    lock?.release();
    if (error instanceof SupportPactError) throw error;
    throw new SupportPactError('STORE_UNAVAILABLE', `Cannot open the embedded database in ${folder ?? 'memory'}: ${(error as Error).message}`, { cause: error });
  }
  const db = new Kysely<Database>({ dialect: new SavepointPGliteDialect(pglite) });
  const location = folder ? `embedded database in ${folder}` : 'in-memory embedded database';
  return finishOpening(db, 'pglite', location, schema, lock);
}

async function openServerStore(databaseUrl: string, schema: string): Promise<OpenedStore> {
  const where = describeServer(databaseUrl);
  const { pool, raw } = createCopyCapablePool(databaseUrl, schema);
  try {
    const client = await raw.connect();
    try {
      // Create the schema only when missing: CREATE SCHEMA needs a privilege that using one does not.
      const found = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
      if (found.rowCount === 0) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      client.release();
    }
  } catch (error) {
    await raw.end().catch(() => undefined);
    throw new SupportPactError('STORE_UNAVAILABLE', `Cannot reach PostgreSQL at ${where}: ${(error as Error).message}. Check DATABASE_URL and that the server is running.`, {
      cause: error,
    });
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return finishOpening(db, 'postgres', `PostgreSQL at ${where} (schema ${schema})`, schema, undefined);
}

async function finishOpening(db: Kysely<Database>, backend: Store['backend'], location: string, schema: string, lock: FolderLock | undefined): Promise<OpenedStore> {
  try {
    await migrateStore(db, schema);
  } catch (error) {
    await db.destroy().catch(() => undefined);
    lock?.release();
    throw error;
  }
  const ctx = createRootContext(db, backend);
  let closing: Promise<void> | undefined;
  return {
    ...createStoreSession(ctx),
    backend,
    location,
    schema,
    notes: lock?.notes ?? [],
    advertiseHttpApi: (url) => lock?.advertiseHttpApi(url),
    async queryRaw(statement) {
      const result = await sql.raw<Record<string, unknown>>(statement).execute(ctx.db());
      return result.rows;
    },
    close() {
      closing ??= db.destroy().finally(() => lock?.release());
      return closing;
    },
  };
}

/** `postgres://u:secret@db:5432/sp` -> `db:5432/sp` (never the password). */
function describeServer(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname}:${url.port || '5432'}${url.pathname}`;
  } catch {
    return '(unparsable DATABASE_URL)';
  }
}
