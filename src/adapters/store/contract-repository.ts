import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { AddContractVersionInput, ContractStore, ContractVersion, StoredContract } from '../../app/ports/index.js';
import { SupportPactError } from '../../domain/errors/index.js';
import { isLocalDate, type LocalDate } from '../../domain/time/index.js';
import type { ContractsTable, ContractVersionsTable } from './database.js';
import type { StoreContext } from './store-context.js';

export class ContractRepository implements ContractStore {
  constructor(private readonly ctx: StoreContext) {}

  async addContractVersion(input: AddContractVersionInput): Promise<{ version: ContractVersion; created: boolean }> {
    assertDate(input.effectiveOn, 'effectiveOn');
    const sha256 = createHash('sha256').update(input.yaml, 'utf8').digest('hex');
    return this.ctx.withTransaction(async (tx) => {
      const db = tx.db();
      const header = { title: input.title, client: input.client, vendor: input.vendor };
      // Lock the contract row: concurrent adds to one contract queue and number versions 1, 2, ...
      const lockContract = () =>
        db.selectFrom('contracts').select('latest_version').where('contract_id', '=', input.contractId).forUpdate().executeTakeFirst();
      let contract = await lockContract();
      if (!contract) {
        const inserted = await db
          .insertInto('contracts')
          .values({ contract_id: input.contractId, ...header, created_at: input.addedAt, latest_version: 1 })
          .onConflict((oc) => oc.column('contract_id').doNothing())
          .returning('latest_version')
          .executeTakeFirst();
        if (inserted) return { version: await insertVersion(1), created: true };
        contract = await lockContract();
        if (!contract) throw new SupportPactError('INTERNAL', `contract "${input.contractId}" vanished while adding a version`);
      }
      const latest = await db
        .selectFrom('contract_versions')
        .selectAll()
        .where('contract_id', '=', input.contractId)
        .where('version', '=', contract.latest_version)
        .executeTakeFirstOrThrow();
      if (latest.sha256 === sha256 && latest.effective_on === input.effectiveOn) return { version: toVersion(latest), created: false };
      const next = contract.latest_version + 1;
      await db.updateTable('contracts').set({ ...header, latest_version: next }).where('contract_id', '=', input.contractId).execute();
      return { version: await insertVersion(next), created: true };

      async function insertVersion(version: number): Promise<ContractVersion> {
        const row = await db
          .insertInto('contract_versions')
          .values({
            contract_id: input.contractId,
            version,
            yaml: input.yaml,
            sha256,
            effective_on: input.effectiveOn,
            added_at: input.addedAt,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        return toVersion(row);
      }
    });
  }

  async getContract(contractId: string): Promise<StoredContract | undefined> {
    const row = await this.ctx.db().selectFrom('contracts').selectAll().where('contract_id', '=', contractId).executeTakeFirst();
    return row && toContract(row);
  }

  async listContracts(): Promise<StoredContract[]> {
    const rows = await this.ctx.db().selectFrom('contracts').selectAll().orderBy('contract_id').execute();
    return rows.map(toContract);
  }

  async listContractVersions(contractId: string): Promise<ContractVersion[]> {
    const rows = await this.ctx.db().selectFrom('contract_versions').selectAll().where('contract_id', '=', contractId).orderBy('version').execute();
    return rows.map(toVersion);
  }

  async getContractVersion(contractId: string, version?: number): Promise<ContractVersion | undefined> {
    let query = this.ctx.db().selectFrom('contract_versions').selectAll().where('contract_id', '=', contractId);
    query = version === undefined ? query.orderBy('version', 'desc').limit(1) : query.where('version', '=', version);
    const row = await query.executeTakeFirst();
    return row && toVersion(row);
  }

  async getContractVersionInForce(contractId: string, on: LocalDate): Promise<ContractVersion | undefined> {
    assertDate(on, 'on');
    const row = await this.ctx
      .db()
      .selectFrom('contract_versions')
      .selectAll()
      .where('contract_id', '=', contractId)
      .where('effective_on', '<=', on)
      .orderBy('effective_on', 'desc')
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row && toVersion(row);
  }

  async getContractVersionForMonth(contractId: string, month: string): Promise<ContractVersion | undefined> {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
      throw new SupportPactError('DATE_INVALID', `"${month}" is not a month; write it as YYYY-MM, for example 2027-03.`, {
        problems: [{ message: `not a YYYY-MM month: "${month}"`, path: ['month'], expected: 'YYYY-MM' }],
      });
    }
    return this.getContractVersionInForce(contractId, `${month}-01`);
  }
}

function assertDate(value: string, field: string): void {
  if (!isLocalDate(value)) {
    throw new SupportPactError('DATE_INVALID', `${field} "${value}" is not a date; write it as YYYY-MM-DD, for example 2027-03-01.`, {
      problems: [{ message: `not an existing YYYY-MM-DD date: "${value}"`, path: [field], expected: 'YYYY-MM-DD' }],
    });
  }
}

function toContract(row: Selectable<ContractsTable>): StoredContract {
  return {
    contractId: row.contract_id,
    title: row.title,
    client: row.client,
    vendor: row.vendor,
    createdAt: row.created_at,
    latestVersion: row.latest_version,
  };
}

function toVersion(row: Selectable<ContractVersionsTable>): ContractVersion {
  return {
    contractId: row.contract_id,
    version: row.version,
    yaml: row.yaml,
    sha256: row.sha256,
    effectiveOn: row.effective_on,
    addedAt: row.added_at,
  };
}
