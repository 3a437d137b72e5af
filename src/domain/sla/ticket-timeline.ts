import { impliedStatus, type TicketEvent, type TicketStatus } from '../tickets/ticket-event.js';
import { mapRawPriority, type SlaPolicy } from './sla-policy.js';

/** A raw priority as of an instant. */
export interface PriorityMark {
  readonly at: number;
  readonly raw: string;
  /** Mapped contract priority, or undefined when `mapFrom` does not know the raw value. */
  readonly priority: string | undefined;
}

/** One active run of the resolution clock: from creation or a reopen to a solve (or still open). */
export interface ResolutionWindow {
  readonly startAt: number;
  /** Solve (or close/cancel) instant; undefined while the ticket is still open. */
  stopAt: number | undefined;
  stopKind: 'solved' | 'closed' | 'canceled' | undefined;
}

/**
 * A ticket's events reduced to what clocks and measures need, in one pass:
 * creation, priority marks, replies, resolution windows (one per reopen) and pauses.
 */
export interface TicketTimeline {
  readonly ticket: string;
  readonly createdAt: number;
  readonly channel: string | undefined;
  readonly category: string | undefined;
  readonly technology: string | undefined;
  readonly priorities: readonly PriorityMark[];
  readonly firstAgentReplyAt: number | undefined;
  readonly agentReplies: number;
  /** Whether a customer replied after the first agent reply (first-contact resolution). */
  readonly customerRepliedAfterAgent: boolean;
  readonly windows: readonly ResolutionWindow[];
  /** Paused intervals `[from, to)`; `to` is undefined while the pause is still open. */
  readonly pauses: readonly (readonly [number, number | undefined])[];
  readonly reopens: readonly number[];
  readonly solvedAt: readonly number[];
  readonly closedAt: number | undefined;
  readonly canceledAt: number | undefined;
  /** Events that made no sense (before creation, a second creation...), kept for explain. */
  readonly anomalies: readonly string[];
  /** The ticket's events in order (for explain). */
  readonly events: readonly TicketEvent[];
}

/** Shared by every timeline with nothing to list (most tickets: no anomaly, no reopen); never mutated. */
const none: readonly never[] = Object.freeze([]);

/**
 * Builds a timeline from one ticket's events, already sorted by instant then source order
 * (`sortTicketEvents`). Returns undefined when there is no `created` event. A ticket created
 * with "urgent", replied to, paused in pending_customer for an hour and solved gives one
 * window, one pause and one priority mark:
 * `buildTicketTimeline(events, policy)?.pauses` is `[[pausedAt, pausedAt + 3600]]`.
 * One pass, no closures; lists that stay empty share one frozen empty array.
 */
export function buildTicketTimeline(events: readonly TicketEvent[], policy: SlaPolicy): TicketTimeline | undefined {
  let created: TicketEvent | undefined;
  for (let i = 0; i < events.length; i++) {
    if (events[i]!.kind === 'created') {
      created = events[i];
      break;
    }
  }
  if (!created) return undefined;
  const createdAt = created.at;
  const pausedIn = policy.pausedIn;
  let anomalies: string[] | undefined;
  const priorities: PriorityMark[] = [{ at: createdAt, raw: created.priority ?? '', priority: mapRawPriority(policy, created.priority ?? '') }];
  let firstAgentReplyAt: number | undefined;
  let agentReplies = 0;
  let customerRepliedAfterAgent = false;
  let window: ResolutionWindow = { startAt: createdAt, stopAt: undefined, stopKind: undefined };
  const windows: ResolutionWindow[] = [window];
  let pauses: [number, number | undefined][] | undefined;
  let reopens: number[] | undefined;
  let solvedAt: number[] | undefined;
  let closedAt: number | undefined;
  let canceledAt: number | undefined;
  let status: TicketStatus = 'new';
  let active = true;
  let pausedSince: number | undefined;

  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    if (event === created) continue;
    const at = event.at;
    if (at < createdAt) {
      (anomalies ??= []).push(`${event.kind} at ${at} is before the ticket was created; ignored`);
      continue;
    }
    switch (event.kind) {
      case 'created':
        (anomalies ??= []).push('a second created event; ignored');
        continue;
      case 'priority_changed': {
        const value = event.priority ?? '';
        priorities.push({ at, raw: value, priority: mapRawPriority(policy, value) });
        continue;
      }
      case 'agent_replied':
        agentReplies++;
        if (firstAgentReplyAt === undefined) firstAgentReplyAt = at;
        continue;
      case 'customer_replied':
        if (firstAgentReplyAt !== undefined) customerRepliedAfterAgent = true;
        continue;
      case 'assigned':
      case 'internal_note':
        continue;
      default:
        break;
    }
    const next = impliedStatus(event);
    if (next === undefined) continue;
    if (canceledAt !== undefined) {
      (anomalies ??= []).push(`${event.kind} after the ticket was canceled; ignored`);
      continue;
    }
    if (next === 'solved' || next === 'closed' || next === 'canceled') {
      if (next === 'closed') closedAt = at;
      if (active) {
        // A stop ends a pause.
        if (pausedSince !== undefined) {
          (pauses ??= []).push([pausedSince, at]);
          pausedSince = undefined;
        }
        window.stopAt = at;
        window.stopKind = next;
        active = false;
        if (next === 'solved') (solvedAt ??= []).push(at);
        if (next === 'canceled') canceledAt = at;
      } else if (next === 'solved' && status === 'closed') {
        (anomalies ??= []).push('solved after closed; ignored');
      }
      status = next;
      continue;
    }
    // A status that is neither solved, closed nor canceled.
    if (!active) {
      // Leaving solved/closed is a reopen.
      (reopens ??= []).push(at);
      window = { startAt: at, stopAt: undefined, stopKind: undefined };
      windows.push(window);
      active = true;
      closedAt = undefined;
    }
    const wasPaused = pausedIn.has(status) && pausedSince !== undefined;
    const nowPaused = pausedIn.has(next);
    if (nowPaused && !wasPaused) pausedSince = at;
    else if (!nowPaused && wasPaused) {
      (pauses ??= []).push([pausedSince as number, at]);
      pausedSince = undefined;
    }
    status = next;
  }
  if (pausedSince !== undefined) (pauses ??= []).push([pausedSince, undefined]);
  return {
    ticket: created.ticket,
    createdAt,
    channel: created.channel,
    category: created.category,
    technology: created.technology,
    priorities,
    firstAgentReplyAt,
    agentReplies,
    customerRepliedAfterAgent,
    windows,
    pauses: pauses ?? none,
    reopens: reopens ?? none,
    solvedAt: solvedAt ?? none,
    closedAt,
    canceledAt,
    anomalies: anomalies ?? none,
    events,
  };
}
