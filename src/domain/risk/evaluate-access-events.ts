/**
 * Data-access findings: an access event that touches a prohibited data category, a
 * category not in the allowed list (when one is given), or that lacks a required
 * safeguard (one finding per missing safeguard). `named-accounts` is judged from the
 * account, not from the event's own safeguard list: the event's `sharedAccount` flag when
 * given, otherwise `isGenericAccount(account)`. Plus a monthly summary in the contract's zone.
 */
import type { Contract } from '../contract/schema/contract-schema.js';
import type { Problem } from '../errors/index.js';
import { checkEpochSeconds, lifecycleInputError } from '../lifecycle/lifecycle-input-error.js';
import { localDateOf } from '../time/zone.js';
import { monthOf } from '../time/local-date.js';
import { isGenericAccount } from './is-generic-account.js';

export interface AccessEvent {
  /** Epoch seconds. */
  readonly at: number;
  readonly account: string;
  /** Safeguards in place for this access, in the contract's words (`mfa`, `access-logging`, ...). */
  readonly safeguards: readonly string[];
  readonly dataCategory: string;
  readonly ticket?: string;
  readonly action: string;
  /** Whether the account is shared or generic, when the source knows; else judged from its name. */
  readonly sharedAccount?: boolean;
}

export type AccessFindingKind = 'prohibited-category' | 'category-not-allowed' | 'missing-safeguard';
export const accessFindingKinds: readonly AccessFindingKind[] = ['prohibited-category', 'category-not-allowed', 'missing-safeguard'];

export interface AccessFinding {
  readonly kind: AccessFindingKind;
  /** Index of the event in the input list. */
  readonly event: number;
  readonly at: number;
  /** `YYYY-MM` of `at` in the contract's zone. */
  readonly month: string;
  readonly account: string;
  readonly dataCategory: string;
  readonly action: string;
  readonly ticket?: string;
  /** For `missing-safeguard`. */
  readonly safeguard?: string;
  readonly message: string;
  readonly clause: string;
}

export interface AccessMonthSummary {
  readonly month: string;
  readonly events: number;
  /** Distinct accounts. */
  readonly accounts: number;
  readonly eventsWithFindings: number;
  readonly findings: Readonly<Record<AccessFindingKind, number>>;
}

export interface AccessEvaluation {
  readonly findings: readonly AccessFinding[];
  readonly months: readonly AccessMonthSummary[];
  /** Said when the contract has no data-access rules to test against. */
  readonly note?: string;
}

const norm = (s: string) => s.trim().toLowerCase();

/**
 * Northstar (prohibits payroll; requires named-accounts, mfa, ...): an event by
 * `helpdesk@northstar.example` reading `payroll` with only `mfa` and `access-logging` gives
 * `prohibited-category`, then `missing-safeguard` for named-accounts, least-privilege and
 * us-only-processing; the month's summary counts 1 event, 1 account, 4 findings.
 */
export function evaluateAccessEvents(contract: Contract, events: readonly AccessEvent[], options: { readonly genericAccountNames?: readonly string[] } = {}): AccessEvaluation {
  const problems: Problem[] = [];
  for (const [i, e] of events.entries()) checkEpochSeconds(e.at, ['events', i, 'at'], problems);
  if (problems.length > 0) throw lifecycleInputError(problems);
  const rules = contract.scope?.dataAccess;
  const prohibited = new Set((rules?.prohibitedCategories ?? []).map(norm));
  const allowed = rules?.allowedCategories ? new Set(rules.allowedCategories.map(norm)) : undefined;
  const required = rules?.safeguards ?? [];
  const findings: AccessFinding[] = [];
  const months = new Map<string, { events: number; accounts: Set<string>; withFindings: number; findings: Record<AccessFindingKind, number> }>();
  for (const [i, e] of events.entries()) {
    const month = monthOf(localDateOf(e.at, contract.timezone));
    const base = { event: i, at: e.at, month, account: e.account, dataCategory: e.dataCategory, action: e.action, ...(e.ticket !== undefined ? { ticket: e.ticket } : {}) };
    const found: AccessFinding[] = [];
    const category = norm(e.dataCategory);
    if (prohibited.has(category)) {
      found.push({ ...base, kind: 'prohibited-category', message: `${e.account} accessed ${e.dataCategory}, a prohibited category`, clause: 'scope.dataAccess.prohibitedCategories' });
    } else if (allowed && !allowed.has(category)) {
      found.push({ ...base, kind: 'category-not-allowed', message: `${e.account} accessed ${e.dataCategory}, which is not an allowed category`, clause: 'scope.dataAccess.allowedCategories' });
    }
    const has = new Set(e.safeguards.map(norm));
    for (const safeguard of required) {
      const missing = norm(safeguard) === 'named-accounts' ? (e.sharedAccount ?? isGenericAccount(e.account, options.genericAccountNames)) : !has.has(norm(safeguard));
      if (!missing) continue;
      const why = norm(safeguard) === 'named-accounts' ? `${e.account} is a shared or generic account` : `${e.account}'s access lacked ${safeguard}`;
      found.push({ ...base, kind: 'missing-safeguard', safeguard, message: `${why} (required safeguard ${safeguard})`, clause: 'scope.dataAccess.safeguards' });
    }
    findings.push(...found);
    const summary = months.get(month) ?? { events: 0, accounts: new Set<string>(), withFindings: 0, findings: { 'prohibited-category': 0, 'category-not-allowed': 0, 'missing-safeguard': 0 } };
    summary.events += 1;
    summary.accounts.add(norm(e.account));
    if (found.length > 0) summary.withFindings += 1;
    for (const f of found) summary.findings[f.kind] += 1;
    months.set(month, summary);
  }
  const monthList = [...months.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([month, s]) => ({ month, events: s.events, accounts: s.accounts.size, eventsWithFindings: s.withFindings, findings: s.findings }));
  return { findings, months: monthList, ...(rules ? {} : { note: 'the contract sets no data-access rules (scope.dataAccess), so no event can be a finding' }) };
}
