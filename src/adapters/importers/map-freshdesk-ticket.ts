import type { EventKind, SourceSlaFlags, TicketEvent, TicketStatus } from '../../domain/tickets/index.js';
import type { ImportRecord, RecordPlace } from './import-types.js';
import { isJsonObject, rawTextOf, textOf, type JsonObject } from './json-values.js';
import type { FreshdeskContext } from './read-freshdesk.js';
import { digestId, type PendingEvent } from './record-factory.js';
import { statusTransition } from './status-transition.js';

/** Ticket `source` codes (ticket-formats.md 3a) as channel names. */
export const freshdeskChannels: Readonly<Record<string, string>> = {
  '1': 'email', '2': 'portal', '3': 'phone', '7': 'chat', '9': 'feedback_widget', '10': 'outbound_email',
};
/** Conversation `source`: 0 is a reply, 2 a note (3b). */
const replySource = 0;
const noteSource = 2;

type Located = { readonly item: unknown; readonly path: string };

/**
 * Maps one Freshdesk API ticket with its conversations and activities. Conversations: incoming
 * -> customer_replied, private or note -> internal_note, reply -> agent_replied. Activities give
 * status, priority and assignment history; without them the ticket's `stats` give the latest
 * resolve, close, reopen and pending start (a snapshot).
 */
export function* mapFreshdeskTicket(ticket: JsonObject, place: RecordPlace, conversations: readonly Located[], activities: readonly Located[], context: FreshdeskContext): Generator<ImportRecord, { snapshot: boolean }> {
  const { factory, instants, resolveStatus } = context;
  const id = textOf(ticket.id);
  if (id === undefined) {
    yield factory.skip(place, 'missing id', 'id');
    return { snapshot: false };
  }
  if (ticket.spam === true || ticket.deleted === true) {
    yield factory.skip(place, 'spam or deleted ticket: dropped', ticket.spam === true ? 'spam' : 'deleted', true);
    return { snapshot: false };
  }
  const skips: ImportRecord[] = [];
  const instantAt = (value: unknown, at: RecordPlace, field: string): number | undefined => {
    const text = textOf(value);
    const result = text === undefined ? { reason: `missing ${field}` } : instants.read(text);
    if (result.reason !== undefined) skips.push(factory.skip(at, result.reason, field, text));
    return result.at;
  };
  const createdAt = instantAt(ticket.created_at, place, 'created_at');
  if (createdAt === undefined) {
    yield* skips;
    return { snapshot: false };
  }
  const stats = isJsonObject(ticket.stats) ? ticket.stats : {};
  const source = `freshdesk:ticket/${id}`;
  const pending: PendingEvent[] = [];
  const push = (at: number, kind: EventKind, eventId: string, where: RecordPlace, extra: Partial<TicketEvent> = {}): void => {
    pending.push({ event: { ticket: id, at, kind, id: eventId, source, ...extra }, place: where });
  };

  for (const { item, path } of conversations) {
    const where = { ...place, path };
    if (!isJsonObject(item)) {
      skips.push(factory.skip(where, 'conversation is not an object'));
      continue;
    }
    const at = instantAt(item.created_at, where, 'created_at');
    if (at === undefined) continue;
    const eventId = textOf(item.id) === undefined ? digestId(['freshdesk', id, item]) : `freshdesk:conversation/${textOf(item.id)}`;
    const actor = textOf(item.user_id);
    if (item.incoming === true) push(at, 'customer_replied', eventId, where, { actor });
    else if (item.private === true || item.source === noteSource) push(at, 'internal_note', eventId, where, { actor });
    else if (item.source === replySource || item.source === undefined) push(at, 'agent_replied', eventId, where, { actor });
    else skips.push(factory.skip(where, 'conversation is neither a reply nor a note', 'source', item.source));
  }

  let createdPriority = rawTextOf(ticket.priority);
  let snapshot = false;
  if (activities.length > 0) {
    const dated: { activity: JsonObject; at: number; path: string; index: number }[] = [];
    activities.forEach(({ item, path }, index) => {
      const where = { ...place, path };
      if (!isJsonObject(item) || !isJsonObject(item.activity)) {
        skips.push(factory.skip(where, 'activity without an activity object', 'activity'));
        return;
      }
      const at = instantAt(item.performed_at, where, 'performed_at');
      if (at !== undefined) dated.push({ activity: item.activity, at, path, index });
    });
    dated.sort((a, b) => a.at - b.at || a.index - b.index);
    // The priority at creation is the new_ticket activity's; failing that, the current one unless activities change it.
    const opening = dated.find((d) => d.activity.new_ticket === true);
    const changesPriority = dated.some((d) => d.activity.new_ticket !== true && textOf(d.activity.priority) !== undefined);
    createdPriority = rawTextOf(opening?.activity.priority) ?? (changesPriority ? undefined : rawTextOf(ticket.priority));
    let status: TicketStatus = 'new';
    for (const { activity, at, path } of dated) {
      const where = { ...place, path };
      const eventId = (kind: EventKind): string => `${digestId(['freshdesk', id, at, activity])}:${kind}`;
      const rawStatus = textOf(activity.status);
      const to = rawStatus === undefined ? undefined : resolveStatus(rawStatus);
      if (rawStatus !== undefined && to === undefined) skips.push(factory.skip(where, 'unknown status (map custom Freshdesk statuses with statusMap)', 'status', rawStatus));
      if (activity.new_ticket === true) {
        for (const step of to === undefined ? [] : statusTransition('new', to)) {
          if (step.kind === 'status_changed' && step.status !== 'open') push(createdAt, step.kind, eventId(step.kind), where, { status: step.status });
        }
        if (to !== undefined) status = to;
        continue;
      }
      if (to !== undefined) {
        for (const step of statusTransition(status, to)) push(at, step.kind, eventId(step.kind), where, step.kind === 'status_changed' ? { status: step.status } : {});
        status = to;
      }
      const priority = rawTextOf(activity.priority);
      if (priority !== undefined) {
        push(at, 'priority_changed', eventId('priority_changed'), where, { priority });
      }
      if (activity.agent_id !== undefined || activity.group !== undefined) push(at, 'assigned', eventId('assigned'), where);
    }
    if (createdPriority === undefined && rawTextOf(ticket.priority) !== undefined) {
      skips.push(factory.skip(place, 'priority at creation unknown: activities change it but the new_ticket activity is missing', 'priority', ticket.priority));
    }
  } else {
    snapshot = true;
    snapshotEvents(ticket, stats, place, createdAt, instantAt, push, skips, context);
  }
  if (conversations.length === 0 && stats.first_responded_at) {
    const at = instantAt(stats.first_responded_at, place, 'stats.first_responded_at');
    if (at !== undefined) push(at, 'agent_replied', `freshdesk:${id}:stats:first_responded_at`, place);
  }
  const channelCode = textOf(ticket.source);
  const channel = channelCode === undefined ? undefined : (freshdeskChannels[channelCode] ?? channelCode);
  pending.unshift({ event: { ticket: id, at: createdAt, kind: 'created', id: `freshdesk:${id}:created`, priority: createdPriority, channel, category: textOf(ticket.type), source }, place });
  const sourceSla = slaFlags(ticket, stats, resolveStatus(textOf(ticket.status) ?? ''));
  yield factory.ticket({ ticket: id, createdAt, rawPriority: createdPriority, channel, category: textOf(ticket.type), ...(sourceSla ? { sourceSla } : {}) }, place);
  yield* factory.eventsInOrder(pending);
  yield* skips;
  return { snapshot };
}

