/**
 * A seeded generator of realistic canonical ticket events for the northstar-tiered contract,
 * produced lazily one ticket at a time so a million tickets never sit in memory at once.
 *
 * Shape (tuned so a ticket has about 8 events; `describeSyntheticMix` reports the real mix):
 * - arrivals over one month in America/Los_Angeles, weekdays 4x busier than weekends, peaks
 *   09:00-11:00 and 13:00-16:00 local, a thin night;
 * - priorities P1 3%, P2 12%, P3 50%, P4 35%, spelled as the contract's `mapFrom` values in
 *   mixed case ("Urgent", "critical", "1", "medium"...), 0.3% an unmapped raw value;
 * - 4 channels, the 5 services plus 2% excluded on-site repair, technologies with 2% uncovered;
 * - assignment (and the change to status open), internal notes, a first public reply whose
 *   delay scales with the priority, further agent and customer replies;
 * - pauses via pending_customer (80%) or on_hold_third_party (20%), some with a customer reply
 *   inside the pause, some still open at the end of the data;
 * - 5% priority changes, 6% reopens, 2% closed without a solve, 1% canceled, 5% still open,
 *   half of the solved tickets auto-closed 3 days later.
 */
import { parseContract } from '../../src/domain/contract/parse-contract.js';
import type { Contract } from '../../src/domain/contract/schema/contract-schema.js';
import type { TicketEvent, TicketStatus } from '../../src/domain/tickets/ticket-event.js';
import { addMonthsToMonth, dayNumberOf, localDateOfDayNumber, weekdayIndexOfDayNumber } from '../../src/domain/time/local-date.js';
import { epochSecondsOfLocal } from '../../src/domain/time/zone.js';
import { exampleContractPath, readExampleContract } from '../../test/support/examples.js';

/** The contract the synthetic tickets are written for. */
export function loadNorthstarContract(): Contract {
  return parseContract(readExampleContract('northstar-tiered'), exampleContractPath('northstar-tiered')).contract;
}

export interface SyntheticTicketOptions {
  readonly count: number;
  readonly seed?: number;
  /** Month of creation, `"2027-03"`; events may run into the next month. */
  readonly month?: string;
  readonly zone?: string;
  /** Ticket ids are `${prefix}${index}`. */
  readonly prefix?: string;
}

/** A seeded PRNG (mulberry32): the same seed gives the same tickets on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Weighted<T> = readonly (readonly [T, number])[];

/** Picks a value by weight from a uniform `r` in [0, 1): a binary search over the cumulative weights. */
function picker<T>(choices: Weighted<T>): (r: number) => T {
  const total = choices.reduce((s, [, w]) => s + w, 0);
  const values = choices.map(([value]) => value);
  const bounds = new Float64Array(choices.length);
  let running = 0;
  choices.forEach(([, w], i) => (bounds[i] = (running += w) / total));
  return (r) => {
    let lo = 0;
    let hi = bounds.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (r < bounds[mid]!) hi = mid;
      else lo = mid + 1;
    }
    return values[lo]!;
  };
}

const H = 3600;
const M = 60;

/** Priority tiers with their raw spellings and typical first-response / resolution delays (wall seconds). */
const tiers = [
  { share: 3, raws: ['urgent', 'Urgent', 'critical', '1'], replyMean: 9 * M, resolveMean: 3 * H },
  { share: 12, raws: ['high', 'High', 'HIGH', '2'], replyMean: 45 * M, resolveMean: 7 * H },
  { share: 50, raws: ['normal', 'Normal', 'medium', 'Medium', '3'], replyMean: 2.5 * H, resolveMean: 30 * H },
  { share: 35, raws: ['low', 'Low', '4'], replyMean: 6 * H, resolveMean: 60 * H },
] as const;
const pickTier = picker(tiers.map((t, i) => [i, t.share] as const));
const pickChannel = picker([['phone', 20], ['chat', 25], ['email', 35], ['portal', 20]]);
const pickCategory = picker([['troubleshooting', 44], ['configuration', 15], ['installation', 10], ['security-updates', 6], ['account-access', 23], ['onsite-hardware-repair', 2]]);
const pickTechnology = picker([['Windows 11', 38], ['macOS 15', 14], ['macOS 14', 6], ['iOS 18', 5], ['Microsoft 365', 14], ['Google Chrome', 3], ['Slack', 5], ['Okta', 5], ['Zoom', 3], ['laptop', 5], ['Windows 10', 2]]);
/** Local hour weights: a thin night, peaks 09-11 and 13-16. */
const hourWeights = [1, 1, 1, 1, 1, 2, 4, 8, 14, 20, 20, 16, 12, 17, 18, 17, 13, 9, 6, 4, 3, 2, 2, 1];

/** Exponentially distributed whole seconds with the given mean (at least 1). */
function exponential(random: () => number, meanSeconds: number): number {
  return Math.max(1, Math.floor(-Math.log(1 - random()) * meanSeconds));
}

/**
 * Yields one ticket's events at a time, sorted by instant then `seq`, like the store streams
 * them: `for (const events of syntheticTickets({ count: 1000 })) ...`.
 */
