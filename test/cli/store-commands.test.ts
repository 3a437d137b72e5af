import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureIo } from '../../src/adapters/cli/cli-io.js';
import { runCli } from '../../src/adapters/cli/program.js';
import { exampleContractPath, repoRoot } from '../support/examples.js';

const uciLog = join(repoRoot, '..', 'shared', 'datasets', 'incident_event_log.csv.gz');

async function cli(data: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo({});
  const code = await runCli([...args, '--data', data], io);
  return { code, out: io.out(), err: io.err() };
}

describe('store-backed commands', () => {
  it('add a contract, import events twice (nothing changes), score the month, list breached tickets and explain one', async () => {
    const data = mkdtempSync(join(tmpdir(), 'cli-store-'));
    const added = await cli(data, 'contract', 'add', exampleContractPath('northstar-tiered'));
    expect(added.code, added.err).toBe(0);
    expect(added.out).toMatch(/stored acme-northstar-2027 version 1 \(effective 2027-01-01/);
    expect((await cli(data, 'contract', 'add', exampleContractPath('northstar-tiered'))).out).toMatch(/unchanged/);
    expect((await cli(data, 'contract', 'list')).out).toMatch(/acme-northstar-2027 {2}IT helpdesk outsourcing/);

    const events = join(repoRoot, 'examples', 't-1001.events.jsonl');
    const first = await cli(data, 'import', 'jsonl', events, '--contract', 'acme-northstar-2027');
    expect(first.code, first.err).toBe(0);
    expect(first.out).toMatch(/new in the store: 1 tickets, 10 events/);
    const second = await cli(data, 'import', 'jsonl', events, '--contract', 'acme-northstar-2027');
    expect(second.out).toMatch(/all already stored: nothing changed/);

    const card = await cli(data, 'scorecard', '--contract', 'acme-northstar-2027', '--month', '2027-03', '--as-of', '2027-04-10', '--format', 'json');
    expect(card.code, card.err).toBe(0);
    const json = JSON.parse(card.out) as { serviceLevels: { id: string; result: string; breachedTickets: string[] }[]; vendorReport: { result: string } };
    expect(json.serviceLevels.find((l) => l.id === 'p1-resolution')).toMatchObject({ result: 'missed', breachedTickets: ['T-1001'] });
    expect(json.vendorReport.result).toBe('missing');

    const breached = await cli(data, 'tickets', '--contract', 'acme-northstar-2027', '--breached', '--as-of', '2027-04-10');
    expect(breached.out).toMatch(/1 tickets with a breached clock/);
    const explained = await cli(data, 'explain', '--contract', 'acme-northstar-2027', '--ticket', 'T-1001', '--as-of', '2027-04-10');
    expect(explained.out).toMatch(/Resolution \(cycle 1\): BREACHED · measured as P1/);
  }, 180_000);

  it('says whether the stored facts are current, rebuilds them on request, and scores the same either way', async () => {
    const data = mkdtempSync(join(tmpdir(), 'cli-facts-'));
    await cli(data, 'contract', 'add', exampleContractPath('northstar-tiered'));
    expect((await cli(data, 'facts', 'status', '--contract', 'acme-northstar-2027')).out).toMatch(/no tickets stored yet/);
    await cli(data, 'import', 'jsonl', join(repoRoot, 'examples', 't-1001.events.jsonl'), '--contract', 'acme-northstar-2027');
    const status = await cli(data, 'facts', 'status', '--contract', 'acme-northstar-2027', '--format', 'json');
    expect(status.code, status.err).toBe(0);
    expect(JSON.parse(status.out)).toMatchObject({ tickets: 1, ticketsWithFacts: 1, versions: [1], latestVersion: 1, runningTickets: 0, current: true });
    const score = async (): Promise<string> => (await cli(data, 'scorecard', '--contract', 'acme-northstar-2027', '--month', '2027-03', '--as-of', '2027-04-10', '--format', 'json')).out;
    const before = await score();
    const refreshed = await cli(data, 'facts', 'refresh', '--contract', 'acme-northstar-2027', '--all');
    expect(refreshed.out).toMatch(/acme-northstar-2027: facts of 1 tickets computed in/);
    expect((await cli(data, 'facts', 'refresh', '--contract', 'acme-northstar-2027')).out).toMatch(/facts of 0 tickets computed/);
    expect(await score()).toBe(before);
    const unknown = await cli(data, 'facts', 'status', '--contract', 'nope');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/no stored contract nope/);
  }, 120_000);

  it('names the stored contracts when asked for an unknown one', async () => {
    const data = mkdtempSync(join(tmpdir(), 'cli-store-'));
    await cli(data, 'contract', 'add', exampleContractPath('bayline-per-incident'));
    const result = await cli(data, 'scorecard', '--contract', 'acme', '--month', '2027-03');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/no stored contract acme/);
    expect(result.err).toMatch(/stored contracts: bayline-helpdesk-2027/);
  }, 120_000);

  it('imports the real UCI ServiceNow log and scores March 2016 as a new user would', async () => {
    const data = mkdtempSync(join(tmpdir(), 'cli-uci-'));
    expect((await cli(data, 'contract', 'add', join(repoRoot, 'examples', 'servicenow-uci.contract.yaml'))).code).toBe(0);
    const imported = await cli(data, 'import', 'servicenow', uciLog, '--contract', 'uci-servicenow-2016', '--zone', 'America/Sao_Paulo');
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out).toMatch(/141,712 rows, 24,918 tickets/);
    expect(imported.out).toMatch(/7 rows skipped/);
    const card = await cli(data, 'scorecard', '--contract', 'uci-servicenow-2016', '--month', '2016-03', '--as-of', '2017-03-01', '--format', 'json');
    expect(card.code, card.err).toBe(0);
    const json = JSON.parse(card.out) as { volumes: { created: number }; serviceLevels: { id: string; settled: number }[] };
    // 8,995 incidents were opened in March 2016 (the dataset README).
    expect(json.volumes.created).toBe(8995);
    expect(json.serviceLevels.find((l) => l.id === 'response-all')?.settled).toBeGreaterThan(8000);
  }, 120_000);

  it('refuses a missing zone for ServiceNow with a message saying what to pass', async () => {
    const data = mkdtempSync(join(tmpdir(), 'cli-uci-'));
    await cli(data, 'contract', 'add', join(repoRoot, 'examples', 'servicenow-uci.contract.yaml'));
    const result = await cli(data, 'import', 'servicenow', uciLog, '--contract', 'uci-servicenow-2016');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/zone/);
  }, 120_000);
});
