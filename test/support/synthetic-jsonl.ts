import { writeFileSync } from 'node:fs';

/**
 * Writes a canonical JSON Lines file of `tickets` simple northstar tickets (8 events each:
 * created, note, reply, pending, customer reply, open, solved, closed), deterministic.
 */
export function writeSyntheticJsonl(path: string, tickets: number, startIso = '2027-03-01T16:00:00Z'): number {
  const start = Date.parse(startIso) / 1000;
  const lines: string[] = [];
  const priorities = ['urgent', 'high', 'normal', 'normal', 'normal', 'low'];
  for (let i = 0; i < tickets; i++) {
    const id = `S-${String(i).padStart(7, '0')}`;
    const t0 = start + i * 97;
    const at = (offset: number): string => new Date((t0 + offset) * 1000).toISOString().replace('.000Z', 'Z');
    const rows: Record<string, unknown>[] = [
      { kind: 'created', at: at(0), priority: priorities[i % priorities.length], channel: i % 3 === 0 ? 'phone' : 'email' },
      { kind: 'internal_note', at: at(60) },
      { kind: 'agent_replied', at: at(600) },
      { kind: 'status_changed', at: at(660), status: 'pending_customer' },
      { kind: 'customer_replied', at: at(3600) },
      { kind: 'status_changed', at: at(3660), status: 'open' },
      { kind: 'solved', at: at(7200 + (i % 11) * 600) },
      { kind: 'closed', at: at(86400) },
    ];
    for (const row of rows) lines.push(JSON.stringify({ ticket: id, ...row }));
  }
  writeFileSync(path, lines.join('\n') + '\n');
  return lines.length;
}
