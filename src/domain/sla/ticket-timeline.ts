import { impliedStatus, type TicketEvent, type TicketStatus } from '../tickets/ticket-event.js';
import type { SlaPolicy } from './sla-policy.js';

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

/**
 * Builds a timeline from one ticket's events, already sorted by instant then source order
 * (`sortTicketEvents`). Returns undefined when there is no `created` event.
 */
export function buildTicketTimeline(events: readonly TicketEvent[], policy: SlaPolicy): TicketTimeline | undefined {
  let created: TicketEvent | undefined;
  for (const event of events) {
    if (event.kind === 'created') {
      created = event;
      break;
    }
  }
  if (!created) return undefined;
  const createdAt = created.at;
  const anomalies: string[] = [];
  const priorities: PriorityMark[] = [];
  const raw = created.priority ?? '';
  priorities.push({ at: createdAt, raw, priority: policy.priorityByRaw.get(raw.trim().toLowerCase()) });
  let firstAgentReplyAt: number | undefined;
  let agentReplies = 0;
  let customerRepliedAfterAgent = false;
  const windows: ResolutionWindow[] = [{ startAt: createdAt, stopAt: undefined, stopKind: undefined }];
  const pauses: [number, number | undefined][] = [];
  const reopens: number[] = [];
  const solvedAt: number[] = [];
  let closedAt: number | undefined;
  let canceledAt: number | undefined;
  let status: TicketStatus = 'new';
  let active = true;
  let pausedSince: number | undefined;

  const endPause = (at: number): void => {
    if (pausedSince !== undefined) {
      pauses.push([pausedSince, at]);
      pausedSince = undefined;
    }
  };

  for (const event of events) {
    if (event === created) continue;
    const at = event.at;
    if (at < createdAt) {
      anomalies.push(`${event.kind} at ${at} is before the ticket was created; ignored`);
      continue;
    }
    switch (event.kind) {
      case 'created':
        anomalies.push('a second created event; ignored');
        continue;
      case 'priority_changed': {
        const value = event.priority ?? '';
        priorities.push({ at, raw: value, priority: policy.priorityByRaw.get(value.trim().toLowerCase()) });
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
      anomalies.push(`${event.kind} after the ticket was canceled; ignored`);
      continue;
    }
    const window = windows[windows.length - 1] as ResolutionWindow;
    if (next === 'solved' || next === 'closed' || next === 'canceled') {
      if (next === 'closed') closedAt = at;
      if (active) {
        endPause(at);
        window.stopAt = at;
        window.stopKind = next;
        active = false;
        if (next === 'solved') solvedAt.push(at);
        if (next === 'canceled') canceledAt = at;
      } else if (next === 'solved' && status === 'closed') {
        anomalies.push('solved after closed; ignored');
      }
      status = next;
      continue;
    }
    // A status that is neither solved, closed nor canceled.
    if (!active) {
      // Leaving solved/closed is a reopen.
      reopens.push(at);
      windows.push({ startAt: at, stopAt: undefined, stopKind: undefined });
      active = true;
      closedAt = undefined;
    }
    const wasPaused = policy.pausedIn.has(status) && pausedSince !== undefined;
    const nowPaused = policy.pausedIn.has(next);
    if (nowPaused && !wasPaused) pausedSince = at;
    else if (!nowPaused && wasPaused) endPause(at);
    status = next;
  }
  if (pausedSince !== undefined) pauses.push([pausedSince, undefined]);
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
    pauses,
    reopens,
    solvedAt,
    closedAt,
    canceledAt,
    anomalies,
    events,
  };
}
