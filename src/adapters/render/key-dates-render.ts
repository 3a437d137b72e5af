/** The key dates as text for a terminal and as JSON (instants as ISO-8601 UTC). */
import type { ContractKeyDates } from '../../app/key-dates.js';
import { formatInZone, formatInstantUtc, weekdayOf } from '../../domain/time/index.js';

const weekdayNames = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' } as const;

/** One block per date: the date and what happens, then how it was computed and the clause, then any note. */
export function renderKeyDatesText(result: ContractKeyDates, header: { contractVersion?: number } = {}): string {
  const version = header.contractVersion !== undefined ? ` (v${header.contractVersion})` : '';
  const lines = [`Key dates of ${result.contractId}${version} · ${result.from} to ${result.to} · ${result.dates.length} dates · zone ${result.zone}`, ''];
  if (result.dates.length === 0) lines.push('  no key dates in this range');
  for (const d of result.dates) {
    lines.push(`${d.on} ${weekdayNames[weekdayOf(d.on)]}  ${d.label}`);
    lines.push(`               ${d.reason} · ${d.clause}`);
    if (d.note) lines.push(`               note: ${d.note}`);
  }
  if (result.deadlines.length > 0) {
    lines.push('', 'Breach-notice deadlines (instants)');
    for (const d of result.deadlines) {
      lines.push(`${formatInZone(d.at, result.zone).replace('T', ' ').slice(0, 19)}  ${d.label} · ${d.status.toUpperCase()}`);
      lines.push(`               ${d.reason} · ${d.clause}`);
    }
  }
  lines.push('');
  for (const note of result.notes) lines.push(`note: ${note}`);
  return lines.join('\n') + '\n';
}

/** `{ contractId, from, to, zone, dates: [{ on, kind, label, reason, clause, note? }], deadlines: [{ at (UTC), on, ... }], notes }`. */
export function keyDatesToJson(result: ContractKeyDates, header: { contractVersion?: number } = {}): Record<string, unknown> {
  return {
    contractId: result.contractId,
    ...(header.contractVersion !== undefined ? { contractVersion: header.contractVersion } : {}),
    from: result.from,
    to: result.to,
    zone: result.zone,
    dates: result.dates,
    deadlines: result.deadlines.map((d) => ({ ...d, at: formatInstantUtc(d.at) })),
    notes: result.notes,
  };
}
