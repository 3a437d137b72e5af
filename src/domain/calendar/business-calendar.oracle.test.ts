/**
 * The engine against the slow oracle (test-support/oracle.ts) on random calendars: split
 * and overnight shifts, 24/7, holidays and closures, DST zones (Los Angeles, Berlin,
 * Sydney, Sao Paulo, Tehran) and half-hour zones (Kolkata, Adelaide), random instants and
 * instants right at DST transitions, years 2000..2040 and 2090..2099.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysFromCivil, localDateOfDayNumber, weekdays, zoneOffsetSpans } from '../time/index.js';
import { addBusinessDays } from './add-business-days.js';
import { addBusinessTime } from './add-business-time.js';
import type { BusinessCalendar } from './business-calendar.js';
import { businessTimeBetween } from './business-time-between.js';
import { validateCalendarSpec, type CalendarSpec, type DueAtClosingTime } from './calendar-spec.js';
import { createCalendar } from './create-calendar.js';
import { addOpenSecondsOutsidePauses, normalisePauses, openSecondsOutsidePauses } from './paused-time.js';
import { CalendarOracle } from './test-support/oracle.js';

const zones = ['America/Los_Angeles', 'Europe/Berlin', 'Australia/Sydney', 'America/Sao_Paulo', 'Asia/Tehran', 'Asia/Kolkata', 'Australia/Adelaide'];
const regions = ['US-CA', 'DE-BE', 'AU-NSW', 'AU-SA', 'BR', 'IR', 'IN'];
const day = 86_400;

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Boundaries on the half hour mostly (so ranges meet DST hours), sometimes any minute. */
const minuteArb = fc.oneof({ arbitrary: fc.integer({ min: 0, max: 48 }).map((h) => h * 30), weight: 3 }, { arbitrary: fc.integer({ min: 0, max: 1440 }), weight: 1 });

/** One day's ranges: up to three, the last one possibly running past midnight. */
const dayRangesArb = fc
  .record({ bounds: fc.uniqueArray(minuteArb, { maxLength: 6 }), tail: fc.option(fc.integer({ min: 1, max: 16 }).map((h) => h * 30), { nil: undefined }) })
  .map(({ bounds, tail }) => {
    const sorted = [...bounds].sort((a, b) => a - b);
    const ranges: [number, number][] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) ranges.push([sorted[i]!, sorted[i + 1]!]);
    const last = ranges[ranges.length - 1];
    if (tail !== undefined && last && tail < last[0]) last[1] = 1440 + tail;
    return ranges.map(([a, b]) => `${hhmm(a)}-${b > 1440 ? hhmm(b - 1440) : hhmm(b)}`);
  });

/** Weekly hours from 1-3 day templates, written per day or grouped into range keys (`mon-fri`, wrapping `sat-mon`). */
const weeklyArb = fc
  .record({
    templates: fc.array(dayRangesArb, { minLength: 1, maxLength: 3 }),
    assignment: fc.array(fc.nat(), { minLength: 7, maxLength: 7 }),
    grouped: fc.boolean(),
  })
  .map(({ templates, assignment, grouped }) => {
    const templateOf = (d: number): number => assignment[d]! % templates.length;
    const hours: Record<string, string[]> = {};
    if (!grouped) {
      for (let d = 0; d < 7; d++) hours[weekdays[d]!] = templates[templateOf(d)]!;
      return hours;
    }
    const first = [0, 1, 2, 3, 4, 5, 6].find((d) => templateOf(d) !== templateOf((d + 6) % 7));
    if (first === undefined) return { 'mon-sun': templates[templateOf(0)]! };
    for (let i = 0; i < 7; ) {
      const start = (first + i) % 7;
      let length = 1;
      while (i + length < 7 && templateOf((first + i + length) % 7) === templateOf(start)) length++;
      const end = (start + length - 1) % 7;
      hours[length === 1 ? weekdays[start]! : `${weekdays[start]}-${weekdays[end]}`] = templates[templateOf(start)]!;
      i += length;
    }
    return hours;
  });

