import { Decimal } from 'decimal.js';
import { approximateDays } from '../../time/duration.js';
import { termEndOn } from '../../lifecycle/term-dates.js';
import type { LintRule, RuleHit } from './lint-rule.js';
import { hit } from './lint-rule.js';

/** Usual minimum coverage by insurance type, in the contract currency. */
const insuranceNorms: Record<string, string> = {
  'cyber-liability': '1000000',
  'errors-and-omissions': '1000000',
  'general-liability': '1000000',
};

/** Rules about security, compliance, breach notice, insurance and liability. */
export const riskRules: readonly LintRule[] = [
  {
    id: 'no-breach-notification',
    severity: 'error',
    part: 'risk',
    summary: 'No breach-notification window',
    why: 'California requires a vendor holding the client\'s data to report a breach immediately; the client then has 30 days to tell residents. Without a window, the client may learn too late to comply.',
    check: (c) => (c.risk && !c.risk.breachNotification ? [hit('no breachNotification; require the vendor to report a breach within 24-72 hours of discovery', 'risk', 'breachNotification')] : []),
  },
  {
    id: 'breach-notification-over-72h',
    severity: 'error',
    part: 'risk',
    summary: 'Breach notice later than 72 hours',
    why: 'Civil Code 1798.82(b) asks for notice immediately after discovery; more than 72 hours eats into the 30 days the client has to notify residents.',
    check: (c) => {
      const window = c.risk?.breachNotification?.vendorToClient;
      return window && approximateDays(window) > 3 ? [hit(`the vendor has ${window.text} to report a breach; 72 hours is the usual maximum`, 'risk', 'breachNotification', 'vendorToClient')] : [];
    },
  },
  {
    id: 'breach-individuals-over-30d',
    severity: 'error',
    part: 'risk',
    summary: 'Residents notified later than the law allows',
    why: 'Since 2026, Civil Code 1798.82 requires notice to affected California residents within 30 calendar days of discovery.',
    check: (c) => {
      const within = c.risk?.breachNotification?.individuals?.within;
      return within && within.amount > 30 ? [hit(`individuals are notified within ${within.text}; the law requires 30 days`, 'risk', 'breachNotification', 'individuals', 'within')] : [];
    },
  },
  {
    id: 'breach-attorney-general-threshold',
    severity: 'warning',
    part: 'risk',
    summary: 'Attorney General notice threshold differs from the law',
    why: 'When more than 500 California residents are notified, a sample notice goes to the Attorney General within 15 days.',
    check: (c) => {
      const ag = c.risk?.breachNotification?.regulator?.californiaAttorneyGeneral;
      if (!c.risk?.breachNotification) return [];
      if (!ag) return [hit('no Attorney General notice; add regulator: { californiaAttorneyGeneral: { whenResidentsOver: 500 } }', 'risk', 'breachNotification', 'regulator')];
      return ag.whenResidentsOver > 500 ? [hit(`Attorney General notice only above ${ag.whenResidentsOver} residents; the law says above 500`, 'risk', 'breachNotification', 'regulator', 'californiaAttorneyGeneral', 'whenResidentsOver')] : [];
    },
  },
  {
    id: 'no-ccpa-terms',
    severity: 'error',
    part: 'risk',
    summary: 'No CCPA service-provider terms',
    why: 'Without the terms of 11 CCR 7051, the vendor is not a "service provider" and sharing personal data with it may count as a sale under the CCPA.',
    check: (c) => (c.risk && c.risk.compliance?.ccpaServiceProviderTerms !== true ? [hit('CCPA service-provider terms are not part of the agreement; set compliance.ccpaServiceProviderTerms: true and attach them', 'risk', 'compliance', 'ccpaServiceProviderTerms')] : []),
  },
  {
    id: 'no-security-standards',
    severity: 'warning',
    part: 'risk',
    summary: 'No security standard',
    why: 'A named standard (SOC 2 Type II, ISO 27001) gives the client an audit report instead of a promise.',
    check: (c) => (c.risk && (c.risk.dataSecurity?.standards ?? []).length === 0 ? [hit('no security standards; require SOC 2 Type II or ISO 27001', 'risk', 'dataSecurity', 'standards')] : []),
  },
  {
    id: 'no-insurance',
    severity: 'error',
    part: 'risk',
    summary: 'No insurance required',
    why: 'If the vendor causes a breach or an outage and cannot pay, insurance is what pays; cyber liability is the one that matters most here.',
    check: (c) => (c.risk && (c.risk.insurance ?? []).length === 0 ? [hit('no insurance; require cyber liability, errors and omissions, and general liability', 'risk', 'insurance')] : []),
  },
  {
    id: 'insurance-below-norm',
    severity: 'warning',
    part: 'risk',
    summary: 'Insurance missing a type or below the usual minimum',
    why: 'Helpdesk vendors usually carry at least $1M each of cyber, errors-and-omissions and general liability cover.',
    check: (c) => {
      const insurance = c.risk?.insurance;
      if (!insurance || insurance.length === 0) return [];
      const hits: RuleHit[] = [];
      for (const [type, minimum] of Object.entries(insuranceNorms)) {
        const index = insurance.findIndex((i) => i.type === type);
        const policy = insurance[index];
        if (!policy) hits.push(hit(`no ${type} insurance`, 'risk', 'insurance'));
        else if (new Decimal(policy.minimum).lt(minimum)) hits.push(hit(`${type} cover of ${policy.minimum} is below ${minimum}`, 'risk', 'insurance', index, 'minimum'));
      }
      return hits;
    },
  },
  {
    id: 'insurance-expires-before-term-end',
    severity: 'warning',
    part: 'risk',
    summary: 'An insurance certificate expires before the term ends',
    why: 'Cover that lapses mid-contract leaves the client exposed; require renewed certificates before expiry.',
    check: (c) => {
      if (!c.term) return [];
      const end = termEndOn(c.term.start, c.term.initialTerm);
      return (c.risk?.insurance ?? [])
        .map((policy, index) => ({ policy, index }))
        .filter(({ policy }) => policy.certificateExpires !== undefined && policy.certificateExpires < end)
        .map(({ policy, index }) => hit(`${policy.type} certificate expires ${policy.certificateExpires}, before the term ends ${end}; require a renewed certificate`, 'risk', 'insurance', index, 'certificateExpires'));
    },
  },
  {
    id: 'no-liability-cap',
    severity: 'warning',
    part: 'risk',
    summary: 'No liability cap stated',
    why: 'An unstated cap gets decided by a court; a stated cap (often 12 months of fees) with carve-outs is predictable for both sides.',
    check: (c) => (c.risk && !c.risk.liability?.cap ? [hit('no liability cap; state one, e.g. 12 months of fees, with carve-outs', 'risk', 'liability', 'cap')] : []),
  },
  {
    id: 'liability-cap-covers-data-breach',
    severity: 'warning',
    part: 'risk',
    summary: 'The liability cap does not carve out data breaches',
    why: 'A breach can cost far more than a year of helpdesk fees; capping it shifts the loss to the client.',
    check: (c) => {
      const liability = c.risk?.liability;
      return liability?.cap && !(liability.excluded ?? []).includes('data-breach') ? [hit('data breaches fall under the liability cap; add data-breach to liability.excluded', 'risk', 'liability', 'excluded')] : [];
    },
  },
  {
    id: 'no-confidentiality',
    severity: 'warning',
    part: 'risk',
    summary: 'No confidentiality term',
    why: 'The vendor learns the client\'s systems and people; confidentiality should survive the contract for years.',
    check: (c) => (c.risk && !c.risk.confidentiality ? [hit('no confidentiality; add confidentiality that survives 3 years after the end', 'risk', 'confidentiality')] : []),
  },
  {
    id: 'no-ip-terms',
    severity: 'warning',
    part: 'risk',
    summary: 'Ownership of work product not stated',
    why: 'Scripts, runbooks and knowledge articles written for the client should belong to it, or it cannot hand them to the next vendor.',
    check: (c) => (c.risk && !c.risk.intellectualProperty?.workProduct ? [hit('no intellectualProperty.workProduct; state that work product belongs to the client', 'risk', 'intellectualProperty', 'workProduct')] : []),
  },
  {
    id: 'no-vendor-indemnity-for-breach',
    severity: 'warning',
    part: 'risk',
    summary: 'The vendor does not indemnify data breaches',
    why: 'If the vendor\'s failure exposes personal data, claims from residents (up to $750 each under CCPA 1798.150) land on the client unless the vendor indemnifies.',
    check: (c) => (c.risk && !(c.risk.indemnification?.vendor ?? []).includes('data-breach') ? [hit('the vendor does not indemnify for data breaches; add data-breach to indemnification.vendor', 'risk', 'indemnification', 'vendor')] : []),
  },
];
