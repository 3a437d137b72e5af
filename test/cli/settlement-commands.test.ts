import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { captureIo } from '../../src/adapters/cli/cli-io.js';
import { runCli } from '../../src/adapters/cli/program.js';
import { demoEventsToJsonl, demoOutagesToJsonl, demoVendorReportsToJsonl, generateDemoData } from '../../src/adapters/demo/index.js';
import { defaultChromiumPath } from '../../src/adapters/render/print-pdf.js';
import { baylineMonthTickets, jsonlOfTickets } from '../../src/app/test-support/settlement-fixture.js';
import { parseContract } from '../../src/domain/contract/parse-contract.js';
import { parseMoney } from '../../src/domain/money/index.js';
import { exampleContractPath, readExampleContract } from '../support/examples.js';

async function cli(data: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo({});
  const code = await runCli([...args, '--data', data], io);
  return { code, out: io.out(), err: io.err() };
}

const chromiumPath = process.env.SUPPORTPACT_CHROMIUM ?? defaultChromiumPath;
// As in print-pdf.test.ts: on CI a missing Chromium fails the PDF journey instead of skipping it.
const runPdf = existsSync(chromiumPath) || process.env.CI === 'true';

describe('settlement commands on Bayline with two months of tickets', () => {
  const work = mkdtempSync(join(tmpdir(), 'cli-settle-'));
  const data = join(work, 'data');
  const bayline = 'bayline-helpdesk-2027';

  beforeAll(async () => {
    const events = join(work, 'bayline.jsonl');
    writeFileSync(events, jsonlOfTickets([...baylineMonthTickets('2027-03', 900, 1), ...baylineMonthTickets('2027-04', 850, 2)]));
    expect((await cli(data, 'contract', 'add', exampleContractPath('bayline-per-incident'))).code).toBe(0);
    const imported = await cli(data, 'import', 'jsonl', events, '--contract', bayline);
    expect(imported.code, imported.err).toBe(0);
  }, 120_000);

  it('shows a draft, the same bytes each time in JSON and HTML, then issues it once and refuses a second issue', async () => {
    const draft = await cli(data, 'invoice', '--contract', bayline, '--month', '2027-03');
    expect(draft.code, draft.err).toBe(0);
    expect(draft.out).toMatch(/^INVOICE bayline-helpdesk-2027-2027-03 \(draft\)\n/);
    expect(draft.err).toContain('draft invoice for 2027-03, not issued (add --issue to issue it); measured as of the start of 2027-04-30 (America/Los_Angeles)');
    for (const format of ['json', 'html']) {
      const first = await cli(data, 'invoice', '--contract', bayline, '--month', '2027-03', '--format', format);
      const second = await cli(data, 'invoice', '--contract', bayline, '--month', '2027-03', '--format', format);
      expect(first.code).toBe(0);
      expect(second.out).toBe(first.out);
    }
    const draftJson = JSON.parse((await cli(data, 'invoice', '--contract', bayline, '--month', '2027-03', '--format', 'json')).out) as { totals: { total: string } };

    const issued = await cli(data, 'invoice', '--contract', bayline, '--month', '2027-03', '--issue');
    expect(issued.code, issued.err).toBe(0);
    expect(issued.err).toMatch(/^issued invoice BH-2027-0001 for 2027-03: USD [0-9,.]+, issued 2027-04-30, due 2027-06-14/);
    expect(issued.out).toMatch(/^INVOICE BH-2027-0001 \(issued\)\n/);
    const shown = JSON.parse((await cli(data, 'invoice', '--contract', bayline, '--month', '2027-03', '--format', 'json')).out) as { id: string; state: string; totals: { total: string } };
    expect(shown).toMatchObject({ id: 'BH-2027-0001', state: 'issued', totals: { total: draftJson.totals.total } });

    const again = await cli(data, 'invoice', '--contract', bayline, '--month', '2027-03', '--issue');
    expect(again.code).toBe(1);
    expect(again.err).toContain('2027-03 already has invoice BH-2027-0001, issued on 2027-04-30');
    expect(again.err).toContain(`supportpact credit-note --contract ${bayline} --invoice BH-2027-0001 --amount <amount> --reason "<why>"`);
  }, 120_000);

  it("issues April with March's capped credits as CSV lines", async () => {
    const april = await cli(data, 'invoice', '--contract', bayline, '--month', '2027-04', '--issue', '--format', 'csv');
    expect(april.code, april.err).toBe(0);
    const rows = april.out.trim().split(/\r?\n/);
    expect(rows[0]).toBe('document_id,kind,line_id,line_kind,description,quantity,unit,unit_price,amount,currency,clause,evidence,notes');
    expect(rows.filter((r) => r.includes(',credit,')).map((r) => r.split(',')[2])).toEqual(['credit-0', 'credit-1', 'credit-2']);
  }, 60_000);

  it('records payments with clear errors for bad amounts, corrects with a credit note, and states interest on the overdue invoice', async () => {
    const bad = async (amount: string) => (await cli(data, 'payment', 'add', '--contract', bayline, '--amount', amount, '--received', '2027-06-30')).err.split('\n')[0];
    expect(await bad('12,50')).toBe('error: amount "12,50" uses a comma as the decimal point: write "12.50"');
    expect(await bad('1e3')).toBe('error: amount "1e3" uses an exponent: write "1000"');
    expect(await bad('-5.00')).toBe('error: amount "-5.00" is negative: it cannot be below zero here; write "5.00" if the sign was a mistake');
    const paid = await cli(data, 'payment', 'add', '--contract', bayline, '--amount', '20000.00', '--received', '2027-06-30', '--reference', 'BH-2027-0001', '--method', 'ach');
    expect(paid.code, paid.err).toBe(0);
    expect(paid.out).toContain('recorded payment PMT-0001: USD 20,000.00 received 2027-06-30, reference BH-2027-0001 by ach');
    expect(JSON.parse((await cli(data, 'payment', 'list', '--contract', bayline, '--format', 'json')).out)).toEqual([{ id: 'PMT-0001', receivedOn: '2027-06-30', amount: '20000.00', currency: 'USD', reference: 'BH-2027-0001', method: 'ach' }]);

    const note = await cli(data, 'credit-note', '--invoice', 'BH-2027-0002', '--amount', '100.00', '--line', 'per-incident-P3', '--reason', 'three P3 tickets were duplicates', '--issue-on', '2027-06-01');
    expect(note.code, note.err).toBe(0);
    expect(note.out).toMatch(/^CREDIT NOTE BH-2027-0002-CN1\nCorrects invoice BH-2027-0002 of bayline-helpdesk-2027; issued 2027-06-01\nReason: three P3 tickets were duplicates\n/);

    const statement = await cli(data, 'statement', '--contract', bayline, '--as-of', '2027-07-31', '--format', 'json');
    expect(statement.code, statement.err).toBe(0);
    const json = JSON.parse(statement.out) as { lines: { invoiceId: string; status: string; total: string; paid: string; credited: string; balance: string; interest: string; interestSlices: { fromOn: string; toOn: string; days: number; unpaid: string }[] }[] };
    const [march, april] = json.lines;
    // March: due 2027-06-14, no grace, 10% a year. 15 days on the whole total, then 32 days on what the payment left.
    expect(march?.interestSlices.map((s) => [s.fromOn, s.toOn, s.days, s.unpaid])).toEqual([
      ['2027-06-15', '2027-06-29', 15, march?.total],
      ['2027-06-30', '2027-07-31', 32, march?.balance],
    ]);
    const minor = (text: string | undefined) => parseMoney(text, 'USD').minor;
    expect(minor(march?.balance)).toBe(minor(march?.total) - 2_000_000n);
    expect(march?.status).toBe('overdue');
    expect(april).toMatchObject({ invoiceId: 'BH-2027-0002', credited: '100.00', status: 'overdue' });
    const text = await cli(data, 'statement', '--contract', bayline, '--as-of', '2027-07-31');
    expect(text.out).toMatch(/^STATEMENT bayline-helpdesk-2027 as of 2027-07-31 \(USD\)/);
    expect(text.out).toContain('Late interest: 10% per 12 months (10% a year), simple interest, actual/365');
  }, 120_000);

  it.runIf(runPdf)('prints the issued invoice to PDF', async () => {
    const out = join(work, 'march.pdf');
    const printed = await cli(data, 'invoice', '--contract', bayline, '--month', '2027-03', '--format', 'pdf', '--out', out);
    expect(printed.code, printed.err).toBe(0);
    expect(printed.err).toContain(`wrote ${out}`);
    const pdf = readFileSync(out).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf).toContain('/Title (Invoice BH-2027-0001)');
  }, 120_000);
});

