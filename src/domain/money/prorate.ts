/**
 * Proration by days of service. Days count inclusively (a service from 2027-02-24 to
 * 2027-02-28 has 5 days of February's 28), and the prorated amount is
 * amount × days / days in period, rounded once with the named mode.
 */
import { SupportPactError, type Problem } from '../errors/index.js';
import { dayNumberOf, isLocalDate, isMonth, monthBounds, type LocalDate } from '../time/local-date.js';
import type { Money } from './money.js';
import { roundBigIntQuotient, type RoundingMode } from './rounding.js';

/**
 * `prorate(USD 9000.00, 5, 28, 'half-up')` is USD 1607.14 (9000 × 5 / 28 = 1607.142857...).
 * Days must be whole, 0 <= daysOfService <= daysInPeriod, daysInPeriod >= 1.
 */
export function prorate(amount: Money, daysOfService: number, daysInPeriod: number, rounding: RoundingMode): Money {
  const problems: Problem[] = [];
  if (!Number.isSafeInteger(daysInPeriod) || daysInPeriod < 1) {
    problems.push({ message: `daysInPeriod ${daysInPeriod} is not a whole number of 1 or more`, path: ['daysInPeriod'] });
  }
  if (!Number.isSafeInteger(daysOfService) || daysOfService < 0) {
    problems.push({ message: `daysOfService ${daysOfService} is not a whole number of 0 or more`, path: ['daysOfService'] });
  } else if (problems.length === 0 && daysOfService > daysInPeriod) {
    problems.push({ message: `daysOfService ${daysOfService} is more than the ${daysInPeriod} days in the period`, path: ['daysOfService'] });
  }
  if (problems.length > 0) {
    throw new SupportPactError('MONEY_INVALID', `cannot prorate: ${problems[0]!.message}`, { problems });
  }
  const minor = roundBigIntQuotient(amount.minor * BigInt(daysOfService), BigInt(daysInPeriod), rounding);
  return { minor, currency: amount.currency };
}

/**
 * Days of `month` ('YYYY-MM') inside the service, both ends inclusive; a missing start or
 * end means the service runs past that side of the month:
 * `daysOfServiceInMonth('2027-02', '2027-02-24')` is 5, `daysOfServiceInMonth('2028-02')` is 29,
 * and a month wholly outside the service gives 0.
 */
export function daysOfServiceInMonth(month: string, serviceStart?: LocalDate, serviceEnd?: LocalDate): number {
  const problems: Problem[] = [];
  if (!isMonth(month)) problems.push({ message: `month ${JSON.stringify(month)} is not YYYY-MM`, hint: 'write it like "2027-02"', path: ['month'] });
  for (const [name, date] of [['serviceStart', serviceStart], ['serviceEnd', serviceEnd]] as const) {
    if (date !== undefined && !isLocalDate(date)) {
      problems.push({ message: `${name} ${JSON.stringify(date)} is not an existing YYYY-MM-DD date`, hint: 'write it like "2027-02-24"', path: [name] });
    }
  }
  if (problems.length === 0 && serviceStart !== undefined && serviceEnd !== undefined && serviceEnd < serviceStart) {
    problems.push({ message: `service ends on ${serviceEnd}, before it starts on ${serviceStart}`, path: ['serviceEnd'] });
  }
  if (problems.length > 0) {
    throw new SupportPactError('DATE_INVALID', problems[0]!.message, { problems });
  }
  const [first, last] = monthBounds(month);
  const from = Math.max(dayNumberOf(first), serviceStart === undefined ? -Infinity : dayNumberOf(serviceStart));
  const to = Math.min(dayNumberOf(last), serviceEnd === undefined ? Infinity : dayNumberOf(serviceEnd));
  // Inclusive: from == to is one day of service.
  return Math.max(0, to - from + 1);
}
