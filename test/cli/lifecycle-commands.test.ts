import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureIo } from '../../src/adapters/cli/cli-io.js';
import { runCli } from '../../src/adapters/cli/program.js';
import { openStore } from '../../src/adapters/store/open-store.js';
import { exampleContractPath } from '../support/examples.js';

const contract = 'acme-northstar-2027';

async function cli(data: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo({});
  const code = await runCli([...args, '--data', data], io);
  return { code, out: io.out(), err: io.err() };
}

async function storeWithNorthstar(): Promise<string> {
  const data = mkdtempSync(join(tmpdir(), 'cli-lifecycle-'));
  const added = await cli(data, 'contract', 'add', exampleContractPath('northstar-tiered'));
  expect(added.code, added.err).toBe(0);
  return data;
}

describe('key dates on the command line', () => {
  it('lists the opt-out deadline as text, JSON and an iCalendar all-day event, for a stored contract or a file', async () => {
    const data = await storeWithNorthstar();
    const range = ['--from', '2028-10-01', '--to', '2028-12-31'];
    const text = await cli(data, 'dates', '--contract', contract, ...range);
    expect(text.code, text.err).toBe(0);
    expect(text.out).toMatch(/2028-11-02 Thu {2}Last day to give notice stopping renewal 1 \(from 2029-01-01\)\n {15}\(2028-12-31 \+ 1 day\) - 60d · term\.renewal\.optOutNotice/);
    const json = JSON.parse((await cli(data, 'dates', '--contract', contract, ...range, '--format', 'json')).out) as { dates: { on: string; kind: string }[]; contractVersion: number };
    expect(json.dates.filter((d) => d.kind === 'opt-out-deadline').map((d) => d.on)).toEqual(['2028-11-02']);
    const ics = (await cli(data, 'dates', '--contract', contract, ...range, '--format', 'ics')).out.replace(/\r\n[ \t]/g, '');
    const event = ics.split('BEGIN:VEVENT').find((e) => e.includes('SUMMARY:Last day to give notice stopping renewal 1'));
    expect(event).toMatch(/\r\nDTSTART;VALUE=DATE:20281102\r\n/);
    expect(event).toMatch(/\r\nDTEND;VALUE=DATE:20281103\r\n/);
    const fromFile = await cli(data, 'dates', '--contract', exampleContractPath('northstar-tiered'), ...range, '--format', 'json');
    expect(JSON.parse(fromFile.out).dates).toEqual(json.dates);
    expect((await cli(data, 'dates', '--contract', contract, '--from', '2028-12-31', '--to', '2028-10-01')).code).toBe(2);
  }, 60_000);
});

