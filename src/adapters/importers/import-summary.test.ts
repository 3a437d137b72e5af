import { describe, expect, it } from 'vitest';
import { ImportSummaryAccumulator, maxPlacesPerSkipGroup, problemsOfSkips } from './import-summary.js';
import type { ImportRecord } from './import-types.js';

const options = { fileName: 'events.jsonl' };

function summarise(records: readonly ImportRecord[]) {
  const accumulator = new ImportSummaryAccumulator('jsonl', options);
  for (const record of records) accumulator.add(record);
  return accumulator.summary();
}

describe('ImportSummaryAccumulator', () => {
  it('counts tickets, events by kind, raw priorities and the event time span', () => {
    const summary = summarise([
      { type: 'ticket', header: { ticket: 'T-1', createdAt: 100, rawPriority: 'high' } },
      { type: 'event', event: { ticket: 'T-1', at: 100, kind: 'created', id: 'a', priority: 'high' } },
      { type: 'event', event: { ticket: 'T-1', at: 50, kind: 'priority_changed', id: 'b', priority: 'Urgent ' } },
      { type: 'event', event: { ticket: 'T-1', at: 300, kind: 'agent_replied', id: 'c' } },
      { type: 'end', rowsRead: 3, instantsWithOffset: 3, instantsInGivenZone: 0 },
    ]);
    expect(summary).toMatchObject({ rowsRead: 3, tickets: 1, events: 3, eventsByKind: { created: 1, priority_changed: 1, agent_replied: 1 }, firstEventAt: 50, lastEventAt: 300, complete: true });
    expect(summary.rawPriorities).toEqual([{ value: 'high', count: 1 }, { value: 'Urgent ', count: 1 }]);
  });

  it('groups skips by field and reason with their first lines, and counts them all', () => {
    const skips: ImportRecord[] = Array.from({ length: 25 }, (_, i) => ({ type: 'skip', line: i + 2, field: 'at', reason: 'not an ISO-8601 instant', value: `bad-${i}` }));
    const summary = summarise([...skips, { type: 'skip', line: 40, field: 'kind', reason: 'unknown kind', value: 'x' }]);
    expect(summary.skipped).toBe(26);
    expect(summary.skips).toHaveLength(2);
    expect(summary.skips[0]).toMatchObject({ field: 'at', count: 25, example: 'bad-0' });
    expect(summary.skips[0]!.places).toHaveLength(maxPlacesPerSkipGroup);
    expect(summary.complete).toBe(false);
  });

  it('says whether instants took their offsets from the data, the given zone, or both', () => {
    const end = (withOffset: number, inZone: number): ImportRecord => ({ type: 'end', rowsRead: 1, instantsWithOffset: withOffset, instantsInGivenZone: inZone });
    expect(summarise([end(0, 0)]).zone.basis).toBe('none');
    expect(summarise([end(4, 0)]).zone.basis).toBe('offsets');
    expect(summarise([end(0, 4)]).zone.basis).toBe('assumed');
    expect(summarise([end(1, 4)]).zone.basis).toBe('mixed');
  });
});

describe('problemsOfSkips', () => {
  it('turns skips into located problems for an IMPORT_INVALID error', () => {
    const summary = summarise([
      { type: 'skip', line: 14, field: 'at', reason: 'not an ISO-8601 instant', value: '2027-13-01' },
      { type: 'skip', line: 1, path: 'tickets[3]', field: 'status', reason: 'deleted ticket: dropped', value: 'deleted' },
    ]);
    expect(problemsOfSkips(summary)).toEqual([
      { message: 'not an ISO-8601 instant', file: 'events.jsonl', path: ['at'], hint: 'value: 2027-13-01', line: 14 },
      { message: 'deleted ticket: dropped', file: 'events.jsonl', path: ['status'], hint: 'at tickets[3]; value: deleted', line: 1 },
    ]);
  });
});
