/**
 * The comparison and the backtest as JSON for APIs and files: amounts are plain decimal
 * strings in the currency given once at the top ("24519.83"), months `YYYY-MM`, shares as
 * numbers from 0 to 1, instants as ISO-8601 UTC.
 */
import type { BacktestResult } from '../../app/backtest-proposal.js';
import type { BacktestSide, CostParts, ProposalComparison } from '../../domain/compare/index.js';
import { formatMoney, money, type Money } from '../../domain/money/index.js';
import { formatInstantUtc } from '../../domain/time/index.js';

const plain = (m: Money): string => formatMoney(m, 'plain');

/** Minor units of the simulation (a safe integer) as a plain amount: 2451983 -> "24519.83" in USD. */
export function minorToPlain(minor: number, currency: string): string {
  return plain(money(BigInt(minor), currency));
}

function parts(p: CostParts<Money>): Record<string, string> {
  return {
    base: plain(p.base),
    usage: plain(p.usage),
    extras: plain(p.extras),
    minimumTrueUp: plain(p.minimumTrueUp),
    fees: plain(p.fees),
    expectedCredits: plain(p.expectedCredits),
    expectedBonuses: plain(p.expectedBonuses),
    tax: plain(p.tax),
    total: plain(p.total),
  };
}

/** `JSON.stringify(comparisonToJson(c), null, 2)`. */
export function comparisonToJson(c: ProposalComparison): Record<string, unknown> {
  const cur = c.currency;
  return {
    currency: cur,
    forecast: c.forecast,
    ranking: c.ranking,
    proposals: c.proposals.map((p) => ({
      id: p.id,
      title: p.title,
      file: p.file,
      vendor: p.vendor,
      tickets: p.projection.tickets,
      costPerTicket: p.projection.costPerTicket ? plain(p.projection.costPerTicket) : null,
      expectedCreditFraction: p.projection.expectedCreditFraction,
      totals: parts(p.projection.totals),
      months: p.projection.months.map((m) => ({ month: m.month, tickets: m.tickets, ...parts(m) })),
      notes: p.notes,
    })),
    breakEven: {
      maxVolume: c.breakEven.maxVolume,
      segments: c.breakEven.segments,
      breakEvens: c.breakEven.breakEvens.map((b) => ({
        volume: b.volume,
        before: b.before,
        after: b.after,
        monthlyCostBefore: Object.fromEntries(c.proposals.map((p, i) => [p.id, minorToPlain(b.costsBeforeMinor[i]!, cur)])),
        monthlyCostAt: Object.fromEntries(c.proposals.map((p, i) => [p.id, minorToPlain(b.costsAtMinor[i]!, cur)])),
      })),
      curve: { volumes: c.breakEven.chartVolumes, monthlyCost: Object.fromEntries(c.proposals.map((p, i) => [p.id, c.breakEven.chartCostsMinor[i]!.map((v) => minorToPlain(v, cur))])) },
    },
    terms: c.terms,
    simulation: c.simulation
      ? {
          paths: c.simulation.paths,
          seed: c.simulation.seed,
          levelCv: c.simulation.levelCv,
          monthlyCv: c.simulation.monthlyCv,
          proposals: c.simulation.proposals.map((s) => ({ id: s.contractId, p10: minorToPlain(s.p10Minor, cur), p50: minorToPlain(s.p50Minor, cur), p90: minorToPlain(s.p90Minor, cur), mean: minorToPlain(s.meanMinor, cur), probabilityCheapest: s.probabilityCheapest })),
        }
      : null,
  };
}

function sideJson(side: BacktestSide): Record<string, unknown> {
  return {
    contractId: side.contractId,
    title: side.title,
    currency: side.totals.fees.currency,
    totals: { fees: plain(side.totals.fees), creditsEarned: plain(side.totals.creditsEarned), bonusesEarned: plain(side.totals.bonusesEarned), invoiced: plain(side.totals.invoiced) },
    months: side.months.map((m) => ({
      month: m.month,
      created: m.scorecard.volumes.created,
      serviceLevels: m.scorecard.serviceLevels.map((l) => ({ id: l.id, target: l.target, attainment: l.attainment?.percent ?? null, met: l.met, settled: l.settled, result: l.result })),
      quality: m.scorecard.quality.map((q) => ({ id: q.id, target: q.target, result: q.result, share: q.share?.percent ?? null, meanSeconds: q.meanSeconds ?? null })),
      fees: plain(m.adjustments.fees),
      creditsEarned: plain(m.adjustments.credits.total),
      credits: m.adjustments.credits.lines.map((l) => ({ clause: l.clause, rule: l.rule, percent: l.percent, amount: plain(l.amount) })),
      bonusesEarned: plain(m.adjustments.bonuses.total),
      invoice: { id: m.invoice.id, issueOn: m.invoice.issueOn, dueOn: m.invoice.dueOn, charges: plain(m.invoice.totals.charges), credits: plain(m.invoice.totals.credits), bonuses: plain(m.invoice.totals.bonuses), tax: plain(m.invoice.totals.tax), total: plain(m.invoice.totals.total) },
    })),
    notes: side.notes,
  };
}

/** `JSON.stringify(backtestToJson(result), null, 2)`. */
export function backtestToJson(result: BacktestResult): Record<string, unknown> {
  return {
    basis: result.basis,
    months: result.months,
    asOf: formatInstantUtc(result.asOf),
    zone: result.zone,
    ticketsRead: result.ticketsRead,
    proposal: sideJson(result.proposal),
    current: result.current ? sideJson(result.current) : null,
    notes: result.notes,
  };
}
