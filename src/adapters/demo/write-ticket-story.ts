import { addOpenSecondsOutsidePauses, normalisePauses } from '../../domain/calendar/paused-time.js';
import type { BusinessCalendar } from '../../domain/calendar/business-calendar.js';
import type { TicketEvent } from '../../domain/tickets/index.js';
import type { TicketPlan } from './plan-month-tickets.js';
import type { RandomSource } from './random-source.js';
import { StoryBuilder, storyTarget, type StoryContext } from './story-builder.js';

const minute = 60;
const hour = 3600;
const day = 86_400;

/** Share of the first-response target a met reply uses: P1 2-13 of 15 minutes; P3/P4 mostly quick. */
function responseFactor(random: RandomSource, priorityIndex: number): number {
  const u = random.next();
  if (priorityIndex === 0) return 0.15 + 0.7 * u;
  if (priorityIndex === 1) return 0.1 + 0.7 * u ** 1.5;
  return 0.03 + 0.8 * u * u;
}

/** Share of the resolution target a met ticket uses: P1 ~2h of 4h on average; P3/P4 mostly the same day. */
function resolutionFactor(random: RandomSource, priorityIndex: number): number {
  const u = random.next();
  if (priorityIndex === 0) return 0.2 + 0.65 * u;
  if (priorityIndex === 1) return 0.1 + 0.75 * u;
  return 0.02 + 0.85 * u ** 2.2;
}

/**
 * Writes one planned ticket's events. Replies and solves are placed by open time on the
 * contract's own calendars (a P3 reply 2h into the business calendar from a Friday 17:00
 * ticket lands on Monday 09:00), so a planned met or breached clock comes out that way;
 * pauses, customer replies and third-party callbacks fall in the client's working hours.
 */
export function writeTicketStory(ticket: string, plan: TicketPlan, random: RandomSource, context: StoryContext): TicketEvent[] {
  const created = plan.createdAt;
  const story = new StoryBuilder(ticket, created, context.source);
  const agent = `agent:${random.pick(context.agents)}`;
  const requester = `user:${random.pick(context.requesters)}`;
  const work = context.workCalendar;
  /** Customers and third parties answer in working hours three times out of four. */
  const snapToWork = (at: number): number => (work.isOpenAt(at) || random.chance(0.25) ? at : work.addOpenSeconds(at, 0) + random.int(0, 30 * minute));
  const customerAnswerAfter = (at: number): number => snapToWork(at + (random.chance(0.6) ? random.int(15 * minute, 6 * hour) : random.int(6 * hour, 3 * day)));

  story.add(created, 'created', { priority: plan.rawPriority, channel: plan.channel, category: plan.category, technology: plan.technology, actor: requester });
  if (plan.style === 'canceled') {
    // A duplicate or a request withdrawn within hours.
    const cancelAt = created + random.int(5 * minute, 5 * hour);
    story.add(created + random.int(30, 4 * minute), 'assigned', { actor: agent });
    if (random.chance(0.5)) story.add(created + (cancelAt - created) / 2, 'internal_note', { actor: agent });
    story.add(cancelAt, 'status_changed', { status: 'canceled', actor: agent });
    return story.events;
  }

  const initialId = context.priorityIds[plan.priorityIndex]!;
  const finalIndex = plan.change?.priorityIndex ?? plan.priorityIndex;
  const response = storyTarget(context, 'firstResponse', initialId);
  const responseTarget = response.secondsFrom(created);
  const responseSeconds = Math.max(minute, Math.round(responseTarget * (plan.responseBreach ? random.between(1.15, 2.4) : responseFactor(random, plan.priorityIndex))));
  const replyAt = response.calendar.addOpenSeconds(created, responseSeconds);
  story.add(response.calendar.addOpenSeconds(created, Math.max(30, Math.round(responseSeconds * random.between(0.05, 0.5)))), 'assigned', { actor: agent });
  if (random.chance(0.08)) story.add(story.last + (replyAt - story.last) * random.between(0.2, 0.9), 'customer_replied', { actor: requester });
  if (random.chance(0.2)) story.add(story.last + (replyAt - story.last) * random.between(0.2, 0.9), 'internal_note', { actor: agent });

  const resolution = storyTarget(context, 'resolution', context.priorityIds[finalIndex]!);
  const budget = Math.round(resolution.secondsFrom(created) * (plan.resolutionBreach ? random.between(1.08, 1.9) : resolutionFactor(random, finalIndex)));
  const pauses: [number, number][] = [];
  const solveAfter = (seconds: number): number => {
    const at = addOpenSecondsOutsidePauses(resolution.calendar, created, seconds, normalisePauses(pauses));
    return at > story.last + minute ? at : story.last + random.int(minute, 15 * minute);
  };

  if (plan.style === 'solved-without-reply') {
    // The solve stops the first-response clock too: an automated password reset.
    story.add(replyAt, 'solved', { actor: agent });
  } else {
    story.add(replyAt, 'agent_replied', { actor: agent });
    story.add(replyAt, 'status_changed', { status: 'open', actor: agent });
    if (random.chance(0.25)) story.add(story.last + random.int(2 * minute, 40 * minute), 'internal_note', { actor: agent });
    if (plan.change) story.add(story.last + random.int(5 * minute, 40 * minute), 'priority_changed', { priority: plan.change.raw, actor: agent });
    writeMiddle(story, plan, random, { agent, requester, pauses, customerAnswerAfter, snapToWork, calendar: resolution.calendar });
    if (plan.style === 'closed-without-solve') return story.events;
    const solveAt = solveAfter(plan.reopen ? Math.round(budget * random.between(0.45, 0.75)) : budget);
    if (plan.style !== 'one-touch') addReplyBefore(story, solveAt, resolution.calendar, random, agent);
    story.add(solveAt, 'solved', { actor: agent });
  }

  if (plan.reopen) {
    // The customer writes back: the fix did not hold. Under `reopen: resume` the gap since the solve does not count.
    const solvedAt = story.last;
    const back = snapToWork(solvedAt + random.int(2 * hour, 3 * day));
    story.add(back, 'customer_replied', { actor: requester });
    const reopenAt = story.add(back + random.int(10, 5 * minute), 'reopened', { actor: requester });
    pauses.push([solvedAt, reopenAt]);
    const secondSolveAt = solveAfter(budget);
    addReplyBefore(story, secondSolveAt, resolution.calendar, random, agent);
    story.add(secondSolveAt, 'solved', { actor: agent });
  }
  // Solved tickets close on their own four days later.
  if (random.chance(0.92)) story.add(story.last + 4 * day + random.int(0, hour), 'closed', { actor: 'system' });
  return story.events;
}

