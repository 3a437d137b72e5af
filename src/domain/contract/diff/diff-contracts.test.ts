import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readExampleContract } from '../../../../test/support/examples.js';
import { parseContract } from '../parse-contract.js';
import type { Contract } from '../schema/contract-schema.js';
import { contractTemplate, contractTemplateNames } from '../templates/index.js';
import type { ContractChange } from './contract-change.js';
import { diffContracts } from './diff-contracts.js';

const northstarText = readExampleContract('northstar-tiered');
const northstar = load(northstarText);

function load(text: string): Contract {
  return parseContract(text, 'amended.contract.yaml').contract;
}

/** Replaces text that must be present, so a typo in a test cannot turn into "no change". */
function amend(text: string, ...edits: [string | RegExp, string][]): string {
  return edits.reduce((t, [from, to]) => {
    const next = t.replace(from, to);
    if (next === t) throw new Error(`amendment did not apply: ${String(from)}`);
    return next;
  }, text);
}

function diffNorthstar(...edits: [string | RegExp, string][]): ContractChange[] {
  return diffContracts(northstar, load(amend(northstarText, ...edits)));
}

describe('diffContracts', () => {
  it('finds nothing between a contract and itself', () => {
    expect(diffContracts(northstar, load(northstarText))).toEqual([]);
  });

  it('ignores key order, comments, quoting, flow or block style, and equal values written differently', () => {
    const reformatted = amend(
      northstarText,
      // Top-level keys reordered, a comment rewritten, a flow mapping written as a block.
      ['supportpact: 1\nid: acme-northstar-2027\n', 'id: acme-northstar-2027\nsupportpact: 1\n'],
      ['holidays: [US-CA]            # public holidays of the United States, California', 'holidays: ["US-CA"]   # a different comment'],
      ['      P2: { within: 8h, calendar: extended }', '      P2:\n        calendar: "extended"\n        within: 480m'],
      // Same amounts, percentages and durations by value.
      ['{ upTo: 500, unitPrice: "18.00" }', '{ unitPrice: "18.0", upTo: 500 }'],
      ['monthly: "4000.00"', 'monthly: "4000"'],
      ['atLeast: "95%" }', 'atLeast: "95.00%" }'],
      ['initialTerm: 24mo', 'initialTerm: 2y'],
      ['transitionAssistance: 90d', 'transitionAssistance: 90d   # unchanged'],
      // Lists with ids and credit rules reordered.
      ['    - id: troubleshooting\n      description: Diagnose and fix end-user hardware, software and access problems remotely\n', ''],
      ['  excluded:\n', '    - id: troubleshooting\n      description: "Diagnose and fix end-user hardware, software and access problems remotely"\n  excluded:\n'],
      ['    - { when: { vendorReport: late }, credit: "1%" }\n', ''],
      ['  credits:                         # percent of that month\'s fees, summed, then capped\n', '  credits:\n    - { credit: "1.0%", when: { vendorReport: late } }\n'],
      ['applications: [Microsoft 365, Google Chrome, Slack, Okta, Zoom]', 'applications: [Zoom, Okta, Slack, Google Chrome, Microsoft 365]'],
      ['mapFrom: [urgent, critical, "1"]', 'mapFrom: [Critical, " urgent", "1"]'],
    );
    expect(reformatted).not.toBe(northstarText);
    expect(diffContracts(northstar, load(reformatted))).toEqual([]);
  });

  it('reports a shorter target with both values in words, and that it favours the client', () => {
    expect(diffNorthstar(['      P2: { within: 8h, calendar: extended }', '      P2: { within: 6h, calendar: extended }'])).toEqual([
      {
        path: 'sla.targets.resolution.P2.within',
        section: 'sla',
        kind: 'changed',
        label: 'P2 resolution target',
        old: '8 hours',
        new: '6 hours',
        detail: 'extended hours',
        summary: 'P2 resolution target: 8 hours -> 6 hours (extended hours)',
        favours: 'client',
      },
    ]);
  });

  it('reports a new credit rule as added, in favour of the client', () => {
    const changes = diffNorthstar(['    - { when: { vendorReport: late }, credit: "1%" }\n', '    - { when: { vendorReport: late }, credit: "1%" }\n    - { when: { quality: reopen-rate, missed: true }, credit: "2%" }\n']);
    expect(changes).toEqual([
      expect.objectContaining({
        path: 'sla.credits[quality:reopen-rate:missed]',
        kind: 'added',
        new: "2% of the month's fees",
        summary: "Added credit when quality measure reopen-rate is missed: 2% of the month's fees",
        favours: 'client',
      }),
    ]);
  });

  it('reports a lower credit as favouring the vendor', () => {
    const [change] = diffNorthstar(['{ when: { serviceLevel: p1-response, missed: true }, credit: "5%" }', '{ when: { serviceLevel: p1-response, missed: true }, credit: "3%" }']);
    expect(change).toMatchObject({ path: 'sla.credits[serviceLevel:p1-response:missed].credit', old: '5%', new: '3%', favours: 'vendor' });
  });

  it('pairs a credit band whose threshold moved instead of listing a removal and an addition', () => {
    const changes = diffNorthstar(['below: "99.0%" }, credit: "15%"', 'below: "98.5%" }, credit: "15%"']);
    expect(changes).toEqual([
      expect.objectContaining({ path: 'sla.credits[availability:phone-line:below].below', kind: 'changed', old: '99.0%', new: '98.5%', favours: 'vendor' }),
    ]);
  });

  it('reports a removed service, and that less work in scope favours the vendor', () => {
    const changes = diffNorthstar(['    - id: account-access\n      description: Password resets, MFA enrolment, joiner/mover/leaver access changes\n', '']);
    expect(changes).toEqual([
      {
        path: 'scope.services[account-access]',
        section: 'scope',
        kind: 'removed',
        label: 'Service account-access',
        old: 'Password resets, MFA enrolment, joiner/mover/leaver access changes',
        summary: 'Removed service account-access (was Password resets, MFA enrolment, joiner/mover/leaver access changes)',
        favours: 'vendor',
      },
    ]);
  });

  it('compares price bands by position and calls a higher price in favour of the vendor', () => {
    const changes = diffNorthstar(['{ upTo: 1500, unitPrice: "15.00" }', '{ upTo: 2000, unitPrice: "16.50" }']);
    expect(changes.map((c) => [c.path, c.old, c.new, c.favours])).toEqual([
      ['pricing.tiers.bands[1].upTo', 'up to 1,500', 'up to 2,000', undefined],
      ['pricing.tiers.bands[1].unitPrice', 'USD 15.00', 'USD 16.50', 'vendor'],
    ]);
  });

  it('reports the key dates a term extension moves', () => {
    const changes = diffNorthstar(['initialTerm: 24mo', 'initialTerm: 36mo']);
    expect(changes.map((c) => [c.path, c.old, c.new])).toEqual([
      ['term.initialTerm', '24 months', '36 months'],
      ['term.keyDates.termEnd', '2028-12-31', '2029-12-31'],
      // (2029-12-31 + 1 day) - 60 days.
      ['term.keyDates.optOutDeadline', '2028-11-02', '2029-11-02'],
      ['term.keyDates.firstRenewalEnd', '2029-12-31', '2030-12-31'],
    ]);
    expect(changes.every((c) => c.section === 'term' && c.favours === undefined)).toBe(true);
  });

  it('reads notice periods by who gives them: longer vendor notice helps the client, longer breach reporting the vendor', () => {
    const changes = diffNorthstar(['{ by: vendor, notice: 180d }', '{ by: vendor, notice: 270d }'], ['vendorToClient: 24h', 'vendorToClient: 72h'], ['{ by: client, notice: 90d, fee: { months: 1 } }', '{ by: client, notice: 120d, fee: { months: 1 } }']);
    expect(changes.map((c) => [c.path, c.favours])).toEqual([
      ['term.termination.forConvenience[client].notice', 'vendor'],
      ['term.termination.forConvenience[vendor].notice', 'client'],
      ['risk.breachNotification.vendorToClient', 'vendor'],
    ]);
  });

  it('compares late interest by its yearly rate', () => {
    expect(diffNorthstar(['interest: { rate: "1.5%", per: 1mo, simple: true }', 'interest: { rate: "18%", per: 12mo, simple: true }'])).toEqual([]);
    const [change] = diffNorthstar(['interest: { rate: "1.5%", per: 1mo, simple: true }', 'interest: { rate: "10%", per: 12mo, simple: true }']);
    expect(change).toMatchObject({ path: 'pricing.latePayment.interest', old: '1.5% per month (18% a year)', new: '10% per 12 months (10% a year)', favours: 'client' });
  });

  it('leaves favours unset where a change cuts both ways', () => {
    const changes = diffNorthstar(['priorityChange: restart-from-creation', 'priorityChange: keep-original'], ['      P4: { within: 5bd, calendar: business }', '      P4: { within: 40h, calendar: business }']);
    expect(changes.map((c) => [c.path, c.favours])).toEqual([
      ['sla.clock.priorityChange', undefined],
      ['sla.targets.resolution.P4.within', undefined],
    ]);
  });

  it('calls a target moved to a calendar open longer, with the same time, in favour of the client', () => {
    const [change] = diffNorthstar(['      P3: { within: 4h, calendar: business }', '      P3: { within: 4h, calendar: extended }']);
    expect(change).toMatchObject({ path: 'sla.targets.firstResponse.P3.calendar', old: 'business', new: 'extended', favours: 'client' });
  });

  it('lists changes in section order: general, parties, calendars, scope, sla, term, pricing, risk', () => {
    const changes = diffNorthstar(['cap: { monthsOfFees: 12 }', 'cap: { monthsOfFees: 6 }'], ['title: IT helpdesk', 'title: IT service desk'], ['base: { monthly: "4000.00"', 'base: { monthly: "4500.00"'], ['name: Northstar Support LLC', 'name: Northstar Support Inc.']);
    expect(changes.map((c) => c.section)).toEqual(['general', 'parties', 'pricing', 'risk']);
  });

  it('reports a whole part added to a draft term by term', () => {
    const draft = load(readExampleContract('draft-with-gaps'));
    const changes = diffContracts(draft, { ...draft, risk: northstar.risk });
    expect(changes.length).toBeGreaterThan(10);
    expect(changes.every((c) => c.section === 'risk' && c.kind !== 'removed')).toBe(true);
  });
});

