/**
 * Settling a month: March 2027 for 1,000 contracts with 1,000 tickets each. Target: at most
 * 5 s of one core's CPU time.
 *
 * "Settling" a contract's month, as measured here, is `settleMonth` (src/app/settle-month.ts):
 * everything computed from its events to the stored invoice document, each contract on its
 * own (its own compiled SLA policy and calendars; nothing shared between contracts but the
 * process's holiday tables):
 *   1. its month scorecard: 1,000 tickets' events -> timelines -> clocks -> scorecard;
 *   2. the month's credits and bonuses (`computeCredits`: every rule, bands, the monthly cap
 *      and the rolling 12-month cap over 11 months of history), carried to the next invoice;
 *   3. the month's invoice (`buildInvoice`: charges by band, extras, minimum true-up, the
 *      previous month's credits as lines, tax, the issue date on the contract's business
 *      calendar, the input digest), then the document as stored: its JSON text and SHA-256.
 * The contracts are the northstar-tiered example under 1,000 ids, parsed once before timing
 * (parsing a contract file is loading a stored version, not settling). The previous month's
 * credits and the history are given, as the store would give them. Not included: reading
 * the events from the store, and writing the invoice: the tickets come from the seeded
 * generator (bench/support/synthetic-tickets.ts), one stream of 1,000,000 tickets cut into
 * 1,000 per contract; generating them alone is measured in the same run and subtracted.
 * `supportpact invoice` also recomputes the previous month's scorecard (for its credits, known
 * only once its vendor report is due); here each month's scorecard is computed once, when it
 * is settled, and its credits are carried in the history.
 *
 * Baselines in the same run, as subjects taking turns: generating the events alone, the
 * scorecard step alone (1.), and the credits-and-invoice steps alone (2.-3., from scorecards
 * held in memory). Times are CPU seconds of this process (`process.cpuUsage`), the median of
 * interleaved rounds; wall time and the load average are printed beside them.
 */
import { createHash } from 'node:crypto';
import os from 'node:os';
import { computeScorecard } from '../src/app/compute-scorecard.js';
import { businessDaysOn, settleMonth } from '../src/app/settle-month.js';
import type { Contract } from '../src/domain/contract/schema/contract-schema.js';
import type { MonthlyScorecard } from '../src/domain/measures/index.js';
import { parseMoney } from '../src/domain/money/index.js';
import { buildInvoice, computeCredits, invoiceToJson, type Invoice, type MonthAdjustments, type SettledMonth } from '../src/domain/settlement/index.js';
import { compileSlaPolicy, type SlaPolicy } from '../src/domain/sla/index.js';
import { sha256Hex } from '../src/domain/settlement/sha256.js';
import type { TicketEvent } from '../src/domain/tickets/index.js';
import { addMonthsToMonth } from '../src/domain/time/index.js';
import { readExampleContract } from '../test/support/examples.js';
import { printTable, writeBenchResults } from './support/results.js';
import { loadNorthstarContract, syntheticTickets } from './support/synthetic-tickets.js';

const month = '2027-03';
const asOf = Date.parse('2027-04-10T00:00:00-07:00') / 1000;
const contractCount = 1000;
const ticketsPerContract = 1000;
const targetSeconds = 5;
const rounds = 3;
const nativeSha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const usd = (text: string) => parseMoney(text, 'USD');

interface Timed {
  readonly cpuSeconds: number;
  readonly wallSeconds: number;
}

async function timed(fn: () => Promise<void>): Promise<Timed> {
  const cpuBefore = process.cpuUsage();
  const wallBefore = process.hrtime.bigint();
  await fn();
  const cpu = process.cpuUsage(cpuBefore);
  return { cpuSeconds: (cpu.user + cpu.system) / 1e6, wallSeconds: Number(process.hrtime.bigint() - wallBefore) / 1e9 };
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1]!;

/** One contract's inputs besides its tickets: the contract, its history and the previous month's credits. */
interface ContractCase {
  readonly contract: Contract;
  readonly history: readonly SettledMonth[];
  readonly previous: MonthAdjustments;
}

