/** A party to contracts (client or vendor), kept so several contracts can name the same one. */
export interface Organisation {
  readonly organisationId: string;
  readonly name: string;
  /** Epoch seconds. */
  readonly createdAt: number;
}

export interface OrganisationStore {
  /** Inserts the organisation, or renames it when the id exists (keeping its `createdAt`). */
  saveOrganisation(organisation: Organisation): Promise<Organisation>;
  getOrganisation(organisationId: string): Promise<Organisation | undefined>;
  /** Ordered by id. */
  listOrganisations(): Promise<Organisation[]>;
}
