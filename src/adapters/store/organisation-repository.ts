import type { Organisation, OrganisationStore } from '../../app/ports/index.js';
import type { StoreContext } from './store-context.js';

export class OrganisationRepository implements OrganisationStore {
  constructor(private readonly ctx: StoreContext) {}

  async saveOrganisation(organisation: Organisation): Promise<Organisation> {
    const row = await this.ctx
      .db()
      .insertInto('organisations')
      .values({ organisation_id: organisation.organisationId, name: organisation.name, created_at: organisation.createdAt })
      .onConflict((oc) => oc.column('organisation_id').doUpdateSet({ name: organisation.name }))
      .returningAll()
      .executeTakeFirstOrThrow();
    return { organisationId: row.organisation_id, name: row.name, createdAt: row.created_at };
  }

  async getOrganisation(organisationId: string): Promise<Organisation | undefined> {
    const row = await this.ctx.db().selectFrom('organisations').selectAll().where('organisation_id', '=', organisationId).executeTakeFirst();
    return row && { organisationId: row.organisation_id, name: row.name, createdAt: row.created_at };
  }

  async listOrganisations(): Promise<Organisation[]> {
    const rows = await this.ctx.db().selectFrom('organisations').selectAll().orderBy('organisation_id').execute();
    return rows.map((row) => ({ organisationId: row.organisation_id, name: row.name, createdAt: row.created_at }));
  }
}
