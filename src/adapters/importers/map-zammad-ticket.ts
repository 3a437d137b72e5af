import type { EventKind, SourceSlaFlags, TicketEvent, TicketStatus } from '../../domain/tickets/index.js';
import type { ImportRecord, RecordPlace } from './import-types.js';
import { isJsonObject, rawTextOf, textOf, type JsonObject } from './json-values.js';
import type { ZammadContext } from './read-zammad.js';
import type { PendingEvent } from './record-factory.js';
import { statusTransition } from './status-transition.js';

/** Default `priority_id` seeds (db/seeds/ticket_priorities.rb), used when the export has ids, not names. */
export const zammadPriorityNames: Readonly<Record<string, string>> = { '1': '1 low', '2': '2 normal', '3': '3 high' };
/** Default article types (db/seeds/ticket_article_types.rb); `note` is not a communication. */
const articleTypeNames: Readonly<Record<string, string>> = {
  '1': 'email', '2': 'sms', '3': 'chat', '4': 'fax', '5': 'phone', '6': 'twitter status', '7': 'twitter direct-message',
  '8': 'facebook feed post', '9': 'facebook feed comment', '10': 'note', '11': 'web', '12': 'telegram personal-message', '14': 'whatsapp message',
};
const senderNames: Readonly<Record<string, string>> = { '1': 'Agent', '2': 'Customer', '3': 'System' };
/** The opening article is written with the ticket; allow a minute between the two records. */
const openingArticleWindowSeconds = 60;

type Located = { readonly item: unknown; readonly path: string };

/**
 * Maps one Zammad ticket with its articles and history. History (`object: Ticket`) gives state,
 * priority and owner/group changes; articles give replies: internal -> internal_note, Customer ->
 * customer_replied, Agent -> agent_replied unless a `note`, System -> skipped. The opening
 * article (the request itself, written with the ticket) is part of `created`.
 */
