import type { BreachRegister } from '../../app/breach-register.js';
import { formatInZone } from '../../domain/time/index.js';

function local(at: number | undefined, zone: string): string {
  return at === undefined ? '—' : formatInZone(at, zone).replace('T', ' ').slice(0, 16);
}

/** The breach register as text: each incident, then each deadline with its status, due and done instants, and the rule. */
export function renderBreachRegisterText(register: BreachRegister): string {
  const zone = register.zone;
  const n = register.incidents.length;
  const lines = [`Breach register of ${register.contractId} as of ${local(register.asOf, zone)} (${zone}) · ${n} incident${n === 1 ? '' : 's'} · ${register.overdue} with a deadline overdue`];
  if (n === 0) lines.push('', '  no incidents recorded; add one with `supportpact breach add --contract <id> ...`');
  for (const { incident, result } of register.incidents) {
    lines.push('');
    lines.push(
      `${incident.id}  discovered ${local(incident.discoveredAt, zone)} · client data ${incident.clientDataInvolved ? 'yes' : 'no'} · ${incident.recordsAffected} records, ${incident.californiaResidentsAffected} California residents · ${incident.dataCategories.join(', ') || 'no categories'}${result.overdue ? ' · OVERDUE' : ''}`,
    );
    if (incident.description) lines.push(`  ${incident.description}`);
    for (const d of result.deadlines) {
      lines.push(`  ${d.kind.padEnd(17)} ${d.status.toUpperCase().padEnd(12)} due ${local(d.dueAt, zone).padEnd(16)}  done ${local(d.doneAt, zone).padEnd(16)}  ${d.rule}`);
      if (d.note) lines.push(`  ${''.padEnd(30)} note: ${d.note}`);
    }
  }
  return lines.join('\n') + '\n';
}
