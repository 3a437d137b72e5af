import { describe, expect, it } from 'vitest';
import { evaluateAccessEvents, evaluateBreachIncident, evaluateInsurance } from '../../domain/risk/index.js';
import { loadExample } from '../../domain/sla/test-support/ticket-builder.js';
import { formatInZone, localDateOf } from '../../domain/time/zone.js';
import { generateDemoData } from './generate-demo-data.js';

const contract = loadExample('northstar-tiered');
const data = generateDemoData({ seed: 42, contract });
const zone = contract.timezone;

describe('planRiskInputs', () => {
  it('records one breach of client data, told to the client 30h after discovery (late against 24h), with the Attorney General notice required', () => {
    const [incident] = data.risk.breachIncidents;
    expect(data.risk.breachIncidents).toHaveLength(1);
    expect(incident).toMatchObject({ clientDataInvolved: true, recordsAffected: 1180, californiaResidentsAffected: 640, dataCategories: ['contact-details', 'account-metadata'] });
    expect(formatInZone(incident!.discoveredAt, zone)).toBe('2027-05-19T16:40:00-07:00');
    const result = evaluateBreachIncident(contract, incident!, data.demoNow);
    const deadline = (kind: string) => result.deadlines.find((d) => d.kind === kind)!;
    expect(deadline('vendor-to-client')).toMatchObject({ status: 'late' });
    // 640 California residents is over 500: the Attorney General gets a copy of the notice.
    expect(deadline('attorney-general').required).toBe(true);
    // Individuals: 30 days from 2027-05-20, the day the client learned of it; still pending on 2027-06-03.
    expect(deadline('individuals')).toMatchObject({ status: 'pending', dueOn: '2027-06-19' });
  });

  it('files one certificate per required insurance: cyber expiring within 30 days, errors and omissions below its minimum', () => {
    const certificates = data.risk.insuranceCertificates;
    expect(certificates.map((c) => [c.type, c.amount, c.expiresOn])).toEqual([
      ['cyber-liability', '5000000.00', '2027-06-30'],
      ['errors-and-omissions', '1500000.00', '2028-06-30'],
      ['general-liability', '2000000.00', '2027-09-30'],
    ]);
    const findings = evaluateInsurance(contract, certificates, localDateOf(data.demoNow, zone));
    expect(findings.filter((f) => f.kind !== 'expires-before-term-end').map((f) => [f.kind, f.type])).toEqual([
      ['expiring-soon', 'cyber-liability'],
      ['below-minimum', 'errors-and-omissions'],
    ]);
  });

  it('logs about 200 data accesses before now, each tied to an earlier ticket, with a few findings: payroll reads, a shared account without MFA, one access outside the US', () => {
    const events = data.risk.accessEvents;
    expect(events.length).toBeGreaterThanOrEqual(190);
    expect(events.length).toBeLessThanOrEqual(210);
    const tickets = new Map(data.tickets.map((t) => [t.header.ticket, t.header.createdAt]));
    expect(events.filter((e) => e.at > data.demoNow || e.ticket === undefined || !(tickets.get(e.ticket)! < e.at))).toEqual([]);
    const evaluation = evaluateAccessEvents(contract, events);
    const kinds = evaluation.findings.map((f) => `${f.kind}${f.safeguard ? `:${f.safeguard}` : ''}:${f.account.split('@')[0]}`);
    expect(kinds.filter((k) => k.startsWith('prohibited-category'))).toEqual(['prohibited-category:d.kowalski', 'prohibited-category:d.kowalski']);
    expect(kinds.filter((k) => k === 'missing-safeguard:mfa:helpdesk')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'missing-safeguard:named-accounts:helpdesk')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'missing-safeguard:us-only-processing:g.mendes')).toHaveLength(1);
    expect(evaluation.months.map((m) => [m.month, m.eventsWithFindings])).toEqual([
      ['2027-03', 2],
      ['2027-04', 2],
      ['2027-05', 2],
    ]);
  });
});
