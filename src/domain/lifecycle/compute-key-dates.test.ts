import { describe, expect, it } from 'vitest';
import { parseContract } from '../contract/parse-contract.js';
import { isSupportPactError } from '../errors/index.js';
import { readExampleContract } from '../../../test/support/examples.js';
import { computeKeyDates } from './compute-key-dates.js';
import type { KeyDate } from './key-date.js';
import { contractWith, contractWithTerm, isNorthstarBusinessDay } from './test-support/contracts.js';

const northstar = parseContract(readExampleContract('northstar-tiered'), 'northstar.yaml').contract;
const bayline = parseContract(readExampleContract('bayline-per-incident'), 'bayline.yaml').contract;

const ofKind = (dates: readonly KeyDate[], kind: KeyDate['kind']) => dates.filter((d) => d.kind === kind);
const onOf = (dates: readonly KeyDate[], kind: KeyDate['kind']) => ofKind(dates, kind).map((d) => d.on);

describe('computeKeyDates', () => {
  it("gives Northstar's last day to opt out of the first renewal: 2028-11-02", () => {
    const dates = computeKeyDates(northstar, { from: '2028-01-01', to: '2028-12-31', isBusinessDay: isNorthstarBusinessDay });
    expect(ofKind(dates, 'opt-out-deadline')).toEqual([
      {
        on: '2028-11-02',
        kind: 'opt-out-deadline',
        label: 'Last day to give notice stopping renewal 1 (from 2029-01-01)',
        reason: '(2028-12-31 + 1 day) - 60d',
        clause: 'term.renewal.optOutNotice',
        note: 'notice given after this day stops the following renewal instead, not this one',
      },
    ]);
    expect(ofKind(dates, 'term-end')[0]).toMatchObject({ on: '2028-12-31', clause: 'term.initialTerm', reason: '2027-01-01 + 24mo - 1 day' });
  });

  it('lists only dates from..to, both inclusive, sorted by date', () => {
    const dates = computeKeyDates(northstar, { from: '2027-02-01', to: '2027-02-05', isBusinessDay: isNorthstarBusinessDay });
    expect(dates.map((d) => [d.on, d.kind])).toEqual([
      ['2027-02-01', 'invoice-issue'],
      ['2027-02-05', 'vendor-report-due'],
    ]);
    const all = computeKeyDates(northstar, { from: '2027-01-01', to: '2029-12-31', isBusinessDay: isNorthstarBusinessDay });
    expect(all.map((d) => d.on)).toEqual([...all.map((d) => d.on)].sort());
  });

  it('rolls renewals forward several times, each with its own opt-out deadline', () => {
    const dates = computeKeyDates(northstar, { from: '2029-01-01', to: '2032-12-31', kinds: ['renewal-start', 'opt-out-deadline', 'term-end'] });
    expect(dates.map((d) => [d.on, d.kind])).toEqual([
      ['2029-01-01', 'renewal-start'],
      ['2029-11-02', 'opt-out-deadline'],
      ['2029-12-31', 'term-end'],
      ['2030-01-01', 'renewal-start'],
      ['2030-11-02', 'opt-out-deadline'],
      ['2030-12-31', 'term-end'],
      ['2031-01-01', 'renewal-start'],
      ['2031-11-02', 'opt-out-deadline'],
      ['2031-12-31', 'term-end'],
      ['2032-01-01', 'renewal-start'],
      ['2032-11-02', 'opt-out-deadline'],
      ['2032-12-31', 'term-end'],
    ]);
    expect(dates[0]!.note).toBe('happens only if no party opted out by 2028-11-02');
    expect(dates[5]!.reason).toBe('2027-01-01 + 24mo + 2 × 12mo - 1 day');
  });

  it('stops at maxRenewals and says why the last period does not renew', () => {
    const contract = contractWithTerm('2027-01-01', '12mo', '{ automatic: true, period: 12mo, optOutNotice: 60d, maxRenewals: 2 }');
    const dates = computeKeyDates(contract, { from: '2027-01-01', to: '2035-12-31' });
    expect(onOf(dates, 'renewal-start')).toEqual(['2028-01-01', '2029-01-01']);
    expect(onOf(dates, 'opt-out-deadline')).toEqual(['2027-11-02', '2028-11-02']);
    expect(ofKind(dates, 'term-end').at(-1)!.label).toContain('maxRenewals 2 reached');
  });

  it('reports a notice deadline on a Saturday as that calendar date, with a note saying so', () => {
    // (2027-12-31 + 1 day) - 91d is Saturday 2027-10-02; it is not moved to Friday or Monday.
    const contract = contractWithTerm('2027-01-01', '12mo', '{ automatic: true, period: 12mo, optOutNotice: 91d }');
    const [deadline] = computeKeyDates(contract, { from: '2027-01-01', to: '2027-12-31', kinds: ['opt-out-deadline'] });
    expect(deadline!.on).toBe('2027-10-02');
    expect(deadline!.note).toContain('2027-10-02 is a Saturday; the date stands as written (calendar days) and is not moved to a business day');
  });

  it('notes a term that ends on a Sunday, but not a term that starts on one', () => {
    const dates = computeKeyDates(contractWithTerm('2027-01-03', '24mo'), { from: '2027-01-01', to: '2029-12-31' });
    expect(dates.map((d) => [d.on, d.kind, d.note])).toEqual([
      ['2027-01-03', 'term-start', undefined],
      ['2029-01-02', 'term-end', undefined],
    ]);
    const northstarEnd = computeKeyDates(northstar, { from: '2028-12-31', to: '2028-12-31', kinds: ['term-end'] });
    expect(northstarEnd[0]!.note).toBe('2028-12-31 is a Sunday; the date stands as written (calendar days) and is not moved to a business day');
  });

  it('gives the last day of convenience notice that ends service at each period end, per party', () => {
    const dates = computeKeyDates(northstar, { from: '2027-01-01', to: '2029-12-31', kinds: ['convenience-notice-deadline'] });
    expect(dates.map((d) => [d.on, d.clause])).toEqual([
      ['2028-07-05', 'term.termination.forConvenience[1].notice'],
      ['2028-10-03', 'term.termination.forConvenience[0].notice'],
      ['2029-07-05', 'term.termination.forConvenience[1].notice'],
      ['2029-10-03', 'term.termination.forConvenience[0].notice'],
    ]);
    expect(dates[1]!.label).toBe('Last day for the client to give convenience notice (90 days) ending service with initial term (2028-12-31)');
  });

  it('issues invoices on the business calendar and counts the due date in calendar days', () => {
    const dates = computeKeyDates(northstar, { from: '2027-12-01', to: '2028-02-15', isBusinessDay: isNorthstarBusinessDay, kinds: ['invoice-issue', 'invoice-due'] });
    expect(dates.map((d) => [d.on, d.kind, d.label])).toEqual([
      ['2027-12-01', 'invoice-issue', 'Invoice for 2027-11 issued'],
      ['2027-12-01', 'invoice-due', 'Invoice for 2027-10 due'],
      ['2027-12-31', 'invoice-due', 'Invoice for 2027-11 due'],
      ['2028-01-03', 'invoice-issue', 'Invoice for 2027-12 issued'],
      ['2028-02-01', 'invoice-issue', 'Invoice for 2028-01 issued'],
      ['2028-02-02', 'invoice-due', 'Invoice for 2027-12 due'],
    ]);
    expect(dates.every((d) => !d.note?.includes('Monday to Friday was assumed'))).toBe(true);
  });

  it('says when Monday to Friday was assumed for lack of a business-day predicate', () => {
    const [issue] = computeKeyDates(northstar, { from: '2027-02-01', to: '2027-02-01', kinds: ['invoice-issue'] });
    expect(issue!.note).toContain('no business-day calendar was given, so Monday to Friday was assumed');
  });

  it('uses the dates of invoices already issued instead of the schedule', () => {
    const dates = computeKeyDates(northstar, { from: '2027-02-01', to: '2027-03-31', isBusinessDay: isNorthstarBusinessDay, invoices: [{ id: 'INV-1', serviceMonth: '2027-01', issuedOn: '2027-02-02' }], kinds: ['invoice-issue', 'invoice-due'] });
    expect(dates.map((d) => [d.on, d.label])).toEqual([
      ['2027-02-02', 'Invoice INV-1 issued for 2027-01'],
      ['2027-03-01', 'Invoice for 2027-02 issued'],
      ['2027-03-04', 'Invoice INV-1 for 2027-01 due'],
      ['2027-03-31', 'Invoice for 2027-02 due'],
    ]);
  });

  it('issues Bayline invoices on the last day of the month after, due 45 days later, with no renewal', () => {
    const dates = computeKeyDates(bayline, { from: '2027-03-01', to: '2028-06-30' });
    expect(onOf(dates, 'invoice-issue').slice(0, 2)).toEqual(['2027-04-30', '2027-05-31']);
    expect(onOf(dates, 'invoice-issue').at(-1)).toBe('2028-03-31');
    expect(onOf(dates, 'invoice-due').at(-1)).toBe('2028-05-15');
    expect(onOf(dates, 'term-end')).toEqual(['2028-02-29']);
    expect(ofKind(dates, 'term-end')[0]!.label).toBe('Initial term ends (last day of service) (no automatic renewal follows)');
    expect(onOf(dates, 'renewal-start')).toEqual([]);
    expect(onOf(dates, 'opt-out-deadline')).toEqual([]);
    expect(onOf(dates, 'data-access-review')).toEqual(['2027-09-01']);
  });

  it('gives vendor report due dates on the named calendar, or for the months asked', () => {
    const calendars: (string | undefined)[] = [];
    const isBusinessDay = (date: string, calendar?: string) => (calendars.push(calendar), isNorthstarBusinessDay(date));
    const dates = computeKeyDates(northstar, { from: '2027-06-01', to: '2027-08-31', isBusinessDay, kinds: ['vendor-report-due'] });
    expect(dates.map((d) => [d.on, d.label])).toEqual([
      ['2027-06-07', 'Vendor report for 2027-05 due'],
      ['2027-07-08', 'Vendor report for 2027-06 due'],
      ['2027-08-06', 'Vendor report for 2027-07 due'],
    ]);
    expect(new Set(calendars)).toContain('business');
    const asked = computeKeyDates(northstar, { from: '2027-01-01', to: '2030-12-31', isBusinessDay: isNorthstarBusinessDay, reportMonths: ['2027-06'], kinds: ['vendor-report-due'] });
    expect(asked.map((d) => d.on)).toEqual(['2027-07-08']);
  });

  it('opens an audit window every 12 months with the last day to give 15 business days of notice', () => {
    const dates = computeKeyDates(northstar, { from: '2027-01-01', to: '2027-12-31', isBusinessDay: isNorthstarBusinessDay, kinds: ['audit-window-opens', 'audit-notice-deadline', 'audit-window-closes'] });
    expect(dates.map((d) => [d.on, d.kind])).toEqual([
      ['2027-01-01', 'audit-window-opens'],
      ['2027-12-08', 'audit-notice-deadline'],
      ['2027-12-31', 'audit-window-closes'],
    ]);
  });

  it('counts data-access reviews from the start, so a start on the 31st keeps month ends', () => {
    const contract = contractWith('term:\n  start: 2027-01-31\n  initialTerm: 6mo\nscope:\n  dataAccess: { reviewEvery: 1mo }\n');
    expect(onOf(computeKeyDates(contract, { from: '2027-01-01', to: '2027-12-31' }), 'data-access-review')).toEqual(['2027-02-28', '2027-03-31', '2027-04-30', '2027-05-31', '2027-06-30']);
  });

  it('uses the certificates on file when given, and the contract expiries otherwise', () => {
    const fromContract = computeKeyDates(northstar, { from: '2027-01-01', to: '2027-12-31', kinds: ['insurance-certificate-expires'] });
    expect(fromContract.map((d) => [d.on, d.clause])).toEqual([
      ['2027-06-30', 'risk.insurance[0].certificateExpires'],
      ['2027-06-30', 'risk.insurance[1].certificateExpires'],
      ['2027-09-30', 'risk.insurance[2].certificateExpires'],
    ]);
    const onFile = computeKeyDates(northstar, { from: '2027-01-01', to: '2028-12-31', kinds: ['insurance-certificate-expires'], certificates: [{ type: 'Cyber-Liability', expiresOn: '2028-06-30', insurer: 'Acme Mutual' }] });
    expect(onFile).toEqual([{ on: '2028-06-30', kind: 'insurance-certificate-expires', label: 'Cyber-Liability insurance certificate (Acme Mutual) expires', reason: 'certificate 1 on file', clause: 'risk.insurance[0]' }]);
    // A certificate's id on file names it (as `insurance list` does), not its position.
    const named = computeKeyDates(northstar, { from: '2027-01-01', to: '2028-12-31', kinds: ['insurance-certificate-expires'], certificates: [{ id: 'CERT-2', type: 'Cyber-Liability', expiresOn: '2028-06-30' }] });
    expect(named.map((d) => d.reason)).toEqual(['certificate CERT-2 on file']);
  });

  it('leaves out the renewals a notice of non-renewal stops, and keeps the one it came too late for', () => {
    const dates = computeKeyDates(northstar, { from: '2028-01-01', to: '2031-12-31', optOutGivenOn: '2028-11-20', kinds: ['renewal-start', 'term-end', 'opt-out-deadline'] });
    expect(dates.map((d) => [d.on, d.kind])).toEqual([
      ['2028-11-02', 'opt-out-deadline'],
      ['2028-12-31', 'term-end'],
      ['2029-01-01', 'renewal-start'],
      ['2029-12-31', 'term-end'],
    ]);
    expect(dates.at(-1)!.label).toBe('Renewal 1 ends (last day of service) (no automatic renewal follows)');
  });

  it('without a term lists only the certificate expiries', () => {
    const contract = contractWith('risk:\n  insurance:\n    - { type: cyber-liability, minimum: "1000000.00", certificateExpires: 2027-06-30 }\n');
    expect(computeKeyDates(contract, { from: '2027-01-01', to: '2027-12-31' }).map((d) => d.kind)).toEqual(['insurance-certificate-expires']);
  });

  it('refuses a range that ends before it starts, and malformed dates, with the field named', () => {
    const attempt = (options: Parameters<typeof computeKeyDates>[1]) => {
      try {
        computeKeyDates(northstar, options);
      } catch (error) {
        return isSupportPactError(error) ? [error.code, error.problems.map((p) => p.path?.join('.'))] : error;
      }
      return 'no error';
    };
    expect(attempt({ from: '2028-01-01', to: '2027-01-01' })).toEqual(['USAGE', ['from']]);
    expect(attempt({ from: '2027-02-30', to: '2027-03-01', reportMonths: ['2027-13'] })).toEqual(['USAGE', ['from', 'reportMonths.0']]);
  });
});
