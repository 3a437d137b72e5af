import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OpenedStore } from '../adapters/store/open-store.js';
import { at, clearRegisters, northstarId, openNorthstarStore } from '../../test/support/northstar-store.js';
import type { TicketEvent } from '../domain/tickets/index.js';
import { formatMoney } from '../domain/money/index.js';
import { issueInvoiceForMonth } from './issue-invoice-for-month.js';
import { recordBreachIncident } from './record-breach-incident.js';
import { recordContractEvent } from './record-contract-event.js';
import { terminationRights } from './termination-rights.js';

let store: OpenedStore;

/** One P1 ticket a month, first replied to after 30 minutes (target 15m): p1-response is missed that month. */
async function storeLateP1Replies(months: readonly string[]): Promise<void> {
  for (const month of months) {
    const createdAt = at(`${month}-10T10:00:00-07:00`);
    const ticket = `P1-${month}`;
    const events: TicketEvent[] = [
      { ticket, id: `${ticket}/1`, at: createdAt, kind: 'created', priority: 'urgent', channel: 'phone', category: 'troubleshooting', technology: 'Windows 11' },
      { ticket, id: `${ticket}/2`, at: createdAt + 1800, kind: 'agent_replied' },
      { ticket, id: `${ticket}/3`, at: createdAt + 7200, kind: 'solved' },
    ];
    await store.tickets.writeTickets(northstarId, [{ ticket, createdAt, rawPriority: 'urgent', channel: 'phone', category: 'troubleshooting', technology: 'Windows 11' }], events);
  }
}

beforeAll(async () => {
  store = await openNorthstarStore();
  await storeLateP1Replies(['2027-04', '2027-05', '2027-06']);
});
beforeEach(async () => clearRegisters(store));
afterAll(async () => store.close());

describe('terminationRights', () => {
  it('opens sustained performance failure from three missed months in a row, with notice effective 30 days later', async () => {
    const report = await terminationRights(store, { contractId: northstarId, asOf: '2027-07-15' });
    expect(report.monthlyServiceLevels.map((m) => [m.month, m.missed])).toEqual([
      ['2027-01', []],
      ['2027-02', []],
      ['2027-03', []],
      ['2027-04', ['p1-response']],
      ['2027-05', ['p1-response']],
      ['2027-06', ['p1-response']],
    ]);
    const performance = report.rights.forCause.find((r) => r.ground === 'sustained-performance-failure');
    expect(performance).toMatchObject({ status: 'open', openSince: '2027-07-01', mayTerminate: ['client'], earliestEffectiveOn: '2027-08-14' });
    expect(report.rights.forCause.find((r) => r.ground === 'data-breach')?.status).toBe('not-open');
  });

  it('says the non-payment ground is not evaluated and estimates fees while no invoice is issued', async () => {
    const report = await terminationRights(store, { contractId: northstarId, asOf: '2027-07-15' });
    expect(report.rights.forCause.find((r) => r.ground === 'non-payment')).toMatchObject({ status: 'not-evaluated', reason: expect.stringMatching(/invoice evidence is not recorded yet/) });
    expect(report.notes).toContainEqual(expect.stringMatching(/invoice evidence is not recorded yet/));
    // 12 months × the USD 9,000.00 minimum commitment (above the USD 4,000.00 base fee).
    expect(report.liability).toMatchObject({ estimated: true, feeBasis: expect.stringMatching(/^ESTIMATE/) });
    expect(formatMoney(report.liability.cap.amount!)).toBe('USD 108,000.00');
    expect(formatMoney(report.convenienceFeeEstimates[0]!.amount)).toBe('USD 9,000.00');
    expect(report.rights.forConvenience[0]).toMatchObject({ by: 'client', effectiveOn: '2027-10-13' });
  });

  it('opens data breach from the register and material breach from a recorded event, from the day each began', async () => {
    await recordBreachIncident(store, { contractId: northstarId, facts: { discoveredAt: at('2027-06-19T16:40:00-07:00'), clientDataInvolved: true, recordsAffected: 10, californiaResidentsAffected: 2, dataCategories: ['contact-details'] }, now: at('2027-06-20T09:00:00-07:00'), actor: 'test' });
    await recordContractEvent(store, { contractId: northstarId, kind: 'material-breach', startedOn: '2027-06-21', party: 'vendor', description: 'Exports kept in a personal mailbox', now: at('2027-06-22T09:00:00-07:00'), actor: 'test' });
    const report = await terminationRights(store, { contractId: northstarId, asOf: '2027-07-15' });
    expect(report.rights.forCause.find((r) => r.ground === 'data-breach')).toMatchObject({ status: 'open', openSince: '2027-06-19', earliestEffectiveOn: '2027-07-15' });
    // Either party may terminate for material breach; the breach is the vendor's, so the client may. Cure 30d + notice 30d.
    expect(report.rights.forCause.find((r) => r.ground === 'material-breach')).toMatchObject({ status: 'open', openSince: '2027-06-21', mayTerminate: ['client'], cureEndsOn: '2027-08-14', earliestEffectiveOn: '2027-09-13' });
    expect([report.breachIncidents, report.events]).toEqual([1, 1]);
  });

  // Last: an issued invoice can never be removed from the shared store.
  it('reads unpaid invoices and trailing fees from the settlement records once an invoice is issued', async () => {
    await issueInvoiceForMonth(store, { contractId: northstarId, month: '2027-04', now: at('2027-05-03T09:00:00-07:00'), actor: 'test' });
    const report = await terminationRights(store, { contractId: northstarId, asOf: '2027-07-15' });
    expect(report.invoices).toBe(1);
    // Issued 2027-05-03, due 2027-06-02, 15 days' cure to 2027-06-17: unpaid, so open from 2027-06-18; the vendor may terminate.
    expect(report.rights.forCause.find((r) => r.ground === 'non-payment')).toMatchObject({ status: 'open', openSince: '2027-06-18', mayTerminate: ['vendor'] });
    expect(report.liability.estimated).toBe(false);
    expect(report.liability.feeBasis).toBe('fees invoiced over the last 1 month');
    expect(report.notes).not.toContainEqual(expect.stringMatching(/invoice evidence/));
  });
});
