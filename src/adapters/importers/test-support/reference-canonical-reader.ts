/**
 * The canonical JSON Lines and CSV readers as first written: one async step per line and
 * per record, a keyed object per row, `compact` copies, a Hash object per digest and
 * Temporal for every instant. Slow and plain; the property tests hold the fast readers
 * (CanonicalRowMapper, batched lines and rows) to exactly its records.
 */
import { createHash } from 'node:crypto';
import { eventKinds, impliedStatus, ticketStatuses, type EventKind, type TicketEvent, type TicketStatus } from '../../../domain/tickets/index.js';
import { parseInstantTextWithTemporal } from '../../../domain/time/zone.js';
import type { ByteStream, ImportOptions, ImportRecord, RecordPlace, SkipRecord } from '../import-types.js';
import { instantReasons, type InstantResult } from '../instant-reader.js';
import { canonicalFields, type CanonicalField } from '../map-canonical-row.js';
import { CsvColumns, cell, rawCell, readCsvRows, requireColumns } from '../read-csv-rows.js';
import { readTextLines } from '../read-text-lines.js';

const known: ReadonlySet<string> = new Set(canonicalFields);
const kindSet: ReadonlySet<string> = new Set(eventKinds);
const statusSet: ReadonlySet<string> = new Set(ticketStatuses);
const shorthandKinds: ReadonlySet<EventKind> = new Set(['solved', 'reopened', 'closed']);

function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const key in value) if (value[key] !== undefined) out[key] = value[key];
  return out as T;
}

function referenceDigestId(parts: readonly unknown[]): string {
  return `sha256:${createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 24)}`;
}

class ReferenceContext {
  seq = 0;
  instantsWithOffset = 0;
  instantsInGivenZone = 0;
  constructor(
    readonly format: 'jsonl' | 'csv',
    readonly fileName: string,
    readonly zone: string | undefined,
  ) {}

  skip(place: RecordPlace, reason: string, field?: string, value?: unknown): SkipRecord {
    const text = value === undefined || value === null ? undefined : typeof value === 'string' ? value : JSON.stringify(value);
    return compact({ type: 'skip', ...place, field, reason, value: text !== undefined && text.length > 200 ? `${text.slice(0, 200)}...` : text }) as SkipRecord;
  }

  readIso(raw: string): InstantResult {
    const text = raw.trim();
    if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(text)) return { reason: instantReasons.notIso };
    const hasOffset = /(Z|z|[+-]\d{2}(:?\d{2})?)(\[[^\]]+\])?$/.test(text.slice(10));
    if (!hasOffset && !this.zone) return { reason: instantReasons.noZone };
    const at = parseInstantTextWithTemporal(text, hasOffset ? undefined : this.zone);
    if (at === undefined) {
      const shaped = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|z|[+-]\d{2}(:?\d{2})?)?$/.test(text);
      return { reason: shaped ? instantReasons.badDate : instantReasons.notIso };
    }
    if (hasOffset) this.instantsWithOffset++;
    else this.instantsInGivenZone++;
    return { at };
  }

  mapRow(row: Readonly<Record<string, unknown>>, place: { line: number }): ImportRecord[] {
    const text: Partial<Record<CanonicalField, string>> = {};
    for (const field of canonicalFields) {
      const value = row[field];
      if (value === undefined || value === null) continue;
      const numberAllowed = field === 'ticket' || field === 'priority' || field === 'id';
      if (typeof value === 'number' && numberAllowed && Number.isFinite(value)) text[field] = String(value);
      else if (typeof value === 'string') {
        if (value.trim() !== '') text[field] = field === 'priority' ? value : value.trim();
      } else return [this.skip(place, numberAllowed ? 'not a text or number value' : 'not a text value', field, value)];
    }
    if (text.ticket === undefined) return [this.skip(place, 'missing ticket', 'ticket')];
    if (text.at === undefined) return [this.skip(place, 'missing at', 'at')];
    if (text.kind === undefined) return [this.skip(place, 'missing kind', 'kind')];
    const kind = text.kind.toLowerCase();
    if (!kindSet.has(kind)) return [this.skip(place, `unknown kind (expected one of ${eventKinds.join(', ')})`, 'kind', text.kind)];
    const eventKind = kind as EventKind;
    const instant = this.readIso(text.at);
    if (instant.reason !== undefined) return [this.skip(place, instant.reason, 'at', text.at)];
    let status: TicketStatus | undefined;
    if (text.status !== undefined) {
      const lower = text.status.toLowerCase();
      if (!statusSet.has(lower)) return [this.skip(place, `unknown status (expected one of ${ticketStatuses.join(', ')})`, 'status', text.status)];
      status = lower as TicketStatus;
    }
    if (eventKind === 'status_changed' && status === undefined) return [this.skip(place, 'missing status (status_changed needs one)', 'status')];
    if (status !== undefined && eventKind !== 'status_changed') {
      if (!shorthandKinds.has(eventKind)) return [this.skip(place, 'status only goes with status_changed, solved, reopened or closed', 'status', text.status)];
      if (status !== impliedStatus({ ticket: '', at: 0, id: '', kind: eventKind })) return [this.skip(place, 'status contradicts kind', 'status', text.status)];
    }
    if (eventKind === 'priority_changed' && text.priority === undefined) return [this.skip(place, 'missing priority (priority_changed needs one)', 'priority')];
    const content = [text.ticket, instant.at, eventKind, text.priority, status, text.channel, text.category, text.technology, text.actor];
    const event: Omit<TicketEvent, 'seq'> = {
      ticket: text.ticket,
      at: instant.at,
      kind: eventKind,
      id: text.id ?? referenceDigestId(content),
      priority: text.priority,
      status: eventKind === 'status_changed' ? status : undefined,
      channel: text.channel,
      category: text.category,
      technology: text.technology,
      actor: text.actor,
      source: text.source ?? `${this.format}:${this.fileName}:${place.line}`,
    };
    const records: ImportRecord[] = [];
    if (eventKind === 'created') {
      const header = { ticket: text.ticket, createdAt: instant.at, rawPriority: text.priority, channel: text.channel, category: text.category, technology: text.technology };
      records.push({ type: 'ticket', header: compact(header), ...compact(place) });
    }
    records.push({ type: 'event', event: compact({ ...event, seq: this.seq++ }), ...compact(place) });
    return records;
  }
}

