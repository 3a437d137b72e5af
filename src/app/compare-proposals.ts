import type { StoreSession } from './ports/index.js';
import { loadStoredContract } from './load-stored-contract.js';
import {
  chooseDataMonths,
  compareProposalCosts,
  countCreatedByMonth,
  expandForecast,
  forecastFromHistory,
  parseForecast,
  type ForecastCell,
  type ForecastModel,
  type ProposalComparison,
  type SimulationOptions,
} from '../domain/compare/index.js';
import { parseContract, type LoadedContract } from '../domain/contract/parse-contract.js';
import { percentSchema } from '../domain/contract/values.js';
import { SupportPactError } from '../domain/errors/index.js';
import { contractChannelName } from '../domain/measures/index.js';
import { sortTicketEvents, type TicketEvent } from '../domain/tickets/index.js';
import { localDateOf } from '../domain/time/index.js';

/** Where the volumes come from: a forecast file's text, or the tickets stored for a contract. */
export type ForecastSource =
  | { readonly kind: 'file'; readonly file: string; readonly text: string }
  | { readonly kind: 'history'; readonly contractId: string; readonly from?: string; readonly to?: string };

export interface CompareProposalsInput {
  /** Proposal files (text and name), or contracts already loaded. */
  readonly proposals: readonly ({ readonly file: string; readonly text: string } | LoadedContract)[];
  readonly forecast: ForecastSource;
  /** `"5%"`: every measure's monthly miss chance, replacing the forecast's default (per-proposal figures stay). */
  readonly missProbability?: string;
  readonly simulate?: SimulationOptions;
}

function loadedOf(p: { readonly file: string; readonly text: string } | LoadedContract): LoadedContract {
  return 'contract' in p ? p : parseContract(p.text, p.file);
}

/** The forecast with `--miss-probability` as its default miss chance (said in the report). */
function withMissProbability(forecast: ForecastModel, text: string | undefined): ForecastModel {
  if (text === undefined) return forecast;
  const parsed = percentSchema.safeParse(text);
  if (!parsed.success) throw new SupportPactError('USAGE', `--miss-probability ${text} is not a percentage`, { problems: [{ message: `"${text}" is not a percentage from 0% to 100%`, path: ['--miss-probability'], hint: 'write --miss-probability 5%' }] });
  const performance = forecast.performance;
  return {
    ...forecast,
    performance: { missFraction: parsed.data.fraction, bonusFraction: performance?.bonusFraction ?? '0', byProposal: performance?.byProposal ?? {}, source: `the --miss-probability option${performance ? ` (over ${performance.source})` : ''}` },
  };
}

/** The raw priority of a ticket's latest event that sets one (creation or a change). */
function lastRawPriority(events: readonly TicketEvent[]): string | undefined {
  const sorted = sortTicketEvents(events);
  for (let i = sorted.length - 1; i >= 0; i--) if (sorted[i]!.priority !== undefined) return sorted[i]!.priority;
  return undefined;
}

/** Tickets created per month and (raw priority, channel) cell, from the store, over the chosen months. */
async function historyForecast(store: StoreSession, source: Extract<ForecastSource, { kind: 'history' }>): Promise<ForecastModel> {
  const { loaded } = await loadStoredContract(store, source.contractId);
  const zone = loaded.contract.timezone;
  const cellIndex = new Map<string, number>();
  const cells: ForecastCell[] = [];
  const created: { at: number; cell: number }[] = [];
  const contractChannels = Object.keys(loaded.contract.scope?.channels ?? {});
  for await (const stored of store.tickets.streamTickets(source.contractId)) {
    // As the scorecard and the invoice count them: the ticket's last raw priority, and its channel under the contract's name.
    const priority = lastRawPriority(stored.events) ?? stored.header.rawPriority ?? 'unspecified';
    const channel = stored.header.channel === undefined ? 'unspecified' : contractChannelName(contractChannels, stored.header.channel);
    const key = `${priority}\u0000${channel}`;
    let cell = cellIndex.get(key);
    if (cell === undefined) {
      cell = cells.length;
      cells.push({ priority, channel });
      cellIndex.set(key, cell);
    }
    created.push({ at: stored.header.createdAt, cell });
  }
  const chosen = chooseDataMonths(countCreatedByMonth(created.map((c) => c.at), zone), { ...(source.from ? { from: source.from } : {}), ...(source.to ? { to: source.to } : {}) });
  const row = new Map(chosen.months.map((m, i) => [m, i]));
  const counts = chosen.months.map(() => new Array<number>(cells.length).fill(0));
  for (const c of created) {
    const m = row.get(localDateOf(c.at, zone).slice(0, 7));
    if (m !== undefined) counts[m]![c.cell]! += 1;
  }
  const model = forecastFromHistory({ contractId: source.contractId, months: chosen.months, cells, counts });
  return { ...model, assumptions: [...model.assumptions, ...chosen.notes] };
}

/**
 * Compares vendor proposals on cost and terms: `await compareProposals({ proposals: [{ file,
 * text }, ...], forecast: { kind: 'file', file, text }, simulate: { paths: 10000, seed: 1 } })`,
 * or with `forecast: { kind: 'history', contractId }` and a store, on the volumes of stored
 * tickets. Throws the loaders' located errors for a malformed proposal or forecast.
 */
export async function compareProposals(input: CompareProposalsInput, deps: { readonly store?: StoreSession } = {}): Promise<ProposalComparison> {
  const proposals = input.proposals.map(loadedOf);
  let forecast: ForecastModel;
  if (input.forecast.kind === 'file') forecast = expandForecast(parseForecast(input.forecast.text, input.forecast.file), input.forecast.file);
  else {
    if (!deps.store) throw new SupportPactError('USAGE', 'volumes from history need the store', { problems: [{ message: 'no store was given for --from-history', hint: 'run with a data folder (--data) or DATABASE_URL' }] });
    forecast = await historyForecast(deps.store, input.forecast);
  }
  return compareProposalCosts(proposals, withMissProbability(forecast, input.missProbability), input.simulate ? { simulate: input.simulate } : {});
}