const hoursArb = fc.oneof(
  { arbitrary: weeklyArb, weight: 6 },
  { arbitrary: fc.constant({ 'mon-sun': ['00:00-24:00'] }), weight: 1 },
  { arbitrary: fc.constant({ 'mon-fri': ['08:00-18:00'] }), weight: 1 },
  { arbitrary: fc.constant({ 'mon-fri': ['08:00-12:00', '13:00-17:30'], sat: ['09:00-13:00'] }), weight: 1 },
  { arbitrary: fc.constant({ 'mon-sun': ['22:00-06:00'] }), weight: 1 },
  { arbitrary: fc.constant({ 'mon-fri': ['00:00-03:00', '22:00-24:00'], sun: ['01:00-03:30'] }), weight: 1 },
);

interface Case {
  readonly spec: CalendarSpec;
  /** Window of the random instants: two local years. */
  readonly fromAt: number;
  readonly toAt: number;
  readonly transitions: readonly number[];
}

function isValidSpec(spec: CalendarSpec): boolean {
  try {
    validateCalendarSpec(spec);
    return true;
  } catch {
    return false;
  }
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    timezone: fc.constantFrom(...zones),
    hours: hoursArb,
    holidays: fc.subarray(regions, { maxLength: 2 }),
    closureOffsets: fc.array(fc.integer({ min: 0, max: 730 }), { maxLength: 8 }),
    dueAtClosingTime: fc.constantFrom<DueAtClosingTime>('next-opening', 'closing-time'),
    year: fc.oneof({ arbitrary: fc.integer({ min: 2000, max: 2040 }), weight: 5 }, { arbitrary: fc.integer({ min: 2090, max: 2098 }), weight: 1 }),
  })
  .map(({ year, closureOffsets, ...rest }) => {
    const firstDay = daysFromCivil(year, 1, 1);
    const spec: CalendarSpec = { ...rest, closures: closureOffsets.map((offset) => localDateOfDayNumber(firstDay + offset)) };
    const fromAt = firstDay * day;
    const toAt = daysFromCivil(year + 2, 1, 1) * day;
    const transitions = zoneOffsetSpans(fromAt, toAt, rest.timezone)
      .slice(1)
      .map((s) => s.fromEpochSeconds);
    return { spec, fromAt, toAt, transitions };
  })
  .filter((c) => isValidSpec(c.spec));

/** A random instant of the window, often within two hours of a DST transition, sometimes on a half hour. */
function instantArb(c: Case): fc.Arbitrary<number> {
  const uniform = fc.integer({ min: c.fromAt, max: c.toAt });
  const nearTransition =
    c.transitions.length === 0 ? uniform : fc.tuple(fc.constantFrom(...c.transitions), fc.integer({ min: -7200, max: 7200 })).map(([t, d]) => t + d);
  return fc
    .tuple(fc.oneof(uniform, nearTransition), fc.boolean())
    .map(([t, aligned]) => (aligned ? Math.floor(t / 1800) * 1800 : t));
}

/** Amounts up to a day of open time; often whole half hours, so that targets land on closings. */
const amountArb = fc.oneof(
  fc.integer({ min: -day, max: day }),
  fc.integer({ min: -48, max: 48 }).map((h) => h * 1800),
  fc.constant(0),
);

/** Up to four pauses of up to a day each, starting from two days before to four days after `around`. */
function pausesArb(around: number): fc.Arbitrary<[number, number][]> {
  const edge = fc.integer({ min: around - 2 * day, max: around + 4 * day });
  return fc.array(fc.tuple(edge, fc.integer({ min: 0, max: day })).map(([from, length]) => [from, from + length] as [number, number]), { maxLength: 4 });
}

function engineAndOracle(c: Case): [BusinessCalendar, CalendarOracle] {
  return [createCalendar(c.spec), new CalendarOracle(c.spec)];
}

const runs = { numRuns: 150 };