/** The 1,000 contracts, each with 11 settled months (for the rolling cap) and February's credits. */
function contractCases(february: MonthlyScorecard): ContractCase[] {
  const template = loadNorthstarContract();
  return Array.from({ length: contractCount }, (_, i) => {
    const contract: Contract = { ...template, id: `acme-northstar-2027-c${String(i + 1).padStart(4, '0')}` };
    // April 2026 to February 2027: fees 23,500.00 a month, 500.00 of credits granted in every third.
    const history: SettledMonth[] = Array.from({ length: 11 }, (_, k) => ({
      month: addMonthsToMonth(month, k - 12 + 1),
      fees: usd('23500.00'),
      creditsGranted: usd(k % 3 === 0 ? '500.00' : '0.00'),
      bonusesGranted: usd('0.00'),
    }));
    const previous = computeCredits(contract, { ...february, contractId: contract.id }, history.filter((m) => m.month < '2027-02'), { fees: usd('23500.00') });
    return { contract, history, previous };
  });
}

/** The tickets of each contract in turn: one generator stream of 1,000,000, cut into 1,000 per contract. */
function* ticketBlocks(): Generator<TicketEvent[][]> {
  let block: TicketEvent[][] = [];
  for (const events of syntheticTickets({ count: contractCount * ticketsPerContract, seed: 1 })) {
    block.push(events);
    if (block.length === ticketsPerContract) {
      yield block;
      block = [];
    }
  }
}

/** The invoice as stored: its JSON text's SHA-256, and the month's credits to carry. */
function stored(invoice: Invoice, credits: MonthAdjustments): { credits: string; documentSha256: string } {
  return { credits: credits.credits.total.minor.toString(), documentSha256: nativeSha256(JSON.stringify(invoiceToJson(invoice))) };
}

/** Steps 2 and 3 alone, as `settleMonth` does them: credits, invoice (business days on the policy's calendars), the stored document. */
function invoiceStep(c: ContractCase, policy: SlaPolicy, scorecard: MonthlyScorecard): { credits: string; documentSha256: string } {
  const credits = computeCredits(c.contract, scorecard, c.history);
  const invoice = buildInvoice({
    contract: c.contract,
    contractVersion: { sha256: contractSha256, version: 1 },
    serviceMonth: month,
    scorecard,
    previousMonthAdjustments: c.previous,
    isBusinessDay: businessDaysOn(policy.calendars),
    sha256: nativeSha256,
  });
  return stored(invoice, credits);
}

const contractSha256 = sha256Hex(readExampleContract('northstar-tiered'));

