import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SupportPactError } from '../../domain/errors/index.js';
import { eventKinds, ticketStatuses, type TicketEvent } from '../../domain/tickets/index.js';
import { chunkCopyLine, eventsOfChunksJson, eventTupleOf, firstChunksCopyText, groupEventTuples, type EventTuple } from './ticket-event-chunks.js';

const text = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '\\', '\t', '\n', '\r', '"', 'N', 'é', '\uffef', '😀'), maxLength: 6 });
const event = (ticket: fc.Arbitrary<string>): fc.Arbitrary<TicketEvent> =>
  fc.record(
    {
      ticket,
      at: fc.integer({ min: 1_800_000_000, max: 1_800_000_005 }),
      kind: fc.constantFrom(...eventKinds),
      id: text.filter((id) => id !== ''),
      priority: text,
      status: fc.constantFrom(...ticketStatuses),
      channel: text,
      category: text,
      technology: text,
      actor: text,
      source: text,
      seq: fc.nat({ max: 3 }),
    },
    { requiredKeys: ['ticket', 'at', 'kind', 'id'] },
  );

/** The obvious order: instant, seq (missing last), then the id's UTF-8 bytes (PostgreSQL's "C" collation). */
function slowCompare(a: TicketEvent, b: TicketEvent): number {
  if (a.at !== b.at) return a.at - b.at;
  const sa = a.seq ?? Infinity;
  const sb = b.seq ?? Infinity;
  if (sa !== sb) return sa < sb ? -1 : 1;
  return Buffer.compare(Buffer.from(a.id, 'utf8'), Buffer.from(b.id, 'utf8'));
}

/** Undoes COPY-text escaping of one cell. */
function decodeCopyCell(cell: string): string {
  return cell.replace(/\\(.)/g, (_, c: string) => (c === 't' ? '\t' : c === 'n' ? '\n' : c === 'r' ? '\r' : c));
}

describe('ticket event chunks', () => {
  it('group a write by ticket, keep the first of repeated ids, sort each ticket, and read back the same events (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(event(fc.constantFrom('T-1', 'T-2', 'T\t3')), { maxLength: 30 }), async (events) => {
        const groups = await groupEventTuples(events);
        for (const [ticket, tuples] of groups) {
          const expected: TicketEvent[] = [];
          const seen = new Set<string>();
          for (const e of events) if (e.ticket === ticket && !seen.has(e.id)) (seen.add(e.id), expected.push(e));
          expected.sort(slowCompare);
          expect(eventsOfChunksJson(ticket, `[${JSON.stringify(tuples)}]`)).toEqual(expected);
        }
        expect([...groups.keys()].sort()).toEqual([...new Set(events.map((e) => e.ticket))].sort());
      }),
    );
  });

  it('merge a ticket\'s chunks in stored order, whatever order they were written in (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(event(fc.constant('T-1')), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 4 }), async (writes) => {
        const chunks: EventTuple[][] = [];
        const seen = new Set<string>();
        const all: TicketEvent[] = [];
        for (const write of writes) {
          const fresh = [...((await groupEventTuples(write)).get('T-1') ?? [])].filter((tuple) => !seen.has(tuple[0]));
          for (const tuple of fresh) seen.add(tuple[0]);
          if (fresh.length > 0) chunks.push(fresh);
        }
        for (const write of writes) for (const e of write) if (!all.some((kept) => kept.id === e.id)) all.push(e);
        all.sort(slowCompare);
        expect(eventsOfChunksJson('T-1', JSON.stringify(chunks))).toEqual(all);
      }),
    );
  });

  it('write a chunk as one COPY-text line whose events cell decodes to the JSON of its tuples (property)', async () => {
    await fc.assert(
      fc.asyncProperty(text, fc.array(event(fc.constant('T\\1\t')), { minLength: 1, maxLength: 8 }), async (contractId, events) => {
        const tuples = (await groupEventTuples(events)).get('T\\1\t')!;
        const text = await firstChunksCopyText(contractId, new Map([['T\\1\t', tuples]]));
        expect(text.endsWith('\n')).toBe(true);
        const cells = text.slice(0, -1).split('\t');
        expect(cells).toHaveLength(5);
        expect(cells.map(decodeCopyCell)).toEqual([contractId, 'T\\1\t', '0', String(tuples.length), JSON.stringify(tuples)]);
        expect(chunkCopyLine(cells[0]!, 'T\\1\t', 3, tuples).split('\t')[2]).toBe('3');
      }),
    );
  });

  it('refuse what the store must never hold, naming the ticket, the event and the field', async () => {
    const base: TicketEvent = { ticket: 'T-1', at: 1803859200, kind: 'created', id: 'e-1' };
    const refusal = (bad: TicketEvent): SupportPactError => {
      try {
        eventTupleOf(bad);
      } catch (error) {
        return error as SupportPactError;
      }
      throw new Error('accepted');
    };
    expect(refusal({ ...base, at: 1803859200.5 }).message).toBe('ticket T-1 event e-1: at must be a whole number (epoch seconds), got 1803859200.5.');
    expect(refusal({ ...base, seq: 1.5 }).message).toMatch(/seq must be a whole number, got 1.5/);
    expect(refusal({ ...base, kind: 'escalated' as never }).message).toMatch(/kind is not an event kind: "escalated"/);
    const status = refusal({ ...base, status: 'waiting' as never });
    expect(status.code).toBe('EVENTS_INVALID');
    expect(status.problems[0]).toMatchObject({ path: ['ticket', 'T-1', 'event', 'e-1', 'status'], hint: expect.stringContaining('pending_customer') });
    expect(refusal({ ...base, id: '' }).message).toMatch(/id is empty/);
    await expect(groupEventTuples([base, { ...base, id: 'e-2', at: Number.NaN }])).rejects.toThrow(/e-2: at must be a whole number/);
  });
});
