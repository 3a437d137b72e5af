import { z } from 'zod';
import {
  amountSchema,
  booleanSchema,
  durationSchema,
  enumSchema,
  idSchema,
  integerSchema,
  listSchema,
  percentSchema,
  textSchema,
} from '../values.js';

export const pricingModels = ['fixed', 'per-incident', 'tiered', 'hybrid'] as const;
export const bandModes = ['graduated', 'volume', 'package'] as const;
export const billableUnits = ['resolved-ticket', 'created-ticket'] as const;
export const issueDays = ['first-day', 'first-business-day', 'last-day'] as const;
export const roundingModes = ['half-up', 'half-even', 'down', 'up'] as const;
export type RoundingMode = (typeof roundingModes)[number];

const bandSchema = z.strictObject({
  upTo: integerSchema(1, 1_000_000_000).optional(),
  unitPrice: amountSchema.optional(),
  flatFee: amountSchema.optional(),
});

const tiersSchema = z.strictObject({
  mode: enumSchema(bandModes),
  unit: enumSchema(billableUnits).optional(),
  bands: listSchema(bandSchema).optional(),
  packageSize: integerSchema(1, 1_000_000).optional(),
  packagePrice: amountSchema.optional(),
  freeUnits: integerSchema(0, 1_000_000_000).optional(),
});

const discountBandSchema = z.strictObject({
  upTo: integerSchema(1, 1_000_000_000).optional(),
  discount: percentSchema,
});

const perIncidentSchema = z.strictObject({
  unit: enumSchema(billableUnits).optional(),
  byPriority: z.record(z.string(), amountSchema),
  volumeDiscount: z
    .strictObject({ mode: enumSchema(['volume']), bands: listSchema(discountBandSchema) })
    .optional(),
});

const extraSchema = z.strictObject({
  id: idSchema,
  description: textSchema.optional(),
  per: enumSchema(['ticket']),
  when: z.strictObject({
    priority: textSchema.optional(),
    outsideCalendar: textSchema.optional(),
    channel: textSchema.optional(),
    category: textSchema.optional(),
  }),
  price: amountSchema,
});

const invoicingSchema = z.strictObject({
  every: durationSchema(['mo'], '1mo'),
  issueOn: enumSchema(issueDays),
  calendar: textSchema.optional(),
  paymentTerms: durationSchema(['d'], '30d'),
  methods: listSchema(textSchema).optional(),
});

const latePaymentSchema = z.strictObject({
  graceDays: integerSchema(0, 365).optional(),
  interest: z
    .strictObject({
      rate: percentSchema,
      per: durationSchema(['d', 'mo', 'y'], '1mo'),
      simple: booleanSchema.optional(),
    })
    .optional(),
});

const taxSchema = z.strictObject({
  name: textSchema,
  rate: percentSchema,
  appliesTo: enumSchema(['services', 'goods', 'all']).optional(),
  note: textSchema.optional(),
});

export const pricingSchema = z.strictObject({
  model: enumSchema(pricingModels),
  base: z
    .strictObject({
      monthly: amountSchema,
      description: textSchema.optional(),
      includedTickets: integerSchema(0, 1_000_000_000).optional(),
      overage: amountSchema.optional(),
    })
    .optional(),
  tiers: tiersSchema.optional(),
  perIncident: perIncidentSchema.optional(),
  minimumMonthly: amountSchema.optional(),
  extras: listSchema(extraSchema).optional(),
  invoicing: invoicingSchema.optional(),
  latePayment: latePaymentSchema.optional(),
  taxes: listSchema(taxSchema).optional(),
  rounding: enumSchema(roundingModes).optional(),
});

export type Pricing = z.output<typeof pricingSchema>;
export type PricingTiers = z.output<typeof tiersSchema>;
export type PerIncidentPricing = z.output<typeof perIncidentSchema>;
export type PricingExtra = z.output<typeof extraSchema>;
