import type { ExitProgress } from '../../domain/lifecycle/index.js';

/** A record that an exit item was done, with when it was recorded. */
export interface StoredExitProgress extends ExitProgress {
  /** Epoch seconds. */
  readonly recordedAt: number;
}

export interface ExitProgressStore {
  /**
   * Stores that `item` was done on `doneOn`: `created` for a new (item, day), `updated` when
   * that day's evidence changed, `unchanged` when the same record is stored already.
   */
  saveExitProgress(contractId: string, progress: StoredExitProgress): Promise<'created' | 'updated' | 'unchanged'>;
  /** Ordered by item, then day. */
  listExitProgress(contractId: string): Promise<StoredExitProgress[]>;
}
