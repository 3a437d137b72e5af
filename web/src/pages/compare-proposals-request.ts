/** The compare form's state, kept while the dashboard is open, and the request it makes. */
import type { Comparison } from '../api/api-types.js';
import { contractPath } from '../api/api-client.js';
import type { YamlSource } from '../components/yaml-source-field.js';

/** The API takes 1 to 10 proposals; comparing needs two. */
export const maxProposals = 10;
export const maxPaths = 100_000;

export interface ProposalEntry extends YamlSource {
  readonly key: number;
}

export interface ProposalsDraft {
  readonly proposals: readonly ProposalEntry[];
  readonly volumes: 'forecast' | 'history';
  readonly forecast: YamlSource;
  readonly historyContractId: string;
  readonly from: string;
  readonly to: string;
  readonly simulate: boolean;
  readonly paths: string;
  readonly seed: string;
  readonly missProbability: string;
  readonly result?: { readonly comparison: Comparison; readonly path: string; readonly body: Record<string, unknown> };
}

let nextKey = 1;
export const emptyProposal = (): ProposalEntry => ({ key: nextKey++, name: '', text: '' });

/**
 * The form and its last answer, kept while the dashboard is open: reading the forecast format
 * or switching to the backtest and coming back loses nothing. Never stored anywhere else.
 */
let kept: ProposalsDraft = {
  proposals: [emptyProposal(), emptyProposal()],
  volumes: 'forecast',
  forecast: { name: '', text: '' },
  historyContractId: '',
  from: '',
  to: '',
  simulate: false,
  paths: '10000',
  seed: '1',
  missProbability: '',
};

/** The request for the form, or what to fix first. */
export function requestOf(draft: ProposalsDraft): { path: string; body: Record<string, unknown> } | { problem: string } {
  const filled = draft.proposals.filter((p) => p.text.trim() !== '');
  if (filled.length < 2) return { problem: 'Give two or more proposals: choose their contract files or paste them.' };
  const proposals = filled.map((p, i) => ({ name: p.name.trim() || `proposal-${i + 1}.contract.yaml`, yaml: p.text }));
  const names = proposals.map((p) => p.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) return { problem: `Two proposals are named ${twice}: give each its own name, so every problem points at the right file.` };
  const body: Record<string, unknown> = { proposals };
  if (draft.missProbability.trim() !== '') body.missProbability = draft.missProbability.trim();
  if (draft.simulate) {
    const paths = Number(draft.paths);
    const seed = Number(draft.seed);
    if (!Number.isInteger(paths) || paths < 1 || paths > maxPaths) return { problem: `Simulated futures: a whole number from 1 to ${maxPaths.toLocaleString('en-US')}.` };
    if (!Number.isSafeInteger(seed)) return { problem: 'Seed: a whole number, such as 1.' };
    body.simulate = { paths, seed };
  }
  if (draft.volumes === 'forecast') {
    if (draft.forecast.text.trim() === '') return { problem: 'Give a forecast: choose a file, paste one, or start from the example.' };
    body.forecast = { name: draft.forecast.name.trim() || 'forecast.yaml', yaml: draft.forecast.text };
    return { path: '/compare', body };
  }
  if (draft.historyContractId === '') return { problem: 'Choose the contract whose ticket history gives the volumes.' };
  if (draft.from) body.from = draft.from;
  if (draft.to) body.to = draft.to;
  return { path: contractPath(draft.historyContractId, 'compare'), body };
}

export function keptProposalsDraft(): ProposalsDraft {
  return kept;
}

export function keepProposalsDraft(draft: ProposalsDraft): void {
  kept = draft;
}

/** A new proposal entry, keyed apart from every other (the key survives removing others). */
export function newProposalKey(): number {
  return nextKey++;
}
