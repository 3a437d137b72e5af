/**
 * Lifecycle and risk results as plain JSON: Money (`{ minor: bigint, currency }`) becomes
 * `{ amount: "9000.00", currency: "USD" }`, and epoch-second instants (keys `at`, `asOf`,
 * `...At`) become ISO-8601 UTC strings. Dates (`YYYY-MM-DD`) stay as they are.
 */
import { formatMoney, type Money } from '../../domain/money/index.js';
import { formatInstantUtc } from '../../domain/time/index.js';

function isMoney(value: unknown): value is Money {
  return typeof value === 'object' && value !== null && typeof (value as Money).minor === 'bigint' && typeof (value as Money).currency === 'string';
}

const instantKey = /^(at|asOf)$|At$/;

/** `toRegisterJson({ discoveredAt: 1803880800, fee: money(900000n, 'USD') })` is `{ discoveredAt: '2027-03-01T06:00:00Z', fee: { amount: '9000.00', currency: 'USD' } }`. */
export function toRegisterJson(value: unknown, key = ''): unknown {
  if (isMoney(value)) return { amount: formatMoney(value, 'plain'), currency: value.currency };
  if (typeof value === 'number' && instantKey.test(key) && Number.isSafeInteger(value)) return formatInstantUtc(value);
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map((v) => toRegisterJson(v));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toRegisterJson(v, k)]));
  return value;
}

/** Pretty JSON text with a final newline. */
export function registerJsonText(value: unknown): string {
  return JSON.stringify(toRegisterJson(value), null, 2) + '\n';
}
