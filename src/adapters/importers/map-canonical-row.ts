import { eventKinds, ticketStatuses, type EventKind, type TicketEvent, type TicketHeader, type TicketStatus } from '../../domain/tickets/index.js';
import type { ImportRecord } from './import-types.js';
import { InstantReader } from './instant-reader.js';
import { digestId, RecordFactory } from './record-factory.js';
import { scanFlatJsonObject } from './scan-flat-json-object.js';

/** The canonical columns (DESIGN.md "Tickets"): the first three are required. */
export const canonicalFields = ['ticket', 'at', 'kind', 'priority', 'status', 'channel', 'category', 'technology', 'id', 'actor', 'source'] as const;
export type CanonicalField = (typeof canonicalFields)[number];

// Positions in canonicalFields.
const TICKET = 0;
const AT = 1;
const KIND = 2;
const PRIORITY = 3;
const STATUS = 4;
const CHANNEL = 5;
const CATEGORY = 6;
const TECHNOLOGY = 7;
const ID = 8;
const ACTOR = 9;
const SOURCE = 10;
const fieldCount = canonicalFields.length;
const fieldIndex: ReadonlyMap<string, number> = new Map(canonicalFields.map((name, index) => [name, index]));

/** Kinds and statuses as written, and lower-cased, to their canonical value. */
const kindOf = new Map<string, EventKind>(eventKinds.map((kind) => [kind, kind]));
const statusOf = new Map<string, TicketStatus>(ticketStatuses.map((status) => [status, status]));
/** The status each shorthand kind implies (domain `impliedStatus`). */
const shorthandStatus: Readonly<Partial<Record<EventKind, TicketStatus>>> = { solved: 'solved', reopened: 'open', closed: 'closed' };

const reasons = {
  unknownKind: `unknown kind (expected one of ${eventKinds.join(', ')})`,
  unknownStatus: `unknown status (expected one of ${ticketStatuses.join(', ')})`,
} as const;

/** Unknown field names reported once each, up to this many (a file with thousands of keys is reported by the first 20). */
const maxUnknownFieldNotices = 20;

/**
 * Maps canonical rows (JSON Lines objects or CSV rows) of one import to records: a `ticket`
 * header and the event for `created`, the event otherwise, or one skip naming the field at
 * fault. Values may be text, or numbers for `ticket`, `priority` and `id`. It runs once per
 * event of a file, so it reads each row's fields into one reused slot array (a flat JSON line
 * without JSON.parse: `scanFlatJsonObject`) and builds each record once, without intermediate
 * objects: about 1.2 µs an event, reading the file included.
 */
export class CanonicalRowMapper {
  readonly factory = new RecordFactory();
  readonly instants: InstantReader;
  /** Data lines (JSON Lines) or rows (CSV) read, blank lines excluded. */
  rowsRead = 0;
  private readonly sourcePrefix: string;
  private readonly values: unknown[] = new Array<unknown>(fieldCount).fill(undefined);
  private readonly text: (string | undefined)[] = new Array<string | undefined>(fieldCount).fill(undefined);
  private readonly unknownFields = new Set<string>();
  /** Keys other than the canonical fields on the line just scanned, in order of first sight. */
  private readonly scannedUnknown: string[] = [];

  constructor(
    readonly format: 'jsonl' | 'csv',
    readonly fileName: string,
    zone: string | undefined,
  ) {
    this.instants = new InstantReader(zone, undefined);
    this.sourcePrefix = `${format}:${fileName}:`;
  }

