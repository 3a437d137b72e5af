import { describe, expect, it } from 'vitest';
import { captureIo } from '../cli-io.js';
import { runCli } from '../program.js';
import { exampleContractPath, repoRoot } from '../../../../test/support/examples.js';
import { join } from 'node:path';

const events = join(repoRoot, 'examples', 't-1001.events.jsonl');
const contract = exampleContractPath('northstar-tiered');

async function explain(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo();
  const code = await runCli(['explain', '--contract', contract, '--events', events, ...args], io);
  return { code, out: io.out(), err: io.err() };
}

describe('supportpact explain', () => {
  it('prints a readable timeline with the business time each step added', async () => {
    const { code, out } = await explain('--ticket', 'T-1001', '--as-of', '2027-03-31');
    expect(code).toBe(0);
    expect(out).toMatch(/First response: MET · measured as P2/);
    expect(out).toMatch(/Resolution \(cycle 1\): BREACHED · measured as P1/);
    expect(out).toMatch(/2027-03-02 11:00:00 {2}priority-changed +\+2h 29m +3h 20m/);
  });

  it('returns the DESIGN JSON shape with UTC instants, and steps that add up to the elapsed time', async () => {
    const { code, out } = await explain('--ticket', 'T-1001', '--as-of', '2027-03-31T00:00:00Z', '--format', 'json');
    expect(code).toBe(0);
    const json = JSON.parse(out) as { ticket: string; priority: string; clocks: { metric: string; cycle: number; status: string; targetSeconds: number; elapsedSeconds: number; startedAt: string; stoppedAt: string | null; dueAt: string; steps: { addedSeconds: number }[] }[] };
    expect(json.ticket).toBe('T-1001');
    expect(json.priority).toBe('P1');
    expect(json.clocks.map((c) => [c.metric, c.cycle, c.status])).toEqual([
      ['firstResponse', 1, 'met'],
      ['resolution', 1, 'breached'],
    ]);
    const resolution = json.clocks[1]!;
    expect(resolution).toMatchObject({ targetSeconds: 14400, elapsedSeconds: 24000, startedAt: '2027-03-01T17:15:00Z', stoppedAt: '2027-03-03T18:00:00Z', dueAt: '2027-03-02T19:40:00Z' });
    for (const clock of json.clocks) expect(clock.steps.reduce((sum, s) => sum + s.addedSeconds, 0)).toBe(clock.elapsedSeconds);
  });

  it('exits 2 naming the ticket when it is not in the events', async () => {
    const { code, err } = await explain('--ticket', 'T-9999');
    expect(code).toBe(2);
    expect(err).toMatch(/T-9999/);
  });

  it('rejects a malformed --as-of with a message saying what to write', async () => {
    const { code, err } = await explain('--ticket', 'T-1001', '--as-of', 'yesterday');
    expect(code).toBe(2);
    expect(err).toMatch(/"yesterday" is not ISO-8601/);
  });
});