/** Amendments of the northstar example, each with the path it must show up at. */
const amendments: [string, [string, string], string][] = [
  ['target', ['      P1: { within: 4h, calendar: always }', '      P1: { within: 3h, calendar: always }'], 'sla.targets.resolution.P1.within'],
  ['level', ['priorities: [P2], atLeast: "90%" }\n    - { id: p2-resolution', 'priorities: [P2], atLeast: "92%" }\n    - { id: p2-resolution'], 'sla.serviceLevels[p2-response].atLeast'],
  ['credit', ['{ when: { quality: fcr, missed: true }, credit: "2%" }', '{ when: { quality: fcr, missed: true }, credit: "4%" }'], 'sla.credits[quality:fcr:missed].credit'],
  ['band', ['below: "99.9%" }, credit: "5%"', 'below: "99.5%" }, credit: "5%"'], 'sla.credits[availability:phone-line:below].below'],
  ['cap', ['creditCap: { monthly: "15%"', 'creditCap: { monthly: "12%"'], 'sla.creditCap.monthly'],
  ['price', ['{ unitPrice: "12.50" }', '{ unitPrice: "11.00" }'], 'pricing.tiers.bands[2].unitPrice'],
  ['service', ['    - id: installation\n      description: Install and upgrade approved software on client devices\n', ''], 'scope.services[installation]'],
  ['term', ['start: 2027-01-01', 'start: 2027-02-01'], 'term.keyDates.termEnd'],
  ['hours', ['      sat: ["09:00-17:00"]', '      sat: ["09:00-13:00"]'], 'calendars.extended.hours'],
  ['insurance', ['{ type: general-liability, minimum: "1000000.00"', '{ type: general-liability, minimum: "2000000.00"'], 'risk.insurance[general-liability].minimum'],
  ['owner', ['workProduct: client', 'workProduct: vendor'], 'risk.intellectualProperty.workProduct'],
  ['bonus', ['{ when: { quality: fcr, atLeast: "80%" }, bonus: "2%" }', '{ when: { quality: fcr, atLeast: "85%" }, bonus: "2%" }'], 'sla.incentives[quality:fcr].atLeast'],
];

