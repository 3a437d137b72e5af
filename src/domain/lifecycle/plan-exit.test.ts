import { describe, expect, it } from 'vitest';
import { parseContract } from '../contract/parse-contract.js';
import { isSupportPactError } from '../errors/index.js';
import { readExampleContract } from '../../../test/support/examples.js';
import { planExit } from './plan-exit.js';
import { contractWith } from './test-support/contracts.js';

const northstar = parseContract(readExampleContract('northstar-tiered'), 'northstar.yaml').contract;
const bayline = parseContract(readExampleContract('bayline-per-incident'), 'bayline.yaml').contract;

describe('planExit', () => {
  it("counts every Northstar exit duty from the effective date of the client's convenience notice", () => {
    const plan = planExit(northstar, { noticeOn: '2027-05-01', ground: 'convenience', by: 'client' }, '2027-05-02');
    expect(plan).toMatchObject({ effectiveOn: '2027-07-30', lastServiceOn: '2027-07-29', effectiveReading: 'notice on 2027-05-01 + 90d notice' });
    expect(plan.items.map((i) => [i.id, i.dueOn, i.status])).toEqual([
      ['transition-assistance', '2027-10-28', 'open'],
      ['data-return', '2027-08-29', 'open'],
      ['data-deletion', '2027-09-13', 'open'],
      ['deletion-certificate', '2027-09-13', 'open'],
      ['knowledge-transfer-session-1', '2027-08-14', 'open'],
      ['knowledge-transfer-session-2', '2027-08-29', 'open'],
      ['knowledge-transfer-session-3', '2027-09-13', 'open'],
      ['knowledge-transfer-session-4', '2027-09-28', 'open'],
      ['deliverable:runbooks', '2027-09-28', 'open'],
      ['deliverable:knowledge-base-export', '2027-09-28', 'open'],
      ['deliverable:open-ticket-handover', '2027-09-28', 'open'],
      ['deliverable:escalation-contacts', '2027-09-28', 'open'],
    ]);
    expect(plan.items[1]).toMatchObject({ label: "Return the client's data as csv, json, including tickets, knowledge-base, asset-inventory", formats: ['csv', 'json'], includes: ['tickets', 'knowledge-base', 'asset-inventory'], clause: 'term.exit.dataReturn' });
    expect(plan.items[4]!.reason).toBe('spread evenly over 60 days: 2027-07-30 + floor(1 × 60 / 4) = + 15 days');
    expect(plan.counts).toEqual({ open: 12, done: 0, overdue: 0 });
  });

  it('marks items done with their evidence, late when done after the due date, and overdue when not done in time', () => {
    const progress = [
      { item: 'data-return', doneOn: '2027-08-20', evidence: 'export receipt #88' },
      { item: 'knowledge-transfer-session-1', doneOn: '2027-08-16', evidence: 'session notes KT-1' },
      { item: 'deliverable:runbooks', doneOn: '2027-09-20', evidence: 'runbooks v3 in shared drive' },
    ];
    const plan = planExit(northstar, { noticeOn: '2027-05-01', ground: 'convenience', by: 'client' }, '2027-09-15', progress);
    const status = Object.fromEntries(plan.items.map((i) => [i.id, [i.status, i.doneOn, i.late]]));
    expect(status['data-return']).toEqual(['done', '2027-08-20', undefined]);
    expect(status['knowledge-transfer-session-1']).toEqual(['done', '2027-08-16', true]);
    expect(status['knowledge-transfer-session-2']![0]).toBe('overdue');
    expect(status['data-deletion']![0]).toBe('overdue');
    expect(status['knowledge-transfer-session-4']![0]).toBe('open');
    // A record dated after asOf does not count yet.
    expect(status['deliverable:runbooks']![0]).toBe('open');
    expect(plan.items.find((i) => i.id === 'data-return')!.evidence).toBe('export receipt #88');
    expect(plan.counts).toEqual({ open: 6, done: 2, overdue: 4 });
  });

  it('does not count work marked done before the notice was given, and says so on the item', () => {
    const progress = [{ item: 'data-return', doneOn: '2027-01-05', evidence: 'an earlier export' }];
    const plan = planExit(northstar, { noticeOn: '2028-11-10', ground: 'non-renewal' }, '2029-01-05', progress);
    const item = plan.items.find((i) => i.id === 'data-return')!;
    expect(item.status).toBe('open');
    expect(item.note).toContain('marked done on 2027-01-05, before this notice (2028-11-10): not counted');
    expect(plan.counts.done).toBe(0);
    const after = planExit(northstar, { noticeOn: '2028-11-10', ground: 'non-renewal' }, '2029-01-05', [...progress, { item: 'data-return', doneOn: '2028-12-01', evidence: 'export #2' }]);
    expect(after.items.find((i) => i.id === 'data-return')).toMatchObject({ status: 'done', doneOn: '2028-12-01', evidence: 'export #2' });
    expect(after.items.find((i) => i.id === 'data-return')!.note ?? '').not.toContain('not counted');
  });

  it('ends transition assistance when its period has run, rather than calling it overdue', () => {
    const plan = planExit(northstar, { noticeOn: '2027-05-01', ground: 'convenience', by: 'client' }, '2027-10-29');
    expect(plan.items[0]).toMatchObject({ id: 'transition-assistance', status: 'done', doneOn: '2027-10-28', evidence: 'the assistance period ended on 2027-10-28' });
  });

  it('takes the effective date from the ground: cure then notice for material breach, the stopped renewal for non-renewal', () => {
    expect(planExit(northstar, { noticeOn: '2027-05-01', ground: 'material-breach' }, '2027-05-01').effectiveOn).toBe('2027-06-30');
    const late = planExit(northstar, { noticeOn: '2028-11-03', ground: 'non-renewal' }, '2028-11-03');
    expect(late.effectiveOn).toBe('2030-01-01');
    expect(late.effectiveReading).toContain('stops the NEXT renewal instead');
    expect(planExit(northstar, { noticeOn: '2027-05-01', effectiveOn: '2027-06-01' }, '2027-05-01').effectiveReading).toBe('effective date as given');
  });

  it('notes a due date that falls on a weekend', () => {
    // Bayline, either party, 60d: notice 2027-05-01 is effective 2027-06-30; data return 15d later is Thursday 2027-07-15,
    // and the 2 sessions over 30 days fall on 2027-07-15 and Friday 2027-07-30.
    const plan = planExit(bayline, { noticeOn: '2027-05-01', ground: 'convenience' }, '2027-05-01');
    expect(plan.items.map((i) => [i.id, i.dueOn])).toEqual([
      ['transition-assistance', '2027-08-29'],
      ['data-return', '2027-07-15'],
      ['data-deletion', '2027-07-30'],
      ['deletion-certificate', '2027-07-30'],
      ['knowledge-transfer-session-1', '2027-07-15'],
      ['knowledge-transfer-session-2', '2027-07-30'],
      ['deliverable:runbooks', '2027-07-30'],
      ['deliverable:open-ticket-handover', '2027-07-30'],
    ]);
    expect(plan.items[0]!.note).toBe('2027-08-29 is a Sunday; the date stands as written (calendar days) and is not moved to a business day');
  });

  it('spreads sessions over the transition window when knowledge transfer has none, and has no due date without either', () => {
    const spread = contractWith('term:\n  start: 2027-01-01\n  initialTerm: 12mo\n  exit:\n    transitionAssistance: 10d\n    knowledgeTransfer: { sessions: 3 }\n');
    expect(planExit(spread, { noticeOn: '2027-03-01', effectiveOn: '2027-04-01' }, '2027-03-01').items.slice(1).map((i) => i.dueOn)).toEqual(['2027-04-04', '2027-04-07', '2027-04-11']);
    const none = contractWith('term:\n  start: 2027-01-01\n  initialTerm: 12mo\n  exit:\n    knowledgeTransfer: { sessions: 1, deliverables: [runbooks] }\n');
    const items = planExit(none, { noticeOn: '2027-03-01', effectiveOn: '2027-04-01' }, '2030-01-01').items;
    expect(items.map((i) => [i.id, i.dueOn, i.status])).toEqual([
      ['knowledge-transfer-session-1', undefined, 'open'],
      ['deliverable:runbooks', undefined, 'open'],
    ]);
  });

  it('refuses progress for an item the plan does not have, and a ground without a clause', () => {
    try {
      planExit(northstar, { noticeOn: '2027-05-01', ground: 'convenience', by: 'client' }, '2027-05-01', [{ item: 'data-retrun', doneOn: '2027-05-01', evidence: 'x' }]);
      expect.unreachable();
    } catch (error) {
      expect(isSupportPactError(error) && error.problems[0]).toMatchObject({ message: 'progress names unknown exit item "data-retrun"', path: ['progress', 0, 'item'] });
    }
    expect(() => planExit(bayline, { noticeOn: '2027-05-01', ground: 'non-payment' }, '2027-05-01')).toThrow('the contract has no termination for non-payment');
    expect(() => planExit(bayline, { noticeOn: '2027-05-01' }, '2027-05-01')).toThrow('cannot tell when the termination takes effect');
  });

  it('names the grounds the contract has a clause for, and asks who gave convenience notice when the parties\' notices differ', () => {
    const problem = (notice: Parameters<typeof planExit>[1]) => {
      try {
        planExit(northstar, notice, '2027-05-01');
      } catch (error) {
        return isSupportPactError(error) ? { code: error.code, ...error.problems[0] } : error;
      }
      return expect.unreachable();
    };
    expect(problem({ noticeOn: '2027-05-01' })).toMatchObject({
      code: 'USAGE',
      path: ['ground'],
      hint: 'give the agreed effective date, or one of the grounds this contract has a clause for: non-renewal, convenience, data-breach, sustained-performance-failure, material-breach, non-payment, insolvency, force-majeure',
    });
    // Northstar: the client gives 90 days' notice, the vendor 180; the date depends on who gave it.
    expect(problem({ noticeOn: '2027-05-01', ground: 'convenience' })).toMatchObject({
      code: 'USAGE',
      path: ['by'],
      message: "the contract's termination for convenience needs 90d notice by the client and 180d notice by the vendor: say which party gave notice",
    });
    expect(planExit(northstar, { noticeOn: '2027-05-01', ground: 'convenience', by: 'vendor' }, '2027-05-01').effectiveOn).toBe('2027-10-28');
  });
});
