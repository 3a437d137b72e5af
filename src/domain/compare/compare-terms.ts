/**
 * The terms that matter when choosing a vendor, side by side, in the plain words of the
 * contract schedule (`describeTarget`, `describeCalendar`, `bandRanges`, `formatAmount`):
 * prices, targets by the forecast's priorities, coverage hours by channel, caps, term and
 * notice, exit duties, and what `check` finds.
 */
import { describeCalendar } from '../contract/describe/describe-calendar.js';
import { bandRanges } from '../contract/describe/describe-pricing.js';
import { describeTarget } from '../contract/describe/describe-sla.js';
import { formatAmount, listWords } from '../contract/describe/schedule.js';
import { countFindings, lintContract } from '../contract/lint/lint-contract.js';
import type { LoadedContract } from '../contract/parse-contract.js';
import type { Contract } from '../contract/schema/contract-schema.js';
import { termEndOn } from '../lifecycle/term-dates.js';
import { describeDuration } from '../time/duration.js';

export type TermsTopic = 'pricing' | 'targets' | 'coverage' | 'credits' | 'term' | 'exit' | 'check';

export interface TermsRow {
  readonly topic: TermsTopic;
  readonly label: string;
  /** One value per proposal, in the order given. */
  readonly values: readonly string[];
}

export const termsTopicHeadings: Readonly<Record<TermsTopic, string>> = {
  pricing: 'Prices',
  targets: 'Targets by priority',
  coverage: 'Coverage hours by channel',
  credits: 'Credits and bonuses',
  term: 'Term and notice',
  exit: 'Exit duties',
  check: 'Check findings',
};

const none = '—';

function pricingText(c: Contract): string {
  const p = c.pricing;
  if (!p) return 'no pricing';
  const cur = c.currency;
  if (p.tiers?.bands && (p.model === 'tiered' || p.model === 'hybrid')) {
    const ranges = bandRanges(p.tiers.bands.map((b) => b.upTo));
    return `${p.tiers.mode} bands: ${p.tiers.bands.map((b, i) => `${ranges[i]} at ${b.unitPrice ?? '0'}${b.flatFee ? ` + ${b.flatFee} flat` : ''}`).join('; ')} per ${(p.tiers.unit ?? 'resolved-ticket').replace('-', ' ')}`;
  }
  if (p.perIncident) {
    const discount = p.perIncident.volumeDiscount ? `; volume discount ${bandRanges(p.perIncident.volumeDiscount.bands.map((b) => b.upTo)).map((r, i) => `${r}: ${p.perIncident?.volumeDiscount?.bands[i]?.discount.text}`).join(', ')}` : '';
    return `per incident: ${Object.entries(p.perIncident.byPriority).map(([k, v]) => `${k} ${v}`).join(', ')} (${cur})${discount}`;
  }
  if (p.base?.overage) return `${p.base.includedTickets ?? 0} tickets included, then ${formatAmount(cur, p.base.overage)} each`;
  return `${p.model}: no usage charge`;
}

function convenience(c: Contract, who: 'client' | 'vendor'): string {
  const rules = (c.term?.termination?.forConvenience ?? []).filter((t) => t.by === who || t.by === 'either');
  if (rules.length === 0) return 'not allowed';
  return rules.map((t) => `${describeDuration(t.notice)} notice${t.fee ? `, fee ${t.fee.months !== undefined ? `${t.fee.months} month${t.fee.months === 1 ? '' : 's'} of fees` : formatAmount(c.currency, t.fee.amount ?? '0')}` : ''}`).join('; ');
}

function capText(cap: { monthly?: { text: string }; rolling12Months?: { text: string } } | undefined): string {
  if (!cap?.monthly && !cap?.rolling12Months) return 'no cap';
  return [cap.monthly && `${cap.monthly.text} a month`, cap.rolling12Months && `${cap.rolling12Months.text} over 12 months`].filter(Boolean).join(', ');
}

/**
 * Northstar, bayline and the draft for a forecast of P1–P4 over phone, chat, email and portal:
 * rows such as `P1 first response` ("15 minutes, around the clock" / "10 minutes, around the
 * clock" / "4 hours, counted during business hours"), `portal` coverage ("not covered" for
 * bayline) and `Findings` ("0 errors, 5 warnings" for northstar, errors for the draft).
 */
