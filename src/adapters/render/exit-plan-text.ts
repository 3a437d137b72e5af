import type { ExitPlan } from '../../domain/lifecycle/index.js';

/** The exit checklist as text: one line per item with its status and due date, then how it was dated and any evidence. */
export function renderExitPlanText(plan: ExitPlan & { contractId: string; contractVersion: number }, asOf: string): string {
  const lines = [
    `Exit of ${plan.contractId} (v${plan.contractVersion}) · notice ${plan.noticeOn}${plan.ground ? ` (${plan.ground})` : ''} · effective ${plan.effectiveOn} (last day of service ${plan.lastServiceOn}) · as of ${asOf}`,
    `  ${plan.effectiveReading}`,
    `  ${plan.counts.open} open · ${plan.counts.done} done · ${plan.counts.overdue} overdue`,
    '',
  ];
  if (plan.items.length === 0) lines.push('  the contract states no exit duties (term.exit)');
  for (const item of plan.items) {
    const status = item.status === 'done' && item.late ? 'done late' : item.status;
    lines.push(`  ${status.toUpperCase().padEnd(9)} ${(item.dueOn ?? 'no date').padEnd(10)}  ${item.id}: ${item.label}`);
    lines.push(`  ${''.padEnd(21)} ${item.reason} · ${item.clause}`);
    if (item.status === 'done') lines.push(`  ${''.padEnd(21)} done ${item.doneOn}: ${item.evidence}`);
    if (item.note) lines.push(`  ${''.padEnd(21)} note: ${item.note}`);
  }
  return lines.join('\n') + '\n';
}
