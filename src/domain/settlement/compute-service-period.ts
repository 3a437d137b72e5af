/**
 * The days of a service month the contract is in force: from the term's start (or the 1st)
 * to the service's last day (or the month's end). Service ends on the last term period when
 * no automatic renewal follows it, or on `serviceEndOn` (a termination or an opt-out) when given.
 */
import type { Contract } from '../contract/schema/contract-schema.js';
import { SupportPactError } from '../errors/index.js';
import { termEndOn } from '../lifecycle/term-dates.js';
import { computeTermPeriods } from '../lifecycle/term-periods.js';
import { daysOfServiceInMonth } from '../money/index.js';
import { isLocalDate, isMonth, monthBounds, type LocalDate } from '../time/local-date.js';
import type { ServicePeriod } from './invoice-types.js';

/** The last day of service the term itself sets (no renewal after it), if any: bayline (12mo from 2027-03-01, no renewal) is `2028-02-29`. */
export function termServiceEndOn(contract: Contract, until: LocalDate): LocalDate | undefined {
  const term = contract.term;
  if (!term) return undefined;
  // Without a renewal the initial term is all; with unlimited automatic renewals there is no end.
  if (!term.renewal?.automatic) return termEndOn(term.start, term.initialTerm);
  if (term.renewal.maxRenewals === undefined) return undefined;
  const periods = computeTermPeriods(term, until);
  const last = periods[periods.length - 1];
  return last && !last.renewsAfter ? last.endOn : undefined;
}

/**
 * Northstar from 2027-03-15 (a term starting mid-month): `computeServicePeriod(c, '2027-03')`
 * is 2027-03-15 to 2027-03-31, 17 of 31 days; a month outside the service throws USAGE.
 */
export function computeServicePeriod(contract: Contract, serviceMonth: string, serviceEndOn?: LocalDate): ServicePeriod {
  if (!isMonth(serviceMonth)) {
    throw new SupportPactError('USAGE', `service month ${JSON.stringify(serviceMonth)} is not YYYY-MM`, { problems: [{ message: `"${serviceMonth}" is not a month`, path: ['serviceMonth'], hint: 'write it like 2027-03' }] });
  }
  if (serviceEndOn !== undefined && !isLocalDate(serviceEndOn)) {
    throw new SupportPactError('DATE_INVALID', `serviceEndOn ${JSON.stringify(serviceEndOn)} is not a date`, { problems: [{ message: `"${serviceEndOn}" is not an existing YYYY-MM-DD date`, path: ['serviceEndOn'], hint: 'write it like 2027-06-30' }] });
  }
  const [first, last] = monthBounds(serviceMonth);
  const startOn = contract.term?.start;
  const termEnd = termServiceEndOn(contract, last);
  const endOn = serviceEndOn !== undefined && (termEnd === undefined || serviceEndOn < termEnd) ? serviceEndOn : termEnd;
  const days = startOn !== undefined && endOn !== undefined && endOn < startOn ? 0 : daysOfServiceInMonth(serviceMonth, startOn, endOn);
  if (days === 0) {
    const span = `${startOn ?? 'the start'} to ${endOn ?? 'open end'}`;
    const message = `${serviceMonth} is outside the service (${span})`;
    throw new SupportPactError('USAGE', message, { problems: [{ message, path: ['serviceMonth'], hint: 'invoice a month with at least one day of service' }] });
  }
  return {
    month: serviceMonth,
    startOn: startOn !== undefined && startOn > first ? startOn : first,
    endOn: endOn !== undefined && endOn < last ? endOn : last,
    daysOfService: days,
    daysInMonth: Number(last.slice(8, 10)),
  };
}
