import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OpenedStore } from '../adapters/store/open-store.js';
import { at, clearRegisters, northstarId, openNorthstarStore } from '../../test/support/northstar-store.js';
import { insuranceFindings } from './insurance-findings.js';
import { recordInsuranceCertificate } from './record-insurance-certificate.js';

let store: OpenedStore;
beforeAll(async () => (store = await openNorthstarStore()));
beforeEach(async () => clearRegisters(store));
afterAll(async () => store.close());

const now = at('2027-06-01T09:00:00-07:00');
const file = (type: string, amount: string, expiresOn: string) => recordInsuranceCertificate(store, { contractId: northstarId, type, amount, expiresOn, now, actor: 'test' });

describe('recordInsuranceCertificate', () => {
  it('files CERT-1, CERT-2 ..., keeps the amount exact, and filing the same certificate again changes nothing', async () => {
    const first = await file('cyber-liability', '5000000', '2027-06-30');
    expect(first).toMatchObject({ created: true, requiredType: true, certificate: { id: 'CERT-1', amount: '5000000.00', currency: 'USD' } });
    expect((await file('cyber-liability', '5000000.00', '2027-06-30')).created).toBe(false);
    expect((await file('crime', '100000.00', '2027-12-31')).certificate).toMatchObject({ id: 'CERT-2' });
    expect((await file('crime', '100000.00', '2027-12-31')).requiredType).toBe(false);
    const audit = await store.audit.listAudit({ contractId: northstarId });
    expect(audit.filter((e) => e.action === 'insurance.certificate-recorded').map((e) => e.subject)).toEqual([`insurance:${northstarId}/CERT-1`, `insurance:${northstarId}/CERT-2`]);
  });

  it('refuses more decimals than the currency has, and a date that does not exist', async () => {
    await expect(file('cyber-liability', '5000000.005', '2027-06-30')).rejects.toMatchObject({ code: 'MONEY_INVALID' });
    await expect(file('cyber-liability', '5000000.00', '2027-06-31')).rejects.toMatchObject({ code: 'USAGE' });
  });
});

describe('insuranceFindings', () => {
  it('finds coverage below the minimum, an expiry within 30 days, an expiry before the term ends and the types missing', async () => {
    await file('cyber-liability', '4000000.00', '2027-06-30');
    const review = await insuranceFindings(store, northstarId, '2027-06-10');
    expect(review.findings.map((f) => [f.kind, f.type])).toEqual([
      ['below-minimum', 'cyber-liability'],
      ['expiring-soon', 'cyber-liability'],
      ['expires-before-term-end', 'cyber-liability'],
      ['missing', 'errors-and-omissions'],
      ['missing', 'general-liability'],
    ]);
    expect(review.certificates).toHaveLength(1);
  });

  it('clears the findings once sound certificates covering the term are on file', async () => {
    await file('cyber-liability', '5000000.00', '2029-06-30');
    await file('errors-and-omissions', '2000000.00', '2029-06-30');
    await file('general-liability', '1500000.00', '2029-06-30');
    expect((await insuranceFindings(store, northstarId, '2027-06-10')).findings).toEqual([]);
  });
});
