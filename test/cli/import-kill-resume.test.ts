import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/adapters/store/open-store.js';
import { exampleContractPath, repoRoot } from '../support/examples.js';
import { writeSyntheticJsonl } from '../support/synthetic-jsonl.js';

const bin = join(repoRoot, 'bin', 'supportpact.js');

function run(args: string[], env: Record<string, string>, killAfterBatch?: number): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (killAfterBatch !== undefined && new RegExp(`batch ${killAfterBatch} committed`).test(stderr)) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Every stored ticket and event of the contract, as one digest (order-independent of import runs). */
async function storedDigest(dataDir: string): Promise<{ tickets: number; events: number; digest: string }> {
  const store = await openStore({ dataDir });
  try {
    const hash = createHash('sha256');
    let tickets = 0;
    let events = 0;
    for await (const t of store.tickets.streamTickets('acme-northstar-2027')) {
      tickets++;
      hash.update(JSON.stringify(t.header));
      for (const e of t.events) {
        events++;
        hash.update(JSON.stringify({ ...e, seq: undefined }));
      }
    }
    const jobs = await store.importJobs.listImportJobs('acme-northstar-2027');
    expect(jobs.some((j) => j.status === 'completed')).toBe(true);
    return { tickets, events, digest: hash.digest('hex') };
  } finally {
    await store.close();
  }
}

describe('import killed with SIGKILL', () => {
  it('leaves no half batch, and running it again ends in the same state as an uninterrupted import', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kill-resume-'));
    const file = join(dir, 'events.jsonl');
    const lines = writeSyntheticJsonl(file, 3000); // 24,000 events
    expect(lines).toBe(24_000);
    const env = { SUPPORTPACT_IMPORT_TRACE: '1', SUPPORTPACT_IMPORT_BATCH_EVENTS: '2000' };
    const killed = join(dir, 'killed');
    const clean = join(dir, 'clean');
    for (const data of [killed, clean]) {
      const added = await run(['contract', 'add', exampleContractPath('northstar-tiered'), '--data', data], env);
      expect(added.code, added.stderr).toBe(0);
    }

    const first = await run(['import', 'jsonl', file, '--contract', 'acme-northstar-2027', '--data', killed], env, 3);
    expect(first.signal).toBe('SIGKILL');
    expect(first.stderr).toMatch(/batch 3 committed/);
    expect(first.stderr).not.toMatch(/batch 12 committed/);
    // What the killed run left: whole batches of exactly 2,000 events, and a checkpoint to resume from.
    const afterKill = await openStore({ dataDir: killed });
    try {
      const counts = await afterKill.tickets.countTickets('acme-northstar-2027');
      expect(counts.events % 2000).toBe(0);
      expect(counts.events).toBeGreaterThanOrEqual(6000);
      expect(counts.events).toBeLessThan(24_000);
      const [job] = await afterKill.importJobs.listImportJobs('acme-northstar-2027');
      expect(job?.status).toBe('running');
      expect(job?.rowsCommitted).toBeGreaterThan(0);
    } finally {
      await afterKill.close();
    }

    const second = await run(['import', 'jsonl', file, '--contract', 'acme-northstar-2027', '--data', killed], env);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/resumed an interrupted import after/);

    const uninterrupted = await run(['import', 'jsonl', file, '--contract', 'acme-northstar-2027', '--data', clean], env);
    expect(uninterrupted.code, uninterrupted.stderr).toBe(0);

    const [a, b] = [await storedDigest(killed), await storedDigest(clean)];
    expect(a).toEqual({ tickets: 3000, events: 24_000, digest: b.digest });
    expect(b.events).toBe(24_000);
  }, 180_000);
});
