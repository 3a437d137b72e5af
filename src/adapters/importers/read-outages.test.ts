import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { importBytes, importFixture } from './test-support/import-fixture.js';

const utc = (iso: string): number => Date.parse(iso) / 1000;

describe('readOutages', () => {
  it('reads CSV outages with their service, interval and description', async () => {
    const { outages } = await importFixture('outages', 'outages/outages.csv');
    expect(outages[0]).toEqual({ id: 'OUT-1', service: 'phone-line', startAt: utc('2027-03-01T17:00:00Z'), endAt: utc('2027-03-01T17:45:00Z'), description: 'Carrier fault' });
    expect(outages[1]).toMatchObject({ service: 'portal', id: expect.stringMatching(/^sha256:/) });
  });

  it('gives an outage without id the same digest id from CSV and JSON Lines', async () => {
    const csv = await importFixture('outages', 'outages/outages.csv');
    const jsonl = await importFixture('outages', 'outages/outages.jsonl');
    expect(jsonl.outages.map((o) => o.id)).toEqual(csv.outages.map((o) => o.id));
  });

  it('reports bad rows by line and field', async () => {
    const csv = await importFixture('outages', 'outages/outages.csv');
    expect(csv.skips.map((s) => [s.line, s.field, s.reason])).toEqual([
      [4, 'end', 'end is not after start'],
      [5, 'service', 'missing service'],
      [6, 'start', 'local time without an offset, and no zone was given (--zone)'],
    ]);
    const jsonl = await importFixture('outages', 'outages/outages.jsonl');
    expect(jsonl.skips.map((s) => [s.line, s.field, s.reason])).toEqual([
      [3, 'end', 'not an ISO-8601 instant'],
      [4, 'service', 'not a text value'],
    ]);
  });

  it('places local times in the given zone, and reads gzip', async () => {
    const { outages } = await importFixture('outages', 'outages/outages.csv', { zone: 'America/New_York' });
    expect(outages.find((o) => o.id === 'OUT-5')).toMatchObject({ startAt: utc('2027-03-05T15:00:00Z') });
    const gzipped = await importBytes('outages', gzipSync('service,start,end\nvpn,2027-03-01T00:00:00Z,2027-03-01T01:00:00Z\n'), { fileName: 'o.csv.gz' });
    expect(gzipped.outages).toHaveLength(1);
  });
});
