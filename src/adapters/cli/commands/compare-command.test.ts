import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleContractPath, repoRoot } from '../../../../test/support/examples.js';
import { captureIo } from '../cli-io.js';
import { runCli } from '../program.js';
import './compare-command.js';

const scratch = mkdtempSync(join(tmpdir(), 'compare-cli-'));
const proposals = [exampleContractPath('northstar-tiered'), exampleContractPath('bayline-per-incident'), exampleContractPath('draft-with-gaps')];
const forecast = join(repoRoot, 'examples', 'forecast.yaml');

async function compare(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo({}, scratch);
  const code = await runCli(['compare', ...args], io);
  return { code, out: io.out(), err: io.err() };
}

describe('supportpact compare', () => {
  it('prints the ranking, the break-even volumes, the monthly costs, the terms and the assumptions', async () => {
    const { code, out } = await compare(...proposals, '--forecast', forecast);
    expect(code).toBe(0);
    expect(out).toContain('Cost over the 36 forecast months, cheapest first: quickfix-draft < acme-northstar-2027 < bayline-helpdesk-2027');
    expect(out).toMatch(/Break-even volumes[\s\S]*282–3,200 tickets a month: quickfix-draft < acme-northstar-2027 < bayline-helpdesk-2027/);
    expect(out).toContain('2029-12');
    expect(out).toContain('Coverage hours by channel');
    expect(out).toContain('What the figures assume');
  });

  it('simulates reproducibly: the same seed gives the same JSON, percentiles and chance of being cheapest', async () => {
    const first = await compare(...proposals, '--forecast', forecast, '--simulate', '2000', '--seed', '11', '--format', 'json');
    const second = await compare(...proposals, '--forecast', forecast, '--simulate', '2000', '--seed', '11', '--format', 'json');
    expect(first.code).toBe(0);
    expect(second.out).toBe(first.out);
    const json = JSON.parse(first.out) as { currency: string; simulation: { seed: number; proposals: { id: string; p10: string; p50: string; p90: string; probabilityCheapest: number }[] }; proposals: { totals: { total: string } }[] };
    expect(json.currency).toBe('USD');
    expect(json.simulation.seed).toBe(11);
    const northstar = json.simulation.proposals.find((p) => p.id === 'acme-northstar-2027')!;
    expect(Number(northstar.p10)).toBeLessThan(Number(northstar.p50));
    expect(Number(northstar.p50)).toBeLessThan(Number(northstar.p90));
    expect(json.proposals[0]!.totals.total).toMatch(/^\d+\.\d{2}$/);
  });

  it('writes a self-contained HTML report with inline SVG charts and no scripts or external files', async () => {
    const out = join(scratch, 'report.html');
    const { code, err } = await compare(...proposals, '--forecast', forecast, '--simulate', '500', '--format', 'html', '--out', out);
    expect(code).toBe(0);
    expect(err).toContain('wrote');
    const html = readFileSync(out, 'utf8');
    expect(html.match(/<svg /g)?.length).toBe(3);
    expect(html).not.toMatch(/<script|<link|<img|src=|@import|url\(/i);
    expect(html).toContain('Terms side by side');
  });

  it('asks for volumes when neither --forecast nor --from-history is given (exit 2)', async () => {
    const { code, err } = await compare(proposals[0]!);
    expect(code).toBe(2);
    expect(err).toContain('--forecast <file> or --from-history <contract id>');
  });

  it('reports a missing forecast file and a bad --simulate value (exit 2)', async () => {
    expect((await compare(proposals[0]!, '--forecast', join(scratch, 'none.yaml'))).err).toContain('does not exist');
    const bad = await compare(proposals[0]!, '--forecast', forecast, '--simulate', 'many');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--simulate many is not a whole number');
  });
});