/** Status events from `stats` alone: the latest resolve, close and reopen, and the current pause's start. */
function snapshotEvents(
  ticket: JsonObject,
  stats: JsonObject,
  place: RecordPlace,
  createdAt: number,
  instantAt: (value: unknown, at: RecordPlace, field: string) => number | undefined,
  push: (at: number, kind: EventKind, eventId: string, where: RecordPlace, extra?: Partial<TicketEvent>) => void,
  skips: ImportRecord[],
  context: FreshdeskContext,
): void {
  const id = textOf(ticket.id)!;
  const stat = (field: string): number | undefined => (stats[field] ? instantAt(stats[field], place, `stats.${field}`) : undefined);
  const resolvedAt = stat('resolved_at');
  const closedAt = stat('closed_at');
  const reopenedAt = stat('reopened_at');
  if (resolvedAt !== undefined) push(resolvedAt, 'solved', `freshdesk:${id}:stats:resolved_at`, place);
  if (closedAt !== undefined) push(closedAt, 'closed', `freshdesk:${id}:stats:closed_at`, place);
  if (reopenedAt !== undefined) {
    // reopened_at keeps only the latest reopen: it can be placed only after a solve we know.
    const after = Math.max(resolvedAt ?? -Infinity, closedAt ?? -Infinity);
    if (reopenedAt > after && after >= createdAt) push(reopenedAt, 'reopened', `freshdesk:${id}:stats:reopened_at`, place);
    else skips.push(context.factory.skip(place, 'reopened_at without an earlier solve in the stats (the first solve time is not exported)', 'stats.reopened_at', stats.reopened_at));
  }
  const status = context.resolveStatus(textOf(ticket.status) ?? '');
  if (status === 'pending_customer' || status === 'on_hold_third_party') {
    const since = stat('pending_since') ?? stat('status_updated_at');
    if (since !== undefined) push(since, 'status_changed', `freshdesk:${id}:stats:pending_since`, place, { status });
  }
}

/** The source's own SLA verdicts: `fr_escalated` once a first response exists, `is_escalated` once resolved. */
function slaFlags(ticket: JsonObject, stats: JsonObject, status: TicketStatus | undefined): SourceSlaFlags | undefined {
  const flags: { firstResponseMet?: boolean; resolutionMet?: boolean } = {};
  if (typeof ticket.fr_escalated === 'boolean' && stats.first_responded_at) flags.firstResponseMet = !ticket.fr_escalated;
  if (typeof ticket.is_escalated === 'boolean' && (status === 'solved' || status === 'closed')) flags.resolutionMet = !ticket.is_escalated;
  return Object.keys(flags).length > 0 ? flags : undefined;
}
