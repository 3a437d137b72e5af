import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleContractPath, readExampleContract } from '../../../../test/support/examples.js';
import { captureIo } from '../cli-io.js';
import { runCli } from '../program.js';
import './diff-command.js';

const scratch = mkdtempSync(join(tmpdir(), 'diff-cli-'));
const northstar = exampleContractPath('northstar-tiered');

/** Writes an amendment of the northstar example; each edit must apply. */
function amendment(name: string, ...edits: [string, string][]): string {
  const text = edits.reduce((t, [from, to]) => {
    if (!t.includes(from)) throw new Error(`edit did not apply: ${from}`);
    return t.replace(from, to);
  }, readExampleContract('northstar-tiered'));
  const file = join(scratch, name);
  writeFileSync(file, text);
  return file;
}

const amended = amendment(
  'amended.contract.yaml',
  ['      P2: { within: 8h, calendar: extended }', '      P2: { within: 6h, calendar: extended }'],
  ['{ upTo: 1500, unitPrice: "15.00" }', '{ upTo: 1500, unitPrice: "16.00" }'],
  ['initialTerm: 24mo', 'initialTerm: 36mo'],
);

async function diff(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo({}, scratch);
  const code = await runCli(['diff', ...args], io);
  return { code, out: io.out(), err: io.err() };
}

describe('supportpact diff', () => {
  it('exits 0 and says so when the two files state the same terms', async () => {
    const reformatted = amendment('same.contract.yaml', ['monthly: "4000.00"', 'monthly: "4000.0"'], ['initialTerm: 24mo', 'initialTerm: 2y']);
    const { code, out } = await diff(northstar, reformatted);
    expect(code).toBe(0);
    expect(out).toMatch(/^No changes:/);
  });

  it('exits 1 and lists the changes grouped by section, old and new side by side', async () => {
    const { code, out } = await diff(northstar, amended);
    expect(code).toBe(1);
    expect(out).toContain('6 changes: 1 favour the client, 1 favour the vendor, 4 unclear or neutral');
    expect(out).toContain('  ~ P2 resolution target: 8 hours -> 6 hours (extended hours)  [favours client]\n      sla.targets.resolution.P2.within');
    expect(out).toContain('  ~ Initial term end: 2028-12-31 -> 2029-12-31 (key date: start + initial term - 1 day)');
    const headings = out.split('\n').filter((line) => /^[A-Z]/.test(line) && !line.includes(':'));
    expect(headings).toEqual(['Service levels', 'Duration and termination', 'Cost']);
  });

  it('prints JSON as { old, new, changes } with one object per change', async () => {
    const { code, out } = await diff(northstar, amended, '--format', 'json');
    expect(code).toBe(1);
    const json = JSON.parse(out) as { old: string; new: string; changes: Record<string, unknown>[] };
    expect(Object.keys(json)).toEqual(['old', 'new', 'changes']);
    expect(json.old).toBe(northstar);
    expect(json.new).toBe(amended);
    expect(json.changes).toHaveLength(6);
    expect(json.changes[0]).toEqual({
      path: 'sla.targets.resolution.P2.within',
      section: 'sla',
      kind: 'changed',
      label: 'P2 resolution target',
      old: '8 hours',
      new: '6 hours',
      detail: 'extended hours',
      summary: 'P2 resolution target: 8 hours -> 6 hours (extended hours)',
      favours: 'client',
    });
    expect(json.changes.find((c) => c.path === 'term.initialTerm')).not.toHaveProperty('favours');
  });

  it('writes a self-contained HTML page with --out', async () => {
    const { code, out, err } = await diff(northstar, amended, '--format', 'html', '--out', 'review.html');
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toContain('wrote review.html (6 changes)');
    const html = readFileSync(join(scratch, 'review.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<span class="changed-old">8 hours</span>');
    expect(html).toContain('<span class="changed-new">6 hours</span>');
    expect(html).not.toMatch(/<(link|script)\b|src=/);
  });

  it('exits 2 with a located message when a file cannot be loaded', async () => {
    const broken = amendment('broken.contract.yaml', ['initialTerm: 24mo', 'initialTerm: 24 months']);
    const { code, out, err } = await diff(northstar, broken);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/broken\.contract\.yaml:\d+:\d+: term\.initialTerm/);
  });

  it('reports both files when neither can be loaded', async () => {
    const { code, err } = await diff('missing-a.yaml', 'missing-b.yaml');
    expect(code).toBe(2);
    expect(err).toContain('missing-a.yaml does not exist');
    expect(err).toContain('missing-b.yaml does not exist');
  });

  it('rejects an unknown format as a usage error', async () => {
    const { code, err } = await diff(northstar, amended, '--format', 'pdf');
    expect(code).toBe(2);
    expect(err).toMatch(/pdf/);
  });
});
