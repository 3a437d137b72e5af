import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Outage, TicketEvent, TicketHeader, VendorReportDelivery } from '../../../domain/tickets/index.js';
import type { ImportOptions, ImportRecord, ImportSource, SkipRecord } from '../import-types.js';
import { ImportSummaryAccumulator, type ImportSummary } from '../import-summary.js';
import { readImport } from '../read-import.js';

/** `test/fixtures/importers` at the repository root. */
export const fixturesDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../test/fixtures/importers');

export function fixturePath(relative: string): string {
  return join(fixturesDir, relative);
}

export interface ImportResult {
  readonly records: ImportRecord[];
  readonly summary: ImportSummary;
  readonly events: TicketEvent[];
  readonly headers: TicketHeader[];
  readonly skips: SkipRecord[];
  readonly outages: Outage[];
  readonly reports: VendorReportDelivery[];
  readonly notices: string[];
}

/** Bytes as a stream of small chunks, so every reader meets lines and characters split across chunks. */
export async function* inChunks(bytes: Uint8Array, size = 7): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield Buffer.from(bytes.subarray(i, i + size));
}

/** Reads bytes through `readImport` and collects every record and the summary. */
export async function importBytes(source: ImportSource, bytes: Uint8Array, options: ImportOptions, chunkSize = 7): Promise<ImportResult> {
  const accumulator = new ImportSummaryAccumulator(source, options);
  const records: ImportRecord[] = [];
  for await (const record of readImport(source, inChunks(bytes, chunkSize), options)) {
    accumulator.add(record);
    records.push(record);
  }
  return {
    records,
    summary: accumulator.summary(),
    events: records.flatMap((r) => (r.type === 'event' ? [r.event] : [])),
    headers: records.flatMap((r) => (r.type === 'ticket' ? [r.header] : [])),
    skips: records.filter((r): r is SkipRecord => r.type === 'skip'),
    outages: records.flatMap((r) => (r.type === 'outage' ? [r.outage] : [])),
    reports: records.flatMap((r) => (r.type === 'vendor-report' ? [r.report] : [])),
    notices: records.flatMap((r) => (r.type === 'notice' ? [r.message] : [])),
  };
}

/** Imports a fixture file (path under `test/fixtures/importers`). */
export function importFixture(source: ImportSource, relative: string, options: Partial<ImportOptions> = {}): Promise<ImportResult> {
  return importBytes(source, readFileSync(fixturePath(relative)), { fileName: relative.split('/').pop()!, ...options });
}

/** The events of one ticket as `kind` or `kind:status` / `kind:priority`, in stream order. */
export function timeline(events: readonly TicketEvent[], ticket: string): string[] {
  return events
    .filter((e) => e.ticket === ticket)
    .map((e) => (e.kind === 'status_changed' ? `${e.kind}:${e.status}` : e.priority !== undefined && e.kind !== 'created' ? `${e.kind}:${e.priority}` : e.kind));
}
