/**
 * Public holidays of a region (`US-CA`, `DE-BE`, `AU-NSW`, `US`), read from date-holidays:
 * `type === 'public'` (and substitute days typed 'bank') (never observances such as Valentine's Day), including the
 * observed substitute days the library lists (`substitute: true`, e.g. Friday 2027-07-05
 * for Sunday 2027-07-04 in US-CA).
 */
import Holidays from 'date-holidays';
import { dayNumberOf } from '../time/index.js';

/** A region as date-holidays understands it: `country[-state[-region]]`. */
export interface HolidayRegion {
  readonly code: string;
  readonly country: string;
  readonly state?: string;
  readonly region?: string;
}

const catalogue = new Holidays();
let countryCodes: ReadonlyMap<string, string> | undefined;

function findCode(known: Record<string, string> | undefined, wanted: string): string | undefined {
  if (!known) return undefined;
  return Object.keys(known).find((code) => code.toUpperCase() === wanted.toUpperCase());
}

/**
 * Resolves a region code, or explains why it is unknown:
 * `parseHolidayRegion('US-CA')` is `{ country: 'US', state: 'CA', ... }`,
 * `parseHolidayRegion('US-XX')` is `'US has no state "XX"; known: AK, AL, ...'`.
 */
export function parseHolidayRegion(code: unknown): HolidayRegion | string {
  if (typeof code !== 'string' || !/^[A-Za-z0-9]+(-[A-Za-z0-9]+){0,2}$/.test(code.trim())) {
    return `${JSON.stringify(code)} is not a region code like "US-CA" (country[-state[-region]])`;
  }
  const [countryText, stateText, regionText] = code.trim().split('-') as [string, string?, string?];
  countryCodes ??= new Map(Object.keys(catalogue.getCountries()).map((c) => [c.toUpperCase(), c]));
  const country = countryCodes.get(countryText.toUpperCase());
  if (!country) return `unknown country "${countryText}" (ISO 3166 codes such as US, DE, AU)`;
  if (stateText === undefined) return { code: country, country };
  const states = catalogue.getStates(country);
  const state = findCode(states, stateText);
  if (!state) return `${country} has no state "${stateText}"; known: ${listCodes(states)}`;
  if (regionText === undefined) return { code: `${country}-${state}`, country, state };
  const regions = catalogue.getRegions(country, state);
  const region = findCode(regions, regionText);
  if (!region) return `${country}-${state} has no region "${regionText}"; known: ${listCodes(regions)}`;
  return { code: `${country}-${state}-${region}`, country, state, region };
}

function listCodes(known: Record<string, string> | undefined): string {
  const codes = Object.keys(known ?? {}).sort();
  if (codes.length === 0) return 'none';
  return codes.length > 20 ? `${codes.slice(0, 20).join(', ')}, ...` : codes.join(', ');
}

const libraries = new Map<string, Holidays>();
const yearCache = new Map<string, readonly number[]>();

/**
 * Day numbers (days since 1970-01-01) of the public holidays whose local date falls in
 * `year`, substitute days included: for US-CA in 2027 it includes 2027-07-05 (Sunday
 * July 4 observed) and 2027-12-31 (Saturday 2028-01-01 observed), not 2027-02-14.
 * A holiday lasting several days (Eid al-Fitr in AE: 3) closes each of its dates.
 */
export function publicHolidayDayNumbers(region: HolidayRegion, year: number): readonly number[] {
  const key = `${region.code}:${year}`;
  const cached = yearCache.get(key);
  if (cached) return cached;
  let library = libraries.get(region.code);
  if (!library) {
    library =
      region.state === undefined
        ? new Holidays(region.country)
        : region.region === undefined
          ? new Holidays(region.country, region.state)
          : new Holidays(region.country, region.state, region.region);
    libraries.set(region.code, library);
  }
  const first = dayNumberOf(`${String(year).padStart(4, '0')}-01-01`);
  const last = dayNumberOf(`${String(year).padStart(4, '0')}-12-31`);
  const days = new Set<number>();
  // A holiday listed under the neighbouring year can land in this one (2028's New Year's
  // Day observed on Friday 2027-12-31; a multi-day holiday starting on December 30).
  for (const listedYear of [year - 1, year, year + 1]) {
    for (const holiday of library.getHolidays(listedYear)) {
      // Public holidays and their observed substitute days; date-holidays types some of those
      // substitutes 'bank' (Friday 2028-11-10 for Veterans Day on Saturday 2028-11-11 in US-CA).
      if (holiday.type !== 'public' && !(holiday.substitute === true && holiday.type === 'bank')) continue;
      const startDay = dayNumberOf(holiday.date.slice(0, 10));
      // `date` is the local date; `start`/`end` give the length (86400000 ms a day, 23 or 25 h across DST).
      const lengthDays = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / 86_400_000));
      for (let d = startDay; d < startDay + lengthDays; d++) if (d >= first && d <= last) days.add(d);
    }
  }
  const sorted = [...days].sort((a, b) => a - b);
  yearCache.set(key, sorted);
  return sorted;
}
