import type { Contract } from '../schema/contract-schema.js';
import { diffSections, type ContractChange, type DiffSection } from './contract-change.js';
import { diffCalendars, diffGeneral, diffParties } from './diff-general.js';
import { diffPricing } from './diff-pricing.js';
import { diffRisk } from './diff-risk.js';
import { diffScope } from './diff-scope.js';
import { diffSla } from './diff-sla.js';
import { diffTerm } from './diff-term.js';

/**
 * Every term that differs between two versions of a contract, compared by meaning, not by YAML
 * text: `diffContracts(v1, v2)` where v2 shortens P2 resolution from 8h to 6h gives
 * `[{ path: 'sla.targets.resolution.P2.within', section: 'sla', kind: 'changed', old: '8 hours',
 * new: '6 hours', summary: 'P2 resolution target: 8 hours -> 6 hours (extended hours)', favours: 'client' }]`.
 * Key order, comments, quoting, `"18.0"` for `"18.00"` or `480m` for `8h` change nothing; lists
 * with ids match by id, credit rules by their condition, price bands by position. Changes come
 * in section order (general, parties, calendars, scope, sla, term, pricing, risk).
 */
export function diffContracts(before: Contract, after: Contract): ContractChange[] {
  const bySection: Record<DiffSection, (a: Contract, b: Contract) => ContractChange[]> = {
    general: diffGeneral,
    parties: diffParties,
    calendars: diffCalendars,
    scope: diffScope,
    sla: diffSla,
    term: diffTerm,
    pricing: diffPricing,
    risk: diffRisk,
  };
  return diffSections.flatMap((section) => bySection[section](before, after));
}
