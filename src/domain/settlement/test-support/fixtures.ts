/** Contracts, scorecards and money the settlement tests share. */
import { parseContract } from '../../contract/parse-contract.js';
import type { Contract } from '../../contract/schema/contract-schema.js';
import type { AvailabilityScore, MonthlyScorecard, QualityScore, ServiceLevelScore } from '../../measures/scorecard.js';
import { share, shareAtLeast } from '../../measures/share.js';
import { parseMoney, type Money } from '../../money/index.js';
import { monthPeriod } from '../../measures/month-period.js';
import { readExampleContract, type ExampleContractName } from '../../../../test/support/examples.js';
import { sha256Hex } from '../sha256.js';
import type { ContractVersionRef, Invoice } from '../invoice-types.js';
import type { Payment } from '../apply-payments.js';

const cache = new Map<string, Contract>();

/** One of the shared example contracts, parsed. */
export function example(name: ExampleContractName): Contract {
  const hit = cache.get(name);
  if (hit) return hit;
  const contract = parseContract(readExampleContract(name), `${name}.contract.yaml`).contract;
  cache.set(name, contract);
  return contract;
}

/** The version reference of an example contract: the SHA-256 of its file. */
export function exampleVersion(name: ExampleContractName): ContractVersionRef {
  return { sha256: sha256Hex(readExampleContract(name)), version: 1 };
}

const header = `supportpact: 1
id: test-contract
title: Test contract
parties:
  client: { name: Client Co }
  vendor: { name: Vendor Co }
currency: USD
timezone: America/Los_Angeles
`;

/** A contract with the given top-level YAML sections. */
export function contractWith(sections: string, currency = 'USD'): Contract {
  return parseContract(header.replace('currency: USD', `currency: ${currency}`) + sections, 'test.contract.yaml').contract;
}

/** `usd('4000.00')` is USD 4,000.00. */
export function usd(text: string): Money {
  return parseMoney(text, 'USD', { sign: 'any' });
}

export interface ScorecardPatch {
  /** Per service level id: [met, settled], or 'no-data'. */
  readonly levels?: Readonly<Record<string, readonly [number, number] | 'no-data'>>;
  /** Per quality id: [numerator, denominator] for shares; result is derived from the contract. */
  readonly quality?: Readonly<Record<string, { readonly share?: readonly [number, number]; readonly result: 'met' | 'missed' | 'no-data'; readonly meanSeconds?: number; readonly tickets?: readonly string[] }>>;
  /** Per availability id: [available seconds, period seconds] and the longest outage. */
  readonly availability?: Readonly<Record<string, { readonly available: readonly [number, number]; readonly longestOutageSeconds?: number; readonly outages?: readonly string[] }>>;
  readonly vendorReport?: 'on-time' | 'late' | 'missing' | 'not-due';
  readonly resolvedByPriority?: Readonly<Record<string, number>>;
  readonly createdByPriority?: Readonly<Record<string, number>>;
  readonly extras?: Readonly<Record<string, readonly string[]>>;
}

/**
 * A month's scorecard for `contract`: every service level 20 of 20 met, quality met,
 * availability 100%, the vendor report on time, no tickets billed, unless `patch` says otherwise.
 */
