import { contractPath } from './api-client.js';
import { useApi, type Load } from './use-api.js';
import { monthOf } from '../format/format.js';

/** The answer of `GET /contracts/:id/clock`. */
interface ClockAnswer {
  readonly contractId: string;
  readonly zone: string;
  readonly asOf: string;
}

export interface ContractClock {
  /** The server's "now" (its clock, or the demo's fixed instant): month-to-date means up to here. */
  readonly asOf: string;
  /** The contract's IANA zone: every instant is shown in it. */
  readonly zone: string;
  /** The current service month in the contract's zone, `YYYY-MM`. */
  readonly month: string;
}

/**
 * The server's now and the contract's zone, from `GET /contracts/:id/clock` (every role may
 * ask). The dashboard never uses the browser's clock for figures: the server decides what
 * "now" is.
 */
export function useContractClock(contractId: string): Load<ContractClock> {
  const clock = useApi<ClockAnswer>(contractPath(contractId, 'clock'));
  if (clock.status !== 'ok') return clock;
  const { asOf, zone } = clock.data;
  return { status: 'ok', data: { asOf, zone, month: monthOf(asOf, zone) } };
}