describe('registers and rights on the command line', () => {
  it('records a breach, certificates, access events, an event and exit progress, shows their findings, and audits every change', async () => {
    const data = await storeWithNorthstar();
    const added = await cli(data, 'breach', 'add', '--contract', contract, '--discovered', '2027-06-19T16:40', '--client-data', 'yes', '--records', '1180', '--ca-residents', '640', '--categories', 'contact-details,account-metadata', '--vendor-notified', '2027-06-20T22:40');
    expect(added.code, added.err).toBe(0);
    expect(added.out).toMatch(/^recorded breach incident BR-1 for acme-northstar-2027/);
    const overdue = await cli(data, 'breach', 'list', '--contract', contract, '--as-of', '2027-07-25T09:00');
    expect(overdue.out).toMatch(/1 with a deadline overdue/);
    expect(overdue.out).toMatch(/vendor-to-client +LATE +due 2027-06-20 16:40 +done 2027-06-20 22:40/);
    expect(overdue.out).toMatch(/individuals +OVERDUE +due 2027-07-20 23:59/);
    expect((await cli(data, 'breach', 'update', 'BR-1', '--individuals-notified', '2027-07-15T10:00')).out).toMatch(/updated individualsNotifiedAt of breach incident BR-1/);
    const after = JSON.parse((await cli(data, 'breach', 'list', '--contract', contract, '--as-of', '2027-08-05T09:00', '--format', 'json')).out);
    expect(after.incidents[0].result.deadlines.map((d: { kind: string; status: string }) => `${d.kind}:${d.status}`)).toEqual(['vendor-to-client:late', 'individuals:met', 'attorney-general:overdue']);
    expect(after.incidents[0].incident.discoveredAt).toBe('2027-06-19T23:40:00Z');

    expect((await cli(data, 'insurance', 'add', '--contract', contract, '--type', 'cyber-liability', '--amount', '5000000.00', '--expires', '2027-08-02', '--insurer', 'Beacon Mutual')).out).toMatch(/^filed CERT-1 cyber-liability USD 5,000,000.00 expiring 2027-08-02/);
    const insurance = await cli(data, 'insurance', 'list', '--contract', contract, '--as-of', '2027-07-06');
    expect(insurance.out).toMatch(/MEDIUM +expiring-soon +the cyber-liability certificate expires on 2027-08-02, within 30 days/);
    expect(insurance.out).toMatch(/HIGH +missing +no general-liability certificate on file/);

    const file = join(data, 'access.csv');
    writeFileSync(file, 'at,account,safeguards,dataCategory,ticket,action\n2027-07-01T10:00:00-07:00,helpdesk@northstar.example,access-logging,payroll,T-20002,export\nyesterday,a.okafor@northstar.example,mfa,contact-details,T-20003,read\n');
    const imported = await cli(data, 'access', 'import', file, '--contract', contract);
    expect(imported.out).toMatch(/2 rows, 1 events\n {2}new in the store: 1 events\n {2}1 rows skipped \(not stored\):\n {4}1 × not an ISO-8601 instant \(field at\), e\.g\. "yesterday": line 3/);
    expect((await cli(data, 'access', 'import', file, '--contract', contract)).out).toMatch(/new in the store: 0 events, 1 already stored \(nothing changed\)/);
    const findings = await cli(data, 'access', 'findings', '--contract', contract, '--month', '2027-07');
    expect(findings.out).toMatch(/prohibited-category +helpdesk@northstar\.example accessed payroll, a prohibited category/);
    expect(findings.out).toMatch(/2027-07 +1 +1 +1 +1 +0 +4/);

    expect((await cli(data, 'event', 'add', '--contract', contract, '--kind', 'material-breach', '--started', '2027-06-21', '--party', 'vendor', '--description', 'Exports kept in a personal mailbox')).out).toMatch(/^recorded EV-1 material-breach from 2027-06-21/);
    const rights = await cli(data, 'rights', '--contract', contract, '--as-of', '2027-07-06');
    expect(rights.code, rights.err).toBe(0);
    expect(rights.out).toMatch(/data-breach \(term\.termination\.forCause\[0\]\) · OPEN since 2027-06-19 · client may terminate/);
    expect(rights.out).toMatch(/material-breach .* OPEN since 2027-06-21[\s\S]*notice given 2027-07-06 takes effect 2027-09-04/);
    expect(rights.out).toMatch(/non-payment .* NOT EVALUATED/);
    expect(rights.out).toMatch(/about USD 108,000\.00 \(months-of-fees, ESTIMATE\)/);
    expect(rights.out).toMatch(/note: invoice evidence is not recorded yet/);
    const rightsJson = JSON.parse((await cli(data, 'rights', '--contract', contract, '--as-of', '2027-07-06', '--format', 'json')).out);
    expect(rightsJson.liability.cap.amount).toEqual({ amount: '108000.00', currency: 'USD' });

    expect((await cli(data, 'exit', 'done', '--contract', contract, '--item', 'data-return', '--on', '2027-08-20', '--evidence', 'export receipt #88')).out).toMatch(/^recorded data-return done on 2027-08-20/);
    const exit = await cli(data, 'exit', '--contract', contract, '--notice-date', '2027-05-01', '--ground', 'convenience', '--by', 'client', '--as-of', '2027-09-15');
    expect(exit.out).toMatch(/effective 2027-07-30 \(last day of service 2027-07-29\)/);
    expect(exit.out).toMatch(/DONE +2027-08-29 +data-return: [^\n]*\n[^\n]*\n[^\n]*done 2027-08-20: export receipt #88/);
    expect(exit.out).toMatch(/OVERDUE +2027-09-13 +data-deletion/);

    const verified = await cli(data, 'audit', 'verify');
    expect(verified.code).toBe(0);
    // contract, breach recorded + updated, certificate, access import, event, exit progress.
    expect(verified.out).toMatch(/^audit log intact: 7 entries checked/);
    const store = await openStore({ dataDir: data });
    try {
      const actions = (await store.audit.listAudit()).map((e) => e.action);
      expect(actions).toEqual(['contract.version-added', 'breach.recorded', 'breach.updated', 'insurance.certificate-recorded', 'access.events-imported', 'contract-event.recorded', 'exit.progress-recorded']);
    } finally {
      await store.close();
    }
  }, 180_000);

  it('fails audit verify with exit 1 after one entry is edited and another deleted, naming both', async () => {
    const data = await storeWithNorthstar();
    await cli(data, 'event', 'add', '--contract', contract, '--kind', 'insolvency', '--started', '2027-05-01', '--description', 'Vendor filed for Chapter 11');
    await cli(data, 'insurance', 'add', '--contract', contract, '--type', 'cyber-liability', '--amount', '5000000.00', '--expires', '2027-08-02');
    await cli(data, 'exit', 'done', '--contract', contract, '--item', 'data-return', '--on', '2027-08-20', '--evidence', 'receipt');
    expect((await cli(data, 'audit', 'verify')).code).toBe(0);
    const store = await openStore({ dataDir: data });
    try {
      await store.queryRaw(`UPDATE audit_log SET payload = jsonb_set(payload, '{description}', '"nothing happened"') WHERE seq = 2`);
      await store.queryRaw('DELETE FROM audit_log WHERE seq = 3');
    } finally {
      await store.close();
    }
    const broken = await cli(data, 'audit', 'verify');
    expect(broken.code).toBe(1);
    expect(broken.out).toMatch(/^audit log BROKEN: first broken entry 2 \(hash-mismatch\)/);
    expect(broken.out).toMatch(/entry 4: missing-entries: Entry 3 is missing before entry 4\./);
    const json = JSON.parse((await cli(data, 'audit', 'verify', '--format', 'json')).out);
    expect(json.breaks.map((b: { seq: number; reason: string }) => [b.seq, b.reason])).toEqual([
      [2, 'hash-mismatch'],
      [4, 'missing-entries'],
    ]);
  }, 120_000);
});
