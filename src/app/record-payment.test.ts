import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedStore } from '../adapters/store/open-store.js';
import { recordPayment, type RecordPaymentRequest } from './record-payment.js';
import { storeWithContract } from './test-support/settlement-fixture.js';

let store: OpenedStore;
let contractId: string;
const now = Date.parse('2027-06-01T09:00:00-07:00') / 1000;

beforeAll(async () => {
  ({ store, contractId } = await storeWithContract('northstar-tiered'));
}, 60_000);
afterAll(async () => store?.close());

const request = (amount: string, receivedOn = '2027-05-20', extra: Partial<RecordPaymentRequest> = {}): RecordPaymentRequest => ({ contractId, amount, receivedOn, now, actor: 'test', ...extra });

describe('recordPayment', () => {
  it('records the exact amount in the contract currency under the next id, and logs it', async () => {
    const first = await recordPayment(store, request('1234.50', '2027-05-20', { reference: 'NS-2027-0001', method: 'ach' }));
    const second = await recordPayment(store, request('0.01', '2027-05-21'));
    expect(first).toEqual({ id: 'PMT-0001', receivedOn: '2027-05-20', amount: { minor: 123450n, currency: 'USD' }, reference: 'NS-2027-0001', method: 'ach', recordedAt: now, recordedBy: 'test' });
    expect(second).toMatchObject({ id: 'PMT-0002', amount: { minor: 1n } });
    expect(await store.settlement.listPayments(contractId)).toEqual([first, second]);
    const logged = (await store.audit.listAudit({ contractId })).filter((e) => e.action === 'payment.recorded');
    expect(logged.map((e) => e.payload)).toEqual([
      { paymentId: 'PMT-0001', receivedOn: '2027-05-20', amount: '1234.50', currency: 'USD', reference: 'NS-2027-0001', method: 'ach' },
      { paymentId: 'PMT-0002', receivedOn: '2027-05-21', amount: '0.01', currency: 'USD', reference: null, method: null },
    ]);
  });

  it('refuses a decimal comma, an exponent, a thousands separator, a negative amount, zero and fractions of a cent, each saying what to write', async () => {
    const refusal = (amount: string) => recordPayment(store, request(amount)).catch((e: Error & { code: string }) => `${e.code}: ${e.message}`);
    expect(await refusal('12,50')).toBe('MONEY_INVALID: amount "12,50" uses a comma as the decimal point: write "12.50"');
    expect(await refusal('1e3')).toBe('MONEY_INVALID: amount "1e3" uses an exponent: write "1000"');
    expect(await refusal('1,234.50')).toMatch(/^MONEY_INVALID: amount "1,234.50" .*write "1234.50"/);
    expect(await refusal('-5.00')).toBe('MONEY_INVALID: amount "-5.00" is negative: it cannot be below zero here; write "5.00" if the sign was a mistake');
    expect(await refusal('0.00')).toBe('MONEY_INVALID: the amount is zero');
    expect(await refusal('10.005')).toMatch(/^MONEY_INVALID: .*USD has 2 decimals/);
    expect(await store.settlement.listPayments(contractId)).toHaveLength(2);
  });

  it('refuses the same reference, date and amount twice, but records a second instalment on another day', async () => {
    await expect(recordPayment(store, request('1234.50', '2027-05-20', { reference: 'NS-2027-0001' }))).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'payment PMT-0001 with reference NS-2027-0001, USD 1,234.50 received 2027-05-20, is already recorded',
    });
    expect((await recordPayment(store, request('1234.50', '2027-05-27', { reference: 'NS-2027-0001' }))).id).toBe('PMT-0003');
  });

  it('refuses a date that does not exist and a contract that is not stored', async () => {
    await expect(recordPayment(store, request('10.00', '2027-02-30'))).rejects.toMatchObject({ code: 'DATE_INVALID' });
    await expect(recordPayment(store, { ...request('10.00'), contractId: 'nobody' })).rejects.toMatchObject({ code: 'CONTRACT_NOT_FOUND' });
  });
});
