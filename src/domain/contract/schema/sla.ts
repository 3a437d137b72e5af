import { z } from 'zod';
import {
  booleanSchema,
  durationSchema,
  enumSchema,
  idSchema,
  integerSchema,
  labelSchema,
  listSchema,
  percentSchema,
  targetUnits,
  textSchema,
  type Percent,
} from '../values.js';
import type { Duration } from '../../time/duration.js';

export const pausableStatuses = ['new', 'open', 'pending_customer', 'on_hold_third_party'] as const;
export const priorityChangeModes = ['restart-from-creation', 'restart-from-change', 'keep-original'] as const;
export const reopenModes = ['resume', 'restart'] as const;
export const dueAtClosingTimeModes = ['next-opening', 'closing-time'] as const;
export const clockMetrics = ['firstResponse', 'resolution'] as const;
export const qualityMetrics = ['firstContactResolution', 'meanTimeToResolve', 'reopenRate'] as const;
export const fcrDefinitions = ['default', 'one-touch', 'no-reopen'] as const;

const prioritySchema = z.strictObject({
  name: textSchema,
  description: textSchema.optional(),
  mapFrom: listSchema(labelSchema).optional(),
});

const clockSchema = z.strictObject({
  pausedIn: listSchema(enumSchema(pausableStatuses)).optional(),
  priorityChange: enumSchema(priorityChangeModes).optional(),
  reopen: enumSchema(reopenModes).optional(),
  dueAtClosingTime: enumSchema(dueAtClosingTimeModes).optional(),
  atRiskAt: percentSchema.optional(),
});

const targetSchema = z.strictObject({
  within: durationSchema(targetUnits, '4h or 2bd'),
  calendar: textSchema,
});

const serviceLevelSchema = z.strictObject({
  id: idSchema,
  metric: enumSchema(clockMetrics),
  priorities: listSchema(textSchema),
  atLeast: percentSchema,
  description: textSchema.optional(),
});

const mttrAtMost = durationSchema(['s', 'm', 'h'], '3h');

/** A quality measure; `atMost` is a duration for mean time to resolve and a percentage for reopen rate. */
const qualitySchema = z
  .strictObject({
    id: idSchema,
    metric: enumSchema(qualityMetrics),
    priorities: listSchema(textSchema).optional(),
    atLeast: percentSchema.optional(),
    atMost: z.unknown().optional(),
    calendar: textSchema.optional(),
    definition: enumSchema(fcrDefinitions).optional(),
    description: textSchema.optional(),
  })
  .transform((q, ctx): QualityMeasureSpecification => {
    const base = { id: q.id, ...(q.priorities ? { priorities: q.priorities } : {}), ...(q.description ? { description: q.description } : {}) };
    const misplaced = (key: string, why: string): void => {
      ctx.addIssue({ code: 'custom', path: [key], message: why, params: { unexpectedKey: true } });
    };
    switch (q.metric) {
      case 'firstContactResolution': {
        if (q.atMost !== undefined) misplaced('atMost', 'first-contact resolution is a share to reach: use atLeast, e.g. atLeast: "70%"');
        if (q.calendar !== undefined) misplaced('calendar', 'first-contact resolution does not use a calendar; remove calendar');
        if (q.atLeast === undefined) {
          ctx.addIssue({ code: 'custom', path: ['atLeast'], message: 'missing required field "atLeast"', params: { expected: 'a percentage such as "70%"' } });
          return z.NEVER;
        }
        return { ...base, metric: 'firstContactResolution', atLeast: q.atLeast, definition: q.definition ?? 'default' };
      }
      case 'meanTimeToResolve': {
        if (q.atLeast !== undefined) misplaced('atLeast', 'mean time to resolve is a limit: use atMost with a duration, e.g. atMost: 3h');
        if (q.definition !== undefined) misplaced('definition', 'definition applies to firstContactResolution only');
        const parsed = mttrAtMost.safeParse(q.atMost);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: ['atMost'], message: q.atMost === undefined ? 'missing required field "atMost"' : issue.message, params: { expected: 'a duration such as 3h' } });
        }
        if (q.calendar === undefined) {
          ctx.addIssue({ code: 'custom', path: ['calendar'], message: 'missing required field "calendar": name the calendar whose open hours the time is measured on', params: { expected: 'a calendar name' } });
        }
        if (!parsed.success || q.calendar === undefined) return z.NEVER;
        return { ...base, metric: 'meanTimeToResolve', atMost: parsed.data, calendar: q.calendar };
      }
      case 'reopenRate': {
        if (q.atLeast !== undefined) misplaced('atLeast', 'reopen rate is a limit: use atMost, e.g. atMost: "5%"');
        if (q.calendar !== undefined) misplaced('calendar', 'reopen rate does not use a calendar; remove calendar');
        if (q.definition !== undefined) misplaced('definition', 'definition applies to firstContactResolution only');
        const parsed = percentSchema.safeParse(q.atMost);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: ['atMost'], message: q.atMost === undefined ? 'missing required field "atMost"' : issue.message, params: { expected: 'a percentage such as "5%"' } });
          return z.NEVER;
        }
        return { ...base, metric: 'reopenRate', atMost: parsed.data };
      }
    }
  });

