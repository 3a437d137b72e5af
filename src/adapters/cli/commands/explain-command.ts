import { resolve } from 'node:path';
import { Option } from 'commander';
import { explainTicketEvents } from '../../../app/explain-ticket-events.js';
import { SupportPactError } from '../../../domain/errors/index.js';
import type { ExplainedTicket } from '../../../domain/sla/index.js';
import type { TicketEvent } from '../../../domain/tickets/index.js';
import { formatInZone, formatInstantUtc, parseInstantText } from '../../../domain/time/index.js';
import { importSources, openImportFile, readImport, type ImportSource } from '../../importers/index.js';
import { loadContractFile } from '../contract-source.js';
import { formatSeconds } from '../format-duration.js';
import { registerCommand } from '../command-registry.js';
import { withCliStore } from '../open-cli-store.js';
import { explainStoredTicket } from '../../../app/explain-stored-ticket.js';
import { loadStoredContract } from '../../../app/load-stored-contract.js';

/** `--as-of` as epoch seconds: an ISO instant, or local wall time in the contract's zone; default now. */
export function parseAsOf(text: string | undefined, zone: string, now: () => number): number {
  if (text === undefined) return Math.floor(now() / 1000);
  const value = parseInstantText(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00` : text, zone);
  if (value === undefined) throw new SupportPactError('INSTANT_INVALID', `--as-of ${text} is not a date-time`, { problems: [{ message: `"${text}" is not ISO-8601`, path: ['--as-of'], hint: 'write 2027-03-31T18:00:00-07:00, or a local time like 2027-03-31T18:00 in the contract zone' }] });
  return value;
}

function local(epoch: number | undefined, zone: string): string {
  return epoch === undefined ? '—' : formatInZone(epoch, zone).replace('T', ' ').slice(0, 19);
}

/** The ExplainedTicket as JSON, instants as ISO-8601 UTC (DESIGN's shape plus extra fields). */
export function explainedTicketJson(explained: ExplainedTicket): Record<string, unknown> {
  const iso = (t: number | undefined): string | null => (t === undefined ? null : formatInstantUtc(t));
  return {
    ticket: explained.ticket,
    priority: explained.priority ?? null,
    rawPriority: explained.rawPriority,
    createdAt: iso(explained.createdAt),
    clocks: explained.clocks.map((c) => ({
      metric: c.metric,
      cycle: c.cycle,
      status: c.status,
      priority: c.priority,
      calendar: c.calendarName,
      target: c.targetText,
      targetSeconds: c.targetSeconds,
      elapsedSeconds: c.elapsedSeconds,
      startedAt: iso(c.startedAt),
      stoppedAt: iso(c.stoppedAt),
      dueAt: iso(c.dueAt),
      breachedAt: iso(c.breachedAt),
      settledAt: iso(c.settledAt),
      steps: c.steps.map((s) => ({ at: iso(s.at), kind: s.kind, note: s.note, addedSeconds: s.addedSeconds, elapsedSeconds: s.elapsedSeconds })),
    })),
    notes: explained.notes,
  };
}

/** The explained ticket as a readable timeline. */
export function renderExplainText(explained: ExplainedTicket, zone: string, asOf: number): string {
  const lines = [`Ticket ${explained.ticket} · priority ${explained.priority ?? 'unmapped'} (raw "${explained.rawPriority}") · times in ${zone} · as of ${local(asOf, zone)}`];
  const names = { firstResponse: 'First response', resolution: 'Resolution' } as const;
  for (const c of explained.clocks) {
    lines.push('');
    lines.push(`${names[c.metric]}${c.cycle > 1 || c.metric === 'resolution' ? ` (cycle ${c.cycle})` : ''}: ${c.status.toUpperCase()} · measured as ${c.priority} · target ${c.targetText} on the ${c.calendarName} calendar (${formatSeconds(c.targetSeconds)} of business time)`);
    lines.push(`  elapsed ${formatSeconds(c.elapsedSeconds)} · started ${local(c.startedAt, zone)} · ${c.stoppedAt !== undefined ? `stopped ${local(c.stoppedAt, zone)}` : 'still running'} · due ${local(c.dueAt, zone)}${c.breachedAt !== undefined ? ` · breached ${local(c.breachedAt, zone)}` : ''}`);
    for (const s of c.steps) {
      lines.push(`  ${local(s.at, zone)}  ${s.kind.padEnd(16)} ${('+' + formatSeconds(s.addedSeconds)).padStart(10)}  ${formatSeconds(s.elapsedSeconds).padStart(10)}  ${s.note}`);
    }
  }
  if (explained.clocks.length === 0) lines.push('', 'No clocks could be measured.');
  for (const note of explained.notes) lines.push(`note: ${note}`);
  return lines.join('\n') + '\n';
}

registerCommand((program, io, setExit) => {
  program
    .command('explain')
    .description("explain a ticket's SLA clocks step by step")
    .requiredOption('--contract <file|id>', 'contract file (with --events), or a stored contract id')
    .option('--events <file>', 'ticket events file (canonical JSON Lines by default); without it the stored ticket is explained')
    .option('--data <dir>', 'embedded database folder, for stored tickets (default: $SUPPORTPACT_DATA or ./.supportpact)')
    .requiredOption('--ticket <id>', 'ticket id')
    .addOption(new Option('--source <source>', 'format of the events file').choices([...importSources]).default('jsonl'))
    .option('--zone <zone>', 'IANA zone for sources without offsets')
    .option('--as-of <instant>', 'the "now" for running clocks (default: the current time)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (options: { contract: string; events?: string; data?: string; ticket: string; source: ImportSource; zone?: string; asOf?: string; format: 'text' | 'json' }) => {
      if (options.events === undefined) {
        await withCliStore(options, io, async (store) => {
          const zone = (await loadStoredContract(store, options.contract)).loaded.contract.timezone;
          const asOf = parseAsOf(options.asOf, zone, Date.now);
          const { explained } = await explainStoredTicket(store, options.contract, options.ticket, asOf);
          io.stdout.write(options.format === 'json' ? JSON.stringify(explainedTicketJson(explained), null, 2) + '\n' : renderExplainText(explained, zone, asOf));
        });
        setExit(0);
        return;
      }
      const loaded = loadContractFile(options.contract, io.cwd);
      const zone = loaded.contract.timezone;
      const asOf = parseAsOf(options.asOf, zone, Date.now);
      const events: TicketEvent[] = [];
      const input = await openImportFile(resolve(io.cwd, options.events));
      for await (const record of readImport(options.source, input, { fileName: options.events, ...(options.zone ? { zone: options.zone } : {}) })) {
        if (record.type === 'event' && record.event.ticket === options.ticket) events.push(record.event);
      }
      const explained = explainTicketEvents(loaded.contract, options.ticket, events, asOf);
      io.stdout.write(options.format === 'json' ? JSON.stringify(explainedTicketJson(explained), null, 2) + '\n' : renderExplainText(explained, zone, asOf));
      setExit(0);
    });
});
