/**
 * Instants as the library accepts them: a `Date`, or an ISO-8601 string (with an offset or
 * `Z` it is absolute; without one it is wall time in the calendar's zone). Resolution is
 * one second: sub-second parts are truncated down (floor), so 09:00:00.999 is 09:00:00.
 */
import { SupportPactError } from '../errors/index.js';
import { parseInstantText } from '../time/index.js';

export type InstantInput = Date | string;

/**
 * Epoch seconds of an instant: `epochSecondsOfInstant('2027-03-15T09:00', 'America/Los_Angeles')`
 * is 1805126400 (16:00Z); `'2027-03-15 nine'` throws INSTANT_INVALID naming the text.
 */
export function epochSecondsOfInstant(input: InstantInput, zone: string): number {
  if (input instanceof Date) {
    const ms = input.getTime();
    if (Number.isNaN(ms)) throw invalidInstant('an Invalid Date', 'pass a Date built from a valid time');
    return Math.floor(ms / 1000);
  }
  if (typeof input === 'string') {
    const seconds = parseInstantText(input, zone);
    if (seconds === undefined) {
      throw invalidInstant(JSON.stringify(input), 'write 2027-03-01T09:15:00-08:00, 2027-03-01T17:15:00Z, or local wall time 2027-03-01T09:15:00');
    }
    return seconds;
  }
  throw invalidInstant(String(input), 'pass a Date or an ISO-8601 string');
}

function invalidInstant(what: string, hint: string): SupportPactError {
  return new SupportPactError('INSTANT_INVALID', `${what} is not an instant`, { problems: [{ message: `${what} is not an instant`, hint }] });
}

/** Checks an amount of seconds or days and truncates it toward zero (1.9 s counts as 1 s). */
export function wholeAmount(amount: number, unit: string): number {
  if (typeof amount !== 'number' || !Number.isFinite(amount)) throw new RangeError(`${unit} must be a finite number, not ${String(amount)}`);
  return Math.trunc(amount) + 0;
}
