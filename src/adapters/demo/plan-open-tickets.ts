import type { TicketEvent, TicketStatus } from '../../domain/tickets/index.js';
import type { DemoVocabulary } from './demo-vocabulary.js';
import type { RandomSource } from './random-source.js';
import { StoryBuilder, storyTarget, type StoryContext, type StoryTarget } from './story-builder.js';

/** A ticket whose creation instant is known and whose events are written once it has an id. */
export interface ScriptedTicket {
  readonly createdAt: number;
  write(ticket: string): TicketEvent[];
}

interface OpenShape {
  readonly priorityIndex: number;
  readonly channel: string;
  readonly category: string;
  readonly technology: string;
  /** Which clock sets the creation instant, and at what share of its target it stands at now. */
  readonly clock: 'firstResponse' | 'resolution';
  readonly shareAtNow: number;
  /** Whether an agent has replied yet, and the status the ticket waits in at now. */
  readonly replied: boolean;
  readonly waitingIn?: TicketStatus;
}

/**
 * Tickets still open at the demo's now, each in a known state: a P1 whose first reply is
 * overdue in 3 minutes (at risk, 80% of 15m), a P2 past its resolution target and one at
 * 82% of it, a P3 past its target, a P3 on hold with a third party and a P4 waiting on the
 * customer (both paused). Natural open tickets of the last days come on top.
 */
export function planOpenTickets(now: number, random: RandomSource, context: StoryContext, vocabulary: DemoVocabulary): ScriptedTicket[] {
  const levels = context.priorityIds.length;
  const at = (index: number): number => Math.min(index, levels - 1);
  const has = (list: readonly string[], wanted: string): string => (list.includes(wanted) ? wanted : list[0]!);
  const channel = (wanted: string): string => has(vocabulary.channels, wanted);
  const service = (wanted: string): string => has(vocabulary.services, wanted);
  const tech = (wanted: string): string => (vocabulary.technologies.length === 0 ? wanted : has(vocabulary.technologies, wanted));
  const shapes: OpenShape[] = [
    { priorityIndex: at(0), channel: channel('phone'), category: service('troubleshooting'), technology: tech('Okta'), clock: 'firstResponse', shareAtNow: 0.8, replied: false },
    { priorityIndex: at(1), channel: channel('chat'), category: service('troubleshooting'), technology: tech('Microsoft 365'), clock: 'resolution', shareAtNow: 1.35, replied: true },
    { priorityIndex: at(1), channel: channel('email'), category: service('configuration'), technology: tech('Zoom'), clock: 'resolution', shareAtNow: 0.82, replied: true },
    { priorityIndex: at(2), channel: channel('portal'), category: service('installation'), technology: tech('macOS 15'), clock: 'resolution', shareAtNow: 1.3, replied: true },
    { priorityIndex: at(2), channel: channel('email'), category: service('security-updates'), technology: tech('Windows 11'), clock: 'resolution', shareAtNow: 0.45, replied: true, waitingIn: 'on_hold_third_party' },
    { priorityIndex: at(3), channel: channel('portal'), category: service('account-access'), technology: tech('Slack'), clock: 'resolution', shareAtNow: 0.3, replied: true, waitingIn: 'pending_customer' },
  ];
  return shapes.map((shape) => {
    const id = context.priorityIds[shape.priorityIndex]!;
    const target = storyTarget(context, shape.clock, id);
    const createdAt = creationFor(target, now, shape.shareAtNow);
    const raw = vocabulary.priorities[shape.priorityIndex]!.raws[0]!;
    const agent = `agent:${random.pick(context.agents)}`;
    const requester = `user:${random.pick(context.requesters)}`;
    return {
      createdAt,
      write(ticket: string): TicketEvent[] {
        const story = new StoryBuilder(ticket, createdAt, context.source);
        story.add(createdAt, 'created', { priority: raw, channel: shape.channel, category: shape.category, technology: shape.technology, actor: requester });
        const response = storyTarget(context, 'firstResponse', id);
        const replyAt = response.calendar.addOpenSeconds(createdAt, Math.round(response.secondsFrom(createdAt) * 0.4));
        story.add(Math.min(now, createdAt + 90), 'assigned', { actor: agent });
        if (!shape.replied || replyAt >= now) {
          story.add(Math.min(now, createdAt + 360), 'internal_note', { actor: agent });
          return story.events;
        }
        story.add(replyAt, 'agent_replied', { actor: agent });
        story.add(replyAt, 'status_changed', { status: 'open', actor: agent });
        const noteAt = replyAt + Math.round((now - replyAt) * 0.3);
        if (shape.waitingIn) {
          story.add(replyAt + 300, 'status_changed', { status: shape.waitingIn, actor: agent });
          story.add(Math.max(story.last, noteAt), 'internal_note', { actor: agent });
        } else {
          story.add(noteAt, 'internal_note', { actor: agent });
          story.add(replyAt + Math.round((now - replyAt) * 0.6), 'agent_replied', { actor: agent });
        }
        return story.events;
      },
    };
  });
}

/**
 * The creation instant at which a clock started then stands at `share` of its target at
 * `now`. A `bd` target depends on its start, so the guess walks back until it holds
 * (northstar's 3bd is 30-40 open hours).
 */
function creationFor(target: StoryTarget, now: number, share: number): number {
  let back = Math.round(target.secondsFrom(now) * share);
  for (let tries = 0; tries < 20; tries++) {
    const createdAt = target.calendar.addOpenSeconds(now, -back);
    const elapsed = target.calendar.openSecondsBetween(createdAt, now);
    const wanted = Math.round(target.secondsFrom(createdAt) * share);
    if (share >= 1 ? elapsed > target.secondsFrom(createdAt) : Math.abs(elapsed - wanted) <= 900) return createdAt;
    back = share >= 1 ? Math.round(back * 1.2) : wanted;
  }
  return target.calendar.addOpenSeconds(now, -back);
}