describe('BusinessCalendar against the oracle', () => {
  it('agrees on whether each instant is open', () => {
    fc.assert(
      fc.property(
        caseArb.chain((c) => fc.tuple(fc.constant(c), fc.array(instantArb(c), { minLength: 20, maxLength: 20 }))),
        ([c, instants]) => {
          const [calendar, oracle] = engineAndOracle(c);
          for (const t of instants) expect(calendar.isOpenAt(t), `t=${t}`).toBe(oracle.isOpenAt(t));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('agrees on open time between two instants up to ten days apart', () => {
    fc.assert(
      fc.property(
        caseArb.chain((c) => fc.tuple(fc.constant(c), instantArb(c), fc.integer({ min: -day, max: 10 * day }))),
        ([c, from, span]) => {
          const [calendar, oracle] = engineAndOracle(c);
          expect(calendar.openSecondsBetween(from, from + span)).toBe(span <= 0 ? 0 : oracle.between(from, from + span));
        },
      ),
      runs,
    );
  });

  it('agrees on open time over spans of several years', () => {
    fc.assert(
      fc.property(
        caseArb.chain((c) => fc.tuple(fc.constant(c), instantArb(c), fc.integer({ min: 365 * day, max: 3 * 365 * day }))),
        ([c, from, span]) => {
          const [calendar, oracle] = engineAndOracle(c);
          expect(calendar.openSecondsBetween(from, from + span)).toBe(oracle.between(from, from + span));
        },
      ),
      { numRuns: 6 },
    );
  }, 120_000);

  it('agrees on the instant an amount of open time is used up, in both dueAtClosingTime modes', () => {
    fc.assert(
      fc.property(
        caseArb.chain((c) => fc.tuple(fc.constant(c), instantArb(c), amountArb)),
        ([c, start, amount]) => {
          const [calendar, oracle] = engineAndOracle(c);
          expect(calendar.addOpenSeconds(start, amount), `start=${start} amount=${amount}`).toBe(oracle.add(start, amount));
        },
      ),
      runs,
    );
  }, 120_000);

  it('agrees on an amount worth up to two years of real time', () => {
    fc.assert(
      fc.property(
        caseArb.chain((c) => fc.tuple(fc.constant(c), instantArb(c), fc.integer({ min: 30 * day, max: 2 * 365 * day }), fc.boolean())),
        ([c, start, span, backwards]) => {
          const [calendar, oracle] = engineAndOracle(c);
          // The amount is the open time of a real span, so the oracle's walk stays within it.
          const amount = calendar.openSecondsBetween(backwards ? start - span : start, backwards ? start : start + span);
          const signed = backwards ? -amount : amount;
          expect(calendar.addOpenSeconds(start, signed)).toBe(oracle.add(start, signed));
        },
      ),
      { numRuns: 6 },
    );
  }, 120_000);

  it('agrees on the closing of the Nth business day', () => {
    fc.assert(
      fc.property(
        caseArb.chain((c) => fc.tuple(fc.constant(c), instantArb(c), fc.integer({ min: 0, max: 6 }))),
        ([c, start, days]) => {
          const [calendar, oracle] = engineAndOracle(c);
          expect(calendar.closingOfBusinessDay(start, days), `start=${start} days=${days}`).toBe(oracle.closingOfBusinessDay(start, days));
        },
      ),
      { numRuns: 100 },
    );
  }, 120_000);

  it('agrees on between and add with pauses that overlap each other and closed time', () => {
    fc.assert(
      fc.property(
        caseArb.chain((c) => fc.tuple(fc.constant(c), instantArb(c), amountArb, fc.integer({ min: 0, max: 6 * day }))).chain(([c, start, amount, span]) =>
          fc.tuple(fc.constant(c), fc.constant(start), fc.constant(amount), fc.constant(span), pausesArb(start)),
        ),
        ([c, start, amount, span, pauses]) => {
          const [calendar, oracle] = engineAndOracle(c);
          const normalised = normalisePauses(pauses);
          expect(openSecondsOutsidePauses(calendar, start, start + span, normalised)).toBe(oracle.between(start, start + span, pauses));
          expect(addOpenSecondsOutsidePauses(calendar, start, amount, normalised), `start=${start} amount=${amount}`).toBe(oracle.add(start, amount, pauses));
        },
      ),
      runs,
    );
  }, 120_000);

  it('agrees when the amount runs out exactly at an opening, a closing, or a pause edge (forwards and backwards)', () => {
    fc.assert(
      fc.property(
        caseArb
          .chain((c) => fc.tuple(fc.constant(c), instantArb(c)))
          .chain(([c, start]) => fc.tuple(fc.constant(c), fc.constant(start), pausesArb(start), fc.nat(), fc.boolean())),
        ([c, start, pauses, pick, backwards]) => {
          const [calendar, oracle] = engineAndOracle(c);
          const normalised = normalisePauses(pauses);
          // Edges within four days: where open intervals and pauses begin and end.
          const [from, to] = backwards ? [start - 4 * day, start] : [start, start + 4 * day];
          const edges = [...calendar.openIntervalsBetween(from, to).flat(), ...pauses.flat()].filter((x) => x > from && x < to && x !== start);
          fc.pre(edges.length > 0);
          const edge = edges[pick % edges.length]!;
          const amount = backwards ? -openSecondsOutsidePauses(calendar, edge, start, normalised) : openSecondsOutsidePauses(calendar, start, edge, normalised);
          expect(addOpenSecondsOutsidePauses(calendar, start, amount, normalised), `start=${start} amount=${amount}`).toBe(oracle.add(start, amount, pauses));
        },
      ),
      runs,
    );
  }, 120_000);
});

describe('BusinessCalendar laws', () => {
  const lawCase = caseArb.chain((c) => fc.tuple(fc.constant(c), instantArb(c), instantArb(c), instantArb(c), fc.integer({ min: 1, max: 30 * day })));

  it('adds up: between(a, b) + between(b, c) equals between(a, c) for a <= b <= c', () => {
    fc.assert(
      fc.property(lawCase, ([c, x, y, z]) => {
        const [a, b, d] = [x, y, z].sort((p, q) => p - q) as [number, number, number];
        const calendar = createCalendar(c.spec);
        expect(calendar.openSecondsBetween(a, b) + calendar.openSecondsBetween(b, d)).toBe(calendar.openSecondsBetween(a, d));
      }),
      { numRuns: 500 },
    );
  });

  it('grows with the end: between(a, b) <= between(a, c) for b <= c, and never exceeds real time', () => {
    fc.assert(
      fc.property(lawCase, ([c, a, x, y]) => {
        const [b, d] = [x, y].sort((p, q) => p - q) as [number, number];
        const calendar = createCalendar(c.spec);
        expect(calendar.openSecondsBetween(a, b)).toBeLessThanOrEqual(calendar.openSecondsBetween(a, d));
        expect(calendar.openSecondsBetween(a, d)).toBeLessThanOrEqual(Math.max(0, d - a));
      }),
      { numRuns: 500 },
    );
  });

  it('uses up exactly the amount: between(t, add(t, n)) equals n, and add grows with n', () => {
    fc.assert(
      fc.property(lawCase, ([c, t, , , n]) => {
        const calendar = createCalendar(c.spec);
        const due = calendar.addOpenSeconds(t, n);
        expect(calendar.openSecondsBetween(t, due)).toBe(n);
        expect(calendar.addOpenSeconds(t, n + 1)).toBeGreaterThanOrEqual(due);
        expect(calendar.openSecondsBetween(calendar.addOpenSeconds(t, -n), t)).toBe(n);
      }),
      { numRuns: 500 },
    );
  });

  it('walks back to the start: add(add(t, n), -n) is t for an open t', () => {
    fc.assert(
      fc.property(lawCase, ([c, t, , , n]) => {
        const calendar = createCalendar(c.spec);
        const open = calendar.nextOpeningAt(t);
        expect(calendar.isOpenAt(open)).toBe(true);
        expect(calendar.addOpenSeconds(calendar.addOpenSeconds(open, n), -n)).toBe(open);
      }),
      { numRuns: 500 },
    );
  });

  it('shows the next opening instead of the closing, and nothing else differs between the two modes', () => {
    fc.assert(
      fc.property(lawCase, ([c, t, , , n]) => {
        const nextOpening = createCalendar({ ...c.spec, dueAtClosingTime: 'next-opening' });
        const closingTime = createCalendar({ ...c.spec, dueAtClosingTime: 'closing-time' });
        const atClosing = closingTime.addOpenSeconds(t, n);
        expect(nextOpening.addOpenSeconds(t, n)).toBe(closingTime.isOpenAt(atClosing) ? atClosing : closingTime.nextOpeningAt(atClosing));
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same answers through the Date/string API as through the numeric one', () => {
    fc.assert(
      fc.property(lawCase, ([c, a, b, , n]) => {
        const calendar = createCalendar(c.spec);
        const date = (t: number): Date => new Date(t * 1000);
        expect(businessTimeBetween(calendar, date(a), new Date(b * 1000 + 999).toISOString())).toBe(calendar.openSecondsBetween(a, b));
        expect(addBusinessTime(calendar, date(a), n).getTime()).toBe(calendar.addOpenSeconds(a, n) * 1000);
        expect(addBusinessDays(calendar, date(a), n % 5).getTime()).toBe(calendar.closingOfBusinessDay(a, n % 5) * 1000);
      }),
      { numRuns: 300 },
    );
  });
});
