import { z } from 'zod';
import { textSchema } from '../values.js';

/** A party to the agreement. */
export const partySchema = z.strictObject({
  name: textSchema,
  address: textSchema.optional(),
  contact: textSchema.optional(),
});

export const partiesSchema = z.strictObject({
  client: partySchema,
  vendor: partySchema,
});

export type Party = z.output<typeof partySchema>;
export type Parties = z.output<typeof partiesSchema>;
