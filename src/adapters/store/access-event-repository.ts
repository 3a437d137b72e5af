import type { Selectable } from 'kysely';
import type { AccessEventStore, StoredAccessEvent, TimeRange } from '../../app/ports/index.js';
import { insertNewRows, type BulkTable } from './bulk-insert.js';
import { assertContractExists } from './contract-exists.js';
import type { AccessEventsTable } from './database.js';
import type { StoreContext } from './store-context.js';

const accessEventsTable: BulkTable = {
  table: 'access_events',
  columns: ['contract_id', 'event_id', 'at', 'account', 'safeguards', 'data_category', 'ticket', 'action', 'shared_account'],
};

export class AccessEventRepository implements AccessEventStore {
  constructor(private readonly ctx: StoreContext) {}

  writeAccessEvents(contractId: string, events: readonly StoredAccessEvent[]): Promise<number> {
    return this.ctx.withTransaction(async (tx) => {
      await assertContractExists(tx.db(), contractId);
      return insertNewRows(
        tx,
        accessEventsTable,
        events.map((e) => [
          contractId,
          e.id,
          e.at,
          e.account,
          JSON.stringify(e.safeguards),
          e.dataCategory,
          e.ticket ?? null,
          e.action,
          e.sharedAccount === undefined ? null : e.sharedAccount ? 't' : 'f',
        ]),
      );
    });
  }

  async listAccessEvents(contractId: string, options: { range?: TimeRange } = {}): Promise<StoredAccessEvent[]> {
    let query = this.ctx.db().selectFrom('access_events').selectAll().where('contract_id', '=', contractId);
    if (options.range) query = query.where('at', '>=', options.range.fromAt).where('at', '<', options.range.toAt);
    const rows = await query.orderBy('at').orderBy('event_id').execute();
    return rows.map(eventOfRow);
  }

  async countAccessEvents(contractId: string): Promise<number> {
    const row = await this.ctx.db().selectFrom('access_events').select((eb) => eb.fn.countAll<number>().as('n')).where('contract_id', '=', contractId).executeTakeFirst();
    return Number(row?.n ?? 0);
  }
}

function eventOfRow(row: Selectable<AccessEventsTable>): StoredAccessEvent {
  return {
    id: row.event_id,
    at: row.at,
    account: row.account,
    safeguards: (row.safeguards as readonly unknown[]).map(String),
    dataCategory: row.data_category,
    ...(row.ticket === null ? {} : { ticket: row.ticket }),
    action: row.action,
    ...(row.shared_account === null ? {} : { sharedAccount: row.shared_account }),
  };
}