export async function run(): Promise<{ pass: boolean }> {
  const loadBefore = os.loadavg();
  const template = loadNorthstarContract();
  // February's scorecard, from its own 1,000 tickets, for the previous month's credits.
  const february = await computeScorecard({ contract: template, month: '2027-02', asOf, tickets: syntheticTickets({ count: ticketsPerContract, seed: 2, month: '2027-02' }) });
  const cases = contractCases(february);

  let settled: { credits: string; documentSha256: string }[] = [];
  let fromScorecards: { credits: string; documentSha256: string }[] = [];
  let scorecards: { policy: SlaPolicy; scorecard: MonthlyScorecard }[] = [];
  let generated = 0;

  const subjects = {
    generate: async () => {
      generated = 0;
      for (const block of ticketBlocks()) generated += block.length;
    },
    scorecards: async () => {
      scorecards = [];
      let i = 0;
      for (const block of ticketBlocks()) {
        const contract = cases[i++]!.contract;
        const policy = compileSlaPolicy(contract);
        scorecards.push({ policy, scorecard: await computeScorecard({ contract, policy, month, asOf, tickets: block }) });
      }
    },
    invoices: async () => {
      fromScorecards = cases.map((c, i) => invoiceStep(c, scorecards[i]!.policy, scorecards[i]!.scorecard));
    },
    settle: async () => {
      settled = [];
      let i = 0;
      for (const block of ticketBlocks()) {
        const c = cases[i++]!;
        const result = await settleMonth({ contract: c.contract, contractVersion: { sha256: contractSha256, version: 1 }, month, asOf, tickets: block, history: c.history, previousMonthAdjustments: c.previous });
        settled.push(stored(result.invoice, result.adjustments));
      }
    },
  } as const;
  type Name = keyof typeof subjects;
  const names = Object.keys(subjects) as Name[];
  // One warm-up round (the JIT, the holiday tables), then interleaved rounds; the median counts.
  for (const name of names) await subjects[name]();
  const runs = new Map<Name, Timed[]>(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) for (const name of names) runs.get(name)!.push(await timed(subjects[name]));
  const result = Object.fromEntries(names.map((name) => [name, { cpuSeconds: median(runs.get(name)!.map((t) => t.cpuSeconds)), wallSeconds: median(runs.get(name)!.map((t) => t.wallSeconds)) }])) as Record<Name, Timed>;
  const loadAfter = os.loadavg();

  const settleCpu = result.settle.cpuSeconds - result.generate.cpuSeconds;
  const settleWall = result.settle.wallSeconds - result.generate.wallSeconds;
  const sameInvoices = settled.length === contractCount && settled.every((s, i) => s.documentSha256 === fromScorecards[i]?.documentSha256 && s.credits === fromScorecards[i]?.credits);
  const distinctDocuments = new Set(settled.map((s) => s.documentSha256)).size;
  const row = (t: Timed) => ({ 'CPU s': t.cpuSeconds, 'wall s': t.wallSeconds, 'contracts/s (CPU)': contractCount / t.cpuSeconds });
  printTable(`settle: ${month} for ${contractCount.toLocaleString('en-US')} contracts x ${ticketsPerContract.toLocaleString('en-US')} tickets (median of ${rounds} interleaved rounds, one core)`, {
    'settle (generate + scorecard + credits + invoice)': row(result.settle),
    'settle, events given (difference)': row({ cpuSeconds: settleCpu, wallSeconds: settleWall }),
    'baseline: generate events only': row(result.generate),
    'baseline: scorecard step (generate + scorecard)': row(result.scorecards),
    'baseline: scorecard step, events given (difference)': row({ cpuSeconds: result.scorecards.cpuSeconds - result.generate.cpuSeconds, wallSeconds: result.scorecards.wallSeconds - result.generate.wallSeconds }),
    'baseline: credits + invoice step (scorecards in memory)': row(result.invoices),
  });
  const creditsGranted = settled.filter((s) => s.credits !== '0').length;
  console.log(`invoices: ${settled.length.toLocaleString('en-US')} (${distinctDocuments.toLocaleString('en-US')} distinct documents), ${creditsGranted.toLocaleString('en-US')} contracts with March credits to carry; equal to the step-by-step invoices: ${sameInvoices}; tickets generated per run: ${generated.toLocaleString('en-US')}`);
  console.log(`load average (1/5/15 min) before ${loadBefore.map((x) => x.toFixed(2)).join(' ')}, after ${loadAfter.map((x) => x.toFixed(2)).join(' ')} on ${os.cpus().length} cores`);

  const met = settleCpu <= targetSeconds;
  const metWithGeneration = result.settle.cpuSeconds <= targetSeconds;
  const pass = met && sameInvoices;
  console.log(`\ntarget: settle a month for ${contractCount.toLocaleString('en-US')} contracts x ${ticketsPerContract.toLocaleString('en-US')} tickets in <= ${targetSeconds} s of one core. Events given: ${settleCpu.toFixed(2)} s CPU, ${settleWall.toFixed(2)} s wall (${met ? 'met' : 'MISSED'}); including generating the events: ${result.settle.cpuSeconds.toFixed(2)} s CPU (${metWithGeneration ? 'met' : 'missed'}).`);
  writeBenchResults('settle', {
    contract: 'northstar-tiered under 1,000 ids',
    month,
    asOf: '2027-04-10T00:00:00-07:00',
    inputs: { generator: 'bench/support/synthetic-tickets.ts', contracts: contractCount, ticketsPerContract, seed: 1, historyMonths: 11 },
    settlingMeans: 'per contract: computeScorecard (its own SLA policy and calendars) over its 1,000 tickets, computeCredits for the month with the rolling cap over 11 months, buildInvoice carrying the previous month\'s credits, the invoice JSON as stored and its SHA-256',
    measuredAs: 'CPU seconds of this process (process.cpuUsage), median of interleaved rounds after a warm-up; wall clock alongside',
    settle: { cpuSeconds: settleCpu, wallSeconds: settleWall, withGenerationCpuSeconds: result.settle.cpuSeconds, withGenerationWallSeconds: result.settle.wallSeconds, met, metWithGeneration },
    baselines: {
      generateEventsOnly: result.generate,
      scorecardStepWithGeneration: result.scorecards,
      scorecardStepCpuSeconds: result.scorecards.cpuSeconds - result.generate.cpuSeconds,
      creditsAndInvoiceStep: result.invoices,
    },
    invoices: settled.length,
    distinctDocuments,
    equalToStepByStep: sameInvoices,
    loadAverage: { before: loadBefore, after: loadAfter },
    targetSeconds,
    passMeans: 'settling with the events given (settle minus generating the events) takes at most the target in CPU seconds, and produces the same 1,000 invoices as the step-by-step run',
    pass,
  });
  return { pass };
}
