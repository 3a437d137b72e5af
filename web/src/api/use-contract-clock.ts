import type { ClockList, Scorecard } from './api-types.js';
import { contractPath } from './api-client.js';
import { useApi, type Load } from './use-api.js';
import { monthOf } from '../format/format.js';

export interface ContractClock {
  /** The server's "now" (its clock, or the demo's fixed instant): month-to-date means up to here. */
  readonly asOf: string;
  /** The contract's IANA zone: every instant is shown in it. */
  readonly zone: string;
  /** The current service month in the contract's zone, `YYYY-MM`. */
  readonly month: string;
}

/**
 * The server's now and the contract's zone, from two cheap reads: the clock list of a month
 * with no tickets (only its `asOf`), then the month-to-date scorecard (its `zone`). The
 * dashboard never uses the browser's clock for figures: the server decides what "now" is.
 */
export function useContractClock(contractId: string): Load<ContractClock> {
  // 2000-01 lies before any contract here: the answer carries asOf and no tickets.
  const probe = useApi<ClockList>(`${contractPath(contractId, 'clocks')}?month=2000-01&limit=1`);
  const utcMonth = probe.status === 'ok' ? probe.data.asOf.slice(0, 7) : null;
  const card = useApi<Scorecard>(utcMonth ? contractPath(contractId, 'scorecards', utcMonth) : null);
  if (probe.status !== 'ok') return probe;
  if (card.status !== 'ok') return card;
  const zone = card.data.zone;
  return { status: 'ok', data: { asOf: probe.data.asOf, zone, month: monthOf(probe.data.asOf, zone) } };
}
