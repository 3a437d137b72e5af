import type { TicketEvent } from '../../domain/tickets/index.js';
import type { DemoData } from './demo-types.js';
import { createZoneClock, type ZoneClock } from './zone-clock.js';

function clockFor(data: DemoData): ZoneClock {
  const first = data.tickets[0]?.header.createdAt ?? data.demoNow;
  return createZoneClock(data.zone, first - 86_400, data.demoNow + 400 * 86_400);
}

/** One canonical JSON Lines row: required fields first, the rest only when set. */
function eventLine(event: TicketEvent, clock: ZoneClock): string {
  return JSON.stringify({
    ticket: event.ticket,
    at: clock.format(event.at),
    kind: event.kind,
    ...(event.priority !== undefined ? { priority: event.priority } : {}),
    ...(event.kind === 'status_changed' && event.status !== undefined ? { status: event.status } : {}),
    ...(event.channel !== undefined ? { channel: event.channel } : {}),
    ...(event.category !== undefined ? { category: event.category } : {}),
    ...(event.technology !== undefined ? { technology: event.technology } : {}),
    id: event.id,
    ...(event.actor !== undefined ? { actor: event.actor } : {}),
    ...(event.source !== undefined ? { source: event.source } : {}),
  });
}

/**
 * The demo's ticket events as canonical JSON Lines (DESIGN.md "Tickets"), ticket by ticket in
 * creation order and each ticket's events in order, instants in the contract's zone with
 * their offset: `{"ticket":"T-10001","at":"2027-03-01T00:41:09-08:00","kind":"created",...}`.
 * Every line carries its `id`, so importing the file twice changes nothing.
 */
export function demoEventsToJsonl(data: DemoData): string {
  const clock = clockFor(data);
  const lines: string[] = [];
  for (const ticket of data.tickets) for (const event of ticket.events) lines.push(eventLine(event, clock));
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** The demo's outages as JSON Lines for `readImport('outages', ...)`: `service`, `start`, `end`, `id`, `description`. */
export function demoOutagesToJsonl(data: DemoData): string {
  const clock = clockFor(data);
  return data.outages
    .map((o) => `${JSON.stringify({ service: o.service, start: clock.format(o.startAt), end: clock.format(o.endAt), id: o.id, ...(o.description !== undefined ? { description: o.description } : {}) })}\n`)
    .join('');
}

/** The demo's vendor report deliveries as JSON Lines for `readImport('vendor-reports', ...)`: `month`, `deliveredAt`, `id`. */
export function demoVendorReportsToJsonl(data: DemoData): string {
  const clock = clockFor(data);
  return data.vendorReports.map((r) => `${JSON.stringify({ month: r.month, deliveredAt: clock.format(r.deliveredAt), id: r.id })}\n`).join('');
}
