import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OpenedStore } from '../adapters/store/open-store.js';
import { clearRegisters, northstarId, openNorthstarStore, storedAt } from '../../test/support/northstar-store.js';
import { planExitForContract } from './plan-exit-for-contract.js';
import { recordExitProgress } from './record-exit-progress.js';

let store: OpenedStore;
beforeAll(async () => (store = await openNorthstarStore()));
beforeEach(async () => clearRegisters(store));
afterAll(async () => store.close());

const done = (item: string, doneOn: string, evidence: string) => recordExitProgress(store, { contractId: northstarId, item, doneOn, evidence, now: storedAt, actor: 'test' });
const plan = (asOf: string) => planExitForContract(store, { contractId: northstarId, noticeOn: '2027-05-01', ground: 'convenience', by: 'client', asOf });

describe('planExitForContract', () => {
  it('dates each exit duty from the effective date and settles it with the progress recorded', async () => {
    await done('data-return', '2027-08-20', 'export receipt #88');
    await done('knowledge-transfer-session-1', '2027-08-16', 'minutes KT-1');
    const exit = await plan('2027-09-15');
    expect([exit.effectiveOn, exit.lastServiceOn]).toEqual(['2027-07-30', '2027-07-29']);
    const status = Object.fromEntries(exit.items.map((i) => [i.id, [i.status, i.dueOn, i.late ?? false]]));
    expect(status).toMatchObject({
      'transition-assistance': ['open', '2027-10-28', false],
      'data-return': ['done', '2027-08-29', false],
      'knowledge-transfer-session-1': ['done', '2027-08-14', true],
      'knowledge-transfer-session-2': ['overdue', '2027-08-29', false],
      'data-deletion': ['overdue', '2027-09-13', false],
      'deletion-certificate': ['overdue', '2027-09-13', false],
      'deliverable:runbooks': ['open', '2027-09-28', false],
    });
    expect(exit.items.find((i) => i.id === 'data-return')?.evidence).toBe('export receipt #88');
    expect(exit.counts).toEqual({ open: 6, done: 2, overdue: 4 });
  });

  it('takes an agreed effective date over the computed one', async () => {
    const exit = await planExitForContract(store, { contractId: northstarId, noticeOn: '2027-05-01', effectiveOn: '2027-06-01', asOf: '2027-06-01' });
    expect(exit.items.find((i) => i.id === 'data-return')?.dueOn).toBe('2027-07-01');
  });
});

describe('recordExitProgress', () => {
  it('refuses an item the contract does not have, listing the ones it has', async () => {
    await expect(done('data-retrun', '2027-08-20', 'x')).rejects.toMatchObject({ code: 'USAGE', problems: [expect.objectContaining({ expected: expect.stringContaining('data-return') })] });
  });

  it('audits a new record and new evidence, and nothing for the same record again', async () => {
    expect((await done('data-return', '2027-08-20', 'export receipt #88')).outcome).toBe('created');
    expect((await done('data-return', '2027-08-20', 'export receipt #88')).outcome).toBe('unchanged');
    expect((await done('data-return', '2027-08-20', 'export receipt #88, signed')).outcome).toBe('updated');
    const actions = (await store.audit.listAudit({ contractId: northstarId })).map((e) => e.action);
    expect(actions).toEqual(['exit.progress-recorded', 'exit.progress-updated']);
  });
});