export function* syntheticTickets(options: SyntheticTicketOptions): Generator<TicketEvent[], void, undefined> {
  const random = seededRandom(options.seed ?? 2027);
  const month = options.month ?? '2027-03';
  const zone = options.zone ?? 'America/Los_Angeles';
  const prefix = options.prefix ?? 'NS-';
  // Start of every local hour of the month, weighted by weekday and hour of day.
  const firstDay = dayNumberOf(`${month}-01`);
  const lastDay = dayNumberOf(`${addMonthsToMonth(month, 1)}-01`);
  const hourStarts: number[] = [];
  const hourChoices: [number, number][] = [];
  for (let day = firstDay; day < lastDay; day++) {
    const weekend = weekdayIndexOfDayNumber(day) >= 5;
    for (let hour = 0; hour < 24; hour++) {
      const start = epochSecondsOfLocal(localDateOfDayNumber(day), hour * H, zone);
      hourChoices.push([hourStarts.length, hourWeights[hour]! * (weekend ? 1 : 4)]);
      hourStarts.push(start);
    }
  }
  const pickHour = picker(hourChoices);

  for (let index = 0; index < options.count; index++) {
    const ticket = `${prefix}${index}`;
    const events: TicketEvent[] = [];
    let t = hourStarts[pickHour(random())]! + Math.floor(random() * H);
    const push = (kind: TicketEvent['kind'], status?: TicketStatus, priority?: string): void => {
      const seq = events.length;
      const id = `${ticket}-${seq}`;
      if (status !== undefined) events.push({ ticket, at: t, kind, id, seq, status });
      else if (priority !== undefined) events.push({ ticket, at: t, kind, id, seq, priority });
      else events.push({ ticket, at: t, kind, id, seq });
    };
    const tierIndex = pickTier(random());
    const tier = tiers[tierIndex]!;
    const raw = random() < 0.003 ? 'whenever' : tier.raws[Math.floor(random() * tier.raws.length)]!;
    const createdAt = t;
    events.push({ ticket, at: t, kind: 'created', id: `${ticket}-0`, seq: 0, priority: raw, channel: pickChannel(random()), category: pickCategory(random()), technology: pickTechnology(random()) });

    if (random() < 0.85) {
      t += exponential(random, 6 * M);
      push('assigned');
      push('status_changed', 'open');
    }
    if (random() < 0.3) {
      t += exponential(random, 10 * M);
      push('internal_note');
    }
    if (random() < 0.01) {
      t += exponential(random, 2 * H);
      push('status_changed', 'canceled');
      yield events;
      continue;
    }
    if (random() < 0.96) {
      t = Math.max(t, createdAt + exponential(random, tier.replyMean));
      push('agent_replied');
    }
    if (random() < 0.05) {
      t += exponential(random, 2 * H);
      const other = tiers[(tierIndex + (random() < 0.5 ? 1 : 3)) % tiers.length]!;
      push('priority_changed', undefined, other.raws[0]);
    }
    // Pauses: 0, 1 or 2 waits on the customer or a third party.
    const pauses = random() < 0.45 ? (random() < 0.25 ? 2 : 1) : 0;
    for (let p = 0; p < pauses; p++) {
      t += exponential(random, 40 * M);
      push('status_changed', random() < 0.8 ? 'pending_customer' : 'on_hold_third_party');
      if (random() < 0.03) break; // still waiting when the data ends
      t += exponential(random, 16 * H);
      if (random() < 0.7) push('customer_replied');
      t += exponential(random, 5 * M);
      push('status_changed', 'open');
    }
    const moreReplies = random() < 0.45 ? 1 + Math.floor(random() * 2) : 0;
    for (let r = 0; r < moreReplies; r++) {
      t += exponential(random, 3 * H);
      push('agent_replied');
      if (random() < 0.5) {
        t += exponential(random, 2 * H);
        push('customer_replied');
      }
    }
    const end = random();
    if (end < 0.02) {
      t += exponential(random, tier.resolveMean);
      push('closed');
    } else if (end >= 0.07) {
      t += exponential(random, tier.resolveMean);
      push('solved');
      if (random() < 0.06) {
        t += exponential(random, 20 * H);
        push('reopened');
        t += exponential(random, 2 * H);
        push('agent_replied');
        t += exponential(random, tier.resolveMean / 2);
        push('solved');
      }
      if (random() < 0.5) {
        t += 3 * 24 * H;
        push('closed');
      }
    } // else: still open when the data ends
    yield events;
  }
}

/** Counts over a sample, to print beside the figures: events per ticket and the share of each kind. */
export function describeSyntheticMix(options: SyntheticTicketOptions): { tickets: number; eventsPerTicket: number; kinds: Record<string, number> } {
  let events = 0;
  const kinds: Record<string, number> = {};
  for (const ticket of syntheticTickets(options)) {
    events += ticket.length;
    for (const event of ticket) {
      const key = event.kind === 'status_changed' ? `status:${event.status}` : event.kind;
      kinds[key] = (kinds[key] ?? 0) + 1;
    }
  }
  for (const key of Object.keys(kinds)) kinds[key] = kinds[key]! / options.count;
  return { tickets: options.count, eventsPerTicket: events / options.count, kinds };
}
