import { Decimal } from 'decimal.js';
import type { Contract } from '../../domain/contract/schema/contract-schema.js';
import { addDays, addMonths, daysBetween, formatLocalDate, weekdayOf, type LocalDate } from '../../domain/time/local-date.js';
import type { AccessEvent, BreachIncident, DemoRiskInputs, InsuranceCertificate } from './demo-types.js';
import type { RandomSource } from './random-source.js';
import type { ZoneClock } from './zone-clock.js';

/** The vendor told the client 30 hours after discovery: 6 hours past northstar's 24h. */
export const breachNoticeDelaySeconds = 30 * 3600;
/** California residents affected: more than 500, so the Attorney General must get a copy of the notice. */
export const breachCaliforniaResidents = 640;

const namedAccounts = ['a.okafor', 'b.nguyen', 'c.silva', 'd.kowalski', 'e.haddad', 'f.ito', 'g.mendes'];
/** A pool login several agents share: never a named account, and used without MFA. */
const sharedAccount = 'helpdesk';

export interface RiskPlanInput {
  readonly contract: Contract;
  readonly months: readonly string[];
  readonly clock: ZoneClock;
  readonly now: number;
  readonly random: RandomSource;
  /** Tickets by creation instant, to link accesses to the ticket they served. */
  readonly tickets: readonly { readonly ticket: string; readonly createdAt: number }[];
  /** The vendor's e-mail domain for account names. */
  readonly vendorDomain: string;
}

/**
 * The risk registers' inputs: one breach (discovered on the 19th of the last month at
 * 16:40 local, 1,180 records, 640 California residents, client told after 30h: late against
 * 24h), one certificate per required insurance type (the first expires within 30 days of
 * now, the second covers 75% of its minimum, the third is sound), and ~65 data accesses a
 * month with a few findings (payroll read twice, the shared `helpdesk` account without MFA,
 * one access without us-only-processing).
 */
export function planRiskInputs(input: RiskPlanInput): DemoRiskInputs {
  return { breachIncidents: [planBreach(input)], insuranceCertificates: planInsurance(input), accessEvents: planAccessEvents(input) };
}

function planBreach({ contract, months, clock, now }: RiskPlanInput): BreachIncident {
  const last = months[months.length - 1]!;
  const discoveredAt = Math.min(clock.instantOf(`${last}-19`, 16 * 3600 + 40 * 60), now - breachNoticeDelaySeconds - 3600);
  const allowed = contract.scope?.dataAccess?.allowedCategories ?? [];
  const categories = ['contact-details', 'account-metadata'].filter((c) => allowed.length === 0 || allowed.includes(c));
  return {
    id: `BR-${last}-01`,
    discoveredAt,
    clientDataInvolved: true,
    recordsAffected: 1180,
    californiaResidentsAffected: breachCaliforniaResidents,
    dataCategories: categories.length > 0 ? categories : ['contact-details'],
    vendorNotifiedClientAt: discoveredAt + breachNoticeDelaySeconds,
  };
}

function planInsurance({ contract, clock, now }: RiskPlanInput): InsuranceCertificate[] {
  const today = clock.localDateOf(now);
  const insurers = ['Beacon Mutual Insurance', 'Harbor Specialty Underwriters', 'Pacific Crest Casualty'];
  return (contract.risk?.insurance ?? []).map((requirement, index) => {
    const stated = requirement.certificateExpires as LocalDate | undefined;
    const statedDays = stated === undefined ? undefined : daysBetween(today, stated);
    let expiresOn: LocalDate;
    let amount = new Decimal(requirement.minimum);
    if (index === 0) {
      // Expiring within 30 days of now: the contract's own date when it is, else in 27 days.
      expiresOn = stated !== undefined && statedDays! >= 0 && statedDays! <= 30 ? stated : addDays(today, 27);
    } else {
      expiresOn = stated !== undefined && statedDays! > 30 ? stated : addMonths(stated ?? today, 12);
      if (daysBetween(today, expiresOn) <= 30) expiresOn = addMonths(expiresOn, 12);
      // The second type's policy covers only 75% of the minimum; the third doubles it.
      amount = index === 1 ? amount.mul('0.75') : amount.mul(2);
    }
    return { type: requirement.type, amount: amount.toFixed(2), expiresOn, insurer: insurers[index % insurers.length]! };
  });
}

function planAccessEvents({ contract, months, clock, random, tickets, vendorDomain }: RiskPlanInput): AccessEvent[] {
  const rules = contract.scope?.dataAccess;
  const safeguards = rules?.safeguards ?? [];
  const allowed = rules?.allowedCategories && rules.allowedCategories.length > 0 ? rules.allowedCategories : ['contact-details'];
  const prohibited = rules?.prohibitedCategories?.[0];
  const events: AccessEvent[] = [];
  const ticketNear = (at: number): string | undefined => {
    // The latest ticket created before the access: the request the agent was working on.
    let lo = 0;
    let hi = tickets.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tickets[mid]!.createdAt < at) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? tickets[lo - 1 - random.int(0, Math.min(lo - 1, 20))]!.ticket : undefined;
  };
  const workingInstant = (month: string): number => {
    const [year, monthNumber] = month.split('-').map(Number) as [number, number];
    for (;;) {
      const date = formatLocalDate(year, monthNumber, random.int(1, 28));
      if (weekdayOf(date) === 'sat' || weekdayOf(date) === 'sun') continue;
      return clock.instantOf(date, random.int(8 * 3600, 18 * 3600 - 1));
    }
  };
  const push = (at: number, account: string, dataCategory: string, guards: readonly string[], action: string, shared?: boolean): void => {
    const ticket = ticketNear(at);
    events.push({ at, account: `${account}@${vendorDomain}`, safeguards: guards, dataCategory, action, ...(ticket !== undefined ? { ticket } : {}), ...(shared ? { sharedAccount: true } : {}) });
  };
  months.forEach((month, index) => {
    for (let i = 0; i < 64; i++) {
      const category = allowed[random.weightedIndex(allowed.map((c) => (c === 'account-metadata' ? 45 : c === 'contact-details' ? 35 : 20)))]!;
      push(workingInstant(month), random.pick(namedAccounts), category, safeguards, random.pick(['read', 'read', 'read', 'update', 'export']));
    }
    const withoutMfa = safeguards.filter((s) => s !== 'mfa' && s !== 'named-accounts');
    if (index !== 1) push(workingInstant(month), sharedAccount, allowed[0]!, withoutMfa, 'read', true);
    if (index === 0) push(workingInstant(month), sharedAccount, allowed[0]!, withoutMfa, 'update', true);
    if (index === 1 && prohibited !== undefined) {
      push(workingInstant(month), 'd.kowalski', prohibited, safeguards, 'read');
      push(workingInstant(month), 'd.kowalski', prohibited, safeguards, 'export');
    }
    if (index === 2) push(workingInstant(month), 'g.mendes', allowed[0]!, safeguards.filter((s) => s !== 'us-only-processing'), 'read');
  });
  return events.sort((a, b) => a.at - b.at);
}
