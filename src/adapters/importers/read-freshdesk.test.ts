import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fixturePath, importBytes, importFixture, timeline } from './test-support/import-fixture.js';

const api = 'freshdesk/tickets-api.json';
const csv = 'freshdesk/tickets-export.csv';
const utc = (iso: string): number => Date.parse(iso) / 1000;

describe('readFreshdesk (API JSON)', () => {
  it('replays activities and conversations: pending pause, priority change, solve, reopen', async () => {
    const { events } = await importFixture('freshdesk', api);
    expect(timeline(events, '201')).toEqual([
      'created',
      'assigned',
      'internal_note',
      'agent_replied',
      'status_changed:pending_customer',
      'customer_replied',
      'status_changed:open',
      'internal_note',
      'priority_changed:3',
      'agent_replied',
      'solved',
      'reopened',
      'solved',
    ]);
  });

  it('keeps priority codes raw, the one at creation from the new_ticket activity, and names the source channel', async () => {
    const { headers, summary } = await importFixture('freshdesk', api);
    expect(headers[0]).toEqual({ ticket: '201', createdAt: utc('2027-03-01T17:15:00Z'), rawPriority: '2', channel: 'email', category: 'Incident', sourceSla: { firstResponseMet: true, resolutionMet: false } });
    expect(summary.rawPriorities.map((p) => p.value)).toEqual(['1', '2', '3']);
  });

  it('treats private and public notes as internal notes and an incoming message as the customer', async () => {
    const { events } = await importFixture('freshdesk', api);
    expect(events.filter((e) => e.id.startsWith('freshdesk:conversation/')).map((e) => [e.id, e.kind])).toEqual([
      ['freshdesk:conversation/3001', 'internal_note'],
      ['freshdesk:conversation/3002', 'agent_replied'],
      ['freshdesk:conversation/3003', 'customer_replied'],
      ['freshdesk:conversation/3004', 'internal_note'],
      ['freshdesk:conversation/3006', 'agent_replied'],
    ]);
  });

  it('skips a custom status unless statusMap names it', async () => {
    const without = await importFixture('freshdesk', api);
    expect(without.skips.find((s) => s.path === 'activities_data[4]')).toMatchObject({ field: 'status', value: '6' });
    const mapped = await importFixture('freshdesk', api, { statusMap: { '6': 'on_hold_third_party' } });
    expect(timeline(mapped.events, '201').slice(7, 10)).toEqual(['internal_note', 'status_changed:on_hold_third_party', 'status_changed:open']);
  });

  it('derives status events from stats when a ticket has no activities', async () => {
    const { events, notices } = await importFixture('freshdesk', api);
    expect(events.filter((e) => e.ticket === '202').map((e) => [e.kind, e.status, e.at])).toEqual([
      ['created', undefined, utc('2027-03-04T15:00:00Z')],
      ['agent_replied', undefined, utc('2027-03-04T15:20:00Z')],
      ['solved', undefined, utc('2027-03-05T10:00:00Z')],
      ['reopened', undefined, utc('2027-03-05T16:00:00Z')],
      ['status_changed', 'pending_customer', utc('2027-03-06T09:00:00Z')],
    ]);
    expect(notices).toEqual([expect.stringMatching(/1 ticket\(s\) came without activities/)]);
  });

  it('reports spam, bad dates, forwards and orphan conversations with their paths', async () => {
    const { skips } = await importFixture('freshdesk', api);
    expect(skips.map((s) => [s.path, s.field, s.reason])).toEqual([
      ['conversations[4]', 'source', 'conversation is neither a reply nor a note'],
      ['activities_data[9]', 'performed_at', 'not a date-time in a known format'],
      ['activities_data[4]', 'status', 'unknown status (map custom Freshdesk statuses with statusMap)'],
      ['tickets[2]', 'spam', 'spam or deleted ticket: dropped'],
      ['tickets[3]', 'created_at', 'slash date with day and month order unknown (--date-order dmy|mdy)'],
      ['conversations[6]', 'ticket_id', 'belongs to a ticket that is not in this document'],
    ]);
  });

  it('reads gzipped input with identical ids', async () => {
    const bytes = readFileSync(fixturePath(api));
    const plain = await importBytes('freshdesk', bytes, { fileName: 'api.json' });
    const gzipped = await importBytes('freshdesk', gzipSync(bytes), { fileName: 'api.json' }, 5);
    expect(gzipped.records).toEqual(plain.records);
  });
});

describe('readFreshdesk (UI CSV export)', () => {
  it('reads a snapshot per ticket with priority and source names kept raw', async () => {
    const { headers, events } = await importFixture('freshdesk', csv, { zone: 'America/Los_Angeles' });
    expect(headers[0]).toEqual({ ticket: '301', createdAt: utc('2027-03-01T17:15:00Z'), rawPriority: 'Urgent', channel: 'Email', category: 'Incident', technology: 'Microsoft 365', sourceSla: { firstResponseMet: false, resolutionMet: true } });
    expect(timeline(events, '301')).toEqual(['created', 'agent_replied', 'solved', 'closed']);
    expect(timeline(events, '302')).toEqual(['created', 'agent_replied']);
  });

  it('reports bad rows by line, after a multi-line description', async () => {
    const { skips, summary } = await importFixture('freshdesk', csv, { zone: 'America/Los_Angeles' });
    expect(skips.map((s) => [s.line, s.field])).toEqual([
      [5, 'Created time'],
      [6, 'Ticket ID'],
    ]);
    expect(summary).toMatchObject({ rowsRead: 4, tickets: 2, zone: { basis: 'assumed' } });
  });

  it('fails at the first local time when no zone was given, naming the line', async () => {
    await expect(importFixture('freshdesk', csv)).rejects.toMatchObject({ code: 'USAGE', problems: [{ line: 2, path: ['Created time'] }] });
  });

  it('reads gzipped input with identical records', async () => {
    const bytes = readFileSync(fixturePath(csv));
    const plain = await importBytes('freshdesk', bytes, { fileName: 'e.csv', zone: 'UTC' });
    const gzipped = await importBytes('freshdesk', gzipSync(bytes), { fileName: 'e.csv', zone: 'UTC' });
    expect(gzipped.records).toEqual(plain.records);
  });
});
