/** Contracts the lifecycle and risk tests share: the minimal header plus the sections a test writes. */
import { parseContract } from '../../contract/parse-contract.js';
import type { Contract } from '../../contract/schema/contract-schema.js';
import { weekdayOf, type LocalDate } from '../../time/local-date.js';
import { parseInstantText } from '../../time/zone.js';

const header = `supportpact: 1
id: test-contract
title: Test contract
parties:
  client: { name: Client Co }
  vendor: { name: Vendor Co }
currency: USD
timezone: America/Los_Angeles
`;

/** A contract with the given YAML sections (each written at top level): `contractWith('term:\n  start: 2027-01-01\n  initialTerm: 12mo\n')`. */
export function contractWith(sections: string): Contract {
  return parseContract(header + sections, 'test.contract.yaml').contract;
}

/** A contract whose term is `start`, `initialTerm` and an optional renewal mapping in flow style. */
export function contractWithTerm(start: LocalDate, initialTerm: string, renewal?: string, more = ''): Contract {
  return contractWith(`term:\n  start: ${start}\n  initialTerm: ${initialTerm}\n${renewal ? `  renewal: ${renewal}\n` : ''}${more}`);
}

/** Epoch seconds of an ISO-8601 instant with offset: `epochOf('2027-03-05T22:00:00-08:00')`. */
export function epochOf(text: string): number {
  const at = parseInstantText(text);
  if (at === undefined) throw new Error(`not an instant with offset: ${text}`);
  return at;
}

/**
 * A stand-in for Northstar's `business` calendar as whole dates: Monday to Friday, less
 * the listed 2027–2029 California holidays (observed days) and the contract's closures
 * 2027-12-24 and 2027-12-31. The tests use it as the caller's `isBusinessDay`.
 */
const closedDates = new Set([
  '2027-01-01', '2027-01-18', '2027-02-15', '2027-03-31', '2027-05-31', '2027-06-18', '2027-07-05', '2027-09-06', '2027-11-11', '2027-11-25', '2027-11-26', '2027-12-24', '2027-12-31',
  '2028-01-17', '2028-02-21', '2028-03-31', '2028-05-29', '2028-06-19', '2028-07-04', '2028-09-04', '2028-11-10', '2028-11-23', '2028-11-24', '2028-12-25',
  '2029-01-01', '2029-01-15', '2029-02-19', '2029-03-30', '2029-05-28', '2029-06-19', '2029-07-04', '2029-09-03', '2029-11-12', '2029-11-22', '2029-11-23', '2029-12-25',
]);

export function isNorthstarBusinessDay(date: LocalDate): boolean {
  const day = weekdayOf(date);
  return day !== 'sat' && day !== 'sun' && !closedDates.has(date);
}
