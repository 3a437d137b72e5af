import { afterEach, describe, expect, it } from 'vitest';
import { readExampleContract } from '../../../test/support/examples.js';
import { at } from '../../../test/support/northstar-store.js';
import { keyDates } from '../../app/key-dates.js';
import { parseContract } from '../../domain/contract/parse-contract.js';
import { renderKeyDatesIcs } from './key-dates-ics.js';

const northstar = parseContract(readExampleContract('northstar-tiered'), 'northstar.contract.yaml').contract;
const incident = { id: 'BR-1', discoveredAt: at('2027-03-05T22:00:00-08:00'), clientDataInvolved: true, recordsAffected: 1180, californiaResidentsAffected: 640, dataCategories: ['contact-details'] };
const result = keyDates({ contract: northstar, from: '2027-01-01', to: '2028-12-31', now: at('2027-03-06T12:00:00-08:00'), breachIncidents: [incident] });

type Properties = Map<string, { params: string; value: string }>;

/** A small RFC 5545 reader: unfolds continuation lines, then collects each VEVENT's properties by name. */
function parseEvents(ics: string): Properties[] {
  expect(ics).toMatch(/\r\n/);
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  const events: Properties[] = [];
  let current: Properties | undefined;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = new Map();
    else if (line === 'END:VEVENT') {
      events.push(current!);
      current = undefined;
    } else if (current) {
      const colon = line.indexOf(':');
      const [name, ...params] = line.slice(0, colon).split(';');
      current.set(name!, { params: params.join(';'), value: line.slice(colon + 1) });
    }
  }
  return events;
}

const originalZone = process.env.TZ;
afterEach(() => {
  if (originalZone === undefined) delete process.env.TZ;
  else process.env.TZ = originalZone;
});

describe('renderKeyDatesIcs', () => {
  it('writes the northstar opt-out deadline as an all-day event on 2028-11-02 that ends the next day', () => {
    const events = parseEvents(renderKeyDatesIcs(result, { stampAt: at('2027-03-06T12:00:00-08:00') }));
    const optOut = events.find((e) => e.get('SUMMARY')?.value.startsWith('Last day to give notice stopping renewal 1'));
    expect(optOut?.get('DTSTART')).toEqual({ params: 'VALUE=DATE', value: '20281102' });
    expect(optOut?.get('DTEND')).toEqual({ params: 'VALUE=DATE', value: '20281103' });
    expect(optOut?.get('DESCRIPTION')?.value).toContain('Clause: term.renewal.optOutNotice');
    expect(optOut?.get('DTSTAMP')?.value).toBe('20270306T200000Z');
  });

  it('writes every whole-day date as a DATE and every instant in UTC, never with a zone', () => {
    const ics = renderKeyDatesIcs(result, { stampAt: 0 });
    expect(ics).not.toMatch(/TZID|VTIMEZONE|X-WR-TIMEZONE/);
    const events = parseEvents(ics);
    expect(events).toHaveLength(result.dates.length + result.deadlines.length);
    const timed = events.filter((e) => e.get('DTSTART')?.params !== 'VALUE=DATE');
    // The vendor's 24h: 2027-03-05T22:00-08:00 + 24h = 2027-03-07T06:00Z.
    expect(timed.map((e) => e.get('DTSTART'))).toEqual([{ params: '', value: '20270307T060000Z' }]);
    expect(timed.map((e) => e.get('DTEND'))).toEqual([undefined]);
    for (const e of events.filter((x) => !timed.includes(x))) expect(e.get('DTSTART')?.value).toMatch(/^\d{8}$/);
  });

  it('gives every event a UID of its own that stays the same on the next render', () => {
    const uids = (stampAt: number) => parseEvents(renderKeyDatesIcs(result, { stampAt })).map((e) => e.get('UID')?.value);
    const first = uids(0);
    expect(new Set(first).size).toBe(first.length);
    expect(uids(at('2027-09-01T00:00:00Z'))).toEqual(first);
    expect(first).toContain('opt-out-deadline-2028-11-02-term-renewal-optoutnotice@acme-northstar-2027.supportpact');
  });

  it("does not depend on the machine's time zone (all-day dates are not shifted by local getters)", () => {
    process.env.TZ = 'Pacific/Kiritimati';
    const east = renderKeyDatesIcs(result, { stampAt: 0 });
    process.env.TZ = 'Pacific/Pago_Pago';
    const west = renderKeyDatesIcs(result, { stampAt: 0 });
    expect(new Date(Date.UTC(2028, 10, 2)).getDate()).toBe(1);
    expect(west).toBe(east);
  });
});
