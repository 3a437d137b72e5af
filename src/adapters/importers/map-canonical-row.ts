import { eventKinds, impliedStatus, ticketStatuses, type EventKind, type TicketEvent, type TicketStatus } from '../../domain/tickets/index.js';
import type { ImportRecord, RecordPlace } from './import-types.js';
import type { InstantReader } from './instant-reader.js';
import { digestId, type RecordFactory } from './record-factory.js';

/** The canonical columns (DESIGN.md "Tickets"): the first three are required. */
export const canonicalFields = ['ticket', 'at', 'kind', 'priority', 'status', 'channel', 'category', 'technology', 'id', 'actor', 'source'] as const;
export type CanonicalField = (typeof canonicalFields)[number];

const kindSet: ReadonlySet<string> = new Set(eventKinds);
const statusSet: ReadonlySet<string> = new Set(ticketStatuses);
const shorthandKinds: ReadonlySet<EventKind> = new Set(['solved', 'reopened', 'closed']);

export interface CanonicalContext {
  readonly format: 'jsonl' | 'csv';
  readonly fileName: string;
  readonly factory: RecordFactory;
  readonly instants: InstantReader;
}

/**
 * Maps one canonical row (a JSON Lines object or a CSV row keyed by header) to its records:
 * a `ticket` header and the event for `created`, the event otherwise, or one skip naming the
 * field at fault. Values may be text, or numbers for `ticket`, `priority` and `id`.
 */
export function mapCanonicalRow(row: Readonly<Record<string, unknown>>, place: RecordPlace & { line: number }, context: CanonicalContext): ImportRecord[] {
  const { factory } = context;
  const text: Partial<Record<CanonicalField, string>> = {};
  for (const field of canonicalFields) {
    const value = row[field];
    if (value === undefined || value === null) continue;
    const numberAllowed = field === 'ticket' || field === 'priority' || field === 'id';
    if (typeof value === 'number' && numberAllowed && Number.isFinite(value)) text[field] = String(value);
    else if (typeof value === 'string') {
      // Raw priorities are kept exactly; the contract's mapFrom trims when it maps them.
      if (value.trim() !== '') text[field] = field === 'priority' ? value : value.trim();
    } else return [factory.skip(place, numberAllowed ? 'not a text or number value' : 'not a text value', field, value)];
  }
  if (text.ticket === undefined) return [factory.skip(place, 'missing ticket', 'ticket')];
  if (text.at === undefined) return [factory.skip(place, 'missing at', 'at')];
  if (text.kind === undefined) return [factory.skip(place, 'missing kind', 'kind')];
  const kind = text.kind.toLowerCase();
  if (!kindSet.has(kind)) return [factory.skip(place, `unknown kind (expected one of ${eventKinds.join(', ')})`, 'kind', text.kind)];
  const eventKind = kind as EventKind;
  const instant = context.instants.readIso(text.at);
  if (instant.reason !== undefined) return [factory.skip(place, instant.reason, 'at', text.at)];

  let status: TicketStatus | undefined;
  if (text.status !== undefined) {
    const lower = text.status.toLowerCase();
    if (!statusSet.has(lower)) return [factory.skip(place, `unknown status (expected one of ${ticketStatuses.join(', ')})`, 'status', text.status)];
    status = lower as TicketStatus;
  }
  if (eventKind === 'status_changed' && status === undefined) return [factory.skip(place, 'missing status (status_changed needs one)', 'status')];
  if (status !== undefined && eventKind !== 'status_changed') {
    if (!shorthandKinds.has(eventKind)) return [factory.skip(place, 'status only goes with status_changed, solved, reopened or closed', 'status', text.status)];
    const implied = impliedStatus({ ticket: '', at: 0, id: '', kind: eventKind });
    if (status !== implied) return [factory.skip(place, 'status contradicts kind', 'status', text.status)];
  }
  if (eventKind === 'priority_changed' && text.priority === undefined) return [factory.skip(place, 'missing priority (priority_changed needs one)', 'priority')];

  const content = [text.ticket, instant.at, eventKind, text.priority, status, text.channel, text.category, text.technology, text.actor];
  const event: Omit<TicketEvent, 'seq'> = {
    ticket: text.ticket,
    at: instant.at,
    kind: eventKind,
    id: text.id ?? digestId(content),
    priority: text.priority,
    status: eventKind === 'status_changed' ? status : undefined,
    channel: text.channel,
    category: text.category,
    technology: text.technology,
    actor: text.actor,
    source: text.source ?? `${context.format}:${context.fileName}:${place.line}`,
  };
  const records: ImportRecord[] = [];
  if (eventKind === 'created') {
    records.push(
      factory.ticket(
        { ticket: text.ticket, createdAt: instant.at, rawPriority: text.priority, channel: text.channel, category: text.category, technology: text.technology },
        place,
      ),
    );
  }
  records.push(factory.event(event, place));
  return records;
}
