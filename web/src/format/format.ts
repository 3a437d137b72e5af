/** Display formats. Every figure shown comes from the API; these only change how it reads. */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${zone}|${withTime}`;
  let existing = formatters.get(key);
  if (!existing) {
    // en-US names zones by their abbreviation (PDT); the parts are then put in day-month-year order.
    existing = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: 'short',
      day: '2-digit',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' } : {}),
    });
    formatters.set(key, existing);
  }
  return existing;
}

function partsOf(at: Date, zone: string, withTime: boolean): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const part of formatter(zone, withTime).formatToParts(at)) parts[part.type] = part.value;
  return parts;
}

/** `formatInstant('2027-05-18T16:46:14Z', 'America/Los_Angeles')` is `18 May 2027, 09:46 PDT`. */
export function formatInstant(iso: string | null | undefined, zone: string): string {
  if (!iso) return '—';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const p = partsOf(at, zone, true);
  return `${p.day} ${p.month} ${p.year}, ${p.hour}:${p.minute} ${p.timeZoneName}`;
}

/** For dense tables, the zone named once elsewhere: `18 May 2027 09:46`. */
export function formatInstantCompact(iso: string | null | undefined, zone: string): string {
  if (!iso) return '—';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const p = partsOf(at, zone, true);
  return `${p.day} ${p.month} ${p.year} ${p.hour}:${p.minute}`;
}

/** Short form for chart axes and dense tables: `18 May 09:46`. */
export function formatInstantShort(iso: string | number, zone: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return String(iso);
  const p = partsOf(at, zone, true);
  return `${p.day} ${p.month} ${p.hour}:${p.minute}`;
}

/** A local date `2027-11-02` as `02 Nov 2027` (no zone: it is a calendar date). */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const p = partsOf(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))), 'UTC', false);
  return `${p.day} ${p.month} ${p.year}`;
}

/** `2027-05` as `May 2027`. */
export function formatMonth(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)));
}

/** Business time as hours and minutes: 22578 s is `6h 16m`; 45 s is `45s`. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  const sign = seconds < 0 ? '−' : '';
  const s = Math.abs(Math.round(seconds));
  if (s < 60) return `${sign}${s}s`;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${sign}${h}h ${String(m).padStart(2, '0')}m` : `${sign}${m}m`;
}

/** `"97.62%"` as 97.62; undefined when the text holds no percentage. */
export function percentValue(text: string | null | undefined): number | undefined {
  const match = /(-?\d+(?:\.\d+)?)\s*%/.exec(text ?? '');
  return match ? Number(match[1]) : undefined;
}

const unitSeconds: Record<string, number> = { s: 1, m: 60, h: 3600 };

/** The first business duration in a target text: `"at most 3h (always calendar)"` is 10800. */
export function durationValueSeconds(text: string | null | undefined): number | undefined {
  const match = /(\d+(?:\.\d+)?)\s*(h|m|s)\b/.exec(text ?? '');
  return match ? Number(match[1]) * unitSeconds[match[2]!]! : undefined;
}

/** `YYYY-MM` of an instant in a zone. */
export function monthOf(iso: string, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit' }).formatToParts(new Date(iso));
  const year = parts.find((p) => p.type === 'year')?.value ?? '0000';
  const month = parts.find((p) => p.type === 'month')?.value ?? '01';
  return `${year}-${month}`;
}

/** `YYYY-MM-DD` of an instant in a zone. */
export function dateOf(iso: string, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/** `addMonths('2027-11', 3)` is `2028-02`. */
export function addMonths(month: string, count: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Months from `first` to `last` inclusive (at most `max`, the latest ones). */
export function monthsBetween(first: string, last: string, max = 12): string[] {
  const months: string[] = [];
  for (let m = first; m <= last && months.length < 240; m = addMonths(m, 1)) months.push(m);
  return months.slice(-max);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

export const metricWords: Record<string, string> = { firstResponse: 'First response', resolution: 'Resolution' };

const wallFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant as the epoch milliseconds of its wall-clock time in `zone` read as UTC, so a
 * chart drawn in UTC puts its ticks at the zone's midnights and hours:
 * `wallClockMs('2027-05-18T16:46:14Z', 'America/Los_Angeles')` is `Date.UTC(2027, 4, 18, 9, 46, 14)`.
 */
export function wallClockMs(at: string | number, zone: string): number {
  let format = wallFormatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    wallFormatters.set(zone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(at))) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
}

/** A round top for an axis and its step: `niceAxisTop(63)` is `{ top: 70, step: 10 }`. */
export function niceAxisTop(value: number): { top: number; step: number } {
  const raw = Math.max(value, 1e-9) / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  return { top: Math.ceil(value / step - 1e-9) * step, step };
}

/**
 * Money from the API's decimal string, grouped by thousands without ever becoming a float:
 * `formatMoney({ amount: '1234567.50', currency: 'USD' })` is `USD 1,234,567.50`.
 */
export function formatMoney(money: { readonly amount: string; readonly currency: string } | null | undefined): string {
  if (!money) return '—';
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(money.amount);
  if (!match) return `${money.currency} ${money.amount}`;
  const grouped = match[2]!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${match[1] ? '−' : ''}${money.currency} ${grouped}${match[3] ?? ''}`;
}

/** `2027-05` as `May 2027` in three letters, for chart axes. */
export function formatMonthShort(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'short', year: 'numeric' }).format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)));
}
