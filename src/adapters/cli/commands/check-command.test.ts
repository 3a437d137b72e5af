import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureIo } from '../cli-io.js';
import { runCli } from '../program.js';
import { exampleContractPath } from '../../../../test/support/examples.js';

async function check(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo();
  const code = await runCli(['check', ...args], io);
  return { code, out: io.out(), err: io.err() };
}

const scratch = mkdtempSync(join(tmpdir(), 'check-cli-'));

describe('supportpact check', () => {
  it('exits 0 for a contract without errors and prints its warnings', async () => {
    const { code, out } = await check(exampleContractPath('northstar-tiered'));
    expect(code).toBe(0);
    expect(out).toMatch(/0 errors, 5 warnings/);
    expect(out).toMatch(/late-interest-above-10/);
  });

  it('exits 1 when a contract has errors', async () => {
    const { code, out } = await check(exampleContractPath('draft-with-gaps'));
    expect(code).toBe(1);
    expect(out).toMatch(/8 errors/);
  });

  it('prints one JSON object for one file, with located findings', async () => {
    const { code, out } = await check(exampleContractPath('draft-with-gaps'), '--format', 'json');
    expect(code).toBe(1);
    const json = JSON.parse(out) as { file: string; findings: { rule: string; severity: string; message: string; path: string; line: number; column: number }[] };
    expect(json.file).toBe(exampleContractPath('draft-with-gaps'));
    expect(json.findings[0]).toEqual(expect.objectContaining({ rule: 'part-missing', severity: 'error', path: 'risk', line: expect.any(Number), column: expect.any(Number), message: expect.any(String) }));
  });

  it('prints an array for several files', async () => {
    const { out } = await check(exampleContractPath('northstar-tiered'), exampleContractPath('bayline-per-incident'), '--format', 'json');
    const json = JSON.parse(out) as unknown[];
    expect(Array.isArray(json)).toBe(true);
    expect(json).toHaveLength(2);
  });

  it('exits 2 with a located message when a contract cannot be loaded', async () => {
    const file = join(scratch, 'typo.contract.yaml');
    writeFileSync(file, 'supportpact: 1\nid: x\ntitle: T\nparties: { client: { name: A }, vendor: { name: B } }\ncurrency: USD\ntimezone: America/Los_Angeles\nterm: { start: 2027-01-01, initialTerm: 12mo, renewal: { automatic: true, optOutNotic: 60d } }\n');
    const { code, err } = await check(file);
    expect(code).toBe(2);
    expect(err).toContain(`${file}:7:`);
    expect(err).toContain('term.renewal.optOutNotic: unknown key "optOutNotic"');
    expect(err).toContain('did you mean "optOutNotice"?');
    expect(err).not.toMatch(/at .*\.ts:\d+/);
  });

  it.each([
    ['a missing file', () => join(scratch, 'nope.yaml'), /does not exist/],
    ['a directory', () => scratch, /is a directory/],
    ['a binary file', () => { const f = join(scratch, 'bin.yaml'); writeFileSync(f, Buffer.from([0x73, 0x75, 0x00, 0xff, 0x10])); return f; }, /binary/],
    ['an empty file', () => { const f = join(scratch, 'empty.yaml'); writeFileSync(f, ''); return f; }, /empty/],
    ['a 20 MB file', () => { const f = join(scratch, 'big.yaml'); writeFileSync(f, 'a: b\n'.repeat(4 * 1024 * 1024)); return f; }, /20\.0 MB; at most 1 MB/],
    ['invalid UTF-8', () => { const f = join(scratch, 'latin.yaml'); writeFileSync(f, Buffer.from('title: caf\xe9\n', 'latin1')); return f; }, /UTF-8/],
  ])('exits 2 on %s with a message naming it', async (_label, makePath, message) => {
    const { code, err } = await check(makePath());
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err).toMatch(/fix:/);
  });

  it('rejects an unknown format as a usage error', async () => {
    const { code, err } = await check(exampleContractPath('northstar-tiered'), '--format', 'xml');
    expect(code).toBe(2);
    expect(err).toMatch(/xml/);
  });
});
