import type { EventKind, TicketStatus } from '../../domain/tickets/index.js';

/** The canonical events one status change emits, in order. */
export type TransitionStep = { readonly kind: Exclude<EventKind, 'status_changed'> } | { readonly kind: 'status_changed'; readonly status: TicketStatus };

const unsolved: ReadonlySet<TicketStatus> = new Set(['new', 'open', 'pending_customer', 'on_hold_third_party']);

/**
 * Canonical events for a move from status `from` to `to`: nothing when the canonical status
 * does not change; `solved` / `closed` shorthands; `reopened` for a solved or closed ticket
 * becoming unsolved, followed by the new status when it is not `open`
 * (`statusTransition('solved', 'pending_customer')` is reopened, then status_changed pending_customer).
 */
export function statusTransition(from: TicketStatus, to: TicketStatus): TransitionStep[] {
  if (from === to) return [];
  if (to === 'solved') return [{ kind: 'solved' }];
  if (to === 'closed') return [{ kind: 'closed' }];
  if ((from === 'solved' || from === 'closed') && unsolved.has(to)) {
    return to === 'open' ? [{ kind: 'reopened' }] : [{ kind: 'reopened' }, { kind: 'status_changed', status: to }];
  }
  return [{ kind: 'status_changed', status: to }];
}

/**
 * Looks a source status (name or code) up in the user's `statusMap` first, then in the source's
 * defaults; both trimmed and case-insensitive. Undefined means unknown: the caller skips the row.
 */
export function createStatusResolver(
  defaults: Readonly<Record<string, TicketStatus>>,
  userMap: Readonly<Record<string, TicketStatus>> | undefined,
): (raw: string | number) => TicketStatus | undefined {
  const table = new Map<string, TicketStatus>();
  for (const [key, status] of Object.entries(defaults)) table.set(key.trim().toLowerCase(), status);
  for (const [key, status] of Object.entries(userMap ?? {})) table.set(key.trim().toLowerCase(), status);
  return (raw) => table.get(String(raw).trim().toLowerCase());
}