describe('settlement commands on the Northstar demo', () => {
  it('imports three months of demo tickets, outages and vendor reports, issues the March and April invoices and states the account', async () => {
    const work = mkdtempSync(join(tmpdir(), 'cli-settle-demo-'));
    const data = join(work, 'data');
    const contract = parseContract(readExampleContract('northstar-tiered'), 'northstar-tiered.contract.yaml').contract;
    const demo = generateDemoData({ seed: 42, contract });
    const files = { jsonl: demoEventsToJsonl(demo), outages: demoOutagesToJsonl(demo), 'vendor-reports': demoVendorReportsToJsonl(demo) };
    expect((await cli(data, 'contract', 'add', exampleContractPath('northstar-tiered'))).code).toBe(0);
    for (const [source, text] of Object.entries(files)) {
      const file = join(work, `demo.${source}.jsonl`);
      writeFileSync(file, text);
      const imported = await cli(data, 'import', source, file, '--contract', contract.id);
      expect(imported.code, imported.err).toBe(0);
    }

    const march = await cli(data, 'invoice', '--contract', contract.id, '--month', '2027-03', '--issue');
    expect(march.code, march.err).toBe(0);
    expect(march.out).toMatch(/^INVOICE NS-2027-0001 \(issued\)/);
    expect(march.out).toContain('Resolved tickets 1–500                            500      18.00       9,000.00');

    const april = await cli(data, 'invoice', '--contract', contract.id, '--month', '2027-04', '--issue', '--format', 'json');
    expect(april.code, april.err).toBe(0);
    const json = JSON.parse(april.out) as { id: string; issueOn: string; dueOn: string; lines: { id: string; kind: string; quantity: string; unit: string; clause: string }[]; adjustments: { month: string } };
    // Monday 2027-05-03: May 1 is a Saturday.
    expect(json).toMatchObject({ id: 'NS-2027-0002', issueOn: '2027-05-03', dueOn: '2027-06-02', adjustments: { month: '2027-03' } });
    // The demo's March has three late P1 first replies: p1-response is missed, 5% of March's fees.
    expect(json.lines.filter((l) => l.kind === 'credit').map((l) => [l.id, l.quantity, l.unit, l.clause])).toEqual([['credit-0', '5%', 'of 2027-03 fees', 'sla.credits[0]']]);

    const statement = await cli(data, 'statement', '--contract', contract.id, '--as-of', '2027-06-15');
    expect(statement.code, statement.err).toBe(0);
    expect(statement.out).toMatch(/NS-2027-0001 +2027-03 2027-05-01 .* overdue +45 /);
    expect(statement.out).toContain('interest 2027-05-07 to 2027-06-15: 40 days on');
  }, 400_000);
});
