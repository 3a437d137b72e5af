import { describe, expect, it } from 'vitest';
import { readAccessEvents, type AccessEventReadRecord } from './read-access-events.js';

async function* bytes(text: string): AsyncGenerator<Buffer> {
  yield Buffer.from(text, 'utf8');
}

async function read(text: string, zone?: string): Promise<AccessEventReadRecord[]> {
  const out: AccessEventReadRecord[] = [];
  for await (const record of readAccessEvents(bytes(text), { fileName: 'access.csv', ...(zone ? { zone } : {}) })) out.push(record);
  return out;
}

const header = 'at,account,safeguards,dataCategory,ticket,action\n';

describe('readAccessEvents', () => {
  it('reads CSV rows with safeguards in one cell, split at ; , or |', async () => {
    const records = await read(`${header}2027-03-01T09:15:00-08:00,j.doe@northstar.example,"mfa; access-logging|least-privilege",contact-details,T-1001,read\n`);
    expect(records[0]).toMatchObject({ type: 'access-event', line: 2, event: { at: 1803921300, account: 'j.doe@northstar.example', safeguards: ['mfa', 'access-logging', 'least-privilege'], dataCategory: 'contact-details', ticket: 'T-1001', action: 'read' } });
    expect(records.at(-1)).toEqual({ type: 'end', rowsRead: 1 });
  });

  it('reads JSON Lines with a safeguard list, an id and a shared-account flag', async () => {
    const records = await read('{"id":"acc-9","at":"2027-03-01T17:15:00Z","account":"helpdesk","safeguards":["mfa"],"dataCategory":"payroll","action":"export","sharedAccount":"yes"}\n');
    expect(records[0]).toEqual({ type: 'access-event', line: 1, event: { id: 'acc-9', at: 1803921300, account: 'helpdesk', safeguards: ['mfa'], dataCategory: 'payroll', action: 'export', sharedAccount: true } });
  });

  it('names an event without an id by its content, the same on every read and whatever the safeguard order', async () => {
    const a = await read(`${header}2027-03-01T09:15:00-08:00,j.doe,"mfa;access-logging",contact-details,,read\n`);
    const b = await read('{"at":"2027-03-01T17:15:00Z","account":"j.doe","safeguards":["access-logging","mfa"],"dataCategory":"contact-details","action":"read"}\n');
    const idOf = (r: AccessEventReadRecord[]) => (r[0]?.type === 'access-event' ? r[0].event.id : undefined);
    expect(idOf(a)).toMatch(/^sha256:[0-9a-f]{24}$/);
    expect(idOf(b)).toBe(idOf(a));
  });

  it('reports each bad row with its line and reason, and reads the rest', async () => {
    const records = await read(
      header +
        'yesterday,a,mfa,contact-details,T-1,read\n' +
        '2027-03-01T09:15:00,b,mfa,contact-details,T-2,read\n' +
        '2027-03-01T09:15:00-08:00,,mfa,contact-details,T-3,read\n' +
        '2027-03-01T09:15:00-08:00,c,mfa,contact-details,T-4,read\n',
    );
    expect(records.filter((r) => r.type === 'skip').map((r) => r.type === 'skip' && [r.line, r.field, r.reason])).toEqual([
      [2, 'at', 'not an ISO-8601 instant'],
      [3, 'at', 'local time without an offset, and no zone was given (--zone)'],
      [4, 'account', 'missing account'],
    ]);
    expect(records.filter((r) => r.type === 'access-event')).toHaveLength(1);
  });

  it('places local times in the zone given, and refuses a safeguard list that is not text', async () => {
    const records = await read('{"at":"2027-03-01T09:15","account":"a","safeguards":[1],"dataCategory":"x","action":"read"}\n{"at":"2027-03-01T09:15","account":"a","safeguards":[],"dataCategory":"x","action":"read"}\n', 'America/Los_Angeles');
    expect(records[0]).toMatchObject({ type: 'skip', line: 1, field: 'safeguards' });
    expect(records[1]).toMatchObject({ type: 'access-event', event: { at: 1803921300, safeguards: [] } });
  });

  it('fails a CSV file without a safeguards column: no row could be judged', async () => {
    await expect(read('at,account,dataCategory,action\n2027-03-01T09:15:00Z,a,x,read\n')).rejects.toMatchObject({ code: 'IMPORT_INVALID' });
  });
});
