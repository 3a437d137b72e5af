import fc from 'fast-check';
import { eventKinds, sortTicketEvents, ticketStatuses, type EventKind, type TicketEvent } from '../../tickets/ticket-event.js';
import { at } from './ticket-builder.js';

/** Raw priorities as sources write them: mapped in any case and spacing, contract ids, unmapped values. */
export const rawPriorities = ['urgent', 'Urgent', ' critical ', '1', 'high', 'HIGH', '2', 'normal', 'Medium', '3', 'low', 'Low ', '4', 'P1', 'p3', 'Highest', 'Blocker', 'Lowest', 'whenever', ''];

/** Starts near the cases that bite: a Friday close, both DST changes, a holiday weekend, the year-end closures, a month end. */
export const anchors = ['2027-03-05T16:30:00-08:00', '2027-03-13T21:00:00-08:00', '2027-11-06T20:00:00-07:00', '2027-07-02T17:55:00-07:00', '2027-12-23T17:00:00-08:00', '2027-03-01T09:15:00-08:00', '2027-03-30T15:00:00-07:00'].map(at);

// Mostly status changes and stops, so pauses, reopens and cancels are common; now and then a second `created`.
const laterKinds: EventKind[] = [...eventKinds.filter((k) => k !== 'created'), 'status_changed', 'status_changed', 'status_changed', 'solved', 'reopened', 'agent_replied'];
const kindArb = fc.oneof({ arbitrary: fc.constantFrom(...laterKinds), weight: 40 }, { arbitrary: fc.constant<EventKind>('created'), weight: 1 });

// Same-second events, minutes, days, and now and then a step back (an event before the creation, once sorted).
const stepSeconds = fc.oneof(
  { arbitrary: fc.constant(0), weight: 2 },
  { arbitrary: fc.integer({ min: 1, max: 3600 }), weight: 8 },
  { arbitrary: fc.integer({ min: 3600, max: 3 * 86400 }), weight: 8 },
  { arbitrary: fc.integer({ min: -7200, max: -1 }), weight: 1 },
);

export interface TicketArbitraryOptions {
  /** Creation instants: an anchor plus up to two days. */
  readonly anchors?: readonly number[];
  readonly channels?: readonly (string | undefined)[];
  readonly categories?: readonly (string | undefined)[];
  readonly technologies?: readonly (string | undefined)[];
}

/**
 * One ticket's canonical events, sorted: a `created` event and up to 14 random later events
 * (replies, notes, status changes into and out of pauses, solves, reopens, closes, cancels,
 * priority changes, events in the same second or before the creation).
 */
export function ticketEventsArbitrary(id: fc.Arbitrary<string>, options: TicketArbitraryOptions = {}): fc.Arbitrary<TicketEvent[]> {
  return fc
    .record({
      ticket: id,
      createdAt: fc.tuple(fc.constantFrom(...(options.anchors ?? anchors)), fc.integer({ min: 0, max: 2 * 86400 })).map(([a, offset]) => a + offset),
      priority: fc.constantFrom(...rawPriorities),
      channel: fc.constantFrom(...(options.channels ?? ['email'])),
      category: fc.constantFrom(...(options.categories ?? [undefined])),
      technology: fc.constantFrom(...(options.technologies ?? [undefined])),
      later: fc.array(fc.record({ kind: kindArb, step: stepSeconds, status: fc.constantFrom(...ticketStatuses), priority: fc.constantFrom(...rawPriorities) }), { maxLength: 14 }),
    })
    .map(({ ticket, createdAt, priority, channel, category, technology, later }) => {
      const created: TicketEvent = { ticket, at: createdAt, kind: 'created', id: `${ticket}-0`, seq: 0, priority };
      const events: TicketEvent[] = [{ ...created, ...(channel !== undefined ? { channel } : {}), ...(category !== undefined ? { category } : {}), ...(technology !== undefined ? { technology } : {}) }];
      let t = createdAt;
      later.forEach((e, i) => {
        t += e.step;
        const seq = i + 1;
        const base = { ticket, at: t, kind: e.kind, id: `${ticket}-${seq}`, seq };
        events.push(e.kind === 'status_changed' ? { ...base, status: e.status } : e.kind === 'priority_changed' || e.kind === 'created' ? { ...base, priority: e.priority } : base);
      });
      return sortTicketEvents(events);
    });
}
