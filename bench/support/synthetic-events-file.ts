/**
 * Writes the synthetic northstar tickets (bench/support/synthetic-tickets.ts) to disk as
 * canonical import files, the way a helpdesk exporter would hand them over: one event per
 * line, `at` as ISO-8601 local time with its offset, an `id` per event, an `actor` on the
 * agents' events. One generation pass feeds every requested file, and each file is streamed
 * out in 256 KiB pieces with back-pressure, so a million tickets (about 8 million events,
 * about 1 GB of JSON Lines) never sit in memory.
 *
 *   {"id":"NS-0-0","ticket":"NS-0","at":"2027-03-01T09:15:07-08:00","kind":"created","priority":"high","channel":"email",...}
 *   id,ticket,at,kind,priority,status,channel,category,technology,actor
 *   NS-0-0,NS-0,2027-03-01T09:15:07-08:00,created,high,,email,troubleshooting,Windows 11,
 *
 * `jsonlWithoutIds` writes the same rows without `id`, so the importer digests each line
 * (the cost of a source that names no events).
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import type { TicketEvent } from '../../src/domain/tickets/ticket-event.js';
import { civilFromDays } from '../../src/domain/time/local-date.js';
import { startOfLocalDate, zoneOffsetSpans } from '../../src/domain/time/zone.js';
import { syntheticTickets } from './synthetic-tickets.js';

export interface SyntheticEventsFiles {
  /** Canonical JSON Lines with an `id` on every event. */
  readonly jsonl?: string;
  /** Canonical CSV with the same rows and columns. */
  readonly csv?: string;
  /** Canonical JSON Lines without `id` (ids become line digests on import). */
  readonly jsonlWithoutIds?: string;
}

export interface SyntheticEventsFileOptions {
  readonly tickets: number;
  readonly seed?: number;
  /** Month the tickets are created in (events run on past its end). Default `2027-03`. */
  readonly month?: string;
  /** Zone of the tickets and of the written offsets. Default America/Los_Angeles. */
  readonly zone?: string;
}

export interface WrittenEventsFiles {
  readonly tickets: number;
  readonly events: number;
  /** Bytes written per file, keyed like `SyntheticEventsFiles`. */
  readonly bytes: Readonly<Partial<Record<keyof SyntheticEventsFiles, number>>>;
}

/** The canonical CSV header the files use (the same fields as the JSON Lines objects). */
export const syntheticCsvColumns = ['id', 'ticket', 'at', 'kind', 'priority', 'status', 'channel', 'category', 'technology', 'actor'] as const;

/** Event kinds an agent performs: they carry an `actor`, as exports name the agent. */
const agentKinds: ReadonlySet<TicketEvent['kind']> = new Set(['assigned', 'agent_replied', 'internal_note', 'status_changed', 'solved', 'closed', 'priority_changed']);
const agents = 240;
/** Bytes gathered before each write: large enough that a write costs little, small enough to stay flat. */
const pieceChars = 256 * 1024;

/** Writes the requested files in one pass over `syntheticTickets({ count: tickets, seed })`. */
export async function writeSyntheticEventsFiles(files: SyntheticEventsFiles, options: SyntheticEventsFileOptions): Promise<WrittenEventsFiles> {
  const month = options.month ?? '2027-03';
  const zone = options.zone ?? 'America/Los_Angeles';
  const format = isoFormatter(zone, startOfLocalDate(`${month}-01`, zone));
  const outputs = (Object.entries(files) as [keyof SyntheticEventsFiles, string | undefined][])
    .filter((entry): entry is [keyof SyntheticEventsFiles, string] => entry[1] !== undefined)
    .map(([key, path]) => new PieceWriter(key, path));
  const csv = outputs.find((o) => o.key === 'csv');
  csv?.add(`${syntheticCsvColumns.join(',')}\n`);
  let events = 0;
  let tickets = 0;
  for (const ticketEvents of syntheticTickets({ count: options.tickets, seed: options.seed ?? 1, month, zone })) {
    tickets++;
    for (const event of ticketEvents) {
      events++;
      const at = format(event.at);
      // One agent works a ticket, as in a real desk's export.
      const actor = agentKinds.has(event.kind) ? `agent-${(tickets * 7919) % agents}` : undefined;
      for (const out of outputs) {
        if (out.key === 'csv') out.add(csvLine(event, at, actor));
        else out.add(jsonLine(event, at, actor, out.key === 'jsonl'));
        if (out.pending >= pieceChars) await out.flush();
      }
    }
  }
  const bytes: Partial<Record<keyof SyntheticEventsFiles, number>> = {};
  for (const out of outputs) bytes[out.key] = await out.close();
  return { tickets, events, bytes };
}

