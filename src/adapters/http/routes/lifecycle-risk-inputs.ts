/** zod inputs shared by the lifecycle and risk route modules: days, instants in bodies, and the contract's "today". */
import { z } from 'zod';
import { loadStoredContract } from '../../../app/load-stored-contract.js';
import type { StoreSession } from '../../../app/ports/index.js';
import { isLocalDate, localDateOf, parseInstantText, todayIn, type LocalDate } from '../../../domain/time/index.js';

const hasOffset = (text: string): boolean => /(Z|z|[+-]\d{2}:?\d{2})$/.test(text.trim());

/** An instant in a request body: ISO-8601 with an offset (or Z), as epoch seconds. */
export const instantFieldSchema = z
  .string()
  .max(64)
  .refine((text) => hasOffset(text) && parseInstantText(text) !== undefined, 'expected an ISO-8601 instant with an offset, for example 2027-03-05T22:00:00-08:00')
  .transform((text) => parseInstantText(text) as number);

/** A date that exists: `2027-02-29` is refused (2027 is not a leap year). */
export const existingDateSchema = z.string().refine(isLocalDate, 'expected an existing date as YYYY-MM-DD, for example 2027-08-20');

/** What `?asOf=` of a day-judging route was: a date as given, or an instant to place in the contract's zone. */
export type DayInput = { readonly on: LocalDate } | { readonly at: number };

/**
 * `?asOf=` on routes that judge a whole day (rights, exit, insurance): a date, or an instant
 * with an offset, which counts as its date in the contract's zone (so the dashboard can send
 * one instant everywhere).
 */
export const dayQuerySchema = z
  .string()
  .max(64)
  .refine((text) => isLocalDate(text) || (hasOffset(text) && parseInstantText(text) !== undefined), 'expected a date (2027-07-15) or an ISO-8601 instant with an offset (2027-07-15T09:00:00-07:00)')
  .transform((text): DayInput => (isLocalDate(text) ? { on: text } : { at: parseInstantText(text) as number }))
  .describe("the day to judge: YYYY-MM-DD, or an instant with offset taken as its date in the contract's zone; default: today there, by the server clock");

/** The day a request judges, in the contract's zone: the given date, the given instant's date, or today by the server clock. */
export async function contractDayOf(store: StoreSession, contractId: string, input: DayInput | undefined, nowSeconds: number): Promise<{ on: LocalDate; zone: string }> {
  const zone = (await loadStoredContract(store, contractId)).loaded.contract.timezone;
  if (input && 'on' in input) return { on: input.on, zone };
  return { on: input ? localDateOf(input.at, zone) : todayIn(nowSeconds, zone), zone };
}

/** `{ amount: "5000000.00", currency: "USD" }`: Money as `register-json.ts` writes it. */
export const moneyJsonSchema = z.object({ amount: z.string().describe('decimal, as many places as the currency has'), currency: z.string() });

/** An instant in a response: ISO-8601 UTC. */
export const instantJsonSchema = z.string().describe('ISO-8601 UTC, for example 2027-03-06T06:00:00Z');
