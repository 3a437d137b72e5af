import type { StoreSession, StoredExitProgress } from './ports/index.js';
import type { Problem } from '../domain/errors/index.js';
import { SupportPactError } from '../domain/errors/index.js';
import { planExit } from '../domain/lifecycle/index.js';
import { isLocalDate, type LocalDate } from '../domain/time/index.js';
import { loadStoredContract } from './load-stored-contract.js';

export interface RecordExitProgressRequest {
  readonly contractId: string;
  /** An exit item id: `data-return`, `knowledge-transfer-session-2`, `deliverable:runbooks`. */
  readonly item: string;
  readonly doneOn: LocalDate;
  readonly evidence: string;
  readonly now: number;
  readonly actor: string;
}

/** The ids of the contract's exit items (they do not depend on when the exit happens). */
function exitItemIds(contract: Parameters<typeof planExit>[0], on: LocalDate): string[] {
  return planExit(contract, { noticeOn: on, effectiveOn: on }, on).items.map((i) => i.id);
}

/**
 * Records that an exit item was done, with its evidence, and appends an audit entry:
 * `{ item: 'data-return', doneOn: '2027-08-20', evidence: 'export receipt #88' }`. The item
 * must be one of the contract's exit items; the same record again changes nothing, new
 * evidence for the same day replaces the old (both stay in the audit log).
 */
export async function recordExitProgress(store: StoreSession, request: RecordExitProgressRequest): Promise<{ progress: StoredExitProgress; outcome: 'created' | 'updated' | 'unchanged' }> {
  const problems: Problem[] = [];
  if (!isLocalDate(request.doneOn)) problems.push({ message: `${JSON.stringify(request.doneOn)} is not a date`, path: ['doneOn'], expected: 'YYYY-MM-DD' });
  if (request.evidence.trim() === '') problems.push({ message: 'the evidence is empty', path: ['evidence'], hint: 'say what proves it, e.g. "export receipt #88"' });
  if (problems.length > 0) throw new SupportPactError('USAGE', problems[0]!.message, { problems });
  const { loaded } = await loadStoredContract(store, request.contractId, { on: request.doneOn });
  const ids = exitItemIds(loaded.contract, request.doneOn);
  if (ids.length === 0) {
    throw new SupportPactError('USAGE', `${request.contractId} states no exit duties`, { problems: [{ message: 'the contract has no term.exit section', path: ['term', 'exit'], hint: 'add exit duties to the contract and store the new version' }] });
  }
  if (!ids.includes(request.item)) {
    throw new SupportPactError('USAGE', `"${request.item}" is not an exit item of ${request.contractId}`, { problems: [{ message: `unknown exit item "${request.item}"`, path: ['item'], expected: `one of ${ids.join(', ')}` }] });
  }
  const progress: StoredExitProgress = { item: request.item, doneOn: request.doneOn, evidence: request.evidence.trim(), recordedAt: request.now };
  return store.transaction(async (session) => {
    const outcome = await session.exitProgress.saveExitProgress(request.contractId, progress);
    if (outcome !== 'unchanged') {
      await session.audit.appendAudit({
        contractId: request.contractId,
        at: request.now,
        actor: request.actor,
        action: outcome === 'created' ? 'exit.progress-recorded' : 'exit.progress-updated',
        subject: `exit:${request.contractId}/${request.item}`,
        payload: { item: request.item, doneOn: request.doneOn, evidence: progress.evidence },
      });
    }
    return { progress, outcome };
  });
}
