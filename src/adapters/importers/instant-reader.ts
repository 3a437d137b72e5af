import { daysFromCivil, daysInMonth } from '../../domain/time/local-date.js';
import { parseInstantText } from '../../domain/time/zone.js';

export type InstantResult = { readonly at: number; readonly reason?: undefined } | { readonly at?: undefined; readonly reason: string };

/** Fixed skip reasons, so skips group by them. */
export const instantReasons = {
  notIso: 'not an ISO-8601 instant',
  notInstant: 'not a date-time in a known format',
  noZone: 'local time without an offset, and no zone was given (--zone)',
  noDateOrder: 'slash date with day and month order unknown (--date-order dmy|mdy)',
  badDate: 'not an existing calendar date or time',
} as const;

const isoLike = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;
const slashNumeric = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?\s*[Mm]\.?)?$/;
const slashMonthName = /^(\d{1,2})[/-]([^\d/\s-]{3,5})[/-](\d{4}|\d{2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?\s*[Mm]\.?)?$/;

/** Month abbreviations as JSM writes them in English and Spanish exports (`19/Jan/26`, `19/ene/26`). */
const monthNames: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  ene: 1, abr: 4, ago: 8, dic: 12,
};

/**
 * Reads the date-times of one import and counts how each got its offset. ISO-8601 text
 * with an offset is absolute; local text (ISO without offset, `d/m/yyyy HH:MM`, JSM's
 * `19/Jan/26 12:47 PM`) is placed in the configured zone, and refused without one.
 */
export class InstantReader {
  instantsWithOffset = 0;
  instantsInGivenZone = 0;
  /** Wall time minus instant (seconds) of each local hour seen, by hours since 1970-01-01T00 local; NaN for an hour holding a transition. */
  private readonly hourOffsets = new Map<number, number>();

  constructor(
    private readonly zone: string | undefined,
    private readonly dateOrder: 'dmy' | 'mdy' | undefined,
  ) {}

  /** ISO-8601 only (the canonical formats): `2027-03-01T09:15:00-08:00`, or local `2027-03-01T09:15` with a zone. */
  readIso(text: string): InstantResult {
    const withOffset = this.withOffset(text);
    if (withOffset !== undefined) return withOffset;
    const trimmed = text.trim();
    return isoLike.test(trimmed) ? this.iso(trimmed) : { reason: instantReasons.notIso };
  }

  /** ISO-8601, or the local formats of exports: `29/2/2016 01:16` (with a date order), `19/Jan/26 12:47 PM`. */
  read(text: string): InstantResult {
    const withOffset = this.withOffset(text);
    if (withOffset !== undefined) return withOffset;
    const trimmed = text.trim();
    if (isoLike.test(trimmed)) return this.iso(trimmed);
    const numeric = slashNumeric.exec(trimmed);
    if (numeric) {
      if (!this.dateOrder) return { reason: instantReasons.noDateOrder };
      const [a, b] = [Number(numeric[1]), Number(numeric[2])];
      const [day, month] = this.dateOrder === 'dmy' ? [a, b] : [b, a];
      return this.local(numeric[3]!, month, day, numeric[4]!, numeric[5]!, numeric[6], numeric[7]);
    }
    const named = slashMonthName.exec(trimmed);
    if (named) {
      const month = monthNames[named[2]!.toLowerCase().replace('.', '')];
      if (month === undefined) return { reason: instantReasons.notInstant };
      return this.local(named[3]!, month, Number(named[1]), named[4]!, named[5]!, named[6], named[7]);
    }
    return { reason: instantReasons.notInstant };
  }

  /**
   * The common case first: ISO-8601 with an offset, which `parseInstantText` reads by hand when
   * no zone is passed (without a zone it returns a number only for text with an offset, so
   * the count is right). Undefined otherwise; the full path then decides the reason.
   */
  private withOffset(text: string): InstantResult | undefined {
    // Not `YYYY-`: a slash date or text with spaces around it, left to the full path.
    if (text.charCodeAt(4) !== 45) return undefined;
    const at = parseInstantText(text);
    if (at === undefined) return undefined;
    this.instantsWithOffset++;
    return { at };
  }

  private iso(text: string): InstantResult {
    const hasOffset = /(Z|z|[+-]\d{2}(:?\d{2})?)(\[[^\]]+\])?$/.test(text.slice(10));
    if (!hasOffset && !this.zone) return { reason: instantReasons.noZone };
    const at = parseInstantText(text, hasOffset ? undefined : this.zone);
    if (at === undefined) {
      const shaped = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|z|[+-]\d{2}(:?\d{2})?)?$/.test(text);
      return { reason: shaped ? instantReasons.badDate : instantReasons.notIso };
    }
    if (hasOffset) this.instantsWithOffset++;
    else this.instantsInGivenZone++;
    return { at };
  }

  private local(yearText: string, month: number, day: number, hourText: string, minuteText: string, secondText: string | undefined, half: string | undefined): InstantResult {
    if (!this.zone) return { reason: instantReasons.noZone };
    const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
    let hour = Number(hourText);
    if (half) {
      if (hour < 1 || hour > 12) return { reason: instantReasons.badDate };
      hour = (hour % 12) + (half.toLowerCase() === 'p' ? 12 : 0);
    }
    const minute = Number(minuteText);
    const second = secondText === undefined ? 0 : Number(secondText);
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
      return { reason: instantReasons.badDate };
    }
    const at = this.localInstant(this.zone, year, month, day, hour, minute, second);
    if (at === undefined) return { reason: instantReasons.badDate };
    this.instantsInGivenZone++;
    return { at };
  }

  /**
   * A valid local date-time in `zone` as an instant, as `parseInstantText` places it. Within
   * a local hour the zone's offset almost never changes, so each hour is placed once through
   * Temporal (its first and last second) and the rest by arithmetic: the UCI log's 166,000
   * times fall in about 9,000 hours (Temporal's 5 µs each was a fifth of that import). An
   * hour holding a transition (the two ends not 3,599 s apart) goes to Temporal every time.
   */
  private localInstant(zone: string, year: number, month: number, day: number, hour: number, minute: number, second: number): number | undefined {
    const hourNumber = daysFromCivil(year, month, day) * 24 + hour;
    let offset = this.hourOffsets.get(hourNumber);
    if (offset === undefined) {
      const first = parseInstantText(localIso(year, month, day, hour, 0, 0), zone);
      const last = parseInstantText(localIso(year, month, day, hour, 59, 59), zone);
      offset = first !== undefined && last !== undefined && last - first === 3599 ? hourNumber * 3600 - first : Number.NaN;
      if (this.hourOffsets.size >= maxCachedHours) this.hourOffsets.clear();
      this.hourOffsets.set(hourNumber, offset);
    }
    if (!Number.isNaN(offset)) return hourNumber * 3600 + minute * 60 + second - offset;
    return parseInstantText(localIso(year, month, day, hour, minute, second), zone);
  }
}

/** Local hours whose offset is remembered (about 11 years of hours): enough for any export, small in memory. */
const maxCachedHours = 100_000;

function localIso(year: number, month: number, day: number, hour: number, minute: number, second: number): string {
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}`;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
