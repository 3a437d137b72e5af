import { randomBreachRates, type MonthScene } from './demo-scenes.js';
import type { DemoVocabulary } from './demo-vocabulary.js';
import type { RandomSource } from './random-source.js';
import type { ZoneClock } from './zone-clock.js';

/** How a ticket's conversation goes; decides first-contact resolution and pauses. */
export type StoryStyle =
  | 'one-touch' // one agent reply, then solved: first-contact resolved
  | 'solved-without-reply' // solved before any public reply (an automated reset): first-contact resolved
  | 'conversation' // waits on the customer (pending_customer), customer replies, second agent reply
  | 'two-replies' // two agent replies, no pause
  | 'third-party' // on hold with a third party, then a second reply
  | 'canceled'
  | 'closed-without-solve'; // waits on the customer, who never answers; closed stale

/** Everything decided about a ticket before its events are written. */
export interface TicketPlan {
  readonly createdAt: number;
  /** Priority position (0 = the contract's first, most urgent priority). */
  readonly priorityIndex: number;
  readonly rawPriority: string;
  readonly channel: string;
  readonly category: string;
  readonly technology: string;
  style: StoryStyle;
  reopen: boolean;
  responseBreach: boolean;
  resolutionBreach: boolean;
  /** A priority change after the first reply: to this priority position and raw value. */
  change?: { readonly priorityIndex: number; readonly raw: string };
}

/** Shares of the priorities by position: P1 ~2.6%, P2 ~12.5%, P3 ~60%, P4 the rest. */
const priorityShares = [0.026, 0.125, 0.6, 0.249];
/** Raw values by their place in `mapFrom`: the first is the usual one (`urgent`), then `critical`, then `"1"`. */
const rawWeights = [0.86, 0.09, 0.05];
const channelWeights: Readonly<Record<string, number>> = { phone: 22, chat: 28, email: 32, portal: 18 };
const serviceWeights: Readonly<Record<string, number>> = { troubleshooting: 40, 'account-access': 22, configuration: 15, installation: 13, 'security-updates': 10 };
const technologyWeights: Readonly<Record<string, number>> = {
  'Windows 11': 28, 'macOS 15': 10, 'macOS 14': 6, 'iOS 18': 5, 'Microsoft 365': 16, 'Google Chrome': 5, Slack: 6, Okta: 7, Zoom: 5, laptop: 6, desktop: 3, 'mobile-phone': 2, printer: 4,
};
/** Tickets created from this day of the month on get no quota breach or reopen, so those settle in the month. */
const lastQuotaDay = 25;

function pickWeighted(random: RandomSource, names: readonly string[], weights: Readonly<Record<string, number>>, fallback: number): string {
  return names[random.weightedIndex(names.map((n) => weights[n] ?? fallback))]!;
}

function pickChannel(random: RandomSource, channels: readonly string[], priorityIndex: number, offHours: boolean): string {
  const weights = channels.map((channel) => {
    let w = channelWeights[channel] ?? 20;
    // P1s come in by phone; at night people phone or write, and few open a chat.
    if (priorityIndex === 0 && channel === 'phone') w *= 3;
    if (offHours && channel === 'phone') w *= 2;
    if (offHours && channel === 'chat') w *= 0.2;
    return w;
  });
  return channels[random.weightedIndex(weights)]!;
}

function priorityCounts(random: RandomSource, count: number, levels: number): number[] {
  const shares = priorityShares.slice(0, levels);
  while (shares.length < levels) shares.push(0.1);
  const total = shares.reduce((a, b) => a + b, 0);
  // P1 and P2 vary by up to 15% from month to month (P1 2.2-3.0%), P3 by 3%; P4 takes the rest.
  const counts = shares.map((s, i) => Math.round((count * s * random.between(i < 2 ? 0.85 : 0.97, i < 2 ? 1.15 : 1.03)) / total));
  counts[levels - 1] = Math.max(0, count - counts.slice(0, -1).reduce((a, b) => a + b, 0));
  return counts;
}

/** Picks `n` plans among those passing `eligible` (fewer when not enough qualify) and applies `mark`. */
function markSome(random: RandomSource, plans: readonly TicketPlan[], n: number, eligible: (p: TicketPlan) => boolean, mark: (p: TicketPlan) => void): void {
  for (const plan of random.sample(plans.filter(eligible), n)) mark(plan);
}

export interface MonthPlanInput {
  readonly random: RandomSource;
  readonly clock: ZoneClock;
  readonly vocabulary: DemoVocabulary;
  readonly scene: MonthScene;
  /** Sorted creation instants. */
  readonly arrivals: readonly number[];
  /** Whether an instant is outside the client's working hours (nights, weekends, holidays). */
  readonly isOffHours: (at: number) => boolean;
}

/**
 * Plans one month of tickets from its arrivals and scene: priorities by quota, then channel,
 * service and technology, out-of-scope tickets, conversation styles aimed at the scene's
 * first-contact share, reopens, breaches (quotas for P1 and P2 first responses and P1
 * resolutions, small random rates elsewhere) and priority changes.
 */
