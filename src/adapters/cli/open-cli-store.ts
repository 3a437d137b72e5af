import { resolve } from 'node:path';
import type { Command } from 'commander';
import { SupportPactError } from '../../domain/errors/index.js';
import { defaultDataDir, openStore, type OpenedStore } from '../store/open-store.js';
import type { CliIo } from './cli-io.js';

export interface StoreOptions {
  readonly data?: string;
}

/** Adds `--data <dir>` to a command that uses the store. */
export function withStoreOptions(command: Command): Command {
  return command.option('--data <dir>', `embedded database folder (default: $SUPPORTPACT_DATA or ./${defaultDataDir}); DATABASE_URL selects a PostgreSQL server instead`);
}

/**
 * Opens the store for a CLI command: `DATABASE_URL` (a PostgreSQL server) or the embedded
 * folder from `--data`, `SUPPORTPACT_DATA` or `./.supportpact`. When a running server holds
 * the folder, says so and how to reach it instead.
 */
export async function openCliStore(options: StoreOptions, io: CliIo): Promise<OpenedStore> {
  const databaseUrl = io.env.DATABASE_URL;
  const dataDir = resolve(io.cwd, options.data ?? io.env.SUPPORTPACT_DATA ?? defaultDataDir);
  try {
    const store = databaseUrl && !options.data ? await openStore({ databaseUrl, command: 'supportpact cli' }) : await openStore({ dataDir, command: `supportpact ${process.argv.slice(2).join(' ')}`.slice(0, 200) });
    for (const note of store.notes) io.stderr.write(`note: ${note}\n`);
    return store;
  } catch (error) {
    if (error instanceof SupportPactError && error.code === 'STORE_LOCKED') {
      const holder = (error.details as { holder?: { httpApiUrl?: string } }).holder;
      if (holder?.httpApiUrl) {
        throw new SupportPactError('STORE_LOCKED', `${error.message}\nA SupportPact server is running on this data folder: use its API at ${holder.httpApiUrl}/api/v1 (or the dashboard at ${holder.httpApiUrl}), or stop it to use the command line directly.`, { details: error.details });
      }
    }
    throw error;
  }
}

/** Runs `fn` with an open store and always closes it. */
export async function withCliStore<T>(options: StoreOptions, io: CliIo, fn: (store: OpenedStore) => Promise<T>): Promise<T> {
  const store = await openCliStore(options, io);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
