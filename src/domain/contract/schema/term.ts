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
  periodUnits,
  textSchema,
} from '../values.js';

export const terminatingParties = ['client', 'vendor', 'either'] as const;
export const causeGrounds = [
  'data-breach',
  'sustained-performance-failure',
  'material-breach',
  'non-payment',
  'insolvency',
  'force-majeure',
  'change-of-control',
  'regulatory',
] as const;
export type CauseGround = (typeof causeGrounds)[number];

const noticeSchema = durationSchema(['d', 'mo'], '30d');

const forConvenienceSchema = z.strictObject({
  by: enumSchema(terminatingParties),
  notice: noticeSchema,
  fee: z
    .strictObject({ months: monthsSchema.optional(), amount: amountSchema.optional() })
    .refine((fee) => fee.months !== undefined || fee.amount !== undefined, { message: 'give the fee as months (of fees) or an amount' })
    .optional(),
});

/** Missed service levels that open a termination right: k consecutive months, or k of any n. */
const serviceLevelsMissedSchema = z
  .strictObject({
    consecutiveMonths: integerSchema(1, 24).optional(),
    orMonthsOutOf: listSchema(integerSchema(1, 36)).optional(),
    monthsOutOf: listSchema(integerSchema(1, 36)).optional(),
  })
  .transform((s, ctx) => {
    const window = s.orMonthsOutOf ?? s.monthsOutOf;
    if (window !== undefined) {
      const key = s.orMonthsOutOf ? 'orMonthsOutOf' : 'monthsOutOf';
      if (window.length !== 2 || (window[0] ?? 0) > (window[1] ?? 0)) {
        ctx.addIssue({ code: 'custom', path: [key], message: 'write [k, n]: k missed months out of any n consecutive months, with k <= n, e.g. [4, 6]', params: { expected: '[k, n]' } });
        return z.NEVER;
      }
    }
    if (s.consecutiveMonths === undefined && window === undefined) {
      ctx.addIssue({ code: 'custom', message: 'say how many missed months open the right: consecutiveMonths: 3 and/or orMonthsOutOf: [4, 6]', params: { expected: 'consecutiveMonths or orMonthsOutOf' } });
      return z.NEVER;
    }
    return {
      ...(s.consecutiveMonths !== undefined ? { consecutiveMonths: s.consecutiveMonths } : {}),
      ...(window !== undefined ? { monthsOutOf: [window[0] as number, window[1] as number] as const } : {}),
    };
  });

const forCauseSchema = z.strictObject({
  ground: enumSchema(causeGrounds),
  by: enumSchema(terminatingParties),
  notice: noticeSchema,
  cure: noticeSchema.optional(),
  after: noticeSchema.optional(),
  trigger: z.strictObject({ serviceLevelsMissed: serviceLevelsMissedSchema.optional(), unpaidDays: integerSchema(1, 365).optional() }).optional(),
  description: textSchema.optional(),
});

const exitSchema = z.strictObject({
  transitionAssistance: noticeSchema.optional(),
  dataReturn: z
    .strictObject({ within: noticeSchema, formats: listSchema(textSchema).optional(), includes: listSchema(textSchema).optional() })
    .optional(),
  dataDeletion: z.strictObject({ within: noticeSchema, certificate: booleanSchema.optional() }).optional(),
  knowledgeTransfer: z
    .strictObject({
      sessions: integerSchema(0, 100).optional(),
      within: noticeSchema.optional(),
      deliverables: listSchema(textSchema).optional(),
    })
    .optional(),
});

export const termSchema = z.strictObject({
  start: dateSchema,
  initialTerm: durationSchema(periodUnits, '24mo'),
  renewal: z
    .strictObject({
      automatic: booleanSchema,
      period: durationSchema(periodUnits, '12mo').optional(),
      optOutNotice: noticeSchema.optional(),
      maxRenewals: integerSchema(0, 100).optional(),
    })
    .optional(),
  termination: z
    .strictObject({
      forConvenience: listSchema(forConvenienceSchema).optional(),
      forCause: listSchema(forCauseSchema).optional(),
    })
    .optional(),
  exit: exitSchema.optional(),
});

export type Term = z.output<typeof termSchema>;
export type ForCauseTermination = z.output<typeof forCauseSchema>;
export type ForConvenienceTermination = z.output<typeof forConvenienceSchema>;
export type ExitTerms = z.output<typeof exitSchema>;
