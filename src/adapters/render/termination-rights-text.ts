/** Termination rights as text: each ground open or not, since when, on what evidence, and when notice given today takes effect. */
import type { TerminationRightsReport } from '../../app/termination-rights.js';
import type { CauseEvidence } from '../../domain/lifecycle/index.js';
import { describeDuration } from '../../domain/time/index.js';
import { formatMoney } from '../../domain/money/index.js';
import { describeLiabilityCap } from './liability-cap-text.js';

function evidenceLine(e: CauseEvidence): string {
  switch (e.kind) {
    case 'missed-months':
      return `${e.ruleText}, ${e.windowFrom} to ${e.windowTo}: ${e.months.map((m) => `${m.month} missed ${m.missed.join(', ')}`).join('; ')}`;
    case 'unpaid-invoice':
      return `invoice ${e.id} ${formatMoney(e.amount)} due ${e.dueOn}, cure to ${e.cureEndsOn}: ${e.status}${e.paidOn ? ` (paid ${e.paidOn})` : ''}`;
    case 'breach-incident':
      return `breach incident ${e.id} involving client data, discovered ${e.discoveredOn}`;
    case 'event':
      return `${e.event.kind} ${e.event.startedOn}${e.event.endedOn ? ` to ${e.event.endedOn}` : ' (ongoing)'}${e.event.party ? ` concerning the ${e.event.party}` : ''}: ${e.event.description}; ground from ${e.opensOn}${e.lapsed ? ', lapsed' : ''}`;
  }
}

export function renderTerminationRightsText(report: TerminationRightsReport): string {
  const { rights } = report;
  const period = rights.period ? ` · ${rights.period.index === 0 ? 'initial term' : `renewal ${rights.period.index}`} ${rights.period.startOn} to ${rights.period.endOn}` : ' · no term period in force';
  const lines = [`Termination rights of ${report.contractId} (v${report.contractVersion}) as of ${rights.asOf}${period}`, '', 'For cause'];
  if (rights.forCause.length === 0) lines.push('  the contract states no termination for cause');
  for (const r of rights.forCause) {
    const status = r.status === 'open' ? `OPEN since ${r.openSince}` : r.status === 'not-open' ? 'not open' : 'NOT EVALUATED';
    lines.push(`  ${r.ground} (${r.clause}) · ${status} · ${r.status === 'open' ? `${r.mayTerminate.join(' or ')} may terminate` : `by ${r.by}`}`);
    lines.push(`    why: ${r.reason}`);
    for (const e of r.evidence) lines.push(`    evidence: ${evidenceLine(e)}`);
    lines.push(`    notice ${describeDuration(r.notice)}${r.cure ? `, cure ${describeDuration(r.cure)}` : ', no cure period'}`);
    if (r.status === 'open') lines.push(`    notice given ${rights.asOf} takes effect ${r.earliestEffectiveOn} (last day of service ${r.lastServiceOn}): ${r.effectiveReading}`);
    if (r.note) lines.push(`    note: ${r.note}`);
  }
  lines.push('', 'For convenience');
  if (rights.forConvenience.length === 0) lines.push('  the contract states no termination for convenience');
  for (const [i, c] of rights.forConvenience.entries()) {
    const estimate = report.convenienceFeeEstimates[i];
    const fee = c.fee?.amount ? `fee ${formatMoney(c.fee.amount)} (${c.fee.basis})` : estimate ? `fee about ${formatMoney(estimate.amount)} (${estimate.basis})` : c.fee ? `fee ${c.fee.basis}` : 'no fee';
    lines.push(`  by ${c.by} (${c.clause}) · notice ${describeDuration(c.notice)} · given ${c.noticeGivenOn}, effective ${c.effectiveOn} (last day of service ${c.lastServiceOn}) · ${fee}`);
    if (c.note) lines.push(`    note: ${c.note}`);
  }
  lines.push('', `Evidence: ${report.monthlyServiceLevels.length} months measured, ${report.breachIncidents} breach incidents, ${report.events} recorded events, ${report.invoices} invoices issued`);
  for (const m of report.monthlyServiceLevels) {
    lines.push(`  ${m.month}  missed: ${m.missed.join(', ') || '—'} · met: ${m.met.length} · no data: ${m.noData.length}`);
  }
  lines.push('', 'Liability cap', ...describeLiabilityCap(report.liability).map((l) => `  ${l}`));
  if (report.notes.length > 0) lines.push('');
  for (const note of report.notes) lines.push(`note: ${note}`);
  return lines.join('\n') + '\n';
}
