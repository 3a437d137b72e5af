import { describe, expect, it } from 'vitest';
import { globalTables } from '../../src/adapters/store/index.js';
import { migrations } from '../../src/adapters/store/migrations/index.js';
import { addContract } from './store-fixtures.js';
import type { SuiteContext } from './store-suite.js';

export function describeSchemaCases(ctx: SuiteContext): void {
  describe('migrateStore', () => {
    it('records each migration once, and opening the store again runs none and keeps the data', async () => {
      const contractId = await addContract(ctx.store(), 'reopen');
      const before = await ctx.store().queryRaw('SELECT name, timestamp FROM kysely_migration ORDER BY name');
      const names = Object.keys(migrations).sort();
      expect(names[0]).toBe('001-core-tables');
      expect(before.map((r) => r.name)).toEqual(names);
      const reopened = await ctx.reopen();
      const after = await reopened.queryRaw('SELECT name, timestamp FROM kysely_migration ORDER BY name');
      expect(after.map((r) => r.name)).toEqual(names);
      // Reopening ran nothing: the recorded times are the first run's.
      expect(after.map((r) => String(r.timestamp))).toEqual(before.map((r) => String(r.timestamp)));
      expect((await reopened.contracts.getContract(contractId))?.title).toBe('Helpdesk services (reopen)');
    });

    it('keys every table that grows with use by contract_id first (the Citus distribution key)', async () => {
      const rows = await ctx.store().queryRaw(`
        SELECT t.table_name,
               (SELECT k.column_name FROM information_schema.table_constraints c
                  JOIN information_schema.key_column_usage k
                    ON k.constraint_name = c.constraint_name AND k.table_schema = c.table_schema AND k.table_name = c.table_name
                 WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.constraint_type = 'PRIMARY KEY'
                 ORDER BY k.ordinal_position LIMIT 1) AS first_key_column
          FROM information_schema.tables t
         WHERE t.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
         ORDER BY t.table_name`);
      const perContract = rows.filter((r) => !globalTables.includes(String(r.table_name)));
      // The check must see the big tables, or it proves nothing.
      expect(perContract.map((r) => r.table_name)).toEqual(
        expect.arrayContaining(['contracts', 'contract_versions', 'tickets', 'ticket_event_chunks', 'outages', 'vendor_reports', 'import_jobs']),
      );
      expect(perContract.filter((r) => r.first_key_column !== 'contract_id')).toEqual([]);
    });
  });

  describe('saveOrganisation', () => {
    it('inserts an organisation, renames it on a second save and keeps its creation instant', async () => {
      const organisations = ctx.store().organisations;
      await organisations.saveOrganisation({ organisationId: 'org-acme', name: 'Acme', createdAt: 100 });
      const renamed = await organisations.saveOrganisation({ organisationId: 'org-acme', name: 'Acme Corp', createdAt: 200 });
      expect(renamed).toEqual({ organisationId: 'org-acme', name: 'Acme Corp', createdAt: 100 });
      expect(await organisations.getOrganisation('org-none')).toBeUndefined();
      expect((await organisations.listOrganisations()).map((o) => o.organisationId)).toContain('org-acme');
    });
  });
}
