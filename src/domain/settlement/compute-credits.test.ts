import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney, money, type Money } from '../money/index.js';
import type { SettledMonth } from './adjustment-types.js';
import { computeCredits, settledMonthOf } from './compute-credits.js';
import { contractWith, example, scorecardFor, usd } from './test-support/fixtures.js';

const plain = (m: Money): string => formatMoney(m, 'plain');

/** Accord Project's servicelevelagreement template as a SupportPact contract (GBP, 10.00 a month). */
function accordContract(credit2: string): ReturnType<typeof contractWith> {
  return contractWith(
    `calendars:
  always: { timezone: Europe/London, hours: { mon-sun: ["00:00-24:00"] } }
sla:
  priorities: { P1: { name: Priority 1 } }
  availability:
    - { id: priority-1, service: Priority 1 service, target: "99.8%", calendar: always }
  credits:
    - { when: { availability: priority-1, below: "99.8%" }, credit: "2%" }
    - { when: { availability: priority-1, below: "98%" }, credit: "${credit2}" }
  creditCap: { monthly: "10%", rolling12Months: "10%" }
pricing:
  model: fixed
  base: { monthly: "10.00" }
`,
    'GBP',
  );
}

/** Availability as a share of 100,000 seconds: `levelOf('99.7')` is 99,700 of 100,000. */
function levelOf(percent: string): { available: readonly [number, number] } {
  const [whole, frac = ''] = percent.split('.');
  return { available: [Number(whole) * 1000 + Number(frac.padEnd(3, '0')), 100_000] };
}

function gbpHistory(month: string, feesEach: string, credits: readonly string[]): SettledMonth[] {
  const gbp = (text: string): Money => money(BigInt(text.replace('.', '')), 'GBP');
  return credits.map((credit, i) => ({
    month: `2026-${String(i + 1).padStart(2, '0')}`,
    fees: gbp(feesEach),
    creditsGranted: gbp(credit),
    bonusesGranted: money(0n, 'GBP'),
  })).filter((m) => m.month < month);
}

