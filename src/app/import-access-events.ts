import type { StoreSession, StoredAccessEvent } from './ports/index.js';
import { loadStoredContract } from './load-stored-contract.js';

/** What an access-event reader yields: an event, a bad row to report, a note about the file, the end. */
export type AccessImportItem =
  | { readonly type: 'access-event'; readonly event: StoredAccessEvent; readonly line?: number }
  | { readonly type: 'skip'; readonly line?: number; readonly field?: string; readonly reason: string; readonly value?: string }
  | { readonly type: 'notice'; readonly code: string; readonly message: string }
  | { readonly type: 'end'; readonly rowsRead: number };

export interface ImportAccessEventsRequest {
  readonly contractId: string;
  readonly items: AsyncIterable<AccessImportItem>;
  readonly fileName: string;
  readonly now: number;
  readonly actor: string;
  /** Events written per statement (default 1,000). */
  readonly batchSize?: number;
}

/** Bad rows of one reason: how many, and the first lines (up to 20). */
export interface AccessSkipGroup {
  readonly reason: string;
  readonly field?: string;
  readonly count: number;
  readonly lines: readonly number[];
  readonly example?: string;
}

export interface ImportedAccessEvents {
  readonly rowsRead: number;
  readonly received: number;
  readonly newEvents: number;
  /** Events already stored (a re-import): received - newEvents. */
  readonly duplicates: number;
  readonly skipped: readonly AccessSkipGroup[];
  readonly notices: readonly string[];
}

const linesShown = 20;

/**
 * Stores a file's data-access events for a contract in one transaction, streamed in batches,
 * with one audit entry when anything was new; re-importing the same file stores nothing and
 * writes no entry. Bad rows are not stored: they come back grouped by reason with their lines.
 */
export async function importAccessEvents(store: StoreSession, request: ImportAccessEventsRequest): Promise<ImportedAccessEvents> {
  // Fails with the stored ids before a byte of the file is read.
  await loadStoredContract(store, request.contractId);
  const batchSize = request.batchSize ?? 1000;
  const skips = new Map<string, { reason: string; field?: string; count: number; lines: number[]; example?: string }>();
  const notices: string[] = [];
  let rowsRead = 0;
  let received = 0;
  const newEvents = await store.transaction(async (session) => {
    let added = 0;
    let batch: StoredAccessEvent[] = [];
    const flush = async () => {
      if (batch.length > 0) added += await session.accessEvents.writeAccessEvents(request.contractId, batch);
      batch = [];
    };
    for await (const item of request.items) {
      if (item.type === 'access-event') {
        received++;
        batch.push(item.event);
        if (batch.length >= batchSize) await flush();
      } else if (item.type === 'skip') {
        const key = `${item.reason}|${item.field ?? ''}`;
        const group = skips.get(key) ?? { reason: item.reason, ...(item.field ? { field: item.field } : {}), count: 0, lines: [], ...(item.value !== undefined ? { example: item.value } : {}) };
        group.count++;
        if (item.line !== undefined && group.lines.length < linesShown) group.lines.push(item.line);
        skips.set(key, group);
      } else if (item.type === 'notice') notices.push(item.message);
      else rowsRead = item.rowsRead;
    }
    await flush();
    if (added > 0) {
      await session.audit.appendAudit({
        contractId: request.contractId,
        at: request.now,
        actor: request.actor,
        action: 'access.events-imported',
        subject: request.fileName,
        payload: { received, newEvents: added, skippedRows: [...skips.values()].reduce((n, g) => n + g.count, 0) },
      });
    }
    return added;
  });
  return { rowsRead, received, newEvents, duplicates: received - newEvents, skipped: [...skips.values()], notices };
}
