/**
 * The whole comparison of vendor proposals against one forecast: each proposal's monthly
 * and total cost, the ranking, the break-even volumes, the terms side by side and, when
 * asked, a seeded simulation. Pure: the caller loads the files or the stored history.
 */
import type { LoadedContract } from '../contract/parse-contract.js';
import { SupportPactError, type Problem } from '../errors/index.js';
import { compareTerms, type TermsRow } from './compare-terms.js';
import { compileCostModel } from './compile-cost-model.js';
import { findBreakEvens, type BreakEvenAnalysis, type Ranking } from './find-break-evens.js';
import type { ForecastModel } from './forecast-types.js';
import { prepareProposal } from './prepare-proposal.js';
import { projectCosts, type CostProjection } from './project-costs.js';
import { simulateCosts, type SimulationOptions, type SimulationResult } from './simulate-costs.js';

export interface ComparedProposal {
  readonly id: string;
  readonly title: string;
  readonly file: string;
  readonly vendor: string;
  readonly projection: CostProjection;
  /** What the figures rest on for this proposal: its term against the horizon, unmapped priorities, the performance assumption, bands not costed. */
  readonly notes: readonly string[];
}

export interface ProposalComparison {
  readonly forecast: {
    readonly title: string;
    readonly basis: string;
    readonly months: readonly string[];
    readonly ticketsByMonth: readonly number[];
    readonly totalTickets: number;
    readonly priorities: readonly string[];
    readonly channels: readonly string[];
    readonly assumptions: readonly string[];
  };
  readonly currency: string;
  readonly proposals: readonly ComparedProposal[];
  /** By total cost over the forecast months, cheapest first. */
  readonly ranking: Ranking;
  readonly breakEven: BreakEvenAnalysis;
  readonly terms: readonly TermsRow[];
  readonly simulation?: SimulationResult;
}

function checkProposals(proposals: readonly LoadedContract[], forecast: ForecastModel): void {
  const problems: Problem[] = [];
  if (proposals.length === 0) problems.push({ message: 'no proposals to compare', hint: 'name one or more .contract.yaml files' });
  const seen = new Map<string, string>();
  for (const p of proposals) {
    const earlier = seen.get(p.contract.id);
    if (earlier) problems.push({ message: `${p.file} and ${earlier} both have id ${p.contract.id}`, file: p.file, path: ['id'], hint: 'give each proposal its own id' });
    seen.set(p.contract.id, p.file);
  }
  const currencies = [...new Set(proposals.map((p) => p.contract.currency))];
  if (currencies.length > 1) problems.push({ message: `the proposals are priced in ${currencies.join(' and ')}`, path: ['currency'], hint: 'convert them to one currency first; SupportPact does not exchange currencies' });
  if (forecast.months.length === 0) problems.push({ message: 'the forecast has no months', hint: 'give months: 12 or more' });
  if (problems.length > 0) throw new SupportPactError('USAGE', problems.length === 1 ? problems[0]!.message : `${problems.length} problems with the comparison's inputs`, { problems });
}

/**
 * `compareProposalCosts([northstar, bayline, draft], forecast, { simulate: { paths: 10000, seed: 1 } })`
 * prices each proposal over the forecast's months and ranks them; identical inputs give
 * identical results, the simulation included (it is seeded).
 */
export function compareProposalCosts(proposals: readonly LoadedContract[], forecast: ForecastModel, options: { simulate?: SimulationOptions } = {}): ProposalComparison {
  checkProposals(proposals, forecast);
  const ids = new Set(proposals.map((p) => p.contract.id));
  // A forecast shared between comparisons may name proposals left out of this one: said, not an error.
  const absent = Object.keys(forecast.performance?.byProposal ?? {}).filter((id) => !ids.has(id));
  const assumptions = absent.length === 0 ? forecast.assumptions : [...forecast.assumptions, `The performance assumption also names ${absent.join(', ')}, not among the proposals compared here.`];
  const prepared = proposals.map((p) => prepareProposal(p, forecast));
  const projections = prepared.map((p) => projectCosts(p, forecast));
  const models = prepared.map(compileCostModel);
  const order = projections.map((p, i) => ({ id: prepared[i]!.contract.id, total: p.totals.total.minor })).sort((a, b) => (a.total < b.total ? -1 : a.total > b.total ? 1 : a.id.localeCompare(b.id)));
  const ranking: string[][] = [];
  order.forEach((entry, i) => {
    if (i > 0 && entry.total === order[i - 1]!.total) ranking[ranking.length - 1]!.push(entry.id);
    else ranking.push([entry.id]);
  });
  const ticketsByMonth = forecast.expected.map((row) => row.reduce((a, b) => a + b, 0));
  const priorities = [...new Set(forecast.cells.map((c) => c.priority))];
  const channels = [...new Set(forecast.cells.map((c) => c.channel))];
  return {
    forecast: {
      title: forecast.title,
      basis: forecast.basis,
      months: forecast.months,
      ticketsByMonth,
      totalTickets: ticketsByMonth.reduce((a, b) => a + b, 0),
      priorities,
      channels,
      assumptions,
    },
    currency: prepared[0]!.currency,
    proposals: prepared.map((p, i) => ({
      id: p.contract.id,
      title: p.contract.title,
      file: p.loaded.file,
      vendor: p.contract.parties.vendor.name,
      projection: projections[i]!,
      notes: [...p.notes, ...p.performance.notes],
    })),
    ranking,
    breakEven: findBreakEvens(models, forecast),
    terms: compareTerms(proposals, priorities, channels),
    ...(options.simulate ? { simulation: simulateCosts(models, forecast, options.simulate) } : {}),
  };
}
