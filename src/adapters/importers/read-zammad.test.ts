import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fixturePath, importBytes, importFixture, timeline } from './test-support/import-fixture.js';

const dump = 'zammad/export.json';
const lines = 'zammad/tickets.jsonl';
const utc = (iso: string): number => Date.parse(iso) / 1000;

describe('readZammad', () => {
  it('replays history and articles: pending pause, priority change, close as solve, reopen', async () => {
    const { events } = await importFixture('zammad', dump);
    expect(timeline(events, '31011')).toEqual([
      'created',
      'assigned',
      'internal_note',
      'status_changed:open',
      'agent_replied',
      'status_changed:pending_customer',
      'status_changed:open',
      'customer_replied',
      'internal_note',
      'priority_changed:3 high',
      'solved',
      'reopened',
      'solved',
    ]);
  });

  it('names tickets by number, keeps the priority at creation raw and the SLA diffs as source verdicts', async () => {
    const { headers } = await importFixture('zammad', dump);
    expect(headers[0]).toEqual({ ticket: '31011', createdAt: utc('2027-03-01T17:15:00Z'), rawPriority: '2 normal', channel: 'email', sourceSla: { firstResponseMet: true, resolutionMet: false } });
  });

  it('makes internal articles and public agent notes internal notes; the opening article is part of created', async () => {
    const { events } = await importFixture('zammad', dump);
    expect(events.filter((e) => e.id.startsWith('zammad:article/')).map((e) => [e.id, e.kind])).toEqual([
      ['zammad:article/102', 'internal_note'],
      ['zammad:article/103', 'agent_replied'],
      ['zammad:article/104', 'customer_replied'],
      ['zammad:article/105', 'internal_note'],
    ]);
  });

  it('skips unknown states unless statusMap names them', async () => {
    const without = await importFixture('zammad', dump);
    expect(without.skips[0]).toMatchObject({ path: 'history[7]', field: 'value_to', value: 'waiting for parts' });
    const mapped = await importFixture('zammad', dump, { statusMap: { 'waiting for parts': 'on_hold_third_party' } });
    expect(timeline(mapped.events, '31011').slice(9, 11)).toEqual(['priority_changed:3 high', 'status_changed:on_hold_third_party']);
  });

  it('reports system articles, bad dates, missing fields and orphans with their paths', async () => {
    const { skips, notices } = await importFixture('zammad', dump);
    expect(skips.map((s) => [s.path, s.field, s.reason])).toEqual([
      ['history[7]', 'value_to', 'unknown state (map it with statusMap)'],
      ['articles[6]', 'created_at', 'not an ISO-8601 instant'],
      ['articles[5]', 'sender', 'system article (automated): not a reply'],
      ['tickets[2]', 'created_at', 'missing created_at'],
      ['articles[7]', 'ticket_id', 'belongs to a ticket that is not in this document'],
    ]);
    expect(notices).toEqual([expect.stringMatching(/1 ticket\(s\) came without history/)]);
  });

  it('streams one ticket per line with ids instead of names, reporting a broken line', async () => {
    const { events, headers, skips } = await importFixture('zammad', lines);
    expect(headers.map((h) => [h.ticket, h.rawPriority, h.channel])).toEqual([['31021', '1 low', 'web'], ['31023', '2 normal', undefined]]);
    expect(timeline(events, '31021')).toEqual(['created', 'agent_replied', 'status_changed:pending_customer', 'status_changed:open']);
    expect(timeline(events, '31023')).toEqual(['created', 'status_changed:canceled']);
    expect(skips).toEqual([{ type: 'skip', line: 2, reason: 'not valid JSON', value: expect.any(String) }]);
  });

  it('reads gzipped input with identical ids', async () => {
    const bytes = readFileSync(fixturePath(dump));
    const plain = await importBytes('zammad', bytes, { fileName: 'export.json' });
    const gzipped = await importBytes('zammad', gzipSync(bytes), { fileName: 'export.json' }, 9);
    expect(gzipped.records).toEqual(plain.records);
  });
});
