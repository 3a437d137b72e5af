/**
 * The only module that touches the time-zone library. Everything else passes epoch
 * seconds (instants), `LocalDate` strings and IANA zone names through these functions.
 */
import { Temporal } from 'temporal-polyfill';
import { dayNumberOf, daysFromCivil, daysInMonth, formatLocalDate, type LocalDate } from './local-date.js';

const validZones = new Map<string, boolean>();

/** Whether `zone` is an IANA zone name this runtime knows: `isValidZone('Mars/Olympus')` is false. */
export function isValidZone(zone: string): boolean {
  const known = validZones.get(zone);
  if (known !== undefined) return known;
  let ok = false;
  if (typeof zone === 'string' && zone.length > 0 && zone.length < 64) {
    try {
      new Temporal.ZonedDateTime(0n, zone);
      ok = true;
    } catch {
      ok = false;
    }
  }
  validZones.set(zone, ok);
  return ok;
}

/**
 * Epoch seconds of local wall time `secondsOfDay` after midnight of `date` in `zone`.
 * A wall time inside a spring-forward gap moves forward by the gap (02:30 on
 * 2027-03-14 in Los Angeles is 03:30 PDT); a repeated one takes the earlier instant.
 * `secondsOfDay` may be 86400 (24:00), which is the next day's midnight.
 */
export function epochSecondsOfLocal(date: LocalDate, secondsOfDay: number, zone: string): number {
  const dayNumber = dayNumberOf(date) + Math.floor(secondsOfDay / 86400);
  const rest = secondsOfDay - Math.floor(secondsOfDay / 86400) * 86400;
  const { year, month, day } = civil(dayNumber);
  const zdt = Temporal.ZonedDateTime.from(
    {
      timeZone: zone,
      year,
      month,
      day,
      hour: Math.floor(rest / 3600),
      minute: Math.floor((rest % 3600) / 60),
      second: rest % 60,
    },
    { disambiguation: 'compatible' },
  );
  return Math.floor(zdt.epochMilliseconds / 1000);
}

function civil(dayNumber: number): { year: number; month: number; day: number } {
  const date = Temporal.PlainDate.from('1970-01-01').add({ days: dayNumber });
  return { year: date.year, month: date.month, day: date.day };
}

/** Local date and seconds after local midnight of an instant in `zone`. */
export function localPartsOf(epochSeconds: number, zone: string): { date: LocalDate; secondsOfDay: number } {
  const zdt = new Temporal.ZonedDateTime(BigInt(epochSeconds) * 1_000_000_000n, zone);
  return {
    date: formatLocalDate(zdt.year, zdt.month, zdt.day),
    secondsOfDay: zdt.hour * 3600 + zdt.minute * 60 + zdt.second,
  };
}

/** The local date of an instant: `localDateOf(1803920400, 'America/Los_Angeles')` is `'2027-03-01'`. */
export function localDateOf(epochSeconds: number, zone: string): LocalDate {
  return localPartsOf(epochSeconds, zone).date;
}

/** Start of a local date (local midnight, or the first instant of the day when midnight is skipped). */
export function startOfLocalDate(date: LocalDate, zone: string): number {
  const zdt = Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: zone });
  return Math.floor(zdt.epochMilliseconds / 1000);
}

/** UTC offset in seconds at an instant: `offsetSecondsAt(0, 'Asia/Kolkata')` is 19800. */
export function offsetSecondsAt(epochSeconds: number, zone: string): number {
  const zdt = new Temporal.ZonedDateTime(BigInt(epochSeconds) * 1_000_000_000n, zone);
  return Math.round(zdt.offsetNanoseconds / 1e9);
}

/** ISO-8601 local time with offset: `2027-03-01T09:15:00-08:00`. */
export function formatInZone(epochSeconds: number, zone: string): string {
  const zdt = new Temporal.ZonedDateTime(BigInt(epochSeconds) * 1_000_000_000n, zone);
  return zdt.toString({ timeZoneName: 'never', smallestUnit: 'second' });
}

/**
 * Parses an ISO-8601 instant. With an offset or `Z` the instant is absolute; without one
 * it is wall time in `zone` (required then). Returns epoch seconds, or `undefined` when
 * the text is not a date-time. `parseInstantText('2027-03-01T09:15', 'America/Los_Angeles')`
 * is the instant 2027-03-01T17:15:00Z.
 */
export function parseInstantText(text: string, zone?: string): number | undefined {
  // Instants with an offset are read by hand: Temporal.Instant.from costs about 2 µs each, a
  // fifth of the time a canonical import spent per event. Anything else takes the Temporal path.
  const fast = parseOffsetInstantByHand(text);
  if (fast !== notHandled) return fast;
  return parseInstantTextWithTemporal(text, zone);
}

/**
 * `parseInstantText` through Temporal alone: every shape, local wall times included. Exported
 * as the oracle the hand-written path is tested against (parse-instant-text.test.ts).
 * `parseInstantTextWithTemporal('2027-03-01T09:15:00-08:00')` is 1803920100.
 */
export function parseInstantTextWithTemporal(text: string, zone?: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|z|[+-]\d{2}(:?\d{2})?)?(\[[^\]]+\])?$/.test(trimmed)) {
    return undefined;
  }
  const normalised = trimmed.replace(' ', 'T');
  const hasOffset = /(Z|z|[+-]\d{2}(:?\d{2})?)(\[[^\]]+\])?$/.test(normalised.slice(10));
  try {
    if (hasOffset) {
      const instant = Temporal.Instant.from(normalised.replace(/\[[^\]]+\]$/, ''));
      return Math.floor(instant.epochMilliseconds / 1000);
    }
    if (!zone) return undefined;
    const local = Temporal.PlainDateTime.from(normalised, { overflow: 'reject' });
    const zdt = local.toZonedDateTime(zone, { disambiguation: 'compatible' });
    return Math.floor(zdt.epochMilliseconds / 1000);
  } catch {
    return undefined;
  }
}