export function* mapZammadTicket(ticket: JsonObject, place: RecordPlace, articles: readonly Located[], history: readonly Located[], context: ZammadContext): Generator<ImportRecord, { snapshot: boolean }> {
  const { factory, instants, resolveStatus } = context;
  const number = textOf(ticket.number) ?? textOf(ticket.id);
  if (number === undefined) {
    yield factory.skip(place, 'missing number and id', 'number');
    return { snapshot: false };
  }
  const skips: ImportRecord[] = [];
  const instantAt = (value: unknown, where: RecordPlace, field: string): number | undefined => {
    const text = textOf(value);
    const result = text === undefined ? { reason: `missing ${field}` } : instants.readIso(text);
    if (result.reason !== undefined) skips.push(factory.skip(where, result.reason, field, text));
    return result.at;
  };
  const createdAt = instantAt(ticket.created_at, place, 'created_at');
  if (createdAt === undefined) {
    yield* skips;
    return { snapshot: false };
  }
  const pending: PendingEvent[] = [];
  const source = `zammad:ticket/${textOf(ticket.id) ?? number}`;
  const push = (at: number, kind: EventKind, id: string, where: RecordPlace, extra: Partial<TicketEvent> = {}): void => {
    pending.push({ event: { ticket: number, at, kind, id, source, ...extra }, place: where });
  };
  const dated = (items: readonly Located[], what: string): { item: JsonObject; at: number; where: RecordPlace; index: number }[] => {
    const out: { item: JsonObject; at: number; where: RecordPlace; index: number }[] = [];
    items.forEach(({ item, path }, index) => {
      const where = { ...place, path };
      if (!isJsonObject(item)) return void skips.push(factory.skip(where, `${what} is not an object`));
      const at = instantAt(item.created_at, where, 'created_at');
      if (at !== undefined) out.push({ item, at, where, index });
    });
    return out.sort((a, b) => a.at - b.at || Number(a.item.id ?? 0) - Number(b.item.id ?? 0) || a.index - b.index);
  };

  let priority = rawTextOf(ticket.priority) ?? zammadPriorityNames[textOf(ticket.priority_id) ?? ''] ?? textOf(ticket.priority_id);
  const changes = dated(history.filter(({ item }) => !isJsonObject(item) || item.object === undefined || item.object === 'Ticket'), 'history entry');
  let status: TicketStatus = 'new';
  let priorityKnownFromHistory = false;
  for (const { item, at, where } of changes) {
    const id = (kind: EventKind): string => `zammad:history/${textOf(item.id) ?? at}:${kind}`;
    const actor = textOf(item.created_by_id);
    if (item.attribute === 'state') {
      const to = resolveStatus(textOf(item.value_to) ?? '');
      if (to === undefined) {
        skips.push(factory.skip(where, 'unknown state (map it with statusMap)', 'value_to', item.value_to));
        continue;
      }
      const from = resolveStatus(textOf(item.value_from) ?? '') ?? status;
      for (const step of statusTransition(from, to)) push(at, step.kind, id(step.kind), where, { actor, ...(step.kind === 'status_changed' ? { status: step.status } : {}) });
      status = to;
    } else if (item.attribute === 'priority') {
      const to = rawTextOf(item.value_to);
      if (!priorityKnownFromHistory) priority = rawTextOf(item.value_from) ?? priority;
      priorityKnownFromHistory = true;
      if (to === undefined) skips.push(factory.skip(where, 'priority removed (no raw value to keep)', 'value_to'));
      else push(at, 'priority_changed', id('priority_changed'), where, { priority: to, actor });
    } else if (item.attribute === 'owner' || item.attribute === 'group') {
      push(at, 'assigned', id('assigned'), where, { actor });
    }
  }

  const messages = dated(articles, 'article');
  messages.forEach(({ item, at, where }, index) => {
    if (index === 0 && Math.abs(at - createdAt) <= openingArticleWindowSeconds) return;
    const id = `zammad:article/${textOf(item.id) ?? `${number}-${at}-${index}`}`;
    const sender = textOf(item.sender) ?? senderNames[textOf(item.sender_id) ?? ''];
    const type = textOf(item.type) ?? articleTypeNames[textOf(item.type_id) ?? ''];
    const actor = textOf(item.created_by_id);
    if (item.internal === true) push(at, 'internal_note', id, where, { actor });
    else if (sender === 'Customer') push(at, 'customer_replied', id, where, { actor });
    else if (sender === 'Agent') push(at, type === 'note' ? 'internal_note' : 'agent_replied', id, where, { actor });
    else if (sender === 'System') skips.push(factory.skip(where, 'system article (automated): not a reply', 'sender', sender));
    else skips.push(factory.skip(where, 'article sender unknown', 'sender', item.sender ?? item.sender_id));
  });

  const snapshot = history.length === 0;
  if (snapshot) {
    const closeAt = ticket.close_at ? instantAt(ticket.close_at, place, 'close_at') : undefined;
    if (closeAt !== undefined) push(closeAt, 'solved', `zammad:${number}:close_at`, place);
  }
  if (messages.length === 0 && ticket.first_response_at) {
    const at = instantAt(ticket.first_response_at, place, 'first_response_at');
    if (at !== undefined) push(at, 'agent_replied', `zammad:${number}:first_response_at`, place);
  }
  const channel = textOf(ticket.create_article_type) ?? articleTypeNames[textOf(ticket.create_article_type_id) ?? ''];
  const header = { ticket: number, createdAt, rawPriority: priority, channel, category: textOf(ticket.type) };
  pending.unshift({ event: { ticket: number, at: createdAt, kind: 'created', id: `zammad:${number}:created`, priority, channel, category: header.category, source }, place });
  const sourceSla = slaFlags(ticket);
  yield factory.ticket(sourceSla ? { ...header, sourceSla } : header, place);
  yield* factory.eventsInOrder(pending);
  yield* skips;
  return { snapshot };
}

/** Zammad's own verdicts: `*_diff_in_min` is target minus actual, negative when breached. */
function slaFlags(ticket: JsonObject): SourceSlaFlags | undefined {
  const met = (value: unknown): boolean | undefined => (typeof value === 'number' && Number.isFinite(value) ? value >= 0 : undefined);
  const firstResponseMet = met(ticket.first_response_diff_in_min);
  const resolutionMet = met(ticket.close_diff_in_min);
  if (firstResponseMet === undefined && resolutionMet === undefined) return undefined;
  return { ...(firstResponseMet === undefined ? {} : { firstResponseMet }), ...(resolutionMet === undefined ? {} : { resolutionMet }) };
}
