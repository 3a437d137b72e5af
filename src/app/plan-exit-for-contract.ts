import type { StoreSession } from './ports/index.js';
import { planExit, type ExitPlan, type Party, type TerminationGround } from '../domain/lifecycle/index.js';
import type { LocalDate } from '../domain/time/index.js';
import { loadStoredContract } from './load-stored-contract.js';

export interface ExitPlanRequest {
  readonly contractId: string;
  readonly noticeOn: LocalDate;
  /** How the contract is ending; without it, give `effectiveOn`. */
  readonly ground?: TerminationGround;
  /** The party giving notice (picks the convenience clause). */
  readonly by?: Party;
  /** An agreed effective date: wins over the computed one. */
  readonly effectiveOn?: LocalDate;
  readonly asOf: LocalDate;
}

/**
 * The exit checklist of a stored contract with the progress recorded so far: Northstar, client
 * convenience notice on 2027-05-01, is effective 2027-07-30; data return is due 2027-08-29,
 * deletion and its certificate 2027-09-13, four knowledge-transfer sessions to 2027-09-28.
 */
export async function planExitForContract(store: StoreSession, request: ExitPlanRequest): Promise<ExitPlan & { contractId: string; contractVersion: number }> {
  const { loaded, version } = await loadStoredContract(store, request.contractId, { on: request.noticeOn });
  const progress = await store.exitProgress.listExitProgress(request.contractId);
  const plan = planExit(
    loaded.contract,
    { noticeOn: request.noticeOn, ...(request.ground ? { ground: request.ground } : {}), ...(request.by ? { by: request.by } : {}), ...(request.effectiveOn ? { effectiveOn: request.effectiveOn } : {}) },
    request.asOf,
    progress.map(({ item, doneOn, evidence }) => ({ item, doneOn, evidence })),
  );
  return { ...plan, contractId: request.contractId, contractVersion: version.version };
}
