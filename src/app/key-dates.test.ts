import { describe, expect, it } from 'vitest';
import { readExampleContract } from '../../test/support/examples.js';
import { at } from '../../test/support/northstar-store.js';
import { parseContract } from '../domain/contract/parse-contract.js';
import { computeKeyDates } from '../domain/lifecycle/index.js';
import { isNorthstarBusinessDay } from '../domain/lifecycle/test-support/contracts.js';
import type { BreachIncident } from '../domain/risk/index.js';
import { keyDates } from './key-dates.js';

const northstar = parseContract(readExampleContract('northstar-tiered'), 'northstar.contract.yaml').contract;
const now = at('2027-03-10T12:00:00-08:00');

describe('keyDates', () => {
  it("lists the opt-out deadline 2028-11-02 with its clause and reason, on the contract's own calendars", () => {
    const result = keyDates({ contract: northstar, from: '2028-10-01', to: '2028-12-31', now });
    expect(result.dates.find((d) => d.kind === 'opt-out-deadline')).toMatchObject({ on: '2028-11-02', clause: 'term.renewal.optOutNotice', reason: '(2028-12-31 + 1 day) - 60d' });
    expect(result.notes[0]).toMatch(/clauses naming none use the business calendar/);
  });

  it('gives the same dates as the domain with the hand-made business-day list, over 2027', () => {
    const ours = keyDates({ contract: northstar, from: '2027-01-01', to: '2027-12-31', now }).dates;
    const domain = computeKeyDates(northstar, { from: '2027-01-01', to: '2027-12-31', isBusinessDay: isNorthstarBusinessDay });
    expect(ours).toEqual(domain);
    // 15 business days of audit notice before 2027-12-31, skipping Thanksgiving and the two closures.
    expect(ours.find((d) => d.kind === 'audit-notice-deadline')?.on).toBe('2027-12-08');
  });

  it('takes insurance expiries from the certificates on file when there are any, and says which', () => {
    const fromContract = keyDates({ contract: northstar, from: '2027-06-01', to: '2027-12-31', now, certificates: [] });
    expect(fromContract.dates.filter((d) => d.kind === 'insurance-certificate-expires').map((d) => d.on)).toEqual(['2027-06-30', '2027-06-30', '2027-09-30']);
    expect(fromContract.notes[1]).toMatch(/written in the contract/);
    const onFile = keyDates({ contract: northstar, from: '2027-06-01', to: '2027-12-31', now, certificates: [{ type: 'cyber-liability', expiresOn: '2027-08-02', insurer: 'Beacon Mutual' }] });
    expect(onFile.dates.filter((d) => d.kind === 'insurance-certificate-expires')).toEqual([expect.objectContaining({ on: '2027-08-02', label: 'cyber-liability insurance certificate (Beacon Mutual) expires', clause: 'risk.insurance[0]' })]);
    expect(onFile.notes[1]).toBe('insurance expiries are those of the 1 certificate on file');
  });

  it("adds a recorded breach's notice deadlines as instants, with their status at now", () => {
    const incident: BreachIncident = { id: 'BR-1', discoveredAt: at('2027-03-05T22:00:00-08:00'), clientDataInvolved: true, recordsAffected: 1180, californiaResidentsAffected: 640, dataCategories: ['contact-details'], vendorNotifiedClientAt: at('2027-03-06T20:00:00-08:00') };
    const result = keyDates({ contract: northstar, from: '2027-03-01', to: '2027-04-30', now, breachIncidents: [incident] });
    expect(result.deadlines.map((d) => [d.key, d.at, d.on, d.status])).toEqual([
      ['BR-1/vendor-to-client', at('2027-03-06T22:00:00-08:00'), '2027-03-06', 'met'],
      // 30 days from 2027-03-06, due by the end of the day in Los Angeles (PDT by then).
      ['BR-1/individuals', at('2027-04-05T23:59:59-07:00'), '2027-04-05', 'pending'],
    ]);
  });

  it('shows the dates of an invoice actually issued instead of the schedule', () => {
    const result = keyDates({ contract: northstar, from: '2027-02-01', to: '2027-03-31', now, invoices: [{ id: 'NS-2027-0001', serviceMonth: '2027-01', issuedOn: '2027-02-02' }] });
    expect(result.dates.filter((d) => d.kind === 'invoice-issue' || d.kind === 'invoice-due').map((d) => [d.on, d.label])).toEqual([
      ['2027-02-02', 'Invoice NS-2027-0001 issued for 2027-01'],
      ['2027-03-01', 'Invoice for 2027-02 issued'],
      ['2027-03-04', 'Invoice NS-2027-0001 for 2027-01 due'],
      ['2027-03-31', 'Invoice for 2027-02 due'],
    ]);
  });
});
