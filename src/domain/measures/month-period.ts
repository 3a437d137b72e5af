import { addMonthsToMonth, isMonth } from '../time/local-date.js';
import { startOfLocalDate } from '../time/zone.js';
import { SupportPactError } from '../errors/index.js';

/** A service month as instants `[startAt, endAt)` in a zone. */
export interface MonthPeriod {
  readonly month: string;
  readonly zone: string;
  readonly startAt: number;
  readonly endAt: number;
}

/**
 * The instants a month covers in a zone: `monthPeriod('2027-03', 'America/Los_Angeles')`
 * runs from 2027-03-01T08:00Z to 2027-04-01T07:00Z (the month holds the spring-forward hour).
 */
export function monthPeriod(month: string, zone: string): MonthPeriod {
  if (!isMonth(month)) throw new SupportPactError('DATE_INVALID', `${month} is not a month`, { problems: [{ message: `"${month}" is not YYYY-MM`, path: ['month'], hint: 'write a month like 2027-03' }] });
  return { month, zone, startAt: startOfLocalDate(`${month}-01`, zone), endAt: startOfLocalDate(`${addMonthsToMonth(month, 1)}-01`, zone) };
}

export function isWithin(period: MonthPeriod, at: number | undefined): boolean {
  return at !== undefined && at >= period.startAt && at < period.endAt;
}

/**
 * The month (as the number YYYYMM) of an instant in a zone, fast: month boundaries are
 * computed once each and searched, so a million tickets do not each ask the zone library.
 * `new MonthIndex('America/Los_Angeles').monthOf(1804053600)` is 202703.
 */
export class MonthIndex {
  /** Start instants of consecutive months, and their YYYYMM numbers. */
  private starts: number[] = [];
  private months: number[] = [];

  constructor(private readonly zone: string) {}

  monthOf(at: number): number {
    if (this.starts.length === 0) this.seed(at);
    while (at < (this.starts[0] as number)) this.prepend();
    while (at >= (this.starts[this.starts.length - 1] as number)) this.append();
    let lo = 0;
    let hi = this.starts.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= at) lo = mid;
      else hi = mid - 1;
    }
    return this.months[lo] as number;
  }

  private seed(at: number): void {
    const month = new Date(at * 1000).toISOString().slice(0, 7);
    // A month on either side, so the zone's offset from UTC cannot put the instant outside.
    const first = addMonthsToMonth(month, -1);
    this.months = [toNumber(first), toNumber(month), toNumber(addMonthsToMonth(month, 1))];
    this.starts = [monthPeriod(first, this.zone).startAt, monthPeriod(month, this.zone).startAt, monthPeriod(addMonthsToMonth(month, 1), this.zone).startAt, monthPeriod(addMonthsToMonth(month, 2), this.zone).startAt];
  }

  private prepend(): void {
    const month = addMonthsToMonth(fromNumber(this.months[0] as number), -1);
    this.months.unshift(toNumber(month));
    this.starts.unshift(monthPeriod(month, this.zone).startAt);
  }

  private append(): void {
    const next = addMonthsToMonth(fromNumber(this.months[this.months.length - 1] as number), 1);
    this.months.push(toNumber(next));
    this.starts.push(monthPeriod(addMonthsToMonth(next, 1), this.zone).startAt);
  }
}

/** `'2027-03'` -> 202703. */
export function monthNumber(month: string): number {
  return toNumber(month);
}

function toNumber(month: string): number {
  return Number(month.slice(0, 4)) * 100 + Number(month.slice(5, 7));
}

function fromNumber(n: number): string {
  return `${String(Math.floor(n / 100)).padStart(4, '0')}-${String(n % 100).padStart(2, '0')}`;
}
