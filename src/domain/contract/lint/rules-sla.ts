import { Decimal } from 'decimal.js';
import type { LintRule, RuleHit } from './lint-rule.js';
import { hit } from './lint-rule.js';

/** Rules about service levels, measures, credits and bonuses. */
export const slaRules: readonly LintRule[] = [
  {
    id: 'sla-no-targets',
    severity: 'error',
    part: 'sla',
    summary: 'No response or resolution targets',
    why: 'Targets are what the vendor is measured against; without them no ticket can be late.',
    check: (c) => (c.sla && !c.sla.targets?.firstResponse && !c.sla.targets?.resolution ? [hit('no targets; give firstResponse and resolution targets per priority', 'sla', 'targets', 'resolution')] : []),
  },
  {
    id: 'no-resolution-targets',
    severity: 'warning',
    part: 'sla',
    summary: 'No resolution targets',
    why: 'A vendor can answer fast and still leave problems unsolved; resolution targets measure whether users get back to work.',
    check: (c) => (c.sla?.targets?.firstResponse && !c.sla.targets.resolution ? [hit('only first-response targets; add resolution targets per priority', 'sla', 'targets', 'resolution')] : []),
  },
  {
    id: 'priority-without-target',
    severity: 'warning',
    part: 'sla',
    summary: 'A priority has no target',
    why: 'Tickets of a priority without a target are never late, whatever happens to them.',
    check: (c) => {
      if (!c.sla?.targets) return [];
      const hits: RuleHit[] = [];
      for (const priority of Object.keys(c.sla.priorities)) {
        for (const metric of ['firstResponse', 'resolution'] as const) {
          const targets = c.sla.targets[metric];
          if (targets && !targets[priority]) hits.push(hit(`${priority} has no ${metric} target`, 'sla', 'targets', metric));
        }
      }
      return hits;
    },
  },
  {
    id: 'service-level-priority-without-target',
    severity: 'error',
    part: 'sla',
    summary: 'A service level counts a priority that has no target',
    why: 'A service level is the share of tickets that met their target; a priority with no target cannot be counted, so the figure would be wrong.',
    check: (c) =>
      (c.sla?.serviceLevels ?? []).flatMap((level, i) =>
        level.priorities
          .map((p, j) => ({ p, j }))
          .filter(({ p }) => !c.sla?.targets?.[level.metric]?.[p])
          .map(({ p, j }) => hit(`service level ${level.id} counts ${p}, which has no ${level.metric} target`, 'sla', 'serviceLevels', i, 'priorities', j)),
      ),
  },
  {
    id: 'no-service-levels',
    severity: 'error',
    part: 'sla',
    summary: 'Targets without monthly service levels',
    why: 'Targets say when one ticket is late; service levels say what share of late tickets is a failure. Without them credits and termination rights have nothing to test.',
    check: (c) => (c.sla?.targets && (c.sla.serviceLevels ?? []).length === 0 ? [hit('no serviceLevels; say what share of tickets must meet each target every month', 'sla', 'serviceLevels')] : []),
  },
  {
    id: 'no-credits',
    severity: 'error',
    part: 'sla',
    summary: 'No credit for missing a service level',
    why: 'A service level with no consequence is a wish. Credits (a percent of the month\'s fees) are the usual remedy, and what makes the vendor care.',
    check: (c) => ((c.sla?.serviceLevels ?? []).length > 0 && (c.sla?.credits ?? []).length === 0 ? [hit('service levels but no credits for missing them; add credits such as 5% of the monthly fee per missed level', 'sla', 'credits')] : []),
  },
  {
    id: 'service-level-without-credit',
    severity: 'warning',
    part: 'sla',
    summary: 'A service level has no credit',
    why: 'Missing this level costs the vendor nothing, so it will lose out to the levels that do.',
    check: (c) => {
      const credits = c.sla?.credits ?? [];
      if (credits.length === 0) return [];
      return (c.sla?.serviceLevels ?? [])
        .map((level, i) => ({ level, i }))
        .filter(({ level }) => !credits.some((r) => r.when.measure === 'serviceLevel' && r.when.id === level.id))
        .map(({ level, i }) => hit(`service level ${level.id} has no credit for missing it`, 'sla', 'serviceLevels', i, 'id'));
    },
  },
  {
    id: 'credits-without-cap',
    severity: 'warning',
    part: 'sla',
    summary: 'Credits have no monthly cap',
    why: 'Uncapped credits get resisted in negotiation and disputed in practice; a stated cap (10-15% of monthly fees is common) makes them collectable.',
    check: (c) => ((c.sla?.credits ?? []).length > 0 && !c.sla?.creditCap?.monthly ? [hit('credits have no monthly cap; add creditCap: { monthly: "15%" }', 'sla', 'creditCap')] : []),
  },
  {
    id: 'credit-cap-low',
    severity: 'warning',
    part: 'sla',
    summary: 'The credit cap is too low to matter',
    why: 'An at-risk amount under 5% of fees is rarely enough to change a vendor\'s priorities; 10-15% is the usual anchor.',
    check: (c) => {
      const monthly = c.sla?.creditCap?.monthly;
      return monthly && new Decimal(monthly.fraction).lt('0.05') ? [hit(`the monthly credit cap is ${monthly.text}; 10-15% is common`, 'sla', 'creditCap', 'monthly')] : [];
    },
  },
  {
    id: 'no-fcr-measure',
    severity: 'warning',
    part: 'sla',
    summary: 'No first-contact-resolution measure',
    why: 'First-contact resolution shows whether users are helped at once or bounced around; around 70% is a common target.',
    check: (c) => (c.sla && !(c.sla.quality ?? []).some((q) => q.metric === 'firstContactResolution') ? [hit('no firstContactResolution measure; add one such as atLeast: "70%"', 'sla', 'quality')] : []),
  },
  {
    id: 'no-mttr-measure',
    severity: 'warning',
    part: 'sla',
    summary: 'No mean-time-to-resolve measure',
    why: 'Per-ticket targets hide a long tail; the mean time to resolve shows how long users really wait.',
    check: (c) => (c.sla && !(c.sla.quality ?? []).some((q) => q.metric === 'meanTimeToResolve') ? [hit('no meanTimeToResolve measure; add one for the critical priorities', 'sla', 'quality')] : []),
  },
  {
    id: 'priority-without-mapping',
    severity: 'warning',
    part: 'sla',
    summary: 'A priority has no mapping from the helpdesk tool',
    why: 'Tickets arrive with the helpdesk tool\'s own priority names; without mapFrom, they cannot be matched to the contract\'s priorities.',
    check: (c) =>
      Object.entries(c.sla?.priorities ?? {})
        .filter(([, spec]) => (spec.mapFrom ?? []).length === 0)
        .map(([name]) => hit(`${name} has no mapFrom; list the helpdesk tool's priority values that mean ${name}`, 'sla', 'priorities', name)),
  },
  {
    id: 'clock-rules-default',
    severity: 'info',
    part: 'sla',
    summary: 'Clock rules not stated',
    why: 'Whether waiting on the customer pauses the clock, and what a priority change or reopen does, decide many disputes; defaults apply when the contract is silent.',
    check: (c) =>
      c.sla && c.sla.targets && !c.sla.clock
        ? [hit('no clock rules; the defaults apply: pausedIn [pending_customer], priorityChange restart-from-creation, reopen resume, dueAtClosingTime next-opening, at risk at 75%', 'sla', 'clock')]
        : [],
  },
  {
    id: 'no-vendor-report',
    severity: 'warning',
    part: 'sla',
    summary: 'No monthly vendor report',
    why: 'The vendor\'s monthly report is how misses get admitted on paper; a late report can itself be a credit.',
    check: (c) => (c.sla && !c.sla.reporting?.vendorReport ? [hit('no vendorReport; require a monthly report due within a few business days', 'sla', 'reporting', 'vendorReport')] : []),
  },
  {
    id: 'no-audit-right',
    severity: 'info',
    part: 'sla',
    summary: 'No independent audit right',
    why: 'An audit right lets the client verify the vendor\'s figures and security; CCPA service-provider terms expect one at least yearly.',
    check: (c) => (c.sla && !c.sla.reporting?.independentAudit ? [hit('no independentAudit; add a yearly audit right with notice', 'sla', 'reporting', 'independentAudit')] : []),
  },
  {
    id: 'service-level-low',
    severity: 'info',
    part: 'sla',
    summary: 'A service level below 85%',
    why: 'A level under 85% lets one ticket in seven miss its target every month without consequence.',
    check: (c) =>
      (c.sla?.serviceLevels ?? [])
        .map((level, i) => ({ level, i }))
        .filter(({ level }) => new Decimal(level.atLeast.fraction).lt('0.85'))
        .map(({ level, i }) => hit(`service level ${level.id} asks only ${level.atLeast.text}`, 'sla', 'serviceLevels', i, 'atLeast')),
  },
];