export interface QualityBase {
  readonly id: string;
  readonly priorities?: string[];
  readonly description?: string;
}
export type QualityMeasureSpecification =
  | (QualityBase & { readonly metric: 'firstContactResolution'; readonly atLeast: Percent; readonly definition: (typeof fcrDefinitions)[number] })
  | (QualityBase & { readonly metric: 'meanTimeToResolve'; readonly atMost: Duration; readonly calendar: string })
  | (QualityBase & { readonly metric: 'reopenRate'; readonly atMost: Percent });

const availabilitySchema = z.strictObject({
  id: idSchema,
  service: textSchema,
  target: percentSchema,
  calendar: textSchema,
  maxSingleOutage: durationSchema(['s', 'm', 'h'], '1h').optional(),
});

const reportingSchema = z.strictObject({
  vendorReport: z
    .strictObject({
      every: durationSchema(['mo'], '1mo'),
      dueWithin: durationSchema(['bd', 'd'], '5bd'),
      calendar: textSchema.optional(),
    })
    .optional(),
  independentAudit: z
    .strictObject({
      every: durationSchema(['mo', 'y'], '12mo'),
      noticeWithin: durationSchema(['bd', 'd'], '15bd'),
      calendar: textSchema.optional(),
    })
    .optional(),
});

/** What a credit rule tests: one measure and one test of it. */
export type CreditCondition =
  | { readonly measure: 'serviceLevel'; readonly id: string; readonly test: 'missed' }
  | { readonly measure: 'serviceLevel'; readonly id: string; readonly test: 'below'; readonly below: Percent }
  | { readonly measure: 'quality'; readonly id: string; readonly test: 'missed' }
  | { readonly measure: 'availability'; readonly id: string; readonly test: 'below'; readonly below: Percent }
  | { readonly measure: 'availability'; readonly id: string; readonly test: 'longestOutageOver'; readonly longestOutageOver: Duration }
  | { readonly measure: 'vendorReport'; readonly test: 'late' | 'missing' };

const creditWhenSchema = z
  .strictObject({
    serviceLevel: textSchema.optional(),
    quality: textSchema.optional(),
    availability: textSchema.optional(),
    vendorReport: enumSchema(['late', 'missing']).optional(),
    missed: booleanSchema.optional(),
    below: percentSchema.optional(),
    longestOutageOver: durationSchema(['s', 'm', 'h'], '1h').optional(),
  })
  .transform((w, ctx): CreditCondition => {
    const measures = (['serviceLevel', 'quality', 'availability', 'vendorReport'] as const).filter((k) => w[k] !== undefined);
    const tests = (['missed', 'below', 'longestOutageOver'] as const).filter((k) => w[k] !== undefined);
    const fail = (message: string, path: string[] = []): never => {
      ctx.addIssue({ code: 'custom', path, message, params: { expected: 'one measure (serviceLevel, quality, availability or vendorReport) and one test' } });
      return z.NEVER as never;
    };
    if (measures.length !== 1) return fail(measures.length === 0 ? 'name the measure this credit is for: serviceLevel, quality, availability or vendorReport' : `a credit tests one measure; found ${measures.join(' and ')}: split it into one rule per measure`);
    if (w.missed === false) return fail('missed: false never triggers a credit; write missed: true or remove the rule', ['missed']);
    if (w.vendorReport !== undefined) {
      if (tests.length > 0) return fail(`vendorReport: ${w.vendorReport} is the whole test; remove ${tests.join(', ')}`);
      return { measure: 'vendorReport', test: w.vendorReport };
    }
    if (tests.length !== 1) return fail(tests.length === 0 ? 'say when the credit applies: missed: true, below: "<percent>" or longestOutageOver: <duration>' : `a credit has one test; found ${tests.join(' and ')}: split it into one rule per test`);
    if (w.serviceLevel !== undefined) {
      if (w.longestOutageOver) return fail('longestOutageOver applies to availability only', ['longestOutageOver']);
      return w.below ? { measure: 'serviceLevel', id: w.serviceLevel, test: 'below', below: w.below } : { measure: 'serviceLevel', id: w.serviceLevel, test: 'missed' };
    }
    if (w.quality !== undefined) {
      if (!w.missed) return fail('a quality credit applies when the measure is missed: write missed: true');
      return { measure: 'quality', id: w.quality, test: 'missed' };
    }
    const id = w.availability as string;
    if (w.missed) return fail('for availability, say the level: below: "99.9%" (or longestOutageOver: 1h)', ['missed']);
    if (w.below) return { measure: 'availability', id, test: 'below', below: w.below };
    return { measure: 'availability', id, test: 'longestOutageOver', longestOutageOver: w.longestOutageOver as Duration };
  });