describe('computeCredits', () => {
  describe('the Accord Project servicelevelagreement examples (monthly charge 10.00, caps 10% and 10%)', () => {
    const accord = accordContract('3%');
    const credit = (level: string, history: SettledMonth[] = [], contract = accord): string =>
      plain(computeCredits(contract, scorecardFor(contract, '2026-12', { availability: { 'priority-1': levelOf(level) } }), history).credits.total);

    it('gives no credit for 100% availability', () => {
      expect(credit('100')).toBe('0.00');
    });

    it('gives 2% (0.20) for 99.7% availability', () => {
      expect(credit('99.7')).toBe('0.20');
    });

    it('gives the worse band only, 3% (0.30), for 97.0% availability', () => {
      expect(credit('97')).toBe('0.30');
    });

    it('caps an 11% credit (1.10) at the 10% monthly cap: 1.00', () => {
      expect(credit('97', [], accordContract('11%'))).toBe('1.00');
    });

    it('caps at the rolling cap: 10% of (110.00 + 10.00) less 11.01 already credited is 0.99', () => {
      const history = gbpHistory('2026-12', '10.00', ['1.01', '1.00', '1.00', '1.00', '1.00', '1.00', '1.00', '1.00', '1.00', '1.00', '1.00']);
      const result = computeCredits(accordContract('11%'), scorecardFor(accord, '2026-12', { availability: { 'priority-1': levelOf('97') } }), history).credits;
      expect(plain(result.total)).toBe('0.99');
      expect(result.caps.map((c) => [c.cap, plain(c.limit), plain(c.cutBy)])).toEqual([['monthly', '1.00', '0.10'], ['rolling12Months', '0.99', '0.01']]);
    });

    it('treats thresholds as strict: exactly 99.8% gives no credit and exactly 98.0% only the 2% band', () => {
      expect(credit('99.8')).toBe('0.00');
      expect(credit('99.799')).toBe('0.20');
      expect(credit('98')).toBe('0.20');
      expect(credit('97.999')).toBe('0.30');
    });
  });

  it('counts only the worst availability band: 98.50% gives 15%, not 5% + 15%', () => {
    const northstar = example('northstar-tiered');
    const card = scorecardFor(northstar, '2027-03', { availability: { 'phone-line': { available: [985, 1000], outages: ['OUT-7', 'OUT-9'] } }, resolvedByPriority: { P3: 1200 } });
    const credits = computeCredits(northstar, card, []).credits;
    const line = credits.lines.find((l) => l.measure === 'availability phone-line')!;
    expect(line).toMatchObject({ ruleIndex: 7, threshold: 'below 99.0%', percent: '15%', supersedes: [6], measured: expect.stringMatching(/^98\.50%/) });
    expect(line.evidence).toMatchObject({ kind: 'outages', ids: ['OUT-7', 'OUT-9'] });
    expect(plain(line.uncappedAmount)).toBe('3525.00');
    expect(credits.notApplied.find((o) => o.ruleIndex === 6)).toMatchObject({ status: 'superseded' });
  });

  it('applies the northstar caps in order and spreads the cut over the lines exactly', () => {
    const northstar = example('northstar-tiered');
    const card = scorecardFor(northstar, '2027-03', { availability: { 'phone-line': { available: [985, 1000] } }, levels: { 'p1-response': [18, 20] }, resolvedByPriority: { P3: 1200 } });
    const credits = computeCredits(northstar, card, []).credits;
    expect(plain(credits.fees)).toBe('23500.00');
    expect(plain(credits.uncapped)).toBe('4700.00');
    // Monthly 15% of 23,500.00 = 3,525.00; rolling 10% of the only month on record = 2,350.00.
    expect(credits.caps.map((c) => [c.cap, plain(c.limit), plain(c.cutBy)])).toEqual([['monthly', '3525.00', '1175.00'], ['rolling12Months', '2350.00', '1175.00']]);
    expect(credits.lines.map((l) => [l.clause, plain(l.uncappedAmount), plain(l.amount)])).toEqual([
      ['sla.credits[0]', '1175.00', '587.50'],
      ['sla.credits[7]', '3525.00', '1762.50'],
    ]);
    expect(credits.explanation.join(' ')).toContain('cuts USD 1,175.00');
  });

  it('never triggers a credit on no data, and lists why', () => {
    const northstar = example('northstar-tiered');
    const card = scorecardFor(northstar, '2027-03', {
      levels: { 'p1-response': 'no-data', 'p1-resolution': 'no-data' },
      quality: { fcr: { result: 'no-data' } },
      availability: { 'phone-line': { available: [0, 0] } },
      vendorReport: 'not-due',
    });
    const credits = computeCredits(northstar, card, [], { fees: usd('10000.00') }).credits;
    expect(credits.lines).toEqual([]);
    expect(credits.notApplied.filter((o) => o.status === 'no-data').map((o) => o.ruleIndex)).toEqual([0, 1, 5, 6, 7, 8, 9]);
  });

  it('credits a missed quality measure, a late vendor report and an outage over the limit, with their evidence', () => {
    const northstar = example('northstar-tiered');
    const card = scorecardFor(northstar, '2027-03', {
      quality: { fcr: { share: [12, 20], result: 'missed', tickets: ['T-3', 'T-8'] } },
      availability: { 'phone-line': { available: [2_674_000, 2_678_400], longestOutageSeconds: 4_400, outages: ['OUT-1'] } },
      vendorReport: 'late',
    });
    const credits = computeCredits(northstar, card, [], { fees: usd('10000.00') }).credits;
    // 11% of 10,000.00 before caps; the rolling cap (10% of the only month on record) allows 1,000.00.
    expect(plain(credits.total)).toBe('1000.00');
    expect(credits.lines.map((l) => [l.ruleIndex, l.percent, plain(l.uncappedAmount)])).toEqual([
      [5, '2%', '200.00'],
      [6, '5%', '500.00'],
      [8, '3%', '300.00'],
      [9, '1%', '100.00'],
    ]);
    expect(credits.lines[0]!.evidence.ids).toEqual(['T-3', 'T-8']);
    expect(credits.lines[2]!.measured).toBe('longest outage 1h 13m 20s');
    expect(credits.lines[3]!.evidence.kind).toBe('vendor-report');
  });

  it('floors the rolling headroom at zero: credits granted earlier are never clawed back', () => {
    const northstar = example('northstar-tiered');
    const history: SettledMonth[] = [{ month: '2027-02', fees: usd('10000.00'), creditsGranted: usd('1500.00'), bonusesGranted: usd('0.00') }];
    const card = scorecardFor(northstar, '2027-03', { levels: { 'p1-response': [1, 2] } });
    const credits = computeCredits(northstar, card, history, { fees: usd('1000.00') }).credits;
    // 10% of 11,000.00 is 1,100.00, already exceeded by 1,500.00: nothing more, nothing taken back.
    expect(plain(credits.caps[1]!.limit)).toBe('0.00');
    expect(plain(credits.total)).toBe('0.00');
    expect(credits.lines.map((l) => plain(l.amount))).toEqual(['0.00']);
  });

  it('reads only the 11 months before from the history for the rolling cap', () => {
    const northstar = example('northstar-tiered');
    const old: SettledMonth = { month: '2026-03', fees: usd('100000.00'), creditsGranted: usd('0.00'), bonusesGranted: usd('0.00') };
    const card = scorecardFor(northstar, '2027-03', { levels: { 'p1-response': [1, 2] } });
    const credits = computeCredits(northstar, card, [old], { fees: usd('1000.00') }).credits;
    expect(plain(credits.caps[1]!.limit)).toBe('100.00');
  });

  it('rejects a history that lists a month twice', () => {
    const northstar = example('northstar-tiered');
    const entry: SettledMonth = { month: '2027-02', fees: usd('1.00'), creditsGranted: usd('0.00'), bonusesGranted: usd('0.00') };
    expect(() => computeCredits(northstar, scorecardFor(northstar, '2027-03'), [entry, entry], { fees: usd('1.00') })).toThrow(/2027-02 twice/);
  });

  describe('bonuses', () => {
    const northstar = example('northstar-tiered');
    const met = (month: string): SettledMonth => settledMonthOf(computeCredits(northstar, scorecardFor(northstar, month), [], { fees: usd('10000.00') }), scorecardFor(northstar, month));

    it('earns the all-service-levels bonus after three consecutive months, and the FCR bonus at exactly 80%', () => {
      const card = scorecardFor(northstar, '2027-03', { quality: { fcr: { share: [16, 20], result: 'met' } } });
      const bonuses = computeCredits(northstar, card, [met('2027-01'), met('2027-02')], { fees: usd('10000.00') }).bonuses;
      expect(bonuses.lines.map((l) => [l.clause, l.percent, plain(l.uncappedAmount), plain(l.amount)])).toEqual([
        ['sla.incentives[0]', '2%', '200.00', '200.00'],
        ['sla.incentives[1]', '3%', '300.00', '300.00'],
      ]);
      expect(bonuses.lines[1]!.evidence.ids).toEqual(['2027-01', '2027-02', '2027-03']);
    });

    it('caps bonuses at the incentive cap (5% monthly)', () => {
      const contract = contractWith(`sla:
  priorities: { P1: { name: Urgent } }
  serviceLevels: [{ id: all, metric: resolution, priorities: [P1], atLeast: "90%" }]
  quality: [{ id: fcr, metric: firstContactResolution, atLeast: "70%" }]
  incentives:
    - { when: { quality: fcr, atLeast: "80%" }, bonus: "2%" }
    - { when: { quality: fcr, atLeast: "90%" }, bonus: "4%" }
    - { when: { allServiceLevelsMet: true }, bonus: "3%" }
  incentiveCap: { monthly: "5%" }
`);
      const bonuses = computeCredits(contract, { ...scorecardFor(contract, '2027-03', { quality: { fcr: { share: [19, 20], result: 'met' } } }), contractId: contract.id }, [], { fees: usd('10000.00') }).bonuses;
      // The 90% band beats the 80% band (best band reached); 4% + 3% = 700.00 is cut to 500.00.
      expect(bonuses.notApplied.find((o) => o.ruleIndex === 0)?.status).toBe('superseded');
      expect(plain(bonuses.total)).toBe('500.00');
      expect(bonuses.lines.map((l) => plain(l.amount))).toEqual(['285.71', '214.29']);
    });

    it('earns nothing when a month of the run is missing from the history, or missed', () => {
      const card = scorecardFor(northstar, '2027-03');
      const gap = computeCredits(northstar, card, [met('2027-02')], { fees: usd('10000.00') }).bonuses;
      expect(gap.notApplied.find((o) => o.ruleIndex === 1)).toMatchObject({ status: 'no-data', reason: '2027-01: no scorecard in the history' });
      const missedMonth = settledMonthOf(computeCredits(northstar, scorecardFor(northstar, '2027-01'), [], { fees: usd('1.00') }), scorecardFor(northstar, '2027-01', { levels: { 'p2-response': [1, 2] } }));
      const broken = computeCredits(northstar, card, [missedMonth, met('2027-02')], { fees: usd('10000.00') }).bonuses;
      expect(broken.notApplied.find((o) => o.ruleIndex === 1)).toMatchObject({ status: 'not-met', reason: '2027-01: missed p2-response' });
    });
  });

  describe('caps (properties)', () => {
    const northstar = example('northstar-tiered');
    const arbitraryMonth = fc.record({
      feesMinor: fc.bigInt({ min: 0n, max: 10_000_000n }),
      availability: fc.integer({ min: 900, max: 1000 }),
      p1Met: fc.integer({ min: 0, max: 20 }),
      fcr: fc.integer({ min: 0, max: 20 }),
      report: fc.constantFrom('on-time' as const, 'late' as const, 'missing' as const),
      history: fc.array(fc.record({ fees: fc.bigInt({ min: 0n, max: 10_000_000n }), credits: fc.bigInt({ min: 0n, max: 2_000_000n }) }), { maxLength: 14 }),
    });

    it('never exceeds either cap, and the capped lines add up exactly to the capped total', () => {
      fc.assert(
        fc.property(arbitraryMonth, (m) => {
          const history: SettledMonth[] = m.history.map((h, i) => ({ month: `2026-${String((i % 12) + 1).padStart(2, '0')}`, fees: money(h.fees, 'USD'), creditsGranted: money(h.credits, 'USD'), bonusesGranted: money(0n, 'USD') })).slice(0, 12);
          const card = scorecardFor(northstar, '2027-01', {
            availability: { 'phone-line': { available: [m.availability, 1000] } },
            levels: { 'p1-response': [m.p1Met, 20] },
            quality: { fcr: { share: [m.fcr, 20], result: m.fcr >= 14 ? 'met' : 'missed' } },
            vendorReport: m.report,
          });
          const fees = money(m.feesMinor, 'USD');
          const credits = computeCredits(northstar, card, history, { fees }).credits;
          const sum = credits.lines.reduce((a, l) => a + l.amount.minor, 0n);
          expect(sum).toBe(credits.total.minor);
          expect(credits.total.minor).toBeLessThanOrEqual(credits.uncapped.minor);
          // Monthly: 15% of fees; rolling: 10% of the window's fees less what the window granted, floored at zero.
          expect(credits.total.minor * 100n).toBeLessThanOrEqual(m.feesMinor * 15n);
          const window = history.filter((h) => h.month >= '2026-02');
          const windowFees = window.reduce((a, h) => a + h.fees.minor, m.feesMinor);
          const granted = window.reduce((a, h) => a + h.creditsGranted.minor, 0n);
          expect(credits.total.minor + granted <= (windowFees * 10n) / 100n || credits.total.minor === 0n).toBe(true);
          for (const line of credits.lines) expect(line.amount.minor).toBeLessThanOrEqual(line.uncappedAmount.minor);
        }),
        { numRuns: 300 },
      );
    });
  });
});
