import { localDateOfDayNumber, type LocalDate } from '../../domain/time/local-date.js';
import { epochSecondsOfLocal, formatInZone, localPartsOf, offsetSecondsAt, zoneOffsetSpans, type ZoneOffsetSpan } from '../../domain/time/zone.js';

/**
 * Local time in one zone over a bounded span, fast enough for tens of thousands of events:
 * the zone library is asked once per local hour (instants) and once for the span's offset
 * changes (formatting), instead of once per event.
 */
export interface ZoneClock {
  readonly zone: string;
  /** Epoch seconds of wall time `secondsOfDay` after midnight of `date` (a skipped hour moves forward, as `epochSecondsOfLocal`). */
  instantOf(date: LocalDate, secondsOfDay: number): number;
  /** UTC offset in seconds at an instant. */
  offsetAt(at: number): number;
  /** ISO-8601 local time with offset: `2027-03-01T09:15:00-08:00`. */
  format(at: number): string;
  /** Local date of an instant. */
  localDateOf(at: number): LocalDate;
  /** Local hour (0-23) of an instant. */
  localHourOf(at: number): number;
}

function formatOffset(offsetSeconds: number): string {
  const sign = offsetSeconds < 0 ? '-' : '+';
  const abs = Math.abs(offsetSeconds);
  const hours = String(Math.floor(abs / 3600)).padStart(2, '0');
  const minutes = String(Math.floor((abs % 3600) / 60)).padStart(2, '0');
  return `${sign}${hours}:${minutes}`;
}

/** A clock for `zone` whose fast paths cover `[fromAt, toAt)`; instants outside it still work, through the zone library. */
export function createZoneClock(zone: string, fromAt: number, toAt: number): ZoneClock {
  const spans: readonly ZoneOffsetSpan[] = zoneOffsetSpans(fromAt, toAt, zone);
  const hourStarts = new Map<string, number>();
  const inSpan = (at: number): boolean => at >= fromAt && at < toAt;
  const offsetAt = (at: number): number => {
    if (!inSpan(at)) return offsetSecondsAt(at, zone);
    let offset = spans[0]!.offsetSeconds;
    for (const span of spans) {
      if (span.fromEpochSeconds > at) break;
      offset = span.offsetSeconds;
    }
    return offset;
  };
  return {
    zone,
    instantOf(date, secondsOfDay) {
      const hour = Math.floor(secondsOfDay / 3600);
      const key = `${date}T${hour}`;
      let start = hourStarts.get(key);
      if (start === undefined) {
        start = epochSecondsOfLocal(date, hour * 3600, zone);
        hourStarts.set(key, start);
      }
      return start + (secondsOfDay - hour * 3600);
    },
    offsetAt,
    format(at) {
      if (!inSpan(at)) return formatInZone(at, zone);
      const offset = offsetAt(at);
      return `${new Date((at + offset) * 1000).toISOString().slice(0, 19)}${formatOffset(offset)}`;
    },
    localDateOf(at) {
      if (!inSpan(at)) return localPartsOf(at, zone).date;
      return localDateOfDayNumber(Math.floor((at + offsetAt(at)) / 86_400));
    },
    localHourOf(at) {
      if (!inSpan(at)) return Math.floor(localPartsOf(at, zone).secondsOfDay / 3600);
      const local = at + offsetAt(at);
      return Math.floor((local - Math.floor(local / 86_400) * 86_400) / 3600);
    },
  };
}