/** A change seen from the other side: added and removed swap, and so do the values and the party favoured. */
function reversed(c: ContractChange): Pick<ContractChange, 'path' | 'kind' | 'old' | 'new' | 'favours'> {
  const kind = c.kind === 'added' ? 'removed' : c.kind === 'removed' ? 'added' : 'changed';
  const favours = c.favours === undefined ? undefined : c.favours === 'client' ? 'vendor' : 'client';
  return { path: c.path, kind, old: c.new, new: c.old, favours };
}

const shape = (c: ContractChange): Pick<ContractChange, 'path' | 'kind' | 'old' | 'new' | 'favours'> => ({ path: c.path, kind: c.kind, old: c.old, new: c.new, favours: c.favours });

describe('diffContracts (properties)', () => {
  it('shows every amendment applied, and the same changes reversed when the versions swap', () => {
    fc.assert(
      fc.property(fc.subarray(amendments, { minLength: 1 }), (chosen) => {
        const amended = load(amend(northstarText, ...chosen.map(([, edit]) => edit)));
        const forward = diffContracts(northstar, amended);
        for (const [, , path] of chosen) expect(forward.map((c) => c.path)).toContain(path);
        expect(diffContracts(amended, amended)).toEqual([]);
        const backward = diffContracts(amended, northstar);
        expect(backward.map(shape).sort((a, b) => a.path.localeCompare(b.path))).toEqual(forward.map(reversed).sort((a, b) => a.path.localeCompare(b.path)));
      }),
      { numRuns: 60, seed: 20270101 },
    );
  });

  it('is antisymmetric across the reference contracts and the templates', () => {
    const all = [northstarText, readExampleContract('bayline-per-incident'), readExampleContract('draft-with-gaps'), ...contractTemplateNames.map(contractTemplate)].map(load);
    for (const a of all) {
      for (const b of all) {
        const forward = diffContracts(a, b).map(reversed).sort((x, y) => x.path.localeCompare(y.path));
        expect(diffContracts(b, a).map(shape).sort((x, y) => x.path.localeCompare(y.path))).toEqual(forward);
        if (a === b) expect(forward).toEqual([]);
      }
    }
  });
});

describe('diffContracts (pricing model)', () => {
  it('calls no fee change in anyone\'s favour when the pricing model itself changes', () => {
    const tiered = load(contractTemplate('tiered'));
    const fixed = load(contractTemplate('fixed'));
    const changes = diffContracts(tiered, fixed);
    expect(changes.map((c) => c.path)).toContain('pricing.base.monthly');
    expect(changes.filter((c) => c.favours !== undefined)).toEqual([]);
  });
});
