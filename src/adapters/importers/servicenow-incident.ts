import type { EventKind, TicketHeader, TicketStatus } from '../../domain/tickets/index.js';
import type { ImportRecord } from './import-types.js';
import { digestId, type RecordFactory } from './record-factory.js';
import { statusTransition } from './status-transition.js';

/** One audit row of an incident, already parsed. */
export interface IncidentRow {
  readonly line: number;
  readonly fields: readonly string[];
  readonly at: number;
  readonly openedAt: number;
  readonly status: TicketStatus;
  readonly priority?: string;
  /** Assignment group and assignee, joined: a change of either is an `assigned` event. */
  readonly assignment: string;
  readonly actor?: string;
  readonly openedBy?: string;
  readonly channel?: string;
  readonly category?: string;
  readonly technology?: string;
  readonly madeSla?: boolean;
  readonly source: string;
}

export const incidentSkipReasons = {
  beforeOpened: 'update earlier than opened_at, the incident\'s creation: row dropped',
  backInTime: 'update earlier than the incident\'s previous change (rows out of time order): row dropped',
} as const;

/**
 * The state of one incident while its audit rows stream past, and the records they yield.
 * Each row is compared with the previous kept row: created from the first (at `opened_at`),
 * then priority_changed, assigned, the first move out of New as the agent_replied proxy, and
 * the status events of a state change. A row that changes something before `opened_at` or
 * before the incident's previous change is dropped (the reason is returned), and the
 * previous state carries on; a row that changes nothing is never out of order.
 */
export class IncidentTrack {
  header?: TicketHeader;
  /** Line of the row the incident was created from. */
  headerLine?: number;
  madeSla?: boolean;
  readonly records: ImportRecord[] = [];
  private status: TicketStatus = 'new';
  private leftNew = false;
  private priority?: string;
  private assignment?: string;
  private lastChangeAt?: number;

  constructor(readonly number: string) {}

  apply(row: IncidentRow, factory: RecordFactory): string | undefined {
    const first = this.header === undefined;
    const changes: { kind: EventKind; status?: TicketStatus; priority?: string }[] = [];
    if (!first && row.priority !== undefined && row.priority !== this.priority) changes.push({ kind: 'priority_changed', priority: row.priority });
    if (!first && row.assignment !== this.assignment) changes.push({ kind: 'assigned' });
    // Proxy for the first agent response: the log has no replies (datasets/README.md).
    if (!this.leftNew && row.status !== 'new') changes.push({ kind: 'agent_replied' });
    for (const step of statusTransition(this.status, row.status)) changes.push(step);
    if (changes.length > 0 && row.at < row.openedAt) return incidentSkipReasons.beforeOpened;
    if (changes.length > 0 && this.lastChangeAt !== undefined && row.at < this.lastChangeAt) return incidentSkipReasons.backInTime;

    const place = { line: row.line };
    if (first) {
      this.headerLine = row.line;
      this.header = { ticket: this.number, createdAt: row.openedAt, rawPriority: row.priority, channel: row.channel, category: row.category, technology: row.technology };
      const { ticket, createdAt, rawPriority, channel, category, technology } = this.header;
      this.records.push(factory.event({ ticket, at: createdAt, kind: 'created', id: `servicenow:${ticket}:created`, priority: rawPriority, channel, category, technology, actor: row.openedBy, source: row.source }, place));
    }
    if (changes.length > 0) {
      const rowId = digestId(row.fields);
      for (const change of changes) {
        this.records.push(factory.event({ ticket: this.number, at: row.at, id: `${rowId}:${change.kind}`, actor: row.actor, source: row.source, ...change }, place));
      }
      this.lastChangeAt = row.at;
    }
    if (row.priority !== undefined) this.priority = row.priority;
    this.assignment = row.assignment;
    if (row.status !== 'new') this.leftNew = true;
    this.status = row.status;
    if (row.madeSla !== undefined) this.madeSla = row.madeSla;
    return undefined;
  }
}
