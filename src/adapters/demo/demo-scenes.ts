/**
 * The script of the demo: what each generated month is meant to show. Months take the
 * scenes in turn (a fourth month plays the first scene again). Counts are exact quotas,
 * so the picture holds for every seed; only who and when are random.
 */
export interface OutageScene {
  /** Day of the month and local start time. */
  readonly day: number;
  readonly startSecondsOfDay: number;
  readonly minutes: number;
  readonly description: string;
}

export interface MonthScene {
  /** Default tickets created in the month (before a 3% jitter). */
  readonly volume: number;
  /** Late first replies on P1 tickets: 3 of ~30 misses the 95% level, 1 of ~30 keeps it. */
  readonly p1ResponseBreaches: number;
  /** P1 tickets solved after 4h: up to 2 of ~30 keeps the 90% level. */
  readonly p1ResolutionBreaches: number;
  /** Late first replies on P2 tickets (of ~150; the level is 90%). */
  readonly p2ResponseBreaches: number;
  /** Share of tickets reopened after a solve; the contract's reopen-rate limit is 5%. */
  readonly reopenShare: number;
  /** First-contact resolution aimed at; the contract wants at least 70%. */
  readonly firstContactShare: number;
  readonly canceled: number;
  readonly closedWithoutSolve: number;
  /** Tickets on the excluded service and on an uncovered technology. */
  readonly excludedService: number;
  readonly uncoveredTechnology: number;
  /** Priority raised to the top priority after triage (urgent). */
  readonly escalations: number;
  readonly downgrades: number;
  readonly upgrades: number;
  /** Outages of the availability target's service in the month. */
  readonly outages: readonly OutageScene[];
  /** How the month's vendor report is delivered (when it is due before now). */
  readonly report: 'on-time' | 'late';
}

/** Breach rates of the clocks without a quota: a few per month each. */
export const randomBreachRates = {
  /** By priority position (P1, P2, P3, P4): first response. P1 and P2 use quotas instead. */
  firstResponse: [0, 0, 0.03, 0.02],
  /** By priority position: resolution. P1 uses a quota. */
  resolution: [0, 0.03, 0.055, 0.04],
} as const;

export const monthScenes: readonly MonthScene[] = [
  {
    // March: three P1 first replies late -> p1-response 27/30 = 90% < 95% (5% credit).
    volume: 1180,
    p1ResponseBreaches: 3,
    p1ResolutionBreaches: 2,
    p2ResponseBreaches: 2,
    reopenShare: 0.035,
    firstContactShare: 0.75,
    canceled: 4,
    closedWithoutSolve: 0,
    excludedService: 5,
    uncoveredTechnology: 4,
    escalations: 1,
    downgrades: 4,
    upgrades: 2,
    outages: [{ day: 9, startSecondsOfDay: 14 * 3600 + 5 * 60, minutes: 9, description: 'Carrier SIP trunk failover; calls dropped for 9 minutes' }],
    report: 'on-time',
  },
  {
    // April: reopens at ~7% pass the 5% limit and pull FCR to ~66% (< 70%: 2% credit); the report is late (1% credit).
    volume: 1310,
    p1ResponseBreaches: 1,
    p1ResolutionBreaches: 1,
    p2ResponseBreaches: 3,
    reopenShare: 0.072,
    firstContactShare: 0.66,
    canceled: 3,
    closedWithoutSolve: 1,
    excludedService: 4,
    uncoveredTechnology: 5,
    escalations: 1,
    downgrades: 5,
    upgrades: 2,
    outages: [{ day: 20, startSecondsOfDay: 7 * 3600 + 32 * 60, minutes: 22, description: 'IVR menu misrouted calls after a configuration change' }],
    report: 'late',
  },
  {
    // May, near 1,500 tickets: a 1h48m phone outage -> 99.76% < 99.9% and longer than 1h (5% + 3% credit).
    volume: 1460,
    p1ResponseBreaches: 1,
    p1ResolutionBreaches: 2,
    p2ResponseBreaches: 1,
    reopenShare: 0.03,
    firstContactShare: 0.77,
    canceled: 4,
    closedWithoutSolve: 0,
    excludedService: 6,
    uncoveredTechnology: 3,
    escalations: 1,
    downgrades: 4,
    upgrades: 3,
    outages: [{ day: 12, startSecondsOfDay: 9 * 3600 + 47 * 60, minutes: 108, description: 'Phone line down: PBX host failure at the vendor data centre, calls unanswered' }],
    report: 'on-time',
  },
];

/** The scene of the month at `index` (0 for the first generated month). */
export function sceneOfMonth(index: number): MonthScene {
  return monthScenes[index % monthScenes.length]!;
}

/**
 * The month in progress at now (its first days only): the last month's pace and mix without
 * quota breaches, outages or stale closes, so a handful of tickets does not read as a crisis.
 */
export function sceneOfMonthInProgress(last: MonthScene): MonthScene {
  return { ...last, p1ResponseBreaches: 0, p1ResolutionBreaches: 0, p2ResponseBreaches: 0, canceled: 1, closedWithoutSolve: 0, excludedService: 1, uncoveredTechnology: 1, escalations: 0, downgrades: 1, upgrades: 0, outages: [] };
}
