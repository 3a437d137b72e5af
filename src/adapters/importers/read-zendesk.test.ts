import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fixturePath, importBytes, importFixture, timeline } from './test-support/import-fixture.js';

const page = 'zendesk/incremental-page.json';
const utc = (iso: string): number => Date.parse(iso) / 1000;

describe('readZendesk', () => {
  it('replays audits: reply, pending pause, customer reply, priority change, solve, reopen, close', async () => {
    const { events } = await importFixture('zendesk', page);
    expect(timeline(events, '1001')).toEqual([
      'created',
      'internal_note',
      'agent_replied',
      'status_changed:open',
      'assigned',
      'status_changed:pending_customer',
      'customer_replied',
      'status_changed:open',
      'priority_changed:urgent',
      'agent_replied',
      'solved',
      'customer_replied',
      'reopened',
      'solved',
      'closed',
    ]);
  });

  it('takes the priority at creation from the Create event, not the current one, and keeps it raw', async () => {
    const { headers, events } = await importFixture('zendesk', page);
    expect(headers[0]).toEqual({ ticket: '1001', createdAt: utc('2027-03-01T17:15:00Z'), rawPriority: 'high', channel: 'email', category: 'incident', sourceSla: { firstResponseMet: true } });
    expect(events[0]).toMatchObject({ kind: 'created', priority: 'high', id: 'zendesk:1001:created' });
  });

  it('makes a private comment an internal note, and never a reply; the opening comment is part of created', async () => {
    const { events } = await importFixture('zendesk', page);
    const note = events.find((e) => e.ticket === '1001' && e.kind === 'internal_note')!;
    expect(note).toMatchObject({ at: utc('2027-03-01T17:40:00Z'), id: 'zendesk:event/90021:internal_note' });
    const firstReply = events.find((e) => e.ticket === '1001' && e.kind === 'agent_replied')!;
    expect(firstReply.at).toBe(utc('2027-03-01T18:05:00Z'));
    expect(events.filter((e) => e.ticket === '1001' && e.kind === 'customer_replied').map((e) => e.at)).toEqual([utc('2027-03-02T16:30:00Z'), utc('2027-03-03T17:00:00Z')]);
  });

  it('maps hold to on_hold_third_party and counts an admin as an agent', async () => {
    const { events, headers } = await importFixture('zendesk', page);
    expect(timeline(events, '1002')).toEqual(['created', 'agent_replied', 'status_changed:on_hold_third_party', 'status_changed:open', 'solved']);
    expect(headers[1]!.sourceSla).toEqual({ firstResponseMet: false });
  });

  it('falls back to metric_sets for a ticket without audits, and says so', async () => {
    const { events, notices } = await importFixture('zendesk', page);
    expect(events.filter((e) => e.ticket === '1003').map((e) => [e.kind, e.at])).toEqual([
      ['created', utc('2027-03-06T08:00:00Z')],
      ['agent_replied', utc('2027-03-06T08:42:00Z')],
      ['solved', utc('2027-03-06T12:00:00Z')],
    ]);
    expect(notices).toEqual([expect.stringMatching(/1 ticket\(s\) came without audits/)]);
  });

  it('reports each dropped item with its JSON path and reason', async () => {
    const { skips, summary } = await importFixture('zendesk', page);
    expect(skips.map((s) => [s.path, s.field, s.reason])).toEqual([
      ['audits[13]', 'created_at', 'not an ISO-8601 instant'],
      ['audits[12].events[0]', 'author_id', "comment author's role unknown (side-load users: include=users)"],
      ['audits[14].events[1]', 'priority', 'priority removed (no raw value to keep)'],
      ['tickets[3]', 'status', 'deleted ticket: dropped'],
      ['audits[16]', 'ticket_id', 'audit of a ticket that is not in this page'],
    ]);
    expect(summary).toMatchObject({ rowsRead: 1, tickets: 3, events: 23, skipped: 5, zone: { basis: 'offsets' } });
  });

  it('reads a gzipped page, and a page per line, with identical ids', async () => {
    const bytes = readFileSync(fixturePath(page));
    const plain = await importBytes('zendesk', bytes, { fileName: 'page.json' });
    const gzipped = await importBytes('zendesk', gzipSync(bytes), { fileName: 'page.json' });
    const asLine = await importBytes('zendesk', Buffer.from(`${JSON.stringify(JSON.parse(bytes.toString('utf8')))}\n`), { fileName: 'page.json' });
    expect(gzipped.events).toEqual(plain.events);
    expect(asLine.events.map((e) => e.id)).toEqual(plain.events.map((e) => e.id));
  });

  it('skips a document that is not an export page', async () => {
    const { skips } = await importBytes('zendesk', Buffer.from('{"users":[]}\n'), { fileName: 'x.json' });
    expect(skips).toEqual([{ type: 'skip', line: 1, reason: 'not a Zendesk export page (no tickets array)' }]);
  });
});
