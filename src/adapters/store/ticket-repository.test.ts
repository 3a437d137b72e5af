import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventKinds, ticketStatuses, type TicketEvent } from '../../domain/tickets/index.js';
import { encodeCopyText } from './copy-payload.js';
import { encodeEventCopyText } from './ticket-repository.js';
import { eventCopyRow } from './ticket-rows.js';

const text = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '\\', '\t', '\n', '\r', 'N', 'é', '😀'), maxLength: 6 });
const event: fc.Arbitrary<TicketEvent> = fc.record(
  {
    ticket: text,
    at: fc.integer({ min: -1e10, max: 1e10 }),
    kind: fc.constantFrom(...eventKinds),
    id: text,
    priority: text,
    status: fc.constantFrom(...ticketStatuses),
    channel: text,
    category: text,
    technology: text,
    actor: text,
    source: text,
    seq: fc.nat(),
  },
  { requiredKeys: ['ticket', 'at', 'kind', 'id'] },
);

describe('encodeEventCopyText', () => {
  it('writes the same COPY text as encoding eventCopyRow rows, for any events (property)', () => {
    fc.assert(
      fc.property(text, fc.array(event, { maxLength: 8 }), (contractId, events) => {
        expect(encodeEventCopyText(contractId, events)).toBe(encodeCopyText(events.map((e) => eventCopyRow(contractId, e))));
      }),
    );
  });

  it('refuses an instant or seq that is not a whole number, as eventCopyRow does', () => {
    const base: TicketEvent = { ticket: 'T-1', at: 1803859200, kind: 'created', id: 'e-1' };
    expect(() => encodeEventCopyText('c', [{ ...base, at: 1803859200.5 }])).toThrow(/at must be a whole number/);
    expect(() => encodeEventCopyText('c', [{ ...base, seq: 1.5 }])).toThrow(/seq must be a whole number/);
  });
});
