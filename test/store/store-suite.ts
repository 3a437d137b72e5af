/**
 * The one store suite every backend runs (as Kysely runs its suite against each dialect):
 * `describeStoreSuite('PGlite', target)` and `describeStoreSuite('PostgreSQL', target)`.
 */
import { afterAll, beforeAll, describe } from 'vitest';
import type { OpenedStore } from '../../src/adapters/store/index.js';
import { describeAuditCases } from './audit-cases.js';
import { describeContractCases } from './contract-cases.js';
import { describeImportBatchCases } from './import-batch-cases.js';
import { describeLifecycleRiskCases } from './lifecycle-risk-cases.js';
import { describeSchemaCases } from './schema-cases.js';
import { describeSettlementCases } from './settlement-cases.js';
import { describeTicketFactsCases } from './ticket-facts-cases.js';
import { describeTicketReadCases } from './ticket-read-cases.js';
import { describeTransactionCases } from './transaction-cases.js';

/** Where a backend's stores live: `open` may be called again on the same target (a reopen). */
export interface StoreTarget {
  open(): Promise<OpenedStore>;
  /** Closes the store and removes everything the target created (folder, schema). */
  destroy(store: OpenedStore): Promise<void>;
}

/** What the case files get: the current store of the suite, a reopen, and fresh targets. */
export interface SuiteContext {
  store(): OpenedStore;
  /** Closes the store and opens the same target again (migrations run again). */
  reopen(): Promise<OpenedStore>;
  /** A separate empty store for cases that need one (the audit chain). */
  makeTarget(): Promise<StoreTarget>;
}

export function describeStoreSuite(name: string, makeTarget: () => Promise<StoreTarget>): void {
  describe(`store on ${name}`, () => {
    let target: StoreTarget;
    let current: OpenedStore | undefined;
    beforeAll(async () => {
      target = await makeTarget();
      current = await target.open();
    });
    afterAll(async () => {
      if (current) await target.destroy(current);
    });
    const context: SuiteContext = {
      store() {
        if (!current) throw new Error('the suite store is not open');
        return current;
      },
      async reopen() {
        await current?.close();
        current = undefined;
        current = await target.open();
        return current;
      },
      makeTarget,
    };
    describeSchemaCases(context);
    describeContractCases(context);
    describeImportBatchCases(context);
    describeTransactionCases(context);
    describeTicketReadCases(context);
    describeAuditCases(context);
    describeLifecycleRiskCases(context);
    describeSettlementCases(context);
    describeTicketFactsCases(context);
  });
}
