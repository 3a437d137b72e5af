import { Migrator, type Kysely } from 'kysely';
import { SupportPactError } from '../../domain/errors/index.js';
import type { Database } from './database.js';
import { inCodeMigrations } from './migrations/index.js';

/**
 * Runs pending migrations (none on an up-to-date store, so opening twice changes nothing).
 * Kysely's migrator holds an advisory lock meanwhile, so two servers starting together queue.
 */
export async function migrateStore(db: Kysely<Database>, schema: string): Promise<string[]> {
  const migrator = new Migrator({ db, provider: inCodeMigrations, migrationTableSchema: schema });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    const text = error instanceof Error ? error.message : String(error);
    const newer = /corrupted migrations/i.test(text)
      ? ' The database has migrations this version does not know: it was opened by a newer SupportPact; upgrade this one.'
      : '';
    throw new SupportPactError('STORE_UNAVAILABLE', `Migrating the database failed${failed ? ` at ${failed}` : ''}: ${text}.${newer}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
