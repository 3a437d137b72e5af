import { beforeAll, describe, expect, it } from 'vitest';
import { computeScorecard } from '../../app/compute-scorecard.js';
import type { MonthlyScorecard } from '../../domain/measures/index.js';
import { compileSlaPolicy } from '../../domain/sla/index.js';
import { loadExample } from '../../domain/sla/test-support/ticket-builder.js';
import { generateDemoData } from './generate-demo-data.js';

const contract = loadExample('northstar-tiered');
const policy = compileSlaPolicy(contract);

/** The three demo months measured by the real engine at the demo's now. */
async function scorecards(seed: number): Promise<Map<string, MonthlyScorecard>> {
  const data = generateDemoData({ seed, contract });
  const cards = new Map<string, MonthlyScorecard>();
  for (const month of data.months) {
    cards.set(month, await computeScorecard({ contract, month, asOf: data.demoNow, tickets: data.tickets.map((t) => t.events), outages: data.outages, vendorReports: data.vendorReports, policy }));
  }
  return cards;
}

const level = (card: MonthlyScorecard, id: string) => card.serviceLevels.find((l) => l.id === id)!;
const quality = (card: MonthlyScorecard, id: string) => card.quality.find((q) => q.id === id)!;
const percent = (share: { numerator: number; denominator: number } | undefined) => (share ? share.numerator / share.denominator : Number.NaN);

// The picture is scripted by quotas, so it must hold for any seed: two are checked.
describe.each([42, 2027])('generateDemoData scored by computeScorecard (seed %i)', (seed) => {
  let cards = new Map<string, MonthlyScorecard>();
  beforeAll(async () => {
    cards = await scorecards(seed);
  });

  it('misses p1-response in March only (3 late P1 replies of ~30), and keeps the other service levels', () => {
    const [march, april, may] = [...cards.values()] as [MonthlyScorecard, MonthlyScorecard, MonthlyScorecard];
    expect(level(march, 'p1-response')).toMatchObject({ result: 'missed', breached: 3 });
    expect(march.allServiceLevelsMet).toBe(false);
    for (const card of [april, may]) {
      expect(level(card, 'p1-response')).toMatchObject({ result: 'met', breached: 1 });
      expect(card.allServiceLevelsMet).toBe(true);
    }
    for (const card of [march, april, may]) {
      for (const id of ['p1-resolution', 'p2-response', 'p2-resolution', 'p3p4-resolution']) expect(level(card, id).result, `${card.month} ${id}`).toBe('met');
    }
  });

  it('breaches a few clocks every month (under 12% of a P1 level of ~30, under 6% of the larger ones), P1s and a P2 first reply among them', () => {
    for (const card of cards.values()) {
      const breached = card.serviceLevels.reduce((sum, l) => sum + l.breached, 0);
      expect(breached, card.month).toBeGreaterThan(0);
      for (const l of card.serviceLevels) expect(l.breached / l.settled, `${card.month} ${l.id}`).toBeLessThan(l.id.startsWith('p1-') ? 0.12 : 0.06);
      expect(level(card, 'p1-resolution').breached).toBeGreaterThan(0);
      expect(level(card, 'p2-response').breached).toBeGreaterThan(0);
      expect(level(card, 'p1-response').settled).toBeGreaterThanOrEqual(20);
    }
  });

  it('keeps first-contact resolution between 65% and 80%, missing 70% in April only', () => {
    for (const card of cards.values()) {
      const fcr = quality(card, 'fcr');
      expect(percent(fcr.share), card.month).toBeGreaterThanOrEqual(0.65);
      expect(percent(fcr.share), card.month).toBeLessThanOrEqual(0.8);
      expect(fcr.result, card.month).toBe(card.month === '2027-04' ? 'missed' : 'met');
    }
  });

  it('passes the 5% reopen rate in April only, and keeps P1 mean time to resolve under 3h', () => {
    for (const card of cards.values()) {
      const reopen = quality(card, 'reopen-rate');
      if (card.month === '2027-04') expect(percent(reopen.share)).toBeGreaterThan(0.05);
      else expect(percent(reopen.share), card.month).toBeLessThan(0.045);
      expect(reopen.result).toBe(card.month === '2027-04' ? 'missed' : 'met');
      expect(quality(card, 'mttr-p1')).toMatchObject({ result: 'met' });
    }
  });

  it('misses phone-line availability in May: 108 minutes down, below 99.9% and longer than 1h', () => {
    expect(cards.get('2027-05')!.availability[0]).toMatchObject({ result: 'missed', outageSeconds: 6480, longestOutageSeconds: 6480, longestOutageTooLong: true, availability: { percent: '99.76%' } });
    expect(cards.get('2027-03')!.availability[0]).toMatchObject({ result: 'met', outageSeconds: 540 });
    expect(cards.get('2027-04')!.availability[0]).toMatchObject({ result: 'met', outageSeconds: 1320 });
  });

  it('has the April report late (after the 5th business day of May), March on time and May not yet due at now', () => {
    expect(cards.get('2027-03')!.vendorReport?.result).toBe('on-time');
    const april = cards.get('2027-04')!.vendorReport!;
    expect(april.result).toBe('late');
    expect(april.deliveredAt!).toBeGreaterThan(april.dueAt);
    expect(cards.get('2027-05')!.vendorReport?.result).toBe('not-due');
  });

  it('lists both kinds of out-of-scope tickets, chats outside coverage, and maps every priority', () => {
    for (const card of cards.values()) {
      expect(card.outOfScope.some((o) => o.reason === 'excluded service onsite-hardware-repair'), card.month).toBe(true);
      expect(card.outOfScope.some((o) => o.reason === 'technology not covered: Windows 10'), card.month).toBe(true);
      expect(card.outOfScope.length).toBeLessThanOrEqual(12);
      expect(card.unmappedPriorities).toEqual({});
      expect(card.volumes.created).toBeGreaterThan(1000);
      expect(card.volumes.extras['after-hours-p1']!.length).toBeGreaterThan(0);
    }
    const lateChats = [...cards.values()].reduce((sum, c) => sum + (c.coverage.find((x) => x.channel === 'chat')?.createdOutsideCoverage ?? 0), 0);
    expect(lateChats).toBeGreaterThan(0);
    expect(lateChats).toBeLessThan(20);
  });
});
