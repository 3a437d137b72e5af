import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureIo } from '../cli-io.js';
import { runCli } from '../program.js';
import './backtest-command.js';

const scratch = mkdtempSync(join(tmpdir(), 'backtest-cli-'));

function contract(id: string, calendar: string, price: string): string {
  return `supportpact: 1
id: ${id}
title: ${id}
parties: { client: { name: Client }, vendor: { name: Vendor } }
currency: USD
timezone: America/Los_Angeles
calendars:
  always: { timezone: America/Los_Angeles, hours: { mon-sun: ["00:00-24:00"] } }
  business: { timezone: America/Los_Angeles, hours: { mon-fri: ["09:00-17:00"] } }
sla:
  priorities: { P3: { name: Normal, mapFrom: [normal] } }
  targets:
    resolution: { P3: { within: 8h, calendar: ${calendar} } }
  serviceLevels:
    - { id: resolution, metric: resolution, priorities: [P3], atLeast: "90%" }
  credits:
    - { when: { serviceLevel: resolution, missed: true }, credit: "10%" }
term: { start: 2027-01-01, initialTerm: 12mo }
pricing:
  model: tiered
  tiers: { mode: graduated, bands: [{ unitPrice: "${price}" }] }
  invoicing: { every: 1mo, issueOn: first-day, paymentTerms: 30d }
`;
}

const current = join(scratch, 'current.contract.yaml');
const proposal = join(scratch, 'proposal.contract.yaml');
const events = join(scratch, 'events.jsonl');
writeFileSync(current, contract('current', 'always', '10.00'));
writeFileSync(proposal, contract('proposal', 'business', '12.00'));
const line = (ticket: string, at: string, kind: string, extra = ''): string => `{"ticket":"${ticket}","at":"${at}","kind":"${kind}"${extra}}`;
writeFileSync(
  events,
  [
    line('T1', '2027-03-01T10:00:00-08:00', 'created', ',"priority":"normal","channel":"email"'),
    line('T1', '2027-03-01T12:00:00-08:00', 'solved'),
    line('T2', '2027-03-05T16:00:00-08:00', 'created', ',"priority":"normal","channel":"email"'),
    line('T2', '2027-03-08T10:00:00-08:00', 'solved'),
    line('T3', '2027-04-05T09:00:00-07:00', 'created', ',"priority":"normal","channel":"phone"'),
    line('T3', '2027-04-05T10:00:00-07:00', 'solved'),
    line('T3', '2027-04-05T10:00:00-07:00', 'solved'),
  ].join('\n') + '\n',
);

async function backtest(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo({}, scratch);
  const code = await runCli(['backtest', ...args], io);
  return { code, out: io.out(), err: io.err() };
}

describe('supportpact backtest', () => {
  it('re-measures an import file under the proposal beside the current contract, month by month', async () => {
    const { code, out } = await backtest(proposal, '--tickets', events, '--current', current);
    expect(code).toBe(0);
    expect(out).toContain('Backtest · proposal against current (the contract in force)');
    expect(out).toContain('3 tickets read · 2027-03 to 2027-04');
    // T2 waits a weekend: 66 hours around the clock, 2 business hours.
    expect(out).toMatch(/current\s+resolution 50\.00% \(≥90%\) MISSED/);
    expect(out).toMatch(/proposal\s+resolution 100\.00% \(≥90%\) met/);
    expect(out).toMatch(/2027-04\s+10\.00\s+0\.00\s+8\.00\s+12\.00\s+0\.00\s+12\.00/);
  });

  it('gives JSON with each month, both contracts and the invoices', async () => {
    const { code, out } = await backtest(proposal, '--tickets', events, '--current', current, '--format', 'json', '--from', '2027-03', '--to', '2027-03');
    expect(code).toBe(0);
    const json = JSON.parse(out) as { months: string[]; current: { months: { creditsEarned: string; invoice: { total: string } }[] }; proposal: { totals: { invoiced: string } } };
    expect(json.months).toEqual(['2027-03']);
    expect(json.current.months[0]).toMatchObject({ creditsEarned: '2.00', invoice: { total: '20.00' } });
    expect(json.proposal.totals.invoiced).toBe('24.00');
  });

  it('measures the proposal alone without --current, and says so', async () => {
    const { code, out } = await backtest(proposal, '--tickets', events);
    expect(code).toBe(0);
    expect(out).toContain('No --current contract was given');
  });

  it('refuses --current with a stored contract id (exit 2)', async () => {
    const { code, err } = await backtest(proposal, '--tickets', 'some-stored-id', '--current', current, '--data', join(scratch, 'data'));
    expect(code).toBe(2);
    expect(err).toContain('--current is for an import file');
  });
});