export function planMonthTickets(input: MonthPlanInput): TicketPlan[] {
  const { random, clock, vocabulary, scene, arrivals } = input;
  const levels = vocabulary.priorities.length;
  const counts = priorityCounts(random, arrivals.length, levels);
  const priorityOf = random.shuffled(counts.flatMap((n, index) => Array.from({ length: n }, () => index)));
  const plans: TicketPlan[] = arrivals.map((createdAt, i) => {
    const priorityIndex = priorityOf[i] ?? levels - 1;
    const raws = vocabulary.priorities[priorityIndex]!.raws;
    const rawPriority = raws[random.weightedIndex(raws.map((_, k) => rawWeights[k] ?? 0.02))]!;
    const category = pickWeighted(random, vocabulary.services, serviceWeights, 10);
    const technology = category === 'account-access' && vocabulary.technologies.includes('Okta') && random.chance(0.6) ? 'Okta' : pickWeighted(random, vocabulary.technologies, technologyWeights, 3);
    return {
      createdAt,
      priorityIndex,
      rawPriority,
      channel: pickChannel(random, vocabulary.channels, priorityIndex, input.isOffHours(createdAt)),
      category,
      technology,
      style: 'one-touch',
      reopen: false,
      responseBreach: false,
      resolutionBreach: false,
    };
  });
  const low = levels - 2; // the P3 position: ordinary tickets
  const dayOf = (p: TicketPlan): number => Number(clock.localDateOf(p.createdAt).slice(8, 10));
  const early = (p: TicketPlan): boolean => dayOf(p) < lastQuotaDay;
  const ordinary = (p: TicketPlan): boolean => p.priorityIndex >= Math.max(low, 1);

  // Out of scope: ordinary tickets on the excluded service or an uncovered technology.
  const outOfScope = new Set<TicketPlan>();
  if (vocabulary.excludedService !== undefined) {
    const service = vocabulary.excludedService;
    markSome(random, plans, scene.excludedService, ordinary, (p) => {
      Object.assign(p, { category: service });
      outOfScope.add(p);
    });
  }
  markSome(random, plans, scene.uncoveredTechnology, (p) => ordinary(p) && !outOfScope.has(p), (p) => {
    Object.assign(p, { technology: vocabulary.uncoveredTechnology });
    outOfScope.add(p);
  });

  // Styles: canceled and stale-closed first, then first-contact tickets at the share that gives
  // the scene's FCR once reopens (never first-contact) are taken out: 0.75 / (1 - 0.035) = 77.7%.
  markSome(random, plans, scene.canceled, (p) => !outOfScope.has(p) && p.priorityIndex > 0, (p) => (p.style = 'canceled'));
  markSome(random, plans, scene.closedWithoutSolve, (p) => ordinary(p) && early(p) && p.style === 'one-touch' && !outOfScope.has(p), (p) => (p.style = 'closed-without-solve'));
  const oneTouchShare = Math.min(0.97, scene.firstContactShare / (1 - scene.reopenShare));
  const open = plans.filter((p) => p.style === 'one-touch');
  const oneTouch = new Set(random.sample(open, Math.round(open.length * oneTouchShare)));
  for (const plan of open) {
    if (oneTouch.has(plan)) {
      if (plan.priorityIndex >= low && random.chance(0.04)) plan.style = 'solved-without-reply';
      continue;
    }
    const style = (['conversation', 'two-replies', 'third-party'] as const)[random.weightedIndex([55, 20, 25])]!;
    // A P1 is never parked with a third party for days: the vendor escalates it instead.
    plan.style = style === 'third-party' && plan.priorityIndex === 0 ? 'two-replies' : style;
  }
  const live = (p: TicketPlan): boolean => p.style !== 'canceled' && p.style !== 'closed-without-solve';
  markSome(random, plans, Math.round(plans.length * scene.reopenShare), (p) => live(p) && early(p), (p) => (p.reopen = true));

  // Breaches: exact quotas where the level turns on a handful of tickets, rates elsewhere.
  const quotaEligible = (index: number) => (p: TicketPlan) => p.priorityIndex === index && live(p) && early(p) && p.style !== 'solved-without-reply' && !outOfScope.has(p);
  markSome(random, plans, scene.p1ResponseBreaches, quotaEligible(0), (p) => (p.responseBreach = true));
  markSome(random, plans, scene.p1ResolutionBreaches, quotaEligible(0), (p) => (p.resolutionBreach = true));
  if (levels > 1) markSome(random, plans, scene.p2ResponseBreaches, quotaEligible(1), (p) => (p.responseBreach = true));
  for (const plan of plans) {
    if (!live(plan) || plan.priorityIndex === 0) continue;
    const at = Math.min(plan.priorityIndex, 3);
    if (plan.priorityIndex > 1 && random.chance(randomBreachRates.firstResponse[at] ?? 0)) plan.responseBreach = true;
    if (random.chance(randomBreachRates.resolution[at] ?? 0)) plan.resolutionBreach = true;
  }

  // Priority changes after triage, on tickets created in working hours (a late change on a
  // night ticket would breach the new target at once under restart-from-creation).
  const changeable = (index: number) => (p: TicketPlan) => p.priorityIndex === index && live(p) && early(p) && !p.reopen && !p.responseBreach && !p.resolutionBreach && !input.isOffHours(p.createdAt) && p.change === undefined && !outOfScope.has(p);
  const rawOf = (index: number): string => vocabulary.priorities[index]!.raws[0]!;
  if (levels > 1) markSome(random, plans, scene.escalations, (p) => changeable(1)(p) && (p.style === 'one-touch' || p.style === 'two-replies'), (p) => (p.change = { priorityIndex: 0, raw: rawOf(0) }));
  if (levels > 3) {
    markSome(random, plans, scene.downgrades, changeable(2), (p) => (p.change = { priorityIndex: 3, raw: rawOf(3) }));
    markSome(random, plans, scene.upgrades, changeable(2), (p) => (p.change = { priorityIndex: 1, raw: rawOf(1) }));
    markSome(random, plans, 2, changeable(3), (p) => (p.change = { priorityIndex: 2, raw: rawOf(2) }));
  }
  return plans;
}
