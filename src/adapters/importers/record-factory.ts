import { hash } from 'node:crypto';
import type { TicketEvent, TicketHeader } from '../../domain/tickets/index.js';
import type { EventRecord, RecordPlace, SkipRecord, TicketRecord } from './import-types.js';

/** An event collected for one ticket before its order is known. */
export interface PendingEvent {
  readonly event: Omit<TicketEvent, 'seq'>;
  readonly place: RecordPlace;
}

/** Longest offending value a skip repeats. */
const maxSkipValueChars = 200;

/**
 * A stable event id from content: `sha256:` and the first 24 hex digits (96 bits) of the
 * SHA-256 of the parts, so the same row read twice, or from two overlapping exports, gets
 * the same id. `digestId(['T-1', 1803920400, 'created'])` is always the same string.
 */
export function digestId(parts: readonly unknown[]): string {
  return `sha256:${sha256Hex(JSON.stringify(parts)).slice(0, 24)}`;
}

/** Hex SHA-256 of UTF-8 text in one call (`crypto.hash`, Node >= 20.12): about 3x faster than a Hash object on a short line. */
function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}

/**
 * Builds the records of one import. `seq` counts events in the order they are emitted, so
 * events of a ticket in the same second keep source order.
 */
export class RecordFactory {
  private seq = 0;

  event(event: Omit<TicketEvent, 'seq'>, place: RecordPlace): EventRecord {
    // What `compact({ ...event, seq })` and `{ type, event, ...compact(place) }` give, in one copy each.
    const seq = this.seq++;
    const out: Record<string, unknown> = {};
    for (const key in event) {
      if (key === 'seq') out.seq = seq;
      else {
        const value = (event as Record<string, unknown>)[key];
        if (value !== undefined) out[key] = value;
      }
    }
    out.seq = seq;
    const record: Record<string, unknown> = { type: 'event', event: out };
    for (const key in place) {
      const value = (place as Record<string, unknown>)[key];
      if (value !== undefined) record[key] = value;
    }
    return record as unknown as EventRecord;
  }

  /** The next event's `seq`, for readers that build their event objects themselves. */
  nextSeq(): number {
    return this.seq++;
  }

  /** One ticket's events sorted by instant, ties kept in collection (source) order. */
  eventsInOrder(pending: readonly PendingEvent[]): EventRecord[] {
    return pending
      .map((item, index) => ({ item, index }))
      .sort((a, b) => a.item.event.at - b.item.event.at || a.index - b.index)
      .map(({ item }) => this.event(item.event, item.place));
  }

  ticket(header: TicketHeader, place: RecordPlace): TicketRecord {
    return { type: 'ticket', header: compact(header), ...compact(place) };
  }

  skip(place: RecordPlace, reason: string, field?: string, value?: unknown): SkipRecord {
    const text = value === undefined || value === null ? undefined : typeof value === 'string' ? value : JSON.stringify(value);
    return compact({
      type: 'skip',
      ...place,
      field,
      reason,
      value: text !== undefined && text.length > maxSkipValueChars ? `${text.slice(0, maxSkipValueChars)}...` : text,
    }) as SkipRecord;
  }
}

/** A copy without the keys whose value is undefined (records are written out as JSON). */
export function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const key in value) if (value[key] !== undefined) out[key] = value[key];
  return out as T;
}
