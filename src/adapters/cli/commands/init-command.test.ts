import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureIo } from '../cli-io.js';
import { runCli } from '../program.js';
import './init-command.js';

const scratch = mkdtempSync(join(tmpdir(), 'init-cli-'));

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo({}, scratch);
  const code = await runCli(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe('supportpact init', () => {
  it('prints the tiered template to standard output by default', async () => {
    const { code, out } = await cli('init');
    expect(code).toBe(0);
    expect(out).toMatch(/^# SupportPact contract file/);
    expect(out).toContain('model: tiered');
  });

  it('prints the template named by --template', async () => {
    expect((await cli('init', '--template', 'per-incident')).out).toContain('model: per-incident');
    expect((await cli('init', '--template', 'fixed')).out).toContain('model: fixed');
  });

  it('rejects an unknown template as a usage error', async () => {
    const { code, err } = await cli('init', '--template', 'hourly');
    expect(code).toBe(2);
    expect(err).toMatch(/hourly/);
  });

  it('writes --out, relative to the working directory, and the file passes check', async () => {
    const { code, err } = await cli('init', '--template', 'fixed', '--out', 'fixed.contract.yaml');
    expect(code).toBe(0);
    expect(err).toContain('wrote fixed.contract.yaml (fixed template)');
    expect(readFileSync(join(scratch, 'fixed.contract.yaml'), 'utf8')).toContain('model: fixed');
    const check = await cli('check', 'fixed.contract.yaml');
    expect(check.code).toBe(0);
    expect(check.out).toContain('0 errors, 0 warnings, 1 info');
  });

  it('refuses to overwrite an existing file and leaves it untouched', async () => {
    const file = join(scratch, 'mine.contract.yaml');
    writeFileSync(file, 'my edits\n');
    const { code, err } = await cli('init', '--out', 'mine.contract.yaml');
    expect(code).toBe(2);
    expect(err).toContain('mine.contract.yaml already exists');
    expect(err).toContain('--force');
    expect(readFileSync(file, 'utf8')).toBe('my edits\n');
  });

  it('overwrites an existing file with --force', async () => {
    const file = join(scratch, 'forced.contract.yaml');
    writeFileSync(file, 'old\n');
    expect((await cli('init', '--out', 'forced.contract.yaml', '--force')).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('model: tiered');
  });

  it('says so when the folder of --out does not exist', async () => {
    const { code, err } = await cli('init', '--out', 'no-such-folder/c.yaml');
    expect(code).toBe(2);
    expect(err).toMatch(/folder .* does not exist/);
    expect(existsSync(join(scratch, 'no-such-folder'))).toBe(false);
  });
});