function jsonLine(event: TicketEvent, at: string, actor: string | undefined, withId: boolean): string {
  let line = withId ? `{"id":${JSON.stringify(event.id)},"ticket":${JSON.stringify(event.ticket)}` : `{"ticket":${JSON.stringify(event.ticket)}`;
  line += `,"at":"${at}","kind":"${event.kind}"`;
  if (event.priority !== undefined) line += `,"priority":${JSON.stringify(event.priority)}`;
  if (event.status !== undefined) line += `,"status":"${event.status}"`;
  if (event.channel !== undefined) line += `,"channel":${JSON.stringify(event.channel)}`;
  if (event.category !== undefined) line += `,"category":${JSON.stringify(event.category)}`;
  if (event.technology !== undefined) line += `,"technology":${JSON.stringify(event.technology)}`;
  if (actor !== undefined) line += `,"actor":"${actor}"`;
  return `${line}}\n`;
}

function csvLine(event: TicketEvent, at: string, actor: string | undefined): string {
  const cells = [event.id, event.ticket, at, event.kind, event.priority, event.status, event.channel, event.category, event.technology, actor];
  return `${cells.map(csvCell).join(',')}\n`;
}

function csvCell(value: string | undefined): string {
  if (value === undefined) return '';
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * `epochSeconds -> "2027-03-01T09:15:07-08:00"` in `zone`, with the zone's offsets looked up
 * once (two years from `fromEpochSeconds`) and the rest done in integer arithmetic: Temporal's
 * formatting would cost more than the whole import being measured.
 */
function isoFormatter(zone: string, fromEpochSeconds: number): (epochSeconds: number) => string {
  const spans = zoneOffsetSpans(fromEpochSeconds - 86_400 * 31, fromEpochSeconds + 86_400 * 731, zone);
  const two = (n: number): string => (n < 10 ? `0${n}` : String(n));
  return (epochSeconds) => {
    let offset = spans[0]!.offsetSeconds;
    for (const span of spans) {
      if (span.fromEpochSeconds > epochSeconds) break;
      offset = span.offsetSeconds;
    }
    const local = epochSeconds + offset;
    const days = Math.floor(local / 86_400);
    const secondsOfDay = local - days * 86_400;
    const { year, month, day } = civilFromDays(days);
    const sign = offset < 0 ? '-' : '+';
    const offsetMinutes = Math.abs(offset) / 60;
    return `${year}-${two(month)}-${two(day)}T${two(Math.floor(secondsOfDay / 3600))}:${two(Math.floor((secondsOfDay % 3600) / 60))}:${two(secondsOfDay % 60)}${sign}${two(Math.floor(offsetMinutes / 60))}:${two(offsetMinutes % 60)}`;
  };
}

/** Gathers lines into pieces and writes them with back-pressure. */
class PieceWriter {
  private readonly stream: WriteStream;
  private parts: string[] = [];
  pending = 0;
  private bytes = 0;

  constructor(
    readonly key: keyof SyntheticEventsFiles,
    path: string,
  ) {
    this.stream = createWriteStream(path);
  }

  add(text: string): void {
    this.parts.push(text);
    this.pending += text.length;
  }

  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const piece = Buffer.from(this.parts.join(''), 'utf8');
    this.parts = [];
    this.pending = 0;
    this.bytes += piece.length;
    if (!this.stream.write(piece)) await once(this.stream, 'drain');
  }

  async close(): Promise<number> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
    return this.bytes;
  }
}

