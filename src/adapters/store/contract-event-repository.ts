import type { Selectable } from 'kysely';
import type { ContractEventStore, StoredContractEvent } from '../../app/ports/index.js';
import type { CauseEventKind, Party } from '../../domain/lifecycle/index.js';
import type { ContractEventsTable } from './database.js';
import type { StoreContext } from './store-context.js';

export class ContractEventRepository implements ContractEventStore {
  constructor(private readonly ctx: StoreContext) {}

  async saveContractEvent(contractId: string, e: StoredContractEvent): Promise<void> {
    await this.ctx
      .db()
      .insertInto('contract_events')
      .values({ contract_id: contractId, event_id: e.id, kind: e.kind, party: e.party ?? null, started_on: e.startedOn, ended_on: e.endedOn ?? null, description: e.description, recorded_at: e.recordedAt })
      .onConflict((oc) =>
        oc.columns(['contract_id', 'event_id']).doUpdateSet((eb) => ({
          kind: eb.ref('excluded.kind'),
          party: eb.ref('excluded.party'),
          started_on: eb.ref('excluded.started_on'),
          ended_on: eb.ref('excluded.ended_on'),
          description: eb.ref('excluded.description'),
        })),
      )
      .execute();
  }

  async getContractEvent(contractId: string, eventId: string): Promise<StoredContractEvent | undefined> {
    const row = await this.ctx.db().selectFrom('contract_events').selectAll().where('contract_id', '=', contractId).where('event_id', '=', eventId).executeTakeFirst();
    return row ? eventOfRow(row) : undefined;
  }

  async listContractEvents(contractId: string): Promise<StoredContractEvent[]> {
    const rows = await this.ctx.db().selectFrom('contract_events').selectAll().where('contract_id', '=', contractId).orderBy('started_on').orderBy('event_id').execute();
    return rows.map(eventOfRow);
  }
}

function eventOfRow(row: Selectable<ContractEventsTable>): StoredContractEvent {
  return {
    id: row.event_id,
    kind: row.kind as CauseEventKind,
    ...(row.party === null ? {} : { party: row.party as Party }),
    startedOn: row.started_on,
    ...(row.ended_on === null ? {} : { endedOn: row.ended_on }),
    description: row.description,
    recordedAt: row.recorded_at,
  };
}
