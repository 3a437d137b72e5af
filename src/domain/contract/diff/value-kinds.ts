import { Decimal } from 'decimal.js';
import { describeDuration, type Duration } from '../../time/duration.js';
import { formatAmount } from '../describe/schedule.js';
import type { Percent } from '../values.js';

/** How one kind of contract value is written in words and compared. */
export interface ValueKind<T> {
  /** The value in words: `8 hours`, `USD 18.00`, `95%`. */
  format(value: T): string;
  /** Negative when a < b, 0 when equal, positive when a > b; `undefined` when different but not ordered. */
  compare(a: T, b: T): number | undefined;
  /** How a change reads when `old -> new` does not suit (lists: `added X; removed Y`). */
  describeChange?(a: T, b: T): string;
}

const sign = (n: number): number => (n > 0 ? 1 : n < 0 ? -1 : 0);

export const textKind: ValueKind<string> = { format: (v) => v, compare: (a, b) => (a === b ? 0 : undefined) };

export const integerKind: ValueKind<number> = { format: (v) => v.toLocaleString('en-US'), compare: (a, b) => sign(a - b) };

export const monthsKind: ValueKind<number> = { format: (v) => `${v} month${v === 1 ? '' : 's'}`, compare: (a, b) => sign(a - b) };

export const booleanKind: ValueKind<boolean> = { format: (v) => (v ? 'yes' : 'no'), compare: (a, b) => sign(Number(a) - Number(b)) };

/** ISO dates sort as text. */
export const dateKind: ValueKind<string> = { format: (v) => v, compare: (a, b) => (a < b ? -1 : a > b ? 1 : 0) };

/** Percentages compare by their exact fraction: "99.9%" equals "99.90%". */
export const percentKind: ValueKind<Percent> = {
  format: (v) => v.text,
  compare: (a, b) => new Decimal(a.fraction).comparedTo(b.fraction),
};

/** Amounts compare by value: "18.00" equals "18.0". */
export function amountKind(currency: string): ValueKind<string> {
  return { format: (v) => formatAmount(currency, v), compare: (a, b) => new Decimal(a).comparedTo(b) };
}

const secondsPerUnit = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/**
 * Compares two durations by what they mean: `8h` equals `480m`, `1y` equals `12mo`, `45d` is
 * more than `1mo`. Durations that do not compare exactly (`1bd` and `8h`; `30d` and `1mo`,
 * which is 28 to 31 days) give `undefined`. Days meet hours only in elapsed-time fields such
 * as the breach window (`24h` equals `1d`), the one place both units are allowed.
 */
export function compareDurations(a: Duration, b: Duration): number | undefined {
  const months = (d: Duration): number | undefined => (d.unit === 'mo' ? d.amount : d.unit === 'y' ? d.amount * 12 : undefined);
  const seconds = (d: Duration): number | undefined => (d.unit in secondsPerUnit ? d.amount * secondsPerUnit[d.unit as keyof typeof secondsPerUnit] : undefined);
  if (a.unit === 'bd' || b.unit === 'bd') return a.unit === b.unit ? sign(a.amount - b.amount) : undefined;
  const [am, bm] = [months(a), months(b)];
  if (am !== undefined && bm !== undefined) return sign(am - bm);
  const [as, bs] = [seconds(a), seconds(b)];
  if (as !== undefined && bs !== undefined) return sign(as - bs);
  // Days against months: n months last between 28n and 31n days.
  const dayCount = am !== undefined ? b : a;
  const monthCount = am ?? bm;
  if (monthCount === undefined || dayCount.unit !== 'd') return undefined;
  const [days, flip] = [dayCount.amount, am !== undefined ? -1 : 1];
  if (days < 28 * monthCount) return -flip;
  if (days > 31 * monthCount) return flip;
  return undefined;
}

export const durationKind: ValueKind<Duration> = { format: describeDuration, compare: compareDurations };

/**
 * A list read as a set: order and repeats do not matter. A strict superset compares higher,
 * so "more items" favours whoever `higher` names. `normalize` decides when two items are the
 * same (helpdesk priority values compare trimmed and case-insensitive).
 */
export function setKind(normalize: (item: string) => string = (item) => item): ValueKind<readonly string[]> {
  const keys = (list: readonly string[]): Set<string> => new Set(list.map(normalize));
  const only = (from: readonly string[], other: readonly string[]): string[] => {
    const otherKeys = keys(other);
    const seen = new Set<string>();
    return from.filter((item) => {
      const key = normalize(item);
      if (otherKeys.has(key) || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  };
  return {
    format: (v) => (v.length === 0 ? 'none' : v.join(', ')),
    compare: (a, b) => {
      const [added, removed] = [only(b, a).length, only(a, b).length];
      if (added === 0 && removed === 0) return 0;
      if (added === 0) return 1;
      if (removed === 0) return -1;
      return undefined;
    },
    describeChange: (a, b) => {
      const [added, removed] = [only(b, a), only(a, b)];
      return [added.length > 0 && `added ${added.join(', ')}`, removed.length > 0 && `removed ${removed.join(', ')}`].filter(Boolean).join('; ');
    },
  };
}

export const listKind = setKind();