const creditSchema = z.strictObject({
  when: creditWhenSchema,
  credit: percentSchema,
  description: textSchema.optional(),
});

const capSchema = z.strictObject({
  monthly: percentSchema.optional(),
  rolling12Months: percentSchema.optional(),
});

/** What earns a bonus. */
export type IncentiveCondition =
  | { readonly measure: 'quality'; readonly id: string; readonly atLeast: Percent; readonly consecutiveMonths: number }
  | { readonly measure: 'serviceLevel'; readonly id: string; readonly atLeast: Percent; readonly consecutiveMonths: number }
  | { readonly measure: 'allServiceLevelsMet'; readonly consecutiveMonths: number };

const incentiveWhenSchema = z
  .strictObject({
    serviceLevel: textSchema.optional(),
    quality: textSchema.optional(),
    allServiceLevelsMet: booleanSchema.optional(),
    atLeast: percentSchema.optional(),
    consecutiveMonths: integerSchema(1, 36).optional(),
  })
  .transform((w, ctx): IncentiveCondition => {
    const measures = (['serviceLevel', 'quality', 'allServiceLevelsMet'] as const).filter((k) => w[k] !== undefined);
    const consecutiveMonths = w.consecutiveMonths ?? 1;
    const fail = (message: string, path: string[] = []): never => {
      ctx.addIssue({ code: 'custom', path, message, params: { expected: 'one measure and its level' } });
      return z.NEVER as never;
    };
    if (measures.length !== 1) return fail(measures.length === 0 ? 'name what earns the bonus: serviceLevel, quality or allServiceLevelsMet' : `a bonus tests one measure; found ${measures.join(' and ')}`);
    if (w.allServiceLevelsMet !== undefined) {
      if (w.allServiceLevelsMet !== true) return fail('allServiceLevelsMet: false never earns a bonus; write true', ['allServiceLevelsMet']);
      if (w.atLeast) return fail('allServiceLevelsMet takes no atLeast; remove it', ['atLeast']);
      return { measure: 'allServiceLevelsMet', consecutiveMonths };
    }
    if (!w.atLeast) return fail('say the level that earns the bonus: atLeast: "<percent>"', ['atLeast']);
    if (w.quality !== undefined) return { measure: 'quality', id: w.quality, atLeast: w.atLeast, consecutiveMonths };
    return { measure: 'serviceLevel', id: w.serviceLevel as string, atLeast: w.atLeast, consecutiveMonths };
  });

const incentiveSchema = z.strictObject({
  when: incentiveWhenSchema,
  bonus: percentSchema,
  description: textSchema.optional(),
});

export const slaSchema = z.strictObject({
  priorities: z.record(z.string(), prioritySchema),
  clock: clockSchema.optional(),
  targets: z
    .strictObject({
      firstResponse: z.record(z.string(), targetSchema).optional(),
      resolution: z.record(z.string(), targetSchema).optional(),
    })
    .optional(),
  serviceLevels: listSchema(serviceLevelSchema).optional(),
  quality: listSchema(qualitySchema).optional(),
  availability: listSchema(availabilitySchema).optional(),
  reporting: reportingSchema.optional(),
  credits: listSchema(creditSchema).optional(),
  creditCap: capSchema.optional(),
  incentives: listSchema(incentiveSchema).optional(),
  incentiveCap: capSchema.optional(),
});

export type Sla = z.output<typeof slaSchema>;
export type ServiceLevel = z.output<typeof serviceLevelSchema>;
export type AvailabilitySpecification = z.output<typeof availabilitySchema>;
export type CreditRuleSpecification = z.output<typeof creditSchema>;
export type IncentiveRuleSpecification = z.output<typeof incentiveSchema>;
export type TargetSpecification = z.output<typeof targetSchema>;
export type ClockMetric = (typeof clockMetrics)[number];