  /** One JSON Lines line: nothing for a blank line, else its records appended to `out`. */
  mapJsonLine(line: string, lineNumber: number, out: ImportRecord[]): void {
    // A line starting with `{` is not blank; anything else is checked the slow way.
    if (line.charCodeAt(0) !== 123 && line.trim() === '') return;
    this.rowsRead++;
    const values = this.values;
    values.fill(undefined);
    if (scanFlatJsonObject(line, fieldIndex, values, this.scannedUnknown)) {
      for (const key of this.scannedUnknown) this.noticeUnknownField(key, lineNumber, out);
      this.mapValues(lineNumber, out);
      return;
    }
    values.fill(undefined);
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      out.push(this.factory.skip({ line: lineNumber }, 'not valid JSON', undefined, line));
      return;
    }
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      out.push(this.factory.skip({ line: lineNumber }, 'not a JSON object', undefined, line));
      return;
    }
    const object = row as Record<string, unknown>;
    for (const key in object) {
      const index = fieldIndex.get(key);
      if (index !== undefined) values[index] = object[key];
      else this.noticeUnknownField(key, lineNumber, out);
    }
    this.mapValues(lineNumber, out);
  }

  private noticeUnknownField(key: string, lineNumber: number, out: ImportRecord[]): void {
    if (this.unknownFields.has(key) || this.unknownFields.size >= maxUnknownFieldNotices) return;
    this.unknownFields.add(key);
    out.push({ type: 'notice', code: 'unknown-field', message: `field "${key}" (first on line ${lineNumber}) is not a canonical field and is ignored` });
  }

  /**
   * One CSV row, given as the value of each canonical field in `canonicalFields` order
   * (undefined for a missing column or an empty cell).
   */
  mapCells(cells: readonly (string | undefined)[], lineNumber: number, out: ImportRecord[]): void {
    const values = this.values;
    for (let i = 0; i < fieldCount; i++) values[i] = cells[i];
    this.mapValues(lineNumber, out);
  }

  /** Checks and maps the row in `this.values`; the first field at fault (in canonical order) makes the skip. */
  private mapValues(line: number, out: ImportRecord[]): void {
    const { values, text, factory } = this;
    for (let i = 0; i < fieldCount; i++) {
      const value = values[i];
      if (value === undefined || value === null) {
        text[i] = undefined;
        continue;
      }
      const numberAllowed = i === TICKET || i === PRIORITY || i === ID;
      if (typeof value === 'string') {
        // Raw priorities are kept exactly; the contract's mapFrom trims when it maps them.
        text[i] = i === PRIORITY ? (isBlank(value) ? undefined : value) : trimmedOrUndefined(value);
      } else if (typeof value === 'number' && numberAllowed && Number.isFinite(value)) {
        text[i] = String(value);
      } else {
        return this.skip(out, line, numberAllowed ? 'not a text or number value' : 'not a text value', canonicalFields[i], value);
      }
    }
    const ticket = text[TICKET];
    const atText = text[AT];
    const kindText = text[KIND];
    if (ticket === undefined) return this.skip(out, line, 'missing ticket', 'ticket');
    if (atText === undefined) return this.skip(out, line, 'missing at', 'at');
    if (kindText === undefined) return this.skip(out, line, 'missing kind', 'kind');
    const kind = kindOf.get(kindText) ?? kindOf.get(kindText.toLowerCase());
    if (kind === undefined) return this.skip(out, line, reasons.unknownKind, 'kind', kindText);
    const instant = this.instants.readIso(atText);
    if (instant.reason !== undefined) return this.skip(out, line, instant.reason, 'at', atText);
    const at = instant.at;

    const statusText = text[STATUS];
    let status: TicketStatus | undefined;
    if (statusText !== undefined) {
      status = statusOf.get(statusText) ?? statusOf.get(statusText.toLowerCase());
      if (status === undefined) return this.skip(out, line, reasons.unknownStatus, 'status', statusText);
    }
    if (kind === 'status_changed' && status === undefined) return this.skip(out, line, 'missing status (status_changed needs one)', 'status');
    if (status !== undefined && kind !== 'status_changed') {
      const implied = shorthandStatus[kind];
      if (implied === undefined) return this.skip(out, line, 'status only goes with status_changed, solved, reopened or closed', 'status', statusText);
      if (status !== implied) return this.skip(out, line, 'status contradicts kind', 'status', statusText);
    }
    const priority = text[PRIORITY];
    if (kind === 'priority_changed' && priority === undefined) return this.skip(out, line, 'missing priority (priority_changed needs one)', 'priority');

    const channel = text[CHANNEL];
    const category = text[CATEGORY];
    const technology = text[TECHNOLOGY];
    const actor = text[ACTOR];
    const id = text[ID] ?? digestId([ticket, at, kind, priority, status, channel, category, technology, actor]);
    const source = text[SOURCE] ?? this.sourcePrefix + line;
    if (kind === 'created') {
      // The header's keys in TicketHeader order, absent ones left out (records are written out as JSON).
      const header: { -readonly [K in keyof TicketHeader]: TicketHeader[K] } = { ticket, createdAt: at };
      if (priority !== undefined) header.rawPriority = priority;
      if (channel !== undefined) header.channel = channel;
      if (category !== undefined) header.category = category;
      if (technology !== undefined) header.technology = technology;
      out.push({ type: 'ticket', header, line });
    }
    // The event's keys in TicketEvent order, absent ones left out, seq last.
    const event: { -readonly [K in keyof TicketEvent]: TicketEvent[K] } = { ticket, at, kind, id };
    if (priority !== undefined) event.priority = priority;
    if (kind === 'status_changed') event.status = status;
    if (channel !== undefined) event.channel = channel;
    if (category !== undefined) event.category = category;
    if (technology !== undefined) event.technology = technology;
    if (actor !== undefined) event.actor = actor;
    event.source = source;
    event.seq = factory.nextSeq();
    out.push({ type: 'event', event, line });
  }

  private skip(out: ImportRecord[], line: number, reason: string, field?: string, value?: unknown): void {
    out.push(this.factory.skip({ line }, reason, field, value));
  }
}

/** Whether `trim()` would leave nothing. */
function isBlank(value: string): boolean {
  if (value.length === 0) return true;
  return isPlainAscii(value.charCodeAt(0)) ? false : value.trim() === '';
}

/** `value.trim()`, or undefined when that is empty; no new string when there is nothing to trim. */
function trimmedOrUndefined(value: string): string | undefined {
  const length = value.length;
  if (length === 0) return undefined;
  if (isPlainAscii(value.charCodeAt(0)) && isPlainAscii(value.charCodeAt(length - 1))) return value;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Printable ASCII other than space: never white space to `trim()`. */
function isPlainAscii(code: number): boolean {
  return code > 32 && code < 127;
}
