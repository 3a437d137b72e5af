/**
 * Where repositories get their query executor: the root Kysely instance, or the transaction
 * (or savepoint) `store.transaction(fn)` opened. Calling the root inside its own transaction
 * throws instead of deadlocking: PGlite has one connection, held by the transaction.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { isAbortedTransactionError, type ControlledTransaction, type Kysely } from 'kysely';
import type { StoreBackend } from '../../app/ports/index.js';
import { SupportPactError } from '../../domain/errors/index.js';
import type { Database } from './database.js';

export interface StoreContext {
  readonly backend: StoreBackend;
  /** Whether queries run inside a transaction `withTransaction` opened (false: the root). */
  readonly inTransaction: boolean;
  /** The executor for the next query. */
  db(): Kysely<Database>;
  /** Runs `fn` in a transaction (from the root) or a savepoint (inside one). */
  withTransaction<T>(fn: (ctx: StoreContext) => Promise<T>): Promise<T>;
}

type Transaction = ControlledTransaction<Database, string[]>;

export function createRootContext(root: Kysely<Database>, backend: StoreBackend): StoreContext {
  const insideTransaction = new AsyncLocalStorage<true>();
  let savepoints = 0;

  function assertOutsideTransaction(): void {
    if (insideTransaction.getStore()) {
      throw new SupportPactError(
        'INTERNAL',
        'A store method was called on the store itself inside store.transaction(fn); call it on the session fn receives (on the embedded database the call would wait for the transaction forever).',
      );
    }
  }

  function transactionContext(trx: Transaction): StoreContext {
    return {
      backend,
      inTransaction: true,
      db: () => trx,
      async withTransaction(fn) {
        const name = `sp_${++savepoints}`;
        const savepoint = (await trx.savepoint(name).execute()) as unknown as Transaction;
        let result;
        try {
          result = await fn(transactionContext(savepoint));
        } catch (error) {
          await savepoint.rollbackToSavepoint(name).execute().catch(() => undefined);
          throw error;
        }
        await savepoint.releaseSavepoint(name).execute();
        return result;
      },
    };
  }

  return {
    backend,
    inTransaction: false,
    db() {
      assertOutsideTransaction();
      return root;
    },
    async withTransaction(fn) {
      assertOutsideTransaction();
      const trx = (await root.startTransaction().execute()) as unknown as Transaction;
      let result;
      try {
        result = await insideTransaction.run(true, () => fn(transactionContext(trx)));
      } catch (error) {
        // The caller's error is the one to report; a failed rollback ends the session anyway.
        await trx.rollback().execute().catch(() => undefined);
        throw error;
      }
      try {
        await trx.commit().execute();
      } catch (error) {
        // A commit the server answered with ROLLBACK has released the connection already; any
        // other failure (a lost connection) has not, and the rollback releases it.
        if (!isAbortedTransactionError(error)) await trx.rollback().execute().catch(() => undefined);
        throw error;
      }
      return result;
    },
  };
}
