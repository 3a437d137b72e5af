import { approximateDays, describeDuration, type Duration } from '../../time/duration.js';
import type { CauseGround } from '../schema/term.js';
import type { LintRule, RuleHit } from './lint-rule.js';
import { hit } from './lint-rule.js';

function outsideNoticeNorm(d: Duration): boolean {
  const days = approximateDays(d);
  return days < 30 || days > 90;
}

function groundRule(ground: CauseGround, severity: 'error' | 'warning', why: string): LintRule {
  return {
    id: `termination-ground-${ground}`,
    severity,
    part: 'term',
    summary: `No right to terminate for ${ground.replace(/-/g, ' ')}`,
    why,
    check: (c) =>
      c.term && !(c.term.termination?.forCause ?? []).some((t) => t.ground === ground)
        ? [hit(`no termination for cause on ${ground.replace(/-/g, ' ')}; add { ground: ${ground}, by: client, notice: ... }`, 'term', 'termination', 'forCause')]
        : [],
  };
}

/** Rules about duration, renewal, termination and exit. */
export const termRules: readonly LintRule[] = [
  {
    id: 'auto-renewal-without-opt-out',
    severity: 'error',
    part: 'term',
    summary: 'Automatic renewal without an opt-out notice',
    why: 'If the contract renews itself and no notice period stops it, the client may have no way out at the end of the term.',
    check: (c) => (c.term?.renewal?.automatic && !c.term.renewal.optOutNotice ? [hit('renews automatically but says no optOutNotice; add optOutNotice: 60d', 'term', 'renewal', 'optOutNotice')] : []),
  },
  {
    id: 'renewal-period-long',
    severity: 'warning',
    part: 'term',
    summary: 'Automatic renewal for more than a year',
    why: 'A long automatic renewal locks the client in if the opt-out date is missed; 12 months is the usual maximum.',
    check: (c) => {
      const period = c.term?.renewal?.automatic ? c.term.renewal.period ?? c.term.initialTerm : undefined;
      return period && approximateDays(period) > 366 ? [hit(`renews automatically for ${describeDuration(period)}; ask for 12 months or less`, 'term', 'renewal', c.term?.renewal?.period ? 'period' : 'automatic')] : [];
    },
  },
  {
    id: 'notice-period-outside-norm',
    severity: 'warning',
    part: 'term',
    summary: 'A notice period outside 30-90 days',
    why: 'Shorter notice leaves no time to find a new vendor; longer notice for the client traps it. 30 to 90 days is the common range (a vendor giving longer notice is fine).',
    check: (c) => {
      const hits: RuleHit[] = [];
      const optOut = c.term?.renewal?.optOutNotice;
      if (optOut && outsideNoticeNorm(optOut)) hits.push(hit(`opt-out notice of ${describeDuration(optOut)} is outside 30-90 days`, 'term', 'renewal', 'optOutNotice'));
      c.term?.termination?.forConvenience?.forEach((t, i) => {
        const days = approximateDays(t.notice);
        // Long vendor notice protects the client (time to find a replacement); only short notice hurts.
        const bad = t.by === 'vendor' ? days < 30 : outsideNoticeNorm(t.notice);
        if (bad) hits.push(hit(`${t.by === 'either' ? 'either party' : `the ${t.by}`} may terminate for convenience with ${describeDuration(t.notice)} notice, outside 30-90 days`, 'term', 'termination', 'forConvenience', i, 'notice'));
      });
      return hits;
    },
  },
  {
    id: 'no-client-termination-for-convenience',
    severity: 'warning',
    part: 'term',
    summary: 'The client cannot leave for convenience',
    why: 'Without a convenience exit, the client can only leave by proving cause, which is slow and contested.',
    check: (c) =>
      c.term && !(c.term.termination?.forConvenience ?? []).some((t) => t.by === 'client' || t.by === 'either')
        ? [hit('only the vendor (or nobody) may terminate for convenience; add { by: client, notice: 90d }', 'term', 'termination', 'forConvenience')]
        : [],
  },
  groundRule('data-breach', 'error', 'A vendor that leaks the client\'s data must be removable at once; without this ground the client must prove a material breach first.'),
  groundRule('sustained-performance-failure', 'error', 'Credits compensate a bad month; repeated misses need a way out, measured from the service levels (for example 3 months in a row).'),
  groundRule('insolvency', 'warning', 'An insolvent vendor may stop serving overnight; the client needs the right to move at once.'),
  groundRule('force-majeure', 'warning', 'A long force-majeure event leaves the client without service; after a stated time it should be able to leave.'),
  {
    id: 'performance-ground-without-trigger',
    severity: 'warning',
    part: 'term',
    summary: 'Performance failure is not defined',
    why: 'Without a measurable trigger (for example 3 missed months in a row, or 4 of any 6), the ground is an argument, not a right.',
    check: (c) =>
      (c.term?.termination?.forCause ?? [])
        .map((t, i) => ({ t, i }))
        .filter(({ t }) => t.ground === 'sustained-performance-failure' && !t.trigger?.serviceLevelsMissed)
        .map(({ i }) => hit('sustained performance failure has no trigger; add trigger: { serviceLevelsMissed: { consecutiveMonths: 3 } }', 'term', 'termination', 'forCause', i)),
  },
  {
    id: 'no-exit-data-return',
    severity: 'error',
    part: 'term',
    summary: 'No data return on exit',
    why: 'Tickets, the knowledge base and asset records are the client\'s; without a return duty and format, leaving means losing them.',
    check: (c) => (c.term && !c.term.exit?.dataReturn ? [hit('no dataReturn; require return within 30 days in open formats (csv, json)', 'term', 'exit', 'dataReturn')] : []),
  },
  {
    id: 'no-exit-data-deletion',
    severity: 'error',
    part: 'term',
    summary: 'No data deletion on exit',
    why: 'Personal data kept by a former vendor is a breach waiting to happen and a CCPA exposure; require deletion with a certificate.',
    check: (c) => (c.term && !c.term.exit?.dataDeletion ? [hit('no dataDeletion; require deletion within 45 days with a certificate', 'term', 'exit', 'dataDeletion')] : []),
  },
  {
    id: 'no-knowledge-transfer',
    severity: 'warning',
    part: 'term',
    summary: 'No knowledge transfer on exit',
    why: 'The next vendor needs runbooks, open tickets and contacts; without a duty, the outgoing vendor has no reason to help.',
    check: (c) => (c.term && !c.term.exit?.knowledgeTransfer ? [hit('no knowledgeTransfer; require sessions and deliverables (runbooks, open-ticket handover)', 'term', 'exit', 'knowledgeTransfer')] : []),
  },
  {
    id: 'no-transition-assistance',
    severity: 'warning',
    part: 'term',
    summary: 'No transition assistance',
    why: 'Service must continue while the new vendor takes over; a transition period keeps the old vendor working until then.',
    check: (c) => (c.term && !c.term.exit?.transitionAssistance ? [hit('no transitionAssistance period; add e.g. transitionAssistance: 90d', 'term', 'exit', 'transitionAssistance')] : []),
  },
];
