import type { Selectable } from 'kysely';
import type { BreachIncidentStore, StoredBreachIncident } from '../../app/ports/index.js';
import type { BreachIncidentsTable } from './database.js';
import type { StoreContext } from './store-context.js';

export class BreachIncidentRepository implements BreachIncidentStore {
  constructor(private readonly ctx: StoreContext) {}

  async saveBreachIncident(contractId: string, incident: StoredBreachIncident): Promise<void> {
    const row = rowOf(contractId, incident);
    await this.ctx
      .db()
      .insertInto('breach_incidents')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['contract_id', 'incident_id']).doUpdateSet((eb) => ({
          discovered_at: eb.ref('excluded.discovered_at'),
          client_data_involved: eb.ref('excluded.client_data_involved'),
          records_affected: eb.ref('excluded.records_affected'),
          california_residents_affected: eb.ref('excluded.california_residents_affected'),
          data_categories: eb.ref('excluded.data_categories'),
          vendor_notified_client_at: eb.ref('excluded.vendor_notified_client_at'),
          individuals_notified_at: eb.ref('excluded.individuals_notified_at'),
          attorney_general_notified_at: eb.ref('excluded.attorney_general_notified_at'),
          law_enforcement_delay: eb.ref('excluded.law_enforcement_delay'),
          description: eb.ref('excluded.description'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }

  async getBreachIncident(contractId: string, incidentId: string): Promise<StoredBreachIncident | undefined> {
    const row = await this.ctx.db().selectFrom('breach_incidents').selectAll().where('contract_id', '=', contractId).where('incident_id', '=', incidentId).executeTakeFirst();
    return row ? incidentOfRow(row) : undefined;
  }

  async listBreachIncidents(contractId: string): Promise<StoredBreachIncident[]> {
    const rows = await this.ctx.db().selectFrom('breach_incidents').selectAll().where('contract_id', '=', contractId).orderBy('discovered_at').orderBy('incident_id').execute();
    return rows.map(incidentOfRow);
  }

  async findBreachIncident(incidentId: string): Promise<{ contractId: string; incident: StoredBreachIncident }[]> {
    const rows = await this.ctx.db().selectFrom('breach_incidents').selectAll().where('incident_id', '=', incidentId).orderBy('contract_id').execute();
    return rows.map((row) => ({ contractId: row.contract_id, incident: incidentOfRow(row) }));
  }
}

function rowOf(contractId: string, i: StoredBreachIncident) {
  return {
    contract_id: contractId,
    incident_id: i.id,
    discovered_at: i.discoveredAt,
    client_data_involved: i.clientDataInvolved,
    records_affected: i.recordsAffected,
    california_residents_affected: i.californiaResidentsAffected,
    data_categories: JSON.stringify(i.dataCategories),
    vendor_notified_client_at: i.vendorNotifiedClientAt ?? null,
    individuals_notified_at: i.individualsNotifiedAt ?? null,
    attorney_general_notified_at: i.attorneyGeneralNotifiedAt ?? null,
    law_enforcement_delay: i.lawEnforcementDelay === true,
    description: i.description ?? null,
    recorded_at: i.recordedAt,
    updated_at: i.updatedAt,
  };
}

function incidentOfRow(row: Selectable<BreachIncidentsTable>): StoredBreachIncident {
  return {
    id: row.incident_id,
    discoveredAt: row.discovered_at,
    clientDataInvolved: row.client_data_involved,
    recordsAffected: row.records_affected,
    californiaResidentsAffected: row.california_residents_affected,
    dataCategories: (row.data_categories as readonly unknown[]).map(String),
    ...(row.vendor_notified_client_at === null ? {} : { vendorNotifiedClientAt: row.vendor_notified_client_at }),
    ...(row.individuals_notified_at === null ? {} : { individualsNotifiedAt: row.individuals_notified_at }),
    ...(row.attorney_general_notified_at === null ? {} : { attorneyGeneralNotifiedAt: row.attorney_general_notified_at }),
    ...(row.law_enforcement_delay ? { lawEnforcementDelay: true } : {}),
    ...(row.description === null ? {} : { description: row.description }),
    recordedAt: row.recorded_at,
    updatedAt: row.updated_at,
  };
}
