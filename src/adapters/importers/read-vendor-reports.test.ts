import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { importBytes, importFixture } from './test-support/import-fixture.js';

const utc = (iso: string): number => Date.parse(iso) / 1000;

describe('readVendorReports', () => {
  it('reads deliveries from CSV and JSON Lines with the same ids', async () => {
    const csv = await importFixture('vendor-reports', 'vendor-reports/reports.csv');
    const jsonl = await importFixture('vendor-reports', 'vendor-reports/reports.jsonl');
    expect(csv.reports[0]).toEqual({ id: 'RPT-2027-02', month: '2027-02', deliveredAt: utc('2027-03-06T01:00:00Z') });
    expect(jsonl.reports).toEqual(csv.reports);
  });

  it('reports a bad month and a missing delivery time by line', async () => {
    const csv = await importFixture('vendor-reports', 'vendor-reports/reports.csv');
    expect(csv.skips.map((s) => [s.line, s.field, s.reason])).toEqual([
      [4, 'month', 'not a month (YYYY-MM)'],
      [5, 'deliveredAt', 'missing deliveredAt'],
    ]);
    const jsonl = await importFixture('vendor-reports', 'vendor-reports/reports.jsonl');
    expect(jsonl.skips.map((s) => [s.line, s.value])).toEqual([[3, 'March 2027']]);
  });

  it('reads gzip', async () => {
    const { reports } = await importBytes('vendor-reports', gzipSync('{"month":"2027-05","deliveredAt":"2027-06-03T12:00:00Z"}\n'), { fileName: 'r.jsonl' });
    expect(reports).toEqual([{ id: expect.stringMatching(/^sha256:/), month: '2027-05', deliveredAt: utc('2027-06-03T12:00:00Z') }]);
  });
});
