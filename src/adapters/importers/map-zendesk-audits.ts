import type { EventKind, TicketEvent, TicketStatus } from '../../domain/tickets/index.js';
import type { ImportRecord } from './import-types.js';
import { arrayOf, isJsonObject, rawTextOf, textOf, type JsonObject } from './json-values.js';
import type { PendingEvent } from './record-factory.js';
import type { ZendeskContext } from './read-zendesk.js';
import { statusTransition } from './status-transition.js';

/**
 * Turns one ticket's audits (ticket-formats.md 1, `/tickets/{id}/audits.json`) into events:
 * `Create` sets the priority and status at creation; `Change` of `priority`, `status`,
 * `assignee_id` / `group_id` yields priority_changed, status events (with reopened for
 * solved -> unsolved) and assigned; a `Comment` is an internal note when private, else a reply
 * by its author's role. The opening comment of the Create audit is the request itself, part of
 * `created`, not a reply. Returns the priority at creation.
 */
export function mapZendeskAudits(
  input: {
    readonly ticket: JsonObject;
    readonly id: string;
    readonly createdAt: number;
    readonly audits: readonly { item: JsonObject; index: number }[];
    readonly roles: ReadonlyMap<string, 'agent' | 'customer'>;
    /** The ticket's own place: `{ line, path: 'tickets[0]' }`. */
    readonly place: { readonly line: number; readonly path: string };
  },
  context: ZendeskContext,
  pending: PendingEvent[],
  skips: ImportRecord[],
): { createdPriority?: string } {
  const { ticket, id, createdAt, audits, roles } = input;
  const { line } = input.place;
  const { factory, instants, resolveStatus } = context;
  const dated: { audit: JsonObject; index: number; at: number }[] = [];
  for (const { item, index } of audits) {
    const text = textOf(item.created_at);
    const at = text === undefined ? { reason: 'missing created_at' } : instants.readIso(text);
    if (at.reason !== undefined) skips.push(factory.skip({ line, path: `audits[${index}]` }, at.reason, 'created_at', text));
    else dated.push({ audit: item, index, at: at.at });
  }
  dated.sort((a, b) => a.at - b.at || a.index - b.index);

  const requester = textOf(ticket.requester_id);
  const assignee = textOf(ticket.assignee_id);
  const roleOf = (author: string | undefined): 'agent' | 'customer' | undefined =>
    author === undefined ? undefined : (roles.get(author) ?? (author === requester ? 'customer' : author === assignee ? 'agent' : undefined));
  let status: TicketStatus = 'new';
  let createdPriority: string | undefined;
  let priorityBeforeFirstChange: string | undefined;
  let priorityChanged = false;
  let initialStatus: TicketStatus | undefined;
  const later: PendingEvent[] = [];

  for (const { audit, index, at } of dated) {
    const events = arrayOf(audit.events);
    const isCreate = events.some((e) => isJsonObject(e) && e.type === 'Create');
    const source = `zendesk:audit/${textOf(audit.id) ?? index}`;
    let assigned = false;
    events.forEach((e, j) => {
      if (!isJsonObject(e)) return;
      const place = { line, path: `audits[${index}].events[${j}]` };
      const eventId = textOf(e.id) ?? `${textOf(audit.id) ?? index}-${j}`;
      const push = (kind: EventKind, extra: Partial<TicketEvent> = {}): void => {
        later.push({ event: { ticket: id, at, kind, id: `zendesk:event/${eventId}:${kind}`, source, actor: textOf(audit.author_id), ...extra }, place });
      };
      const field = textOf(e.field_name);
      if (e.type === 'Create') {
        if (field === 'priority') createdPriority = rawTextOf(e.value);
        if (field === 'status') {
          const initial = resolveStatus(textOf(e.value) ?? '');
          if (initial !== undefined && initial !== 'new') initialStatus = initial;
          if (initial !== undefined) status = initial;
        }
      } else if (e.type === 'Change' && field === 'priority') {
        const value = rawTextOf(e.value);
        if (!priorityChanged) priorityBeforeFirstChange = rawTextOf(e.previous_value);
        priorityChanged = true;
        if (value === undefined) skips.push(factory.skip(place, 'priority removed (no raw value to keep)', 'priority'));
        else push('priority_changed', { priority: value });
      } else if (e.type === 'Change' && field === 'status') {
        const to = resolveStatus(textOf(e.value) ?? '');
        if (to === undefined) {
          skips.push(factory.skip(place, 'unknown status (map it with statusMap)', 'status', e.value));
          return;
        }
        const from = resolveStatus(textOf(e.previous_value) ?? '') ?? status;
        for (const step of statusTransition(from, to)) push(step.kind, step.kind === 'status_changed' ? { status: step.status } : {});
        status = to;
      } else if (e.type === 'Change' && (field === 'assignee_id' || field === 'group_id')) {
        if (!assigned) push('assigned');
        assigned = true;
      } else if ((e.type === 'Comment' || e.type === 'VoiceComment') && !isCreate) {
        if (typeof e.public !== 'boolean') {
          skips.push(factory.skip(place, 'comment without a public flag', 'public', e.public));
        } else if (!e.public) {
          push('internal_note');
        } else {
          const author = textOf(e.author_id) ?? textOf(audit.author_id);
          const role = roleOf(author);
          if (role === undefined) skips.push(factory.skip(place, 'comment author\'s role unknown (side-load users: include=users)', 'author_id', author));
          else push(role === 'agent' ? 'agent_replied' : 'customer_replied', { actor: author });
        }
      }
    });
  }
  const priority = createdPriority ?? priorityBeforeFirstChange ?? (priorityChanged ? undefined : rawTextOf(ticket.priority));
  const channel = isJsonObject(ticket.via) ? textOf(ticket.via.channel) : undefined;
  const place = input.place;
  pending.push({ event: { ticket: id, at: createdAt, kind: 'created', id: `zendesk:${id}:created`, priority, channel, category: textOf(ticket.type), source: `zendesk:ticket/${id}` }, place });
  if (initialStatus !== undefined) {
    for (const step of statusTransition('new', initialStatus)) {
      pending.push({ event: { ticket: id, at: createdAt, kind: step.kind, id: `zendesk:${id}:created:${step.kind}`, ...(step.kind === 'status_changed' ? { status: step.status } : {}), source: `zendesk:ticket/${id}` }, place });
    }
  }
  pending.push(...later);
  return priority === undefined ? {} : { createdPriority: priority };
}
