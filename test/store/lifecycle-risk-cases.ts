import { describe, expect, it } from 'vitest';
import type { StoredAccessEvent, StoredBreachIncident } from '../../src/app/ports/index.js';
import { addContract, march1At } from './store-fixtures.js';
import type { SuiteContext } from './store-suite.js';

function incident(id: string, extra: Partial<StoredBreachIncident> = {}): StoredBreachIncident {
  return { id, discoveredAt: march1At, clientDataInvolved: true, recordsAffected: 1180, californiaResidentsAffected: 640, dataCategories: ['contact-details', 'account-metadata'], recordedAt: march1At, updatedAt: march1At, ...extra };
}

function access(id: string, at: number, extra: Partial<StoredAccessEvent> = {}): StoredAccessEvent {
  return { id, at, account: 'j.doe@northstar.example', safeguards: ['mfa', 'access-logging'], dataCategory: 'contact-details', action: 'read', ...extra };
}

export function describeLifecycleRiskCases(ctx: SuiteContext): void {
  describe('breach incidents', () => {
    it('stores an incident as given, replaces it on a second save keeping when it was first recorded, and finds it by id alone', async () => {
      const store = ctx.store();
      const contractId = await addContract(store, 'breach');
      await store.breachIncidents.saveBreachIncident(contractId, incident('BR-1', { description: 'phishing' }));
      expect(await store.breachIncidents.getBreachIncident(contractId, 'BR-1')).toEqual(incident('BR-1', { description: 'phishing' }));
      const notified = incident('BR-1', { vendorNotifiedClientAt: march1At + 108_000, lawEnforcementDelay: true, recordedAt: march1At + 999, updatedAt: march1At + 200_000 });
      await store.breachIncidents.saveBreachIncident(contractId, notified);
      // recordedAt is the first recording's; the description was cleared by the replacement.
      expect(await store.breachIncidents.getBreachIncident(contractId, 'BR-1')).toEqual({ ...notified, recordedAt: march1At });
      await store.breachIncidents.saveBreachIncident(contractId, incident('BR-0', { discoveredAt: march1At - 60 }));
      expect((await store.breachIncidents.listBreachIncidents(contractId)).map((i) => i.id)).toEqual(['BR-0', 'BR-1']);
      const other = await addContract(store, 'breach');
      await store.breachIncidents.saveBreachIncident(other, incident('BR-1'));
      expect((await store.breachIncidents.findBreachIncident('BR-1')).map((f) => f.contractId).filter((id) => id === contractId || id === other)).toEqual([contractId, other].sort());
      expect(await store.breachIncidents.getBreachIncident(contractId, 'BR-9')).toBeUndefined();
    });
  });

  describe('insurance certificates', () => {
    it('files a certificate once, keeps the decimal text exact, and lists by expiry', async () => {
      const store = ctx.store();
      const contractId = await addContract(store, 'insurance');
      const cert = { id: 'CERT-1', type: 'cyber-liability', amount: '5000000.00', currency: 'USD', expiresOn: '2027-06-30', insurer: 'Beacon Mutual', recordedAt: march1At };
      expect(await store.insuranceCertificates.addInsuranceCertificate(contractId, cert)).toBe(true);
      expect(await store.insuranceCertificates.addInsuranceCertificate(contractId, { ...cert, amount: '1.00' })).toBe(false);
      await store.insuranceCertificates.addInsuranceCertificate(contractId, { id: 'CERT-2', type: 'general-liability', amount: '1000000.50', currency: 'USD', expiresOn: '2027-01-31', recordedAt: march1At });
      expect(await store.insuranceCertificates.listInsuranceCertificates(contractId)).toEqual([
        { id: 'CERT-2', type: 'general-liability', amount: '1000000.50', currency: 'USD', expiresOn: '2027-01-31', recordedAt: march1At },
        cert,
      ]);
    });

    it('refuses an amount that is not plain decimal text', async () => {
      const store = ctx.store();
      const contractId = await addContract(store, 'insurance');
      await expect(store.insuranceCertificates.addInsuranceCertificate(contractId, { id: 'CERT-1', type: 'x', amount: '5e6', currency: 'USD', expiresOn: '2027-06-30', recordedAt: march1At })).rejects.toThrow();
    });
  });

  describe('access events', () => {
    it('stores only new ids (a re-import and an overlapping batch add nothing twice) and reads back a range', async () => {
      const store = ctx.store();
      const contractId = await addContract(store, 'access');
      const first = [access('a1', march1At), access('a2', march1At + 60, { ticket: 'T-1', sharedAccount: true, safeguards: [] }), access('a3', march1At + 3600, { sharedAccount: false })];
      expect(await store.accessEvents.writeAccessEvents(contractId, first)).toBe(3);
      expect(await store.accessEvents.writeAccessEvents(contractId, first)).toBe(0);
      // Half old, half new: the staged path keeps the new one only.
      expect(await store.accessEvents.writeAccessEvents(contractId, [first[2]!, access('a4', march1At + 7200, { account: 'tab\there', action: 'back\\slash' })])).toBe(1);
      expect(await store.accessEvents.countAccessEvents(contractId)).toBe(4);
      expect(await store.accessEvents.listAccessEvents(contractId, { range: { fromAt: march1At + 60, toAt: march1At + 7200 } })).toEqual([first[1], first[2]]);
      expect((await store.accessEvents.listAccessEvents(contractId)).at(-1)).toEqual(access('a4', march1At + 7200, { account: 'tab\there', action: 'back\\slash' }));
    });

    it('refuses events for a contract that is not stored', async () => {
      await expect(ctx.store().accessEvents.writeAccessEvents('no-such-contract', [access('a1', march1At)])).rejects.toMatchObject({ code: 'CONTRACT_NOT_FOUND' });
    });
  });

  describe('contract events', () => {
    it('stores an event, records its end on a second save, and lists by start', async () => {
      const store = ctx.store();
      const contractId = await addContract(store, 'events');
      const event = { id: 'EV-1', kind: 'insolvency' as const, startedOn: '2027-05-01', description: 'Vendor filed for Chapter 11', party: 'vendor' as const, recordedAt: march1At };
      await store.contractEvents.saveContractEvent(contractId, event);
      await store.contractEvents.saveContractEvent(contractId, { id: 'EV-2', kind: 'force-majeure', startedOn: '2027-04-01', description: 'Earthquake', recordedAt: march1At });
      await store.contractEvents.saveContractEvent(contractId, { ...event, endedOn: '2027-06-30', recordedAt: march1At + 5 });
      expect(await store.contractEvents.listContractEvents(contractId)).toEqual([
        { id: 'EV-2', kind: 'force-majeure', startedOn: '2027-04-01', description: 'Earthquake', recordedAt: march1At },
        { ...event, endedOn: '2027-06-30' },
      ]);
      await expect(store.contractEvents.saveContractEvent(contractId, { ...event, id: 'EV-3', endedOn: '2027-04-30' })).rejects.toThrow();
    });
  });

  describe('exit progress', () => {
    it('says whether a record was created, its evidence updated, or nothing changed', async () => {
      const store = ctx.store();
      const contractId = await addContract(store, 'exit');
      const record = { item: 'data-return', doneOn: '2027-08-20', evidence: 'export receipt #88', recordedAt: march1At };
      expect(await store.exitProgress.saveExitProgress(contractId, record)).toBe('created');
      expect(await store.exitProgress.saveExitProgress(contractId, record)).toBe('unchanged');
      expect(await store.exitProgress.saveExitProgress(contractId, { ...record, evidence: 'export receipt #89', recordedAt: march1At + 1 })).toBe('updated');
      expect(await store.exitProgress.saveExitProgress(contractId, { ...record, item: 'data-deletion', doneOn: '2027-09-01' })).toBe('created');
      expect(await store.exitProgress.listExitProgress(contractId)).toEqual([
        { item: 'data-deletion', doneOn: '2027-09-01', evidence: 'export receipt #88', recordedAt: march1At },
        { item: 'data-return', doneOn: '2027-08-20', evidence: 'export receipt #89', recordedAt: march1At + 1 },
      ]);
    });
  });
}
