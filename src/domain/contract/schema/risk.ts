import { z } from 'zod';
import {
  amountSchema,
  booleanSchema,
  dateSchema,
  durationSchema,
  enumSchema,
  integerSchema,
  listSchema,
  monthsSchema,
  textSchema,
} from '../values.js';

const breachNotificationSchema = z.strictObject({
  vendorToClient: durationSchema(['m', 'h', 'd'], '24h'),
  content: listSchema(textSchema).optional(),
  regulator: z
    .strictObject({
      californiaAttorneyGeneral: z
        .strictObject({
          whenResidentsOver: integerSchema(0, 100_000_000),
          within: durationSchema(['d'], '15d').optional(),
        })
        .optional(),
    })
    .optional(),
  individuals: z.strictObject({ within: durationSchema(['d'], '30d') }).optional(),
});

const insuranceSchema = z.strictObject({
  type: textSchema,
  minimum: amountSchema,
  certificateExpires: dateSchema.optional(),
});

export const riskSchema = z.strictObject({
  dataSecurity: z
    .strictObject({
      standards: listSchema(textSchema).optional(),
      encryption: z.strictObject({ atRest: textSchema.optional(), inTransit: textSchema.optional() }).optional(),
      backgroundChecks: booleanSchema.optional(),
    })
    .optional(),
  compliance: z
    .strictObject({
      regulations: listSchema(textSchema).optional(),
      ccpaServiceProviderTerms: booleanSchema.optional(),
      subprocessors: z.strictObject({ requireApproval: booleanSchema.optional() }).optional(),
    })
    .optional(),
  breachNotification: breachNotificationSchema.optional(),
  confidentiality: z.strictObject({ survives: durationSchema(['mo', 'y'], '3y').optional() }).optional(),
  insurance: listSchema(insuranceSchema).optional(),
  intellectualProperty: z
    .strictObject({
      workProduct: enumSchema(['client', 'vendor', 'joint']).optional(),
      preExistingTools: enumSchema(['client', 'vendor']).optional(),
      license: z.strictObject({ to: enumSchema(['client', 'vendor']), scope: textSchema }).optional(),
    })
    .optional(),
  indemnification: z
    .strictObject({ vendor: listSchema(textSchema).optional(), client: listSchema(textSchema).optional() })
    .optional(),
  liability: z
    .strictObject({
      cap: z
        .strictObject({ monthsOfFees: monthsSchema.optional(), amount: amountSchema.optional() })
        .refine((cap) => cap.monthsOfFees !== undefined || cap.amount !== undefined, { message: 'give the cap as monthsOfFees or an amount' })
        .optional(),
      excluded: listSchema(textSchema).optional(),
    })
    .optional(),
});

export type Risk = z.output<typeof riskSchema>;
export type InsuranceRequirement = z.output<typeof insuranceSchema>;
