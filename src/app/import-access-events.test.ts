import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readAccessEvents } from '../adapters/importers/read-access-events.js';
import type { OpenedStore } from '../adapters/store/open-store.js';
import { at, clearRegisters, northstarId, openNorthstarStore } from '../../test/support/northstar-store.js';
import { accessFindings } from './access-findings.js';
import { importAccessEvents } from './import-access-events.js';

let store: OpenedStore;
beforeAll(async () => (store = await openNorthstarStore()));
beforeEach(async () => clearRegisters(store));
afterAll(async () => store.close());

const all = 'named-accounts;mfa;least-privilege;access-logging;us-only-processing';
const csv = [
  'at,account,safeguards,dataCategory,ticket,action',
  `2027-03-01T09:15:00-08:00,j.doe@northstar.example,"${all}",contact-details,T-1001,read`,
  `2027-03-09T16:40:00-08:00,d.kowalski@northstar.example,"${all}",payroll,T-1002,export`,
  '2027-03-12T10:21:00-08:00,helpdesk@northstar.example,access-logging;least-privilege;us-only-processing,device-inventory,T-1003,read',
  'not-a-time,j.doe@northstar.example,mfa,contact-details,T-1004,read',
  `2027-04-02T11:00:00-07:00,j.doe@northstar.example,"${all}",contact-details,T-1005,read`,
].join('\n');

async function* bytes(text: string): AsyncGenerator<Buffer> {
  yield Buffer.from(text, 'utf8');
}

const importCsv = (now: number) => importAccessEvents(store, { contractId: northstarId, items: readAccessEvents(bytes(csv), { fileName: 'access.csv' }), fileName: 'access.csv', now, actor: 'test', batchSize: 2 });

describe('importAccessEvents', () => {
  it('stores the good rows in batches, reports the bad row with its line, and a re-import stores nothing and writes no audit entry', async () => {
    const first = await importCsv(at('2027-04-05T09:00:00-07:00'));
    expect(first).toMatchObject({ rowsRead: 5, received: 4, newEvents: 4, duplicates: 0 });
    expect(first.skipped).toEqual([{ reason: 'not an ISO-8601 instant', field: 'at', count: 1, lines: [5], example: 'not-a-time' }]);
    const again = await importCsv(at('2027-04-06T09:00:00-07:00'));
    expect(again).toMatchObject({ received: 4, newEvents: 0, duplicates: 4 });
    expect(await store.accessEvents.countAccessEvents(northstarId)).toBe(4);
    const entries = (await store.audit.listAudit({ contractId: northstarId })).filter((e) => e.action === 'access.events-imported');
    expect(entries.map((e) => e.payload)).toEqual([{ received: 4, newEvents: 4, skippedRows: 1 }]);
  });

  it('refuses an unknown contract before reading the file', async () => {
    const run = importAccessEvents(store, { contractId: 'acme', items: readAccessEvents(bytes(csv), { fileName: 'access.csv' }), fileName: 'access.csv', now: 0, actor: 'test' });
    await expect(run).rejects.toMatchObject({ code: 'CONTRACT_NOT_FOUND' });
  });
});

describe('accessFindings', () => {
  it('flags the payroll export and the shared account without MFA, month by month', async () => {
    await importCsv(at('2027-04-05T09:00:00-07:00'));
    const march = await accessFindings(store, northstarId, { month: '2027-03' });
    expect(march.events).toBe(3);
    expect(march.evaluation.findings.map((f) => [f.kind, f.account, f.safeguard ?? f.dataCategory])).toEqual([
      ['prohibited-category', 'd.kowalski@northstar.example', 'payroll'],
      ['missing-safeguard', 'helpdesk@northstar.example', 'named-accounts'],
      ['missing-safeguard', 'helpdesk@northstar.example', 'mfa'],
    ]);
    const everything = await accessFindings(store, northstarId);
    expect(everything.evaluation.months.map((m) => [m.month, m.events, m.eventsWithFindings])).toEqual([
      ['2027-03', 3, 2],
      ['2027-04', 1, 0],
    ]);
  });
});
