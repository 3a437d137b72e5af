import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AddContractVersionInput } from '../../src/app/ports/index.js';
import { march1At } from './store-fixtures.js';
import type { SuiteContext } from './store-suite.js';

let ids = 0;

function versionInput(contractId: string, yaml: string, effectiveOn: string, addedAt = march1At): AddContractVersionInput {
  return { contractId, title: 'Helpdesk services', client: 'Acme Corp', vendor: 'DeskForce LLC', yaml, effectiveOn, addedAt };
}

export function describeContractCases(ctx: SuiteContext): void {
  describe('addContractVersion', () => {
    it('stores a new id as version 1 and the same id again as version 2, with the newest header', async () => {
      const contracts = ctx.store().contracts;
      const contractId = `acme-${++ids}`;
      const first = await contracts.addContractVersion(versionInput(contractId, 'supportpact: 1\n', '2027-01-01'));
      const second = await contracts.addContractVersion({ ...versionInput(contractId, 'supportpact: 1\n# v2\n', '2027-04-01', march1At + 60), title: 'Helpdesk services, amended' });
      expect(first).toMatchObject({ created: true, version: { version: 1, effectiveOn: '2027-01-01' } });
      expect(second).toMatchObject({ created: true, version: { version: 2, effectiveOn: '2027-04-01', addedAt: march1At + 60 } });
      expect(second.version.sha256).toBe(createHash('sha256').update('supportpact: 1\n# v2\n').digest('hex'));
      expect(await contracts.getContract(contractId)).toEqual({
        contractId,
        title: 'Helpdesk services, amended',
        client: 'Acme Corp',
        vendor: 'DeskForce LLC',
        createdAt: march1At,
        latestVersion: 2,
      });
      expect((await contracts.listContractVersions(contractId)).map((v) => v.version)).toEqual([1, 2]);
      expect((await contracts.getContractVersion(contractId))?.version).toBe(2);
      expect((await contracts.getContractVersion(contractId, 1))?.yaml).toBe('supportpact: 1\n');
    });

    it('treats adding the newest text again with the same effective date as a no-op', async () => {
      const contracts = ctx.store().contracts;
      const contractId = `acme-${++ids}`;
      await contracts.addContractVersion(versionInput(contractId, 'a: 1\n', '2027-01-01'));
      const again = await contracts.addContractVersion(versionInput(contractId, 'a: 1\n', '2027-01-01', march1At + 3600));
      expect(again).toMatchObject({ created: false, version: { version: 1, addedAt: march1At } });
      const redated = await contracts.addContractVersion(versionInput(contractId, 'a: 1\n', '2027-02-01'));
      expect(redated).toMatchObject({ created: true, version: { version: 2 } });
    });

    it('rejects an effective date that does not exist', async () => {
      await expect(ctx.store().contracts.addContractVersion(versionInput(`acme-${++ids}`, 'a: 1\n', '2027-02-30'))).rejects.toMatchObject({
        code: 'DATE_INVALID',
      });
    });

    it('lists contracts by id and answers undefined for an unknown one', async () => {
      const contracts = ctx.store().contracts;
      const listed = (await contracts.listContracts()).map((c) => c.contractId);
      expect(listed).toEqual([...listed].sort());
      expect(await contracts.getContract('no-such-contract')).toBeUndefined();
      expect(await contracts.getContractVersion('no-such-contract')).toBeUndefined();
    });
  });

  describe('getContractVersionInForce', () => {
    it('picks the latest effective date on or before the day, the higher version winning a tie', async () => {
      const contracts = ctx.store().contracts;
      const contractId = `acme-${++ids}`;
      await contracts.addContractVersion(versionInput(contractId, 'v: 1\n', '2027-01-01'));
      await contracts.addContractVersion(versionInput(contractId, 'v: 2\n', '2027-04-01'));
      // A correction of version 2 that takes effect on the same day supersedes it.
      await contracts.addContractVersion(versionInput(contractId, 'v: 3\n', '2027-04-01'));
      // A back-dated amendment added last governs from its own date, not from when it was added.
      await contracts.addContractVersion(versionInput(contractId, 'v: 4\n', '2027-02-15'));
      const inForce = async (on: string) => (await contracts.getContractVersionInForce(contractId, on))?.version;
      expect(await inForce('2026-12-31')).toBeUndefined();
      expect(await inForce('2027-01-01')).toBe(1);
      expect(await inForce('2027-02-14')).toBe(1);
      expect(await inForce('2027-02-15')).toBe(4);
      expect(await inForce('2027-03-31')).toBe(4);
      expect(await inForce('2027-04-01')).toBe(3);
      const forMonth = async (month: string) => (await contracts.getContractVersionForMonth(contractId, month))?.version;
      expect(await forMonth('2027-02')).toBe(1);
      expect(await forMonth('2027-03')).toBe(4);
      expect(await forMonth('2027-04')).toBe(3);
    });

    it('rejects a month that is not YYYY-MM', async () => {
      await expect(ctx.store().contracts.getContractVersionForMonth('any', '2027-13')).rejects.toMatchObject({ code: 'DATE_INVALID' });
    });
  });
}
