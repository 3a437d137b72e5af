import { describe, expect, it } from 'vitest';
import { computeScorecard } from '../../app/compute-scorecard.js';
import { compileSlaPolicy } from '../../domain/sla/index.js';
import { loadExample } from '../../domain/sla/test-support/ticket-builder.js';
import { sortTicketEvents, type TicketEvent } from '../../domain/tickets/index.js';
import type { ImportRecord, ImportSource } from '../importers/index.js';
import { readImport } from '../importers/index.js';
import { demoEventsToJsonl, demoOutagesToJsonl, demoVendorReportsToJsonl } from './demo-events-to-jsonl.js';
import { generateDemoData } from './generate-demo-data.js';

const contract = loadExample('northstar-tiered');
const data = generateDemoData({ seed: 42, contract });

async function* chunks(text: string, size = 64 * 1024): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function importText(source: ImportSource, text: string): Promise<ImportRecord[]> {
  const records: ImportRecord[] = [];
  for await (const record of readImport(source, chunks(text), { fileName: `demo.${source}.jsonl` })) records.push(record);
  return records;
}

const withoutSeq = ({ seq: _seq, ...rest }: TicketEvent) => rest;

describe('demoEventsToJsonl', () => {
  it('writes one canonical line per event, instants with the Los Angeles offset', () => {
    const text = demoEventsToJsonl(data);
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(data.tickets.reduce((n, t) => n + t.events.length, 0));
    const first = JSON.parse(lines[0]!) as Record<string, string>;
    expect(Object.keys(first).slice(0, 3)).toEqual(['ticket', 'at', 'kind']);
    expect(first).toMatchObject({ ticket: 'T-10001', kind: 'created', id: 'T-10001-e1', source: 'demo:seed-42' });
    expect(first.at).toMatch(/^2027-03-01T\d\d:\d\d:\d\d-08:00$/);
    expect(lines.filter((l) => /"at":"2027-05-[^"]*-07:00"/.test(l)).length).toBeGreaterThan(1000);
  });

  it('reads back through readImport("jsonl") as the same tickets and events, without a skip or notice', async () => {
    const records = await importText('jsonl', demoEventsToJsonl(data));
    expect(records.filter((r) => r.type === 'skip' || r.type === 'notice')).toEqual([]);
    const headers = records.flatMap((r) => (r.type === 'ticket' ? [r.header] : []));
    expect(headers).toEqual(data.tickets.map((t) => t.header));
    const events = records.flatMap((r) => (r.type === 'event' ? [withoutSeq(r.event)] : []));
    expect(events).toEqual(data.tickets.flatMap((t) => t.events.map(withoutSeq)));
  });

  it('gives the same scorecard when the demo is loaded through the import path', async () => {
    const records = await importText('jsonl', demoEventsToJsonl(data));
    const byTicket = new Map<string, TicketEvent[]>();
    for (const r of records) if (r.type === 'event') byTicket.set(r.event.ticket, [...(byTicket.get(r.event.ticket) ?? []), r.event]);
    const outages = (await importText('outages', demoOutagesToJsonl(data))).flatMap((r) => (r.type === 'outage' ? [r.outage] : []));
    const vendorReports = (await importText('vendor-reports', demoVendorReportsToJsonl(data))).flatMap((r) => (r.type === 'vendor-report' ? [r.report] : []));
    expect(outages).toEqual(data.outages);
    expect(vendorReports).toEqual(data.vendorReports);
    const policy = compileSlaPolicy(contract);
    const input = { contract, month: '2027-04', asOf: data.demoNow, policy };
    const direct = await computeScorecard({ ...input, tickets: data.tickets.map((t) => t.events), outages: data.outages, vendorReports: data.vendorReports });
    const imported = await computeScorecard({ ...input, tickets: [...byTicket.values()].map(sortTicketEvents), outages, vendorReports });
    expect(imported).toEqual(direct);
  });
});
