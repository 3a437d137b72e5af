import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenedStore } from '../adapters/store/open-store.js';
import { isSupportPactError } from '../domain/errors/index.js';
import { formatMoney } from '../domain/money/index.js';
import type { TicketEvent } from '../domain/tickets/index.js';
import { exampleContractPath, repoRoot } from '../../test/support/examples.js';
import { at, northstarId, openNorthstarStore } from '../../test/support/northstar-store.js';
import { backtestStoredTickets } from './backtest-proposal.js';
import { compareProposals } from './compare-proposals.js';
import { parseContract } from '../domain/contract/parse-contract.js';

const file = (name: 'northstar-tiered' | 'bayline-per-incident' | 'draft-with-gaps') => ({ file: `${name}.contract.yaml`, text: readFileSync(exampleContractPath(name), 'utf8') });
const forecast = { kind: 'file' as const, file: 'examples/forecast.yaml', text: readFileSync(join(repoRoot, 'examples', 'forecast.yaml'), 'utf8') };

let store: OpenedStore;

/** Tickets of northstar: `n` created on the 10th of each month, solved an hour later, by raw priority and channel. */
async function storeTickets(counts: Record<string, number>): Promise<void> {
  const headers = [];
  const events: TicketEvent[] = [];
  for (const [month, n] of Object.entries(counts)) {
    for (let i = 0; i < n; i++) {
      const id = `T-${month}-${i}`;
      const createdAt = at(`${month}-10T10:00:00-08:00`) + i * 60;
      const rawPriority = i % 4 === 0 ? 'high' : 'normal';
      // As a helpdesk spells them: the contract's `email` and `phone`.
      const channel = i % 2 === 0 ? 'E-Mail' : 'Phone';
      headers.push({ ticket: id, createdAt, rawPriority, channel });
      events.push({ ticket: id, at: createdAt, kind: 'created', id: `${id}-c`, priority: rawPriority, channel }, { ticket: id, at: createdAt + 1800, kind: 'agent_replied', id: `${id}-r` }, { ticket: id, at: createdAt + 3600, kind: 'solved', id: `${id}-s` });
      // The eleventh ticket of a month is raised to urgent after creation.
      if (i === 10) events.push({ ticket: id, at: createdAt + 600, kind: 'priority_changed', id: `${id}-p`, priority: 'urgent' });
    }
  }
  await store.tickets.writeTickets(northstarId, headers, events);
}

beforeAll(async () => {
  store = await openNorthstarStore();
  await storeTickets({ '2027-02': 3, '2027-03': 40, '2027-04': 44, '2027-05': 36, '2027-06': 1 });
});
afterAll(async () => store.close());

describe('compareProposals', () => {
  it('prices the example proposals against the example forecast and ranks them, the same way every time', async () => {
    const input = { proposals: [file('northstar-tiered'), file('bayline-per-incident'), file('draft-with-gaps')], forecast };
    const comparison = await compareProposals(input);
    expect(comparison.ranking).toEqual([['quickfix-draft'], ['acme-northstar-2027'], ['bayline-helpdesk-2027']]);
    expect(comparison.forecast.months).toHaveLength(36);
    expect(await compareProposals(input)).toEqual(comparison);
  });

  it('replaces the forecast\'s miss chance with --miss-probability and says where it came from', async () => {
    const comparison = await compareProposals({ proposals: [file('bayline-per-incident')], forecast, missProbability: '20%' });
    expect(comparison.proposals[0]!.notes.join('\n')).toContain('misses independently in 20% of months');
    expect(comparison.proposals[0]!.notes.join('\n')).toContain('the --miss-probability option');
    expect(comparison.forecast.assumptions.at(-1)).toBe('The performance assumption also names acme-northstar-2027, not among the proposals compared here.');
    try {
      await compareProposals({ proposals: [file('bayline-per-incident')], forecast, missProbability: 'often' });
      expect.unreachable();
    } catch (error) {
      expect(isSupportPactError(error) && error.code).toBe('USAGE');
    }
  });

  it('takes volumes from stored tickets by raw priority and channel, leaving out thin edge months', async () => {
    const comparison = await compareProposals({ proposals: [file('northstar-tiered'), file('bayline-per-incident')], forecast: { kind: 'history', contractId: northstarId } }, { store });
    expect(comparison.forecast.months).toEqual(['2027-03', '2027-04', '2027-05']);
    expect(comparison.forecast.ticketsByMonth).toEqual([40, 44, 36]);
    // Priorities as last set and channels under the contract's names, as the scorecard and the invoice count them.
    expect(comparison.forecast.priorities).toEqual(['high', 'normal', 'urgent']);
    expect(comparison.forecast.channels).toEqual(['email', 'phone']);
    expect(comparison.forecast.assumptions.join('\n')).toContain('2027-02 (3 tickets)');
    // Northstar's minimum (9,000.00) binds at 40 tickets a month.
    expect(formatMoney(comparison.proposals[0]!.projection.months[0]!.fees, 'plain')).toBe('9000.00');
  });

  it('points at the forecast file line of a malformed field', async () => {
    try {
      await compareProposals({ proposals: [file('northstar-tiered')], forecast: { kind: 'file', file: 'bad.yaml', text: 'forecast: 1\nstart: 2027-1\nmonths: 3\nvolumes: { P1: 3 }\n' } });
      expect.unreachable();
    } catch (error) {
      expect(isSupportPactError(error) && error.problems[0]).toMatchObject({ file: 'bad.yaml', line: 2, path: ['start'] });
    }
  });

  it('refuses two proposals with the same id and proposals in different currencies', async () => {
    const euro = { file: 'euro.yaml', text: file('bayline-per-incident').text.replace('currency: USD', 'currency: EUR').replace('id: bayline-helpdesk-2027', 'id: bayline-eur') };
    for (const proposals of [[file('northstar-tiered'), file('northstar-tiered')], [file('bayline-per-incident'), euro]]) {
      try {
        await compareProposals({ proposals, forecast });
        expect.unreachable();
      } catch (error) {
        expect(isSupportPactError(error) && error.code).toBe('USAGE');
      }
    }
  });
});

describe('backtestStoredTickets', () => {
  it('gives the same figures streaming a given range as reading everything to find the months', async () => {
    const text = readFileSync(exampleContractPath('bayline-per-incident'), 'utf8');
    const proposal = { loaded: parseContract(text, 'bayline.yaml'), sha256: 'b'.repeat(64) };
    const found = await backtestStoredTickets(store, { proposal, contractId: northstarId });
    const given = await backtestStoredTickets(store, { proposal, contractId: northstarId, from: '2027-03', to: '2027-05' });
    expect(found.months).toEqual(['2027-03', '2027-04', '2027-05']);
    expect(given.proposal.totals).toEqual(found.proposal.totals);
    expect(given.current!.totals).toEqual(found.current!.totals);
    expect(found.current!.months[0]!.scorecard.volumes.created).toBe(40);
    // Bayline's own term starts 2027-03-01, so March is priced as it is.
    expect(found.proposal.notes.some((n) => n.includes('priced as if'))).toBe(false);
  });
});