interface MiddleParts {
  readonly agent: string;
  readonly requester: string;
  readonly pauses: [number, number][];
  readonly customerAnswerAfter: (at: number) => number;
  readonly snapToWork: (at: number) => number;
  readonly calendar: BusinessCalendar;
}

/** The part between the first reply and the solve: waits on the customer or a third party. */
function writeMiddle(story: StoryBuilder, plan: TicketPlan, random: RandomSource, parts: MiddleParts): void {
  const { agent, requester, pauses } = parts;
  if (plan.style === 'conversation') {
    const rounds = random.chance(0.25) ? 2 : 1;
    for (let round = 0; round < rounds; round++) {
      if (round > 0) story.add(parts.calendar.addOpenSeconds(story.last, random.int(10 * minute, 2 * hour)), 'agent_replied', { actor: agent });
      const pendingAt = story.add(story.last + random.int(30, 4 * minute), 'status_changed', { status: 'pending_customer', actor: agent });
      const answerAt = story.add(parts.customerAnswerAfter(pendingAt), 'customer_replied', { actor: requester });
      const openAt = story.add(answerAt + random.int(0, 2 * minute), 'status_changed', { status: 'open', actor: 'system' });
      pauses.push([pendingAt, openAt]);
    }
  } else if (plan.style === 'third-party') {
    const holdAt = story.add(story.last + random.int(minute, 15 * minute), 'status_changed', { status: 'on_hold_third_party', actor: agent });
    story.add(holdAt + random.int(10 * minute, hour), 'internal_note', { actor: agent });
    const resumeAt = story.add(parts.snapToWork(holdAt + random.int(2 * hour, 4 * day)), 'status_changed', { status: 'open', actor: agent });
    pauses.push([holdAt, resumeAt]);
  } else if (plan.style === 'closed-without-solve') {
    const pendingAt = story.add(story.last + random.int(30, 4 * minute), 'status_changed', { status: 'pending_customer', actor: agent });
    story.add(pendingAt + random.int(2, 3) * day + random.int(0, 4 * hour), 'internal_note', { actor: agent });
    // No answer after a reminder: the ticket is closed stale, never solved.
    story.add(parts.snapToWork(pendingAt + random.int(7, 10) * day + random.int(0, 4 * hour)), 'closed', { actor: agent });
  }
}

/** The agent's last public reply before a solve: with it half the time, else some open time earlier. */
function addReplyBefore(story: StoryBuilder, solveAt: number, calendar: BusinessCalendar, random: RandomSource, agent: string): void {
  const span = calendar.openSecondsBetween(story.last, solveAt);
  const at = span < 10 * minute || random.chance(0.5) ? solveAt : Math.min(solveAt, calendar.addOpenSeconds(story.last, Math.round(span * random.between(0.3, 0.95))));
  story.add(at, 'agent_replied', { actor: agent });
}
