import { describe, expect, it } from 'vitest';
import { parseContract } from '../contract/parse-contract.js';
import { isSupportPactError } from '../errors/index.js';
import { money } from '../money/index.js';
import { readExampleContract } from '../../../test/support/examples.js';
import type { CauseRight } from './cause-right.js';
import { evaluateTerminationRights } from './evaluate-termination-rights.js';
import { contractWith, epochOf } from './test-support/contracts.js';
import type { MonthlyServiceLevels, TerminationEvidence } from './termination-evidence.js';

const northstar = parseContract(readExampleContract('northstar-tiered'), 'northstar.yaml').contract;
const bayline = parseContract(readExampleContract('bayline-per-incident'), 'bayline.yaml').contract;
const usd = (minor: bigint) => money(minor, 'USD');

function ground(evidence: TerminationEvidence, asOf: string, name: CauseRight['ground'], contract = northstar): CauseRight {
  const right = evaluateTerminationRights(contract, evidence, asOf).forCause.find((r) => r.ground === name);
  if (!right) throw new Error(`no ${name} clause`);
  return right;
}

const missed = (month: string): MonthlyServiceLevels => ({ month, missed: ['p1-response', 'p2-resolution'], met: [], noData: [] });
const met = (month: string): MonthlyServiceLevels => ({ month, missed: [], met: ['p1-response'], noData: ['p2-resolution'] });

