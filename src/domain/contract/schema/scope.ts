import { z } from 'zod';
import { durationSchema, enumSchema, idSchema, labelSchema, listSchema, periodUnits, textSchema } from '../values.js';

const serviceSchema = z.strictObject({ id: idSchema, description: textSchema.optional() });

export const scopeSchema = z.strictObject({
  services: listSchema(serviceSchema).optional(),
  excluded: listSchema(serviceSchema).optional(),
  technologies: z
    .strictObject({
      ticketing: z.strictObject({ system: textSchema, owner: enumSchema(['client', 'vendor']).optional() }).optional(),
      operatingSystems: listSchema(z.strictObject({ name: textSchema, versions: listSchema(labelSchema).optional() })).optional(),
      applications: listSchema(labelSchema).optional(),
      devices: listSchema(labelSchema).optional(),
    })
    .optional(),
  channels: z
    .record(z.string(), z.strictObject({ coverage: textSchema.optional(), languages: listSchema(textSchema).optional() }))
    .optional(),
  dataAccess: z
    .strictObject({
      allowedCategories: listSchema(textSchema).optional(),
      prohibitedCategories: listSchema(textSchema).optional(),
      safeguards: listSchema(textSchema).optional(),
      reviewEvery: durationSchema(periodUnits, '3mo').optional(),
    })
    .optional(),
});

export type Scope = z.output<typeof scopeSchema>;
