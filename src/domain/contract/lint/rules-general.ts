import type { LintRule } from './lint-rule.js';
import { hit } from './lint-rule.js';

const partContents: Record<'scope' | 'sla' | 'term' | 'pricing' | 'risk', string> = {
  scope: 'the services covered and excluded, technologies, channels with their coverage hours, and limits on data access',
  sla: 'priorities, response and resolution targets, monthly service levels, credits for misses and their cap',
  term: 'start date, term length, renewal and opt-out notice, termination rights, and exit duties',
  pricing: 'the pricing model and its prices, invoicing, payment terms and late payment',
  risk: 'security, CCPA terms, breach notification, confidentiality, insurance, IP, indemnification and the liability cap',
};

/** Rules about the agreement as a whole. */
export const generalRules: readonly LintRule[] = [
  {
    id: 'part-missing',
    severity: 'error',
    part: 'general',
    summary: 'A whole part of the agreement is missing',
    why: 'An outsourcing agreement needs all five parts: scope, service levels, term and exit, cost, and risk. A missing part means the vendor owes nothing there.',
    check: (c) =>
      (Object.keys(partContents) as (keyof typeof partContents)[])
        .filter((part) => c[part] === undefined)
        .map((part) => hit(`the "${part}" part is missing; add ${partContents[part]}`, part)),
  },
  {
    id: 'not-signed',
    severity: 'info',
    part: 'general',
    summary: 'No signature date',
    why: 'The signature date is the evidence of when the terms were agreed; amendments and disputes refer to it.',
    check: (c) => (c.signed === undefined ? [hit('no "signed" date yet; add it once both parties sign', 'signed')] : []),
  },
];
