import { describe, expect, it } from 'vitest';
import { parseContract } from '../contract/parse-contract.js';
import { isSupportPactError } from '../errors/index.js';
import { readExampleContract } from '../../../test/support/examples.js';
import { epochOf } from '../lifecycle/test-support/contracts.js';
import type { BreachIncident } from './breach-incident.js';
import { evaluateBreachIncident, type BreachDeadline, type BreachDeadlineKind } from './evaluate-breach-incident.js';

const northstar = parseContract(readExampleContract('northstar-tiered'), 'northstar.yaml').contract;
const bayline = parseContract(readExampleContract('bayline-per-incident'), 'bayline.yaml').contract;
const draft = parseContract(readExampleContract('draft-with-gaps'), 'draft.yaml').contract;

const incident: BreachIncident = {
  id: 'BR-1',
  discoveredAt: epochOf('2027-03-05T22:00:00-08:00'),
  clientDataInvolved: true,
  recordsAffected: 1200,
  californiaResidentsAffected: 320,
  dataCategories: ['contact-details'],
};

function deadline(result: ReturnType<typeof evaluateBreachIncident>, kind: BreachDeadlineKind): BreachDeadline {
  return result.deadlines.find((d) => d.kind === kind)!;
}

describe('evaluateBreachIncident', () => {
  it('gives the vendor 24 hours of elapsed time from discovery, met at the last second and late one second after', () => {
    const dueAt = epochOf('2027-03-06T22:00:00-08:00');
    const onTime = evaluateBreachIncident(northstar, { ...incident, vendorNotifiedClientAt: dueAt }, dueAt + 3600);
    expect(deadline(onTime, 'vendor-to-client')).toMatchObject({ required: true, dueAt, dueOn: '2027-03-06', doneAt: dueAt, status: 'met', clause: 'risk.breachNotification.vendorToClient' });
    expect(deadline(evaluateBreachIncident(northstar, { ...incident, vendorNotifiedClientAt: dueAt + 1 }, dueAt + 3600), 'vendor-to-client').status).toBe('late');
    expect(deadline(evaluateBreachIncident(northstar, incident, dueAt), 'vendor-to-client').status).toBe('pending');
    expect(deadline(evaluateBreachIncident(northstar, incident, dueAt + 1), 'vendor-to-client').status).toBe('overdue');
  });

  it('counts the 24 hours as real time across a weekend and the spring-forward night, not business time', () => {
    // Saturday 2027-03-13 12:00 PST + 86,400 s is Sunday 2027-03-14 13:00 PDT (the clock skipped 02:00-03:00).
    const result = evaluateBreachIncident(northstar, { ...incident, discoveredAt: epochOf('2027-03-13T12:00:00-08:00') }, epochOf('2027-03-13T13:00:00-08:00'));
    expect(deadline(result, 'vendor-to-client').dueAt).toBe(epochOf('2027-03-14T13:00:00-07:00'));
    expect(deadline(result, 'vendor-to-client').rule).toBe('discovered 2027-03-13T12:00:00-08:00 + 24h elapsed (not business time)');
    // Bayline allows 48 hours.
    expect(deadline(evaluateBreachIncident(bayline, incident, incident.discoveredAt), 'vendor-to-client').dueAt).toBe(incident.discoveredAt + 48 * 3600);
  });

  it('gives individuals 30 calendar days from the day the client learned of it, the vendor notice, to the end of that day', () => {
    const notified = { ...incident, vendorNotifiedClientAt: epochOf('2027-03-06T20:00:00-08:00') };
    const result = evaluateBreachIncident(northstar, notified, epochOf('2027-04-05T12:00:00-07:00'));
    expect(deadline(result, 'individuals')).toMatchObject({ required: true, dueOn: '2027-04-05', dueAt: epochOf('2027-04-05T23:59:59-07:00'), status: 'pending', clause: 'risk.breachNotification.individuals.within' });
    expect(deadline(result, 'individuals').rule).toBe("30 calendar days from the day the client learned of the breach (the vendor's notice, 2027-03-06)");
    const overdue = evaluateBreachIncident(northstar, notified, epochOf('2027-04-06T00:00:00-07:00'));
    expect(deadline(overdue, 'individuals').status).toBe('overdue');
    expect(overdue.overdue).toBe(true);
    const done = evaluateBreachIncident(northstar, { ...notified, individualsNotifiedAt: epochOf('2027-04-05T23:00:00-07:00') }, epochOf('2027-05-01T00:00:00-07:00'));
    expect(deadline(done, 'individuals').status).toBe('met');
  });

  it("does not start the individuals' count before the vendor notifies the client", () => {
    const result = evaluateBreachIncident(northstar, incident, epochOf('2027-05-01T00:00:00-07:00'));
    expect(deadline(result, 'individuals')).toMatchObject({ status: 'pending', note: 'the 30-day count starts when the vendor notifies the client' });
    expect(deadline(result, 'individuals').dueAt).toBeUndefined();
  });

  it('holds the individuals deadline while law enforcement has asked for a delay', () => {
    const delayed = { ...incident, vendorNotifiedClientAt: epochOf('2027-03-06T20:00:00-08:00'), lawEnforcementDelay: true };
    const result = evaluateBreachIncident(northstar, delayed, epochOf('2027-05-01T00:00:00-07:00'));
    expect(deadline(result, 'individuals').status).toBe('pending');
    expect(deadline(result, 'individuals').note).toContain('1798.82(c)');
  });

  describe('Attorney General threshold', () => {
    const notified = { ...incident, vendorNotifiedClientAt: epochOf('2027-03-06T20:00:00-08:00'), individualsNotifiedAt: epochOf('2027-03-20T10:00:00-07:00') };

    it('is not required for exactly 500 California residents and required for 501', () => {
      const at500 = evaluateBreachIncident(northstar, { ...notified, californiaResidentsAffected: 500 }, epochOf('2027-04-10T00:00:00-07:00'));
      expect(deadline(at500, 'attorney-general')).toMatchObject({ required: false, status: 'not-required', rule: '500 California residents <= 500: no sample notice to the Attorney General' });
      const at501 = evaluateBreachIncident(northstar, { ...notified, californiaResidentsAffected: 501 }, epochOf('2027-04-10T00:00:00-07:00'));
      expect(deadline(at501, 'attorney-general')).toMatchObject({ required: true, dueOn: '2027-04-04', status: 'overdue', rule: '501 California residents > 500: 15 calendar days from notifying individuals' });
    });

    it('is met when the sample notice goes in within 15 days of notifying individuals, late after', () => {
      const base = { ...notified, californiaResidentsAffected: 501 };
      expect(deadline(evaluateBreachIncident(northstar, { ...base, attorneyGeneralNotifiedAt: epochOf('2027-04-04T16:00:00-07:00') }, epochOf('2027-04-10T00:00:00-07:00')), 'attorney-general').status).toBe('met');
      expect(deadline(evaluateBreachIncident(northstar, { ...base, attorneyGeneralNotifiedAt: epochOf('2027-04-05T09:00:00-07:00') }, epochOf('2027-04-10T00:00:00-07:00')), 'attorney-general').status).toBe('late');
    });

    it('waits for the individuals to be notified before it has a due date', () => {
      const result = evaluateBreachIncident(northstar, { ...incident, californiaResidentsAffected: 10_000 }, epochOf('2027-03-07T00:00:00-08:00'));
      expect(deadline(result, 'attorney-general')).toMatchObject({ required: true, status: 'pending', note: 'due 15 days after individuals are notified' });
    });
  });

  it('requires nothing when no client data is involved, and no consumer notices without California residents', () => {
    const noClientData = evaluateBreachIncident(northstar, { ...incident, clientDataInvolved: false, californiaResidentsAffected: 900 }, epochOf('2027-06-01T00:00:00-07:00'));
    expect(noClientData.deadlines.map((d) => d.status)).toEqual(['not-required', 'not-required', 'not-required']);
    const noResidents = evaluateBreachIncident(northstar, { ...incident, californiaResidentsAffected: 0 }, epochOf('2027-06-01T00:00:00-07:00'));
    expect(noResidents.deadlines.map((d) => d.status)).toEqual(['overdue', 'not-required', 'not-required']);
    expect(deadline(noResidents, 'individuals').note).toContain('no California residents affected');
  });

  it('falls back to the statute when the contract has no breach clause: immediately, 30 days, over 500 within 15 days', () => {
    const result = evaluateBreachIncident(draft, { ...incident, californiaResidentsAffected: 501, vendorNotifiedClientAt: epochOf('2027-03-06T20:00:00-08:00') }, epochOf('2027-03-07T00:00:00-08:00'));
    expect(deadline(result, 'vendor-to-client')).toMatchObject({ status: 'met', rule: 'immediately following discovery (the contract states no time)' });
    expect(deadline(result, 'vendor-to-client').dueAt).toBeUndefined();
    expect(deadline(result, 'individuals')).toMatchObject({ dueOn: '2027-04-05', clause: 'risk.breachNotification' });
    expect(deadline(result, 'attorney-general').required).toBe(true);
    expect(deadline(result, 'individuals').basis).toContain('within 30 calendar days');
  });

  it('refuses malformed instants and counts', () => {
    try {
      evaluateBreachIncident(northstar, { ...incident, discoveredAt: 1.5, californiaResidentsAffected: -1 }, 0);
      expect.unreachable();
    } catch (error) {
      expect(isSupportPactError(error) && [error.code, error.problems.map((p) => p.path?.join('.'))]).toEqual(['IMPORT_INVALID', ['discoveredAt', 'californiaResidentsAffected']]);
    }
  });
});