const notHandled = null;

/**
 * Reads `YYYY-MM-DD(T| )HH:MM[:SS[.fraction]]` followed by `Z`, `z`, `±HH`, `±HHMM` or
 * `±HH:MM`, exactly as Temporal.Instant.from does: epoch seconds (the fraction floored), or
 * `undefined` for a date or time that does not exist (2027-02-30, 25:00, a 10-digit
 * fraction, offset +24:00). A leap second `:60` reads as `:59`, as Temporal reads it. Text of
 * any other shape (surrounding spaces, no offset, a `[zone]` annotation) is `notHandled`.
 */
function parseOffsetInstantByHand(text: string): number | undefined | typeof notHandled {
  const length = text.length;
  // The shortest handled text is `2027-03-01T09:15Z` (17 characters).
  if (length < 17 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(13) !== 58) return notHandled;
  const separator = text.charCodeAt(10);
  if (separator !== 84 && separator !== 32) return notHandled; // 'T' or ' '
  const year = digits4(text, 0);
  const month = digits2(text, 5);
  const day = digits2(text, 8);
  const hour = digits2(text, 11);
  const minute = digits2(text, 14);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0) return notHandled;
  let i = 16;
  let second = 0;
  let fractionDigits = 0;
  if (text.charCodeAt(i) === 58) {
    second = digits2(text, i + 1);
    if (second < 0) return notHandled;
    i += 3;
    if (text.charCodeAt(i) === 46) {
      i++;
      while (i < length && isDigit(text.charCodeAt(i))) {
        i++;
        fractionDigits++;
      }
      if (fractionDigits === 0) return notHandled;
    }
  }
  let offsetSeconds: number;
  const sign = text.charCodeAt(i);
  if (sign === 90 || sign === 122) {
    // 'Z' or 'z'
    if (i + 1 !== length) return notHandled;
    offsetSeconds = 0;
  } else if (sign === 43 || sign === 45) {
    // '+' or '-': HH, HHMM or HH:MM, nothing after.
    const offsetHours = digits2(text, i + 1);
    if (offsetHours < 0) return notHandled;
    let offsetMinutes = 0;
    const rest = length - (i + 3);
    if (rest === 2) offsetMinutes = digits2(text, i + 3);
    else if (rest === 3 && text.charCodeAt(i + 3) === 58) offsetMinutes = digits2(text, i + 4);
    else if (rest !== 0) return notHandled;
    if (offsetMinutes < 0) return notHandled;
    if (offsetHours > 23 || offsetMinutes > 59) return undefined;
    offsetSeconds = (sign === 45 ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
  } else {
    return notHandled;
  }
  // Temporal keeps at most nanoseconds (9 digits) and knows no hour 24.
  if (fractionDigits > 9 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 60) return undefined;
  return daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + (second === 60 ? 59 : second) - offsetSeconds;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** The two-digit number at `at`, or -1 when either character is not a digit. */
function digits2(text: string, at: number): number {
  const a = text.charCodeAt(at) - 48;
  const b = text.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

function digits4(text: string, at: number): number {
  const high = digits2(text, at);
  const low = digits2(text, at + 2);
  return high < 0 || low < 0 ? -1 : high * 100 + low;
}

/** ISO-8601 UTC with second precision: `formatInstantUtc(0)` is `'1970-01-01T00:00:00Z'`. */
export function formatInstantUtc(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString().replace('.000Z', 'Z');
}

/** Current local date in `zone` for a given instant `now` (epoch seconds); callers pass `now`. */
export function todayIn(nowEpochSeconds: number, zone: string): LocalDate {
  return localDateOf(nowEpochSeconds, zone);
}

/** One span of constant UTC offset: from `fromEpochSeconds` (inclusive) until the next span starts. */
export interface ZoneOffsetSpan {
  readonly fromEpochSeconds: number;
  readonly offsetSeconds: number;
}

/**
 * The offsets of `zone` over `[fromEpochSeconds, toEpochSeconds)`, as spans in time order;
 * the first span starts at `fromEpochSeconds`. Example: for Los Angeles over 2027 it gives
 * three spans: -28800 from 2027-01-01T00:00Z, -25200 from 2027-03-14T10:00Z (02:00 PST
 * jumps to 03:00 PDT) and -28800 from 2027-11-07T09:00Z.
 */
export function zoneOffsetSpans(fromEpochSeconds: number, toEpochSeconds: number, zone: string): ZoneOffsetSpan[] {
  let zdt = new Temporal.ZonedDateTime(BigInt(fromEpochSeconds) * 1_000_000_000n, zone);
  const spans: ZoneOffsetSpan[] = [{ fromEpochSeconds, offsetSeconds: Math.round(zdt.offsetNanoseconds / 1e9) }];
  for (;;) {
    const next = zdt.getTimeZoneTransition('next');
    if (!next) break;
    const at = Math.floor(next.epochMilliseconds / 1000);
    if (at >= toEpochSeconds) break;
    const offsetSeconds = Math.round(next.offsetNanoseconds / 1e9);
    // Some rule changes rename a zone's abbreviation without moving the clock: not a span.
    if (offsetSeconds !== spans[spans.length - 1]!.offsetSeconds) spans.push({ fromEpochSeconds: at, offsetSeconds });
    zdt = next;
  }
  return spans;
}