export function scorecardFor(contract: Contract, month: string, patch: ScorecardPatch = {}): MonthlyScorecard {
  const period = monthPeriod(month, contract.timezone);
  const serviceLevels: ServiceLevelScore[] = (contract.sla?.serviceLevels ?? []).map((level) => {
    const given = patch.levels?.[level.id] ?? [20, 20];
    if (given === 'no-data') return { id: level.id, metric: level.metric, priorities: level.priorities, target: level.atLeast.text, settled: 0, met: 0, breached: 0, attainment: undefined, result: 'no-data', breachedTickets: [] };
    const [met, settled] = given;
    const attainment = share(met, settled)!;
    const reached = shareAtLeast(attainment, level.atLeast.fraction);
    const breachedTickets = Array.from({ length: settled - met }, (_, i) => `${level.id.toUpperCase()}-${i + 1}`);
    return { id: level.id, metric: level.metric, priorities: level.priorities, target: level.atLeast.text, settled, met, breached: settled - met, attainment, result: reached ? 'met' : 'missed', breachedTickets };
  });
  const quality: QualityScore[] = (contract.sla?.quality ?? []).map((q) => {
    const given = patch.quality?.[q.id];
    const value = given?.share ? share(given.share[0], given.share[1]) : q.metric === 'meanTimeToResolve' ? undefined : share(15, 20);
    return {
      id: q.id,
      metric: q.metric,
      target: q.metric === 'meanTimeToResolve' ? `at most ${q.atMost.text}` : q.metric === 'firstContactResolution' ? `at least ${q.atLeast.text}` : `at most ${q.atMost.text}`,
      result: given?.result ?? 'met',
      ...(value ? { share: value } : {}),
      ...(q.metric === 'meanTimeToResolve' ? { meanSeconds: given?.meanSeconds ?? 3600 } : {}),
      count: 20,
      tickets: given?.tickets ?? [],
    };
  });
  const availability: AvailabilityScore[] = (contract.sla?.availability ?? []).map((a) => {
    const given = patch.availability?.[a.id];
    const [available, periodSeconds] = given?.available ?? [2_678_400, 2_678_400];
    return {
      id: a.id,
      service: a.service,
      target: a.target.text,
      calendar: a.calendar,
      periodSeconds,
      outageSeconds: periodSeconds - available,
      availability: share(available, periodSeconds),
      longestOutageSeconds: given?.longestOutageSeconds ?? periodSeconds - available,
      maxSingleOutageSeconds: undefined,
      longestOutageTooLong: false,
      result: periodSeconds === 0 ? 'no-data' : 'met',
      outages: given?.outages ?? [],
    };
  });
  const report = patch.vendorReport ?? 'on-time';
  const dueAt = period.endAt + 7 * 86_400;
  return {
    contractId: contract.id,
    month,
    zone: contract.timezone,
    startAt: period.startAt,
    endAt: period.endAt,
    asOf: period.endAt + 30 * 86_400,
    serviceLevels,
    quality,
    availability,
    vendorReport: contract.sla?.reporting?.vendorReport ? { dueAt, deliveredAt: report === 'on-time' ? dueAt - 3600 : report === 'late' ? dueAt + 86_400 : undefined, result: report } : undefined,
    volumes: {
      created: Object.values(patch.createdByPriority ?? {}).reduce((a, b) => a + b, 0),
      solved: Object.values(patch.resolvedByPriority ?? {}).reduce((a, b) => a + b, 0),
      resolvedByPriority: patch.resolvedByPriority ?? {},
      createdByPriority: patch.createdByPriority ?? {},
      extras: patch.extras ?? {},
    },
    outOfScope: [],
    coverage: [],
    unmappedPriorities: {},
    allServiceLevelsMet: serviceLevels.some((l) => l.result !== 'no-data') && serviceLevels.every((l) => l.result !== 'missed'),
  };
}

/** An issued invoice of one line totalling `totalMinor` cents, for payment and statement tests. */
export function invoiceOf(id: string, issueOn: string, dueOn: string, totalMinor: bigint, contractId = 'acme-northstar-2027', currency = 'USD'): Invoice {
  const amount = { minor: totalMinor, currency };
  const zero = { minor: 0n, currency };
  return {
    kind: 'invoice',
    id,
    state: 'issued',
    contractId,
    contractTitle: 'Test',
    contractVersion: { sha256: '0'.repeat(64) },
    vendor: { name: 'Vendor Co' },
    client: { name: 'Client Co' },
    currency,
    rounding: 'half-up',
    serviceMonth: issueOn.slice(0, 7),
    service: { month: issueOn.slice(0, 7), startOn: `${issueOn.slice(0, 7)}-01`, endOn: `${issueOn.slice(0, 7)}-28`, daysOfService: 28, daysInMonth: 28 },
    issueOn,
    dueOn,
    paymentTerms: '30 days',
    paymentMethods: [],
    lines: [{ id: 'base', kind: 'base', description: 'Monthly base fee', quantity: '1', unit: 'month', amount, clause: 'pricing.base.monthly', evidence: { kind: 'none', ids: [] }, notes: [] }],
    totals: { charges: amount, credits: zero, bonuses: zero, subtotal: amount, tax: zero, total: amount },
    notes: [],
    inputDigest: `sha256:${'0'.repeat(64)}`,
  };
}

/** A payment of `minor` cents. */
export function paymentOf(id: string, receivedOn: string, minor: bigint, currency = 'USD'): Payment {
  return { id, receivedOn, amount: { minor, currency } };
}