/** The canonical JSON Lines reader as first written. */
export async function* referenceCanonicalJsonl(input: ByteStream, options: ImportOptions): AsyncGenerator<ImportRecord> {
  const context = new ReferenceContext('jsonl', options.fileName, options.zone);
  const unknown = new Set<string>();
  let rowsRead = 0;
  for await (const { line, text } of readTextLines(input, undefined, options.fileName)) {
    if (text.trim() === '') continue;
    rowsRead++;
    let row: unknown;
    try {
      row = JSON.parse(text);
    } catch {
      yield context.skip({ line }, 'not valid JSON', undefined, text);
      continue;
    }
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      yield context.skip({ line }, 'not a JSON object', undefined, text);
      continue;
    }
    for (const key of Object.keys(row)) {
      if (known.has(key) || unknown.has(key) || unknown.size >= 20) continue;
      unknown.add(key);
      yield { type: 'notice', code: 'unknown-field', message: `field "${key}" (first on line ${line}) is not a canonical field and is ignored` };
    }
    yield* context.mapRow(row as Record<string, unknown>, { line });
  }
  yield { type: 'end', rowsRead, instantsWithOffset: context.instantsWithOffset, instantsInGivenZone: context.instantsInGivenZone };
}

/** The canonical CSV reader as first written. */
export async function* referenceCanonicalCsv(input: ByteStream, options: ImportOptions): AsyncGenerator<ImportRecord> {
  const context = new ReferenceContext('csv', options.fileName, options.zone);
  let columns: CsvColumns | undefined;
  let rowsRead = 0;
  for await (const { line, fields } of readCsvRows(input, options.fileName)) {
    if (!columns) {
      columns = new CsvColumns(fields);
      requireColumns(columns, ['ticket', 'at', 'kind'], options.fileName, 'canonical CSV');
      for (const name of columns.unknown(canonicalFields)) yield { type: 'notice', code: 'unknown-column', message: `column "${name}" is not a canonical column and is ignored` };
      continue;
    }
    rowsRead++;
    if (fields.length !== columns.header.length) {
      yield context.skip({ line }, 'row has a different number of fields than the header', undefined, `${fields.length} fields, header has ${columns.header.length}`);
      continue;
    }
    const row: Record<string, string> = {};
    for (const name of canonicalFields) {
      const value = name === 'priority' ? rawCell(fields, columns.index(name)) : cell(fields, columns.index(name));
      if (value !== undefined) row[name] = value;
    }
    yield* context.mapRow(row, { line });
  }
  yield { type: 'end', rowsRead, instantsWithOffset: context.instantsWithOffset, instantsInGivenZone: context.instantsInGivenZone };
}
