import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fixturePath, importBytes, importFixture, timeline } from './test-support/import-fixture.js';

const uci = 'servicenow/uci-incidents.csv';
const zone = 'America/Sao_Paulo';
/** UCI local times in Sao Paulo, UTC-03:00 from 21 Feb to 16 Oct 2016. */
const local = (iso: string): number => Date.parse(`${iso}-03:00`) / 1000;

describe('readServiceNow', () => {
  it('creates each incident at opened_at with its first priority, channel and category as written', async () => {
    const { headers, events } = await importFixture('servicenow', uci, { zone });
    expect(headers.map((h) => h.ticket)).toEqual(['INC0000045', 'INC0000047', 'INC0000131', 'INC0002483', 'INC0003663', 'INC0028089', 'INC0028608']);
    expect(headers[0]).toEqual({ ticket: 'INC0000045', createdAt: local('2016-02-29T01:16'), rawPriority: '3 - Moderate', channel: 'Phone', category: 'Category 55', sourceSla: { resolutionMet: true } });
    expect(events[0]).toMatchObject({ ticket: 'INC0000045', kind: 'created', at: local('2016-02-29T01:16'), id: 'servicenow:INC0000045:created', priority: '3 - Moderate' });
  });

  it('uses the first move out of New as the agent_replied proxy, then Resolved -> solved and Closed -> closed', async () => {
    const { events, notices } = await importFixture('servicenow', uci, { zone });
    expect(timeline(events, 'INC0000045')).toEqual(['created', 'agent_replied', 'solved', 'closed']);
    const reply = events.find((e) => e.ticket === 'INC0000045' && e.kind === 'agent_replied')!;
    expect(reply.at).toBe(local('2016-02-29T08:53'));
    expect(notices[0]).toMatch(/agent_replied is a proxy/);
  });

  it('pauses for Awaiting User Info (pending_customer) and Awaiting Vendor (on_hold_third_party)', async () => {
    const { events } = await importFixture('servicenow', uci, { zone });
    expect(timeline(events, 'INC0000047')).toEqual(['created', 'assigned', 'agent_replied', 'status_changed:open', 'assigned', 'status_changed:pending_customer', 'solved', 'closed']);
    expect(timeline(events, 'INC0028608')).toContain('status_changed:on_hold_third_party');
  });

  it('turns Resolved -> Active into a reopen and keeps priority changes as raw values', async () => {
    const { events, headers } = await importFixture('servicenow', uci, { zone });
    expect(timeline(events, 'INC0002483')).toEqual(['created', 'priority_changed:2 - High', 'agent_replied', 'status_changed:open', 'solved', 'reopened', 'solved', 'closed']);
    expect(timeline(events, 'INC0028608').filter((k) => k.startsWith('priority'))).toEqual(['priority_changed:1 - Critical']);
    expect(headers.find((h) => h.ticket === 'INC0002483')!.sourceSla).toEqual({ resolutionMet: false });
  });

  it('drops the -100 rows and a row updated before opened_at, each as a skip with its line', async () => {
    const { skips, events, summary } = await importFixture('servicenow', uci, { zone });
    expect(skips.map((s) => [s.line, s.field, s.value])).toEqual([
      [15, 'sys_updated_at', '29/2/2016 07:14'],
      [38, 'incident_state', '-100'],
      [39, 'incident_state', '-100'],
    ]);
    // INC0028089 goes New -> Resolved once the -100 rows are dropped; INC0000131 leaves New at 09:45.
    expect(timeline(events, 'INC0028089')).toEqual(['created', 'agent_replied', 'solved', 'closed']);
    expect(events.find((e) => e.ticket === 'INC0000131' && e.kind === 'agent_replied')!.at).toBe(local('2016-02-29T09:45'));
    expect(summary).toMatchObject({ rowsRead: 49, tickets: 7, events: 47, skipped: 3, zone: { given: zone, basis: 'assumed', instantsWithOffset: 0 } });
  });

  it('reads gzipped input and gives identical ids on every read', async () => {
    const bytes = readFileSync(fixturePath(uci));
    const plain = await importBytes('servicenow', bytes, { fileName: 'uci.csv', zone }, 4096);
    const gzipped = await importBytes('servicenow', gzipSync(bytes), { fileName: 'uci.csv', zone }, 11);
    expect(gzipped.records).toEqual(plain.records);
    expect(new Set(plain.events.map((e) => e.id)).size).toBe(plain.events.length);
  });

  it('refuses to start without a zone: the log has no offsets and UTC is never assumed', async () => {
    await expect(importFixture('servicenow', uci)).rejects.toMatchObject({ code: 'USAGE', message: expect.stringMatching(/--zone/) });
  });

  it('reads raw choice values: On Hold with hold_reason 1 waits on the caller, other reasons on a third party', async () => {
    const { events, skips } = await importFixture('servicenow', 'servicenow/raw-values.csv', { zone: 'UTC' });
    expect(timeline(events, 'INC0100001')).toEqual([
      'created', 'assigned', 'agent_replied', 'status_changed:open', 'assigned', 'status_changed:pending_customer',
      'priority_changed:2', 'status_changed:open', 'status_changed:on_hold_third_party', 'solved', 'closed',
    ]);
    expect(timeline(events, 'INC0100002')).toEqual(['created', 'assigned', 'agent_replied', 'status_changed:canceled']);
    expect(skips.map((s) => [s.line, s.field, s.reason])).toEqual([
      [10, 'incident_state', 'unknown incident_state: row dropped (map it with statusMap)'],
      [11, 'sys_updated_on', 'not an existing calendar date or time'],
    ]);
  });

  it('maps a custom state through statusMap', async () => {
    const { events, skips } = await importFixture('servicenow', 'servicenow/raw-values.csv', { zone: 'UTC', statusMap: { '9': 'on_hold_third_party' } });
    expect(skips.map((s) => s.line)).toEqual([11]);
    expect(timeline(events, 'INC0100002')).toEqual(['created', 'agent_replied', 'status_changed:on_hold_third_party', 'assigned', 'status_changed:canceled']);
  });

  it('skips rows of an incident that comes back after another one', async () => {
    const csv = 'number,incident_state,opened_at,sys_updated_at,priority\nINC1,New,1/3/2016 10:00,1/3/2016 10:00,3 - Moderate\nINC2,New,1/3/2016 11:00,1/3/2016 11:00,3 - Moderate\nINC1,Resolved,1/3/2016 10:00,1/3/2016 12:00,3 - Moderate\n';
    const { skips, headers } = await importBytes('servicenow', Buffer.from(csv), { fileName: 'x.csv', zone });
    expect(headers.map((h) => h.ticket)).toEqual(['INC1', 'INC2']);
    expect(skips).toEqual([{ type: 'skip', line: 4, field: 'number', reason: 'incident rows are not contiguous (sort the export by number)', value: 'INC1' }]);
  });

  it('fails a file that is not an incident export', async () => {
    await expect(importBytes('servicenow', Buffer.from('id,when\n1,2\n'), { fileName: 'x.csv', zone })).rejects.toMatchObject({ code: 'IMPORT_INVALID' });
  });
});