export function compareTerms(proposals: readonly LoadedContract[], priorities: readonly string[], channels: readonly string[]): TermsRow[] {
  const cs = proposals.map((p) => p.contract);
  const row = (topic: TermsTopic, label: string, value: (c: Contract, i: number) => string): TermsRow => ({ topic, label, values: cs.map(value) });
  const priorityOf = (c: Contract, label: string): string | undefined =>
    Object.entries(c.sla?.priorities ?? {}).find(([id, spec]) => id.toLowerCase() === label.trim().toLowerCase() || (spec.mapFrom ?? []).some((m) => m.trim().toLowerCase() === label.trim().toLowerCase()))?.[0];
  const rows: TermsRow[] = [
    row('pricing', 'Model', (c) => c.pricing?.model ?? 'no pricing'),
    row('pricing', 'Base fee', (c) => (c.pricing?.base ? `${formatAmount(c.currency, c.pricing.base.monthly)} a month` : none)),
    row('pricing', 'Usage', pricingText),
    row('pricing', 'Minimum a month', (c) => (c.pricing?.minimumMonthly ? formatAmount(c.currency, c.pricing.minimumMonthly) : none)),
    row('pricing', 'Extras', (c) => (c.pricing?.extras?.length ? c.pricing.extras.map((e) => `${e.id} ${formatAmount(c.currency, e.price)}`).join('; ') : none)),
    row('pricing', 'Taxes', (c) => (c.pricing?.taxes?.length ? c.pricing.taxes.map((t) => `${t.name} ${t.rate.text}`).join('; ') : c.pricing?.taxes ? 'none' : 'not stated')),
  ];
  for (const label of priorities) {
    for (const metric of ['firstResponse', 'resolution'] as const) {
      rows.push(row('targets', `${label} ${metric === 'firstResponse' ? 'first response' : 'resolution'}`, (c) => {
        const id = priorityOf(c, label);
        if (!id) return 'priority not in the contract';
        const target = c.sla?.targets?.[metric]?.[id];
        return target ? `${id}: ${describeTarget(target, c)}` : `${id}: no target`;
      }));
    }
  }
  rows.push(row('targets', 'Service levels', (c) => (c.sla?.serviceLevels?.length ? c.sla.serviceLevels.map((l) => `${l.id} ≥ ${l.atLeast.text}`).join('; ') : none)));
  const allChannels = [...new Set([...channels.filter((ch) => ch !== 'unspecified'), ...cs.flatMap((c) => Object.keys(c.scope?.channels ?? {}))])];
  for (const channel of allChannels) {
    rows.push(row('coverage', channel, (c) => {
      const spec = c.scope?.channels?.[channel];
      if (!spec) return 'not covered';
      const calendar = spec.coverage ? c.calendars?.[spec.coverage] : undefined;
      return calendar ? describeCalendar(calendar) : spec.coverage ? `${spec.coverage} (calendar not found)` : 'hours not stated';
    }));
  }
  rows.push(
    row('credits', 'Credit rules', (c) => (c.sla?.credits?.length ? `${c.sla.credits.length} rule${c.sla.credits.length === 1 ? '' : 's'}: ${c.sla.credits.map((r) => r.credit.text).join(' + ')}` : 'none')),
    row('credits', 'Credit cap', (c) => capText(c.sla?.creditCap)),
    row('credits', 'Bonuses', (c) => (c.sla?.incentives?.length ? `${c.sla.incentives.map((r) => r.bonus.text).join(' + ')}, cap ${capText(c.sla.incentiveCap)}` : 'none')),
    row('term', 'Term', (c) => (c.term ? `${describeDuration(c.term.initialTerm)} from ${c.term.start} to ${termEndOn(c.term.start, c.term.initialTerm)}` : 'not stated')),
    row('term', 'Renewal', (c) => (!c.term?.renewal ? 'not stated' : c.term.renewal.automatic ? `automatic, ${describeDuration(c.term.renewal.period ?? c.term.initialTerm)}${c.term.renewal.optOutNotice ? `; opt out ${describeDuration(c.term.renewal.optOutNotice)} before the end` : '; no opt-out notice stated'}` : 'none')),
    row('term', 'Client may end for convenience', (c) => convenience(c, 'client')),
    row('term', 'Vendor may end for convenience', (c) => convenience(c, 'vendor')),
    row('term', 'For cause', (c) => (c.term?.termination?.forCause?.length ? listWords(c.term.termination.forCause.map((t) => t.ground.replace(/-/g, ' '))) : 'not stated')),
    row('exit', 'Transition assistance', (c) => (c.term?.exit?.transitionAssistance ? describeDuration(c.term.exit.transitionAssistance) : none)),
    row('exit', 'Data return', (c) => (c.term?.exit?.dataReturn ? `within ${describeDuration(c.term.exit.dataReturn.within)}${c.term.exit.dataReturn.formats ? ` as ${listWords(c.term.exit.dataReturn.formats)}` : ''}` : none)),
    row('exit', 'Data deletion', (c) => (c.term?.exit?.dataDeletion ? `within ${describeDuration(c.term.exit.dataDeletion.within)}${c.term.exit.dataDeletion.certificate ? ', certified' : ''}` : none)),
    row('exit', 'Knowledge transfer', (c) => (c.term?.exit?.knowledgeTransfer ? `${c.term.exit.knowledgeTransfer.sessions ?? 'some'} sessions${c.term.exit.knowledgeTransfer.within ? ` within ${describeDuration(c.term.exit.knowledgeTransfer.within)}` : ''}` : none)),
  );
  const findings = proposals.map((p) => lintContract(p));
  rows.push(
    { topic: 'check', label: 'Findings', values: findings.map((f) => { const n = countFindings(f); return `${n.error} error${n.error === 1 ? '' : 's'}, ${n.warning} warning${n.warning === 1 ? '' : 's'}`; }) },
    { topic: 'check', label: 'Errors', values: findings.map((f) => { const errors = f.filter((x) => x.severity === 'error'); return errors.length === 0 ? none : `${errors.slice(0, 4).map((e) => e.message).join('; ')}${errors.length > 4 ? `; and ${errors.length - 4} more` : ''}`; }) },
  );
  return rows;
}
