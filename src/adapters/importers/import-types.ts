import type { Outage, TicketEvent, TicketHeader, TicketStatus, VendorReportDelivery } from '../../domain/tickets/index.js';

/** Every format `readImport` understands; `docs/import-formats.md` describes each. */
export const importSources = [
  'jsonl',
  'csv',
  'zendesk',
  'jira',
  'freshdesk',
  'servicenow',
  'zammad',
  'outages',
  'vendor-reports',
] as const;
export type ImportSource = (typeof importSources)[number];

export interface ImportOptions {
  /** Name shown in skips and `event.source` (`"events.jsonl"`); never opened by the reader. */
  readonly fileName: string;
  /** IANA zone of local times that carry no offset (`--zone`). Never assumed: without it such times are refused. */
  readonly zone?: string;
  /**
   * Order of day and month in slash dates (`4/3/2016`), which are ambiguous. ServiceNow
   * display-value exports default to `'dmy'` (the UCI log's `d/m/yyyy HH:MM`); elsewhere a
   * slash date without this option is refused.
   */
  readonly dateOrder?: 'dmy' | 'mdy';
  /**
   * Source status (name or code, trimmed, case-insensitive) -> canonical status, for custom
   * statuses (Freshdesk >= 6, JSM workflow names, Zammad custom states). Overrides the defaults.
   */
  readonly statusMap?: Readonly<Record<string, TicketStatus>>;
}

/** Where a record came from: a 1-based line, and for JSON sources a path inside the document. */
export interface RecordPlace {
  readonly line?: number;
  /** `tickets[3].audits[1].events[0]` (JSON sources only). */
  readonly path?: string;
}

/** First sight of a ticket's attributes; `header.sourceSla` holds the source's own verdicts, kept only to reconcile. */
export interface TicketRecord extends RecordPlace {
  readonly type: 'ticket';
  readonly header: TicketHeader;
}
export interface EventRecord extends RecordPlace {
  readonly type: 'event';
  readonly event: TicketEvent;
}
export interface OutageRecord extends RecordPlace {
  readonly type: 'outage';
  readonly outage: Outage;
}
export interface VendorReportRecord extends RecordPlace {
  readonly type: 'vendor-report';
  readonly report: VendorReportDelivery;
}
/** A bad or deliberately dropped row or item: nothing is ever dropped silently. */
export interface SkipRecord extends RecordPlace {
  readonly type: 'skip';
  /** The field at fault: `at`, `incident_state`. */
  readonly field?: string;
  /** A fixed phrase (no values inside), so skips group by it: `not an ISO-8601 instant`. */
  readonly reason: string;
  /** The offending value, cut to 200 characters. */
  readonly value?: string;
}
/** A fact about the whole import the user must see: a proxy used, a field the source lacks. */
export interface NoticeRecord {
  readonly type: 'notice';
  readonly code: string;
  readonly message: string;
}
/** Always the last record: how much was read and how instants got their offset. */
export interface EndRecord {
  readonly type: 'end';
  /** Data rows (CSV), lines (JSON Lines) or documents (JSON) read, headers and blank lines excluded. */
  readonly rowsRead: number;
  /** Instants that carried their own offset or `Z`. */
  readonly instantsWithOffset: number;
  /** Local times placed in the configured zone (`ImportOptions.zone`). */
  readonly instantsInGivenZone: number;
}

export type ImportRecord =
  | TicketRecord
  | EventRecord
  | OutageRecord
  | VendorReportRecord
  | SkipRecord
  | NoticeRecord
  | EndRecord;

/** What every reader receives: a stream of raw bytes (already gunzipped). */
export type ByteStream = AsyncIterable<Uint8Array | string>;
