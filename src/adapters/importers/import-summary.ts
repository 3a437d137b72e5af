import type { Problem } from '../../domain/errors/index.js';
import type { EventKind } from '../../domain/tickets/index.js';
import type { ImportOptions, ImportRecord, ImportSource, RecordPlace } from './import-types.js';

/** Lines (or JSON paths) kept per skip reason; the count is always exact. */
export const maxPlacesPerSkipGroup = 20;

export interface SkipGroup {
  readonly reason: string;
  readonly field?: string;
  readonly count: number;
  /** Where the first skips for this reason were, in file order: a line, and for JSON sources a path. */
  readonly places: readonly RecordPlace[];
  /** The first offending value. */
  readonly example?: string;
}

/**
 * How instants got their offset. `offsets`: every instant carried one; `assumed`: every one
 * was local time placed in the given zone; `mixed`: both; `none`: no instant was read.
 */
export interface ZoneUse {
  readonly given?: string;
  readonly basis: 'offsets' | 'assumed' | 'mixed' | 'none';
  readonly instantsWithOffset: number;
  readonly instantsInGivenZone: number;
}

export interface ImportSummary {
  readonly source: ImportSource;
  readonly fileName: string;
  readonly rowsRead: number;
  readonly tickets: number;
  readonly events: number;
  readonly eventsByKind: Readonly<Partial<Record<EventKind, number>>>;
  readonly outages: number;
  readonly vendorReports: number;
  readonly skipped: number;
  readonly skips: readonly SkipGroup[];
  readonly zone: ZoneUse;
  /** Raw priorities on ticket headers and `priority_changed` events, with counts, most frequent first. */
  readonly rawPriorities: readonly { readonly value: string; readonly count: number }[];
  readonly notices: readonly string[];
  /** Earliest and latest event instants (epoch seconds). */
  readonly firstEventAt?: number;
  readonly lastEventAt?: number;
  /** False until the `end` record arrived (the reader stopped early or failed). */
  readonly complete: boolean;
}

interface MutableGroup {
  reason: string;
  field?: string;
  count: number;
  places: RecordPlace[];
  example?: string;
}

/** Tallies the records of one import as they stream past: `for await (r of records) summary.add(r)`. */
export class ImportSummaryAccumulator {
  private tickets = 0;
  private events = 0;
  private readonly eventsByKind: Partial<Record<EventKind, number>> = {};
  private outages = 0;
  private vendorReports = 0;
  private skipped = 0;
  private readonly groups = new Map<string, MutableGroup>();
  private readonly priorities = new Map<string, number>();
  private readonly notices: string[] = [];
  private firstEventAt: number | undefined;
  private lastEventAt: number | undefined;
  private end: Extract<ImportRecord, { type: 'end' }> | undefined;

  constructor(
    private readonly source: ImportSource,
    private readonly options: ImportOptions,
  ) {}

  add(record: ImportRecord): void {
    switch (record.type) {
      case 'ticket':
        this.tickets++;
        if (record.header.rawPriority !== undefined) this.countPriority(record.header.rawPriority);
        return;
      case 'event': {
        const { event } = record;
        this.events++;
        this.eventsByKind[event.kind] = (this.eventsByKind[event.kind] ?? 0) + 1;
        if (event.kind === 'priority_changed' && event.priority !== undefined) this.countPriority(event.priority);
        if (this.firstEventAt === undefined || event.at < this.firstEventAt) this.firstEventAt = event.at;
        if (this.lastEventAt === undefined || event.at > this.lastEventAt) this.lastEventAt = event.at;
        return;
      }
      case 'outage':
        this.outages++;
        return;
      case 'vendor-report':
        this.vendorReports++;
        return;
      case 'skip': {
        this.skipped++;
        const key = `${record.field ?? ''}\u0000${record.reason}`;
        let group = this.groups.get(key);
        if (!group) {
          group = { reason: record.reason, field: record.field, count: 0, places: [], example: record.value };
          this.groups.set(key, group);
        }
        group.count++;
        if (group.places.length < maxPlacesPerSkipGroup && (record.line !== undefined || record.path !== undefined)) {
          group.places.push(record.path === undefined ? { line: record.line } : record.line === undefined ? { path: record.path } : { line: record.line, path: record.path });
        }
        return;
      }
      case 'notice':
        this.notices.push(record.message);
        return;
      case 'end':
        this.end = record;
        return;
    }
  }

  summary(): ImportSummary {
    const withOffset = this.end?.instantsWithOffset ?? 0;
    const inZone = this.end?.instantsInGivenZone ?? 0;
    const basis = withOffset + inZone === 0 ? 'none' : inZone === 0 ? 'offsets' : withOffset === 0 ? 'assumed' : 'mixed';
    return {
      source: this.source,
      fileName: this.options.fileName,
      rowsRead: this.end?.rowsRead ?? 0,
      tickets: this.tickets,
      events: this.events,
      eventsByKind: { ...this.eventsByKind },
      outages: this.outages,
      vendorReports: this.vendorReports,
      skipped: this.skipped,
      skips: [...this.groups.values()].map((g) => ({ ...g, places: [...g.places] })),
      zone: { ...(this.options.zone ? { given: this.options.zone } : {}), basis, instantsWithOffset: withOffset, instantsInGivenZone: inZone },
      rawPriorities: [...this.priorities.entries()].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
      notices: [...this.notices],
      ...(this.firstEventAt === undefined ? {} : { firstEventAt: this.firstEventAt, lastEventAt: this.lastEventAt }),
      complete: this.end !== undefined,
    };
  }

  private countPriority(value: string): void {
    this.priorities.set(value, (this.priorities.get(value) ?? 0) + 1);
  }
}

/**
 * The skips of a summary as located problems, for an `IMPORT_INVALID` error: one per skipped
 * place kept (up to 20 per reason), e.g. `events.jsonl:14: at: not an ISO-8601 instant`.
 */
export function problemsOfSkips(summary: ImportSummary): Problem[] {
  const problems: Problem[] = [];
  for (const group of summary.skips) {
    const message = `${group.reason}${group.count > group.places.length ? ` (${group.count} in all)` : ''}`;
    const base = { message, file: summary.fileName, ...(group.field ? { path: [group.field] } : {}) };
    const hint = (path?: string): { hint?: string } => {
      const parts = [path === undefined ? undefined : `at ${path}`, group.example === undefined ? undefined : `value: ${group.example}`].filter((p) => p !== undefined);
      return parts.length > 0 ? { hint: parts.join('; ') } : {};
    };
    if (group.places.length === 0) problems.push({ ...base, ...hint() });
    for (const place of group.places) problems.push({ ...base, ...(place.line === undefined ? {} : { line: place.line }), ...hint(place.path) });
  }
  return problems;
}