describe('evaluateTerminationRights', () => {
  it('opens sustained performance failure after 3 consecutive missed months, for the client, on 30 days notice', () => {
    const evidence = { monthlyServiceLevels: [met('2027-03'), missed('2027-04'), missed('2027-05'), missed('2027-06')] };
    const right = ground(evidence, '2027-07-15', 'sustained-performance-failure');
    expect(right).toMatchObject({
      status: 'open',
      openSince: '2027-07-01',
      reason: 'service levels missed in 3 consecutive months (2027-04 to 2027-06)',
      clause: 'term.termination.forCause[1]',
      by: 'client',
      mayTerminate: ['client'],
      earliestEffectiveOn: '2027-08-14',
      lastServiceOn: '2027-08-13',
      effectiveReading: 'notice on 2027-07-15 + 30d notice',
    });
    expect(right.evidence[0]).toMatchObject({ kind: 'missed-months', months: [{ month: '2027-04', missed: ['p1-response', 'p2-resolution'] }, { month: '2027-05' }, { month: '2027-06' }] });
    expect(right.note).toBe('2027-08-14 is a Saturday; the date stands as written (calendar days) and is not moved to a business day');
  });

  it('opens it on a k-of-n window too, and keeps it shut on 2 misses for Northstar', () => {
    const window = { monthlyServiceLevels: ['2027-01', '2027-02', '2027-04', '2027-05'].map(missed) };
    expect(ground(window, '2027-06-10', 'sustained-performance-failure')).toMatchObject({ status: 'open', openSince: '2027-06-01' });
    expect(ground({ monthlyServiceLevels: ['2027-01', '2027-02'].map(missed) }, '2027-06-10', 'sustained-performance-failure').status).toBe('not-open');
    // Bayline needs only 2 consecutive months.
    expect(ground({ monthlyServiceLevels: ['2027-04', '2027-05'].map(missed) }, '2027-06-10', 'sustained-performance-failure', bayline)).toMatchObject({ status: 'open', openSince: '2027-06-01' });
  });

  describe('non-payment', () => {
    const invoice = { id: 'INV-3', dueOn: '2027-03-31', amount: usd(1250000n) };

    it('is not open while the 15-day cure runs, and opens the day after it ends', () => {
      const within = ground({ unpaidInvoices: [invoice] }, '2027-04-15', 'non-payment');
      expect(within.status).toBe('not-open');
      expect(within.evidence).toEqual([{ kind: 'unpaid-invoice', id: 'INV-3', dueOn: '2027-03-31', amount: usd(1250000n), cureEndsOn: '2027-04-15', status: 'within-cure' }]);
      const open = ground({ unpaidInvoices: [invoice] }, '2027-04-16', 'non-payment');
      expect(open).toMatchObject({ status: 'open', openSince: '2027-04-16', mayTerminate: ['vendor'], earliestEffectiveOn: '2027-05-16', reason: 'INV-3 unpaid after the due date + 15 days cure' });
      expect(open.effectiveReading).toBe('notice on 2027-04-16 + 30d notice (the 15d cure ran from the due date)');
    });

    it('is cured by payment on the last day of the cure, and a late payment ends the right', () => {
      expect(ground({ unpaidInvoices: [{ ...invoice, paidOn: '2027-04-15' }] }, '2027-05-01', 'non-payment').evidence[0]).toMatchObject({ status: 'paid-in-time' });
      const late = ground({ unpaidInvoices: [{ ...invoice, paidOn: '2027-04-20' }] }, '2027-05-01', 'non-payment');
      expect(late).toMatchObject({ status: 'not-open', reason: 'no invoice is unpaid past its cure period; 1 paid late, which ended the right' });
    });

    it('treats a payment after asOf as not yet made, and an invoice not yet due as not due', () => {
      expect(ground({ unpaidInvoices: [{ ...invoice, paidOn: '2027-05-20' }] }, '2027-05-01', 'non-payment').status).toBe('open');
      expect(ground({ unpaidInvoices: [invoice] }, '2027-03-31', 'non-payment').evidence[0]).toMatchObject({ status: 'not-due' });
    });

    it('adds unpaidDays from the trigger before the cure', () => {
      const contract = contractWith('term:\n  start: 2027-01-01\n  initialTerm: 12mo\n  termination:\n    forCause:\n      - { ground: non-payment, by: vendor, notice: 10d, cure: 10d, trigger: { unpaidDays: 20 } }\n');
      expect(ground({ unpaidInvoices: [invoice] }, '2027-04-30', 'non-payment', contract).status).toBe('not-open');
      expect(ground({ unpaidInvoices: [invoice] }, '2027-05-01', 'non-payment', contract)).toMatchObject({ status: 'open', openSince: '2027-05-01' });
    });
  });

  it('opens data breach on the local discovery date of an incident with client data, effective the same day', () => {
    // 05:30Z on 6 March is 21:30 on 5 March in Los Angeles.
    const evidence = {
      breachIncidents: [
        { id: 'BR-1', discoveredAt: epochOf('2027-03-06T05:30:00Z'), clientDataInvolved: true },
        { id: 'BR-2', discoveredAt: epochOf('2027-02-01T10:00:00-08:00'), clientDataInvolved: false },
        { id: 'BR-3', discoveredAt: epochOf('2027-04-01T10:00:00-07:00'), clientDataInvolved: true },
      ],
    };
    const right = ground(evidence, '2027-03-10', 'data-breach');
    expect(right).toMatchObject({ status: 'open', openSince: '2027-03-05', mayTerminate: ['client'], earliestEffectiveOn: '2027-03-10', lastServiceOn: '2027-03-09' });
    expect(right.evidence.map((e) => (e.kind === 'breach-incident' ? e.id : e.kind))).toEqual(['BR-1']);
    expect(ground({ breachIncidents: [evidence.breachIncidents[1]!] }, '2027-03-10', 'data-breach').status).toBe('not-open');
  });

  it('runs the material-breach cure before the notice, and names the other party as the one who may terminate', () => {
    const events = [{ kind: 'material-breach' as const, startedOn: '2027-04-20', description: 'Vendor stopped patching', party: 'vendor' as const }];
    expect(ground({ events }, '2027-05-01', 'material-breach')).toMatchObject({
      status: 'open',
      openSince: '2027-04-20',
      mayTerminate: ['client'],
      cureEndsOn: '2027-05-31',
      earliestEffectiveOn: '2027-06-30',
    });
    const cured = ground({ events: [{ ...events[0]!, endedOn: '2027-04-28' }] }, '2027-05-01', 'material-breach');
    expect(cured).toMatchObject({ status: 'not-open', reason: 'the material breach recorded ended by asOf' });
  });

  it('opens force majeure only once it has lasted longer than 60 days, and only while it lasts', () => {
    const events = [{ kind: 'force-majeure' as const, startedOn: '2027-03-01', description: 'Regional grid failure' }];
    expect(ground({ events }, '2027-04-29', 'force-majeure')).toMatchObject({ status: 'not-open', reason: 'force majeure has not yet lasted longer than 60 days' });
    expect(ground({ events }, '2027-04-30', 'force-majeure')).toMatchObject({ status: 'open', openSince: '2027-04-30', mayTerminate: ['client', 'vendor'], earliestEffectiveOn: '2027-05-30' });
    expect(ground({ events: [{ ...events[0]!, endedOn: '2027-04-10' }] }, '2027-05-10', 'force-majeure').status).toBe('not-open');
  });

  it('opens insolvency for the other party when the event names the insolvent one', () => {
    const right = ground({ events: [{ kind: 'insolvency', startedOn: '2027-08-01', description: 'Chapter 11 filing', party: 'vendor' }] }, '2027-08-02', 'insolvency');
    expect(right).toMatchObject({ status: 'open', mayTerminate: ['client'], earliestEffectiveOn: '2027-08-02' });
  });

  it('marks grounds it cannot test as not-evaluated', () => {
    const contract = contractWith(
      'term:\n  start: 2027-01-01\n  initialTerm: 12mo\n  termination:\n    forCause:\n      - { ground: change-of-control, by: client, notice: 30d }\n      - { ground: sustained-performance-failure, by: client, notice: 30d }\n',
    );
    const rights = evaluateTerminationRights(contract, {}, '2027-06-01').forCause;
    expect(rights.map((r) => [r.ground, r.status])).toEqual([
      ['change-of-control', 'not-evaluated'],
      ['sustained-performance-failure', 'not-evaluated'],
    ]);
  });

  it('gives each convenience right its effective date and fee, from the trailing monthly fees', () => {
    const trailingMonthlyFees = [usd(900000n), usd(950000n), usd(1000000n)];
    const { forConvenience, period } = evaluateTerminationRights(northstar, { trailingMonthlyFees }, '2027-07-15');
    expect(period?.index).toBe(0);
    expect(forConvenience).toEqual([
      {
        clause: 'term.termination.forConvenience[0]',
        by: 'client',
        mayTerminate: ['client'],
        notice: expect.objectContaining({ text: '90d' }),
        noticeGivenOn: '2027-07-15',
        effectiveOn: '2027-10-13',
        lastServiceOn: '2027-10-12',
        fee: { amount: usd(950000n), basis: '1 × average monthly fee USD 9,500.00 over the last 3 months' },
      },
      {
        clause: 'term.termination.forConvenience[1]',
        by: 'vendor',
        mayTerminate: ['vendor'],
        notice: expect.objectContaining({ text: '180d' }),
        noticeGivenOn: '2027-07-15',
        effectiveOn: '2028-01-11',
        lastServiceOn: '2028-01-10',
      },
    ]);
    expect(evaluateTerminationRights(northstar, {}, '2027-07-15').forConvenience[0]!.fee).toEqual({ basis: '1 month of fees; pass trailingMonthlyFees to compute the amount' });
  });

  it('says when convenience notice would run past the end of a term that does not renew', () => {
    const [right] = evaluateTerminationRights(bayline, {}, '2028-01-15').forConvenience;
    expect(right).toMatchObject({ by: 'either', mayTerminate: ['client', 'vendor'], effectiveOn: '2028-03-15' });
    expect(right!.note).toBe('the current period ends on 2028-02-29, before this date and no renewal follows');
  });

  it('refuses malformed evidence, naming each bad field', () => {
    try {
      evaluateTerminationRights(northstar, { unpaidInvoices: [{ id: 'X', dueOn: '2027-02-30', amount: usd(1n) }], events: [{ kind: 'insolvency', startedOn: 'soon', description: '' }] }, '2027-05-01');
      expect.unreachable();
    } catch (error) {
      expect(isSupportPactError(error) && [error.code, error.problems.map((p) => p.path?.join('.'))]).toEqual(['IMPORT_INVALID', ['unpaidInvoices.0.dueOn', 'events.0.startedOn']]);
    }
  });
});
