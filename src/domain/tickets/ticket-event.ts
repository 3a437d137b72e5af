/**
 * The canonical ticket event model. Every importer maps its source into these types and
 * nothing else reads source formats. Instants are epoch seconds (UTC).
 */

export const eventKinds = [
  'created',
  'priority_changed',
  'assigned',
  'agent_replied',
  'customer_replied',
  'internal_note',
  'status_changed',
  'solved',
  'reopened',
  'closed',
] as const;
export type EventKind = (typeof eventKinds)[number];

export const ticketStatuses = [
  'new',
  'open',
  'pending_customer',
  'on_hold_third_party',
  'solved',
  'closed',
  'canceled',
] as const;
export type TicketStatus = (typeof ticketStatuses)[number];

/** One event of one ticket. `id` is the source reference that makes re-import idempotent. */
export interface TicketEvent {
  /** External ticket id in the source system: `"T-1001"`, `"INC0000045"`. */
  readonly ticket: string;
  /** Epoch seconds. */
  readonly at: number;
  readonly kind: EventKind;
  /** Source reference: the event's own id, or a digest of the source line. */
  readonly id: string;
  /** Raw (unmapped) priority, on `created` and `priority_changed`. */
  readonly priority?: string;
  /** Normalised status, on `status_changed` (and implied by solved/reopened/closed). */
  readonly status?: TicketStatus;
  readonly channel?: string;
  readonly category?: string;
  readonly technology?: string;
  readonly actor?: string;
  /** Where the event came from: `"zendesk:audit/123"`, `"jsonl:events.jsonl:14"`. */
  readonly source?: string;
  /** Order within the ticket for events in the same second (source order). */
  readonly seq?: number;
}

/**
 * Figures a source system computed itself (its own SLA verdicts). Kept only to reconcile
 * against ours, never as input to our clocks.
 */
export interface SourceSlaFlags {
  readonly resolutionMet?: boolean;
  readonly firstResponseMet?: boolean;
}

/** A ticket's identity and attributes, as first seen in its `created` event. */
export interface TicketHeader {
  readonly ticket: string;
  readonly createdAt: number;
  readonly rawPriority?: string;
  readonly channel?: string;
  readonly category?: string;
  readonly technology?: string;
  readonly sourceSla?: SourceSlaFlags;
}

/** Events sorted by instant, then `seq`, then kind order (stable; does not mutate input). */
export function sortTicketEvents(events: readonly TicketEvent[]): TicketEvent[] {
  return events
    .map((event, index) => ({ event, index }))
    .sort(
      (a, b) =>
        a.event.at - b.event.at ||
        (a.event.seq ?? a.index) - (b.event.seq ?? b.index) ||
        a.index - b.index,
    )
    .map((x) => x.event);
}

/** The status a shorthand kind implies: `solved` -> `'solved'`, `reopened` -> `'open'`. */
export function impliedStatus(event: TicketEvent): TicketStatus | undefined {
  switch (event.kind) {
    case 'status_changed':
      return event.status;
    case 'solved':
      return 'solved';
    case 'reopened':
      return 'open';
    case 'closed':
      return 'closed';
    default:
      return undefined;
  }
}

/** A period of unavailability of a named service (for availability measures). */
export interface Outage {
  readonly id: string;
  /** The availability target's service name or id: `"phone-line"`. */
  readonly service: string;
  readonly startAt: number;
  readonly endAt: number;
  readonly description?: string;
}

/** A vendor report delivered for a month (for the `vendorReport` timeliness measure). */
export interface VendorReportDelivery {
  readonly id: string;
  /** Service month the report covers: `"2027-03"`. */
  readonly month: string;
  readonly deliveredAt: number;
}
