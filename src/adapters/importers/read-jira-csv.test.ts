import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fixturePath, importBytes, importFixture, timeline } from './test-support/import-fixture.js';

const file = 'jira/issues.csv';
const zone = 'America/Los_Angeles';
const utc = (iso: string): number => Date.parse(iso) / 1000;

describe('readJiraCsv', () => {
  it('creates each issue with its raw priority, request type, source and first component', async () => {
    const { headers } = await importFixture('jira', file, { zone });
    expect(headers.map((h) => [h.ticket, h.rawPriority, h.category, h.channel, h.technology])).toEqual([
      ['HD-101', 'High', 'Troubleshooting', 'email', 'Windows 11'],
      ['HD-102', 'Highest', 'Hardware', 'portal', undefined],
      ['HD-103', 'Low', 'Access', 'email', undefined],
      ['HD-106', 'Lowest', 'Troubleshooting', 'chat', undefined],
    ]);
    expect(headers[0]!.createdAt).toBe(utc('2027-03-01T17:15:00Z'));
  });

  it('takes the first response from [CHART] Date of First Response and the solve from Resolved', async () => {
    const { events } = await importFixture('jira', file, { zone });
    expect(events.filter((e) => e.ticket === 'HD-101').map((e) => [e.kind, e.at])).toEqual([
      ['created', utc('2027-03-01T17:15:00Z')],
      ['agent_replied', utc('2027-03-01T18:05:00Z')],
      ['customer_replied', utc('2027-03-02T16:30:00Z')],
      ['solved', utc('2027-03-02T21:20:00Z')],
    ]);
    expect(timeline(events, 'HD-103')).toEqual(['created', 'status_changed:canceled']);
  });

  it("imports only the reporter's comments: visibility of others is not in the CSV, and it says so", async () => {
    const { events, notices } = await importFixture('jira', file, { zone });
    expect(events.filter((e) => e.kind === 'customer_replied').map((e) => [e.ticket, e.actor])).toEqual([
      ['HD-101', '712020:reporter-ann'],
      ['HD-106', '712020:reporter-fa'],
    ]);
    expect(events.some((e) => e.kind === 'internal_note')).toBe(false);
    expect(notices).toEqual([
      expect.stringMatching(/status "Triage" is not known/),
      expect.stringMatching(/2 comment\(s\) by someone other than the reporter were not imported/),
      expect.stringMatching(/1 issue\(s\) are in a waiting status now/),
    ]);
  });

  it('keeps the JSM SLA fields as the source verdicts: negative remaining time is a breach', async () => {
    const { headers } = await importFixture('jira', file, { zone });
    expect(headers[0]!.sourceSla).toEqual({ firstResponseMet: true, resolutionMet: false });
  });

  it('reports bad rows on the line they start, after a multi-line description', async () => {
    const { skips, summary } = await importFixture('jira', file, { zone });
    expect(skips.map((s) => [s.line, s.field, s.reason])).toEqual([
      [7, 'Created', 'not an existing calendar date or time'],
      [8, 'Issue key', 'missing Issue key'],
      [9, 'Comment', 'comment date: not an existing calendar date or time'],
    ]);
    expect(summary).toMatchObject({ rowsRead: 6, tickets: 4, skipped: 3, zone: { given: zone, basis: 'assumed' } });
  });

  it('reads gzipped input with identical ids', async () => {
    const bytes = readFileSync(fixturePath(file));
    const plain = await importBytes('jira', bytes, { fileName: 'issues.csv', zone });
    const gzipped = await importBytes('jira', gzipSync(bytes), { fileName: 'issues.csv', zone }, 13);
    expect(gzipped.records).toEqual(plain.records);
  });

  it('needs a zone, and a statusMap can name a workflow status', async () => {
    await expect(importFixture('jira', file)).rejects.toMatchObject({ code: 'USAGE' });
    const { notices } = await importFixture('jira', file, { zone, statusMap: { Triage: 'open' } });
    expect(notices.some((n) => n.includes('Triage'))).toBe(false);
  });
});
