import type { Selectable } from 'kysely';
import type { OutageStore, TimeRange } from '../../app/ports/index.js';
import type { Outage } from '../../domain/tickets/index.js';
import { insertNewRows, type BulkTable } from './bulk-insert.js';
import { assertContractExists } from './contract-exists.js';
import type { OutagesTable } from './database.js';
import type { StoreContext } from './store-context.js';

const outagesTable: BulkTable = {
  table: 'outages',
  columns: ['contract_id', 'outage_id', 'service', 'start_at', 'end_at', 'description'],
};

export class OutageRepository implements OutageStore {
  constructor(private readonly ctx: StoreContext) {}

  writeOutages(contractId: string, outages: readonly Outage[]): Promise<number> {
    return this.ctx.withTransaction(async (tx) => {
      await assertContractExists(tx.db(), contractId);
      return writeOutageRows(tx, contractId, outages);
    });
  }

  async listOutages(contractId: string, options: { service?: string; overlapping?: TimeRange } = {}): Promise<Outage[]> {
    let query = this.ctx.db().selectFrom('outages').selectAll().where('contract_id', '=', contractId);
    if (options.service !== undefined) query = query.where('service', '=', options.service);
    if (options.overlapping) {
      // Half-open intervals intersect when each starts before the other ends.
      query = query.where('start_at', '<', options.overlapping.toAt).where('end_at', '>', options.overlapping.fromAt);
    }
    const rows = await query.orderBy('start_at').orderBy('outage_id').execute();
    return rows.map(outageOfRow);
  }
}

export function writeOutageRows(ctx: StoreContext, contractId: string, outages: readonly Outage[]): Promise<number> {
  return insertNewRows(
    ctx,
    outagesTable,
    outages.map((o) => [contractId, o.id, o.service, o.startAt, o.endAt, o.description ?? null]),
  );
}

function outageOfRow(row: Selectable<OutagesTable>): Outage {
  const outage = { id: row.outage_id, service: row.service, startAt: row.start_at, endAt: row.end_at };
  return row.description === null ? outage : { ...outage, description: row.description };
}
