import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSupportPactError } from '../errors/index.js';
import { formatMoney, type Money, type RoundingMode } from '../money/index.js';
import { buildInvoice, type BuildInvoiceInput } from './build-invoice.js';
import { computeCredits } from './compute-credits.js';
import type { Invoice } from './invoice-types.js';
import { invoiceToJson } from './invoice-to-json.js';
import { contractWith, example, exampleVersion, scorecardFor } from './test-support/fixtures.js';
import { isNorthstarBusinessDay, northstarFebruaryCredits, northstarMarchInvoice, northstarStartingOn } from './test-support/northstar.js';

const plain = (m: Money): string => formatMoney(m, 'plain');
const linesOf = (invoice: Invoice): [string, string, string][] => invoice.lines.map((l) => [l.id, l.quantity, plain(l.amount)]);
const version = exampleVersion('northstar-tiered');

function northstarInvoice(month: string, resolved: Record<string, number>, more: Partial<BuildInvoiceInput> = {}): Invoice {
  const contract = more.contract ?? example('northstar-tiered');
  return buildInvoice({ contract, contractVersion: version, serviceMonth: month, scorecard: scorecardFor(contract, month, { resolvedByPriority: resolved }), isBusinessDay: isNorthstarBusinessDay, ...more });
}

describe('buildInvoice', () => {
  it('bills northstar 1,200 resolved tickets: base 4,000.00, graduated 500 × 18.00 + 700 × 15.00, minimum not binding', () => {
    const invoice = northstarInvoice('2027-04', { P1: 20, P2: 180, P3: 700, P4: 300 });
    expect(linesOf(invoice)).toEqual([
      ['base', '1', '4000.00'],
      ['usage-1', '500', '9000.00'],
      ['usage-2', '700', '10500.00'],
      ['tax-0', '0%', '0.00'],
    ]);
    expect(plain(invoice.totals.charges)).toBe('23500.00');
    expect(plain(invoice.totals.total)).toBe('23500.00');
    expect(invoice.notes).toContain('Minimum monthly commitment 9000.00 not binding: charges 23500.00.');
    expect(invoice.lines.find((l) => l.id === 'tax-0')?.notes).toContain('Helpdesk labor is not taxable in California');
  });

  it('issues on the first business day of the next month and is due 30 days later', () => {
    const invoice = northstarInvoice('2027-04', { P3: 10 });
    // 1 May 2027 is a Saturday: Monday 3 May.
    expect([invoice.issueOn, invoice.dueOn, invoice.paymentTerms]).toEqual(['2027-05-03', '2027-06-02', '30 days']);
    const noCalendar = northstarInvoice('2027-04', { P3: 10 }, { isBusinessDay: undefined });
    expect(noCalendar.notes.some((n) => n.includes('Monday to Friday was assumed'))).toBe(true);
  });

  it('adds a minimum true-up in a quiet month', () => {
    const invoice = northstarInvoice('2027-04', { P3: 200 });
    expect(linesOf(invoice)).toEqual([
      ['base', '1', '4000.00'],
      ['usage-1', '200', '3600.00'],
      ['minimum-true-up', '1', '1400.00'],
      ['tax-0', '0%', '0.00'],
    ]);
    expect(plain(invoice.totals.total)).toBe('9000.00');
  });

  it('prorates the base fee and the minimum in a first month that starts mid-month', () => {
    const contract = northstarStartingOn('2027-03-15');
    const invoice = northstarInvoice('2027-03', { P3: 100 }, { contract });
    // 17 of 31 days: base 4000 × 17 / 31 = 2193.548..., minimum 9000 × 17 / 31 = 4935.483...
    expect(invoice.service).toEqual({ month: '2027-03', startOn: '2027-03-15', endOn: '2027-03-31', daysOfService: 17, daysInMonth: 31 });
    expect(linesOf(invoice)).toEqual([
      ['base', '17', '2193.55'],
      ['usage-1', '100', '1800.00'],
      ['minimum-true-up', '1', '941.93'],
      ['tax-0', '0%', '0.00'],
    ]);
    expect(invoice.lines[0]!.unit).toBe('days of 31');
  });

  it('prices bayline per incident with the 8% volume band at 1,200 tickets, rounding half-even', () => {
    const bayline = example('bayline-per-incident');
    const invoice = buildInvoice({
      contract: bayline,
      contractVersion: exampleVersion('bayline-per-incident'),
      serviceMonth: '2027-03',
      scorecard: scorecardFor(bayline, '2027-03', { resolvedByPriority: { P1: 10, P2: 100, P3: 600, P4: 490 } }),
    });
    expect(linesOf(invoice)).toEqual([
      ['per-incident-P1', '10', '874.00'],
      ['per-incident-P2', '100', '5520.00'],
      ['per-incident-P3', '600', '17664.00'],
      ['per-incident-P4', '490', '9466.80'],
    ]);
    expect(invoice.lines[0]!.description).toBe('Resolved tickets, P1 (Critical) less 8% volume discount');
    expect(plain(invoice.totals.total)).toBe('33524.80');
    expect(invoice.rounding).toBe('half-even');
    // Issued on the last day of the next month, due 45 days later.
    expect([invoice.issueOn, invoice.dueOn]).toEqual(['2027-04-30', '2027-06-14']);
  });

  it("carries the previous month's credits as their own negative lines, computed from that month's fees", () => {
    const invoice = northstarMarchInvoice();
    expect(linesOf(invoice)).toEqual([
      ['base', '1', '4000.00'],
      ['usage-1', '500', '9000.00'],
      ['usage-2', '700', '10500.00'],
      ['extra-after-hours-p1', '3', '135.00'],
      // 5% + 15% + 3% of February's 23,500.00 is 5,405.00; the caps allow 2,350.00, spread 1175 : 3525 : 705.
      ['credit-0', '5%', '-510.87'],
      ['credit-7', '15%', '-1532.61'],
      ['credit-8', '3%', '-306.52'],
      ['tax-0', '0%', '0.00'],
    ]);
    const credit = invoice.lines.find((l) => l.id === 'credit-7')!;
    expect(credit).toMatchObject({ unit: 'of 2027-02 fees', unitPrice: '23500.00', clause: 'sla.credits[7]' });
    expect(credit.evidence.ids).toEqual(['OUT-2027-02-03', 'OUT-2027-02-17']);
    expect(credit.notes).toContain('3525.00 before caps, cut by 1992.39');
    expect(plain(invoice.totals.credits)).toBe('-2350.00');
    expect(plain(invoice.totals.total)).toBe('21285.00');
    expect(invoice.adjustments?.credits.caps.map((c) => plain(c.cutBy))).toEqual(['1880.00', '1175.00']);
  });

  it('computes the previous month from its scorecard and history when given those instead', () => {
    const northstar = example('northstar-tiered');
    const february = scorecardFor(northstar, '2027-02', { resolvedByPriority: { P3: 1200 }, levels: { 'p2-response': [5, 10] } });
    const march = scorecardFor(northstar, '2027-03', { resolvedByPriority: { P3: 1200 } });
    const base = { contract: northstar, contractVersion: version, serviceMonth: '2027-03', scorecard: march, isBusinessDay: isNorthstarBusinessDay };
    const fromScorecard = buildInvoice({ ...base, previousMonthScorecard: february, history: [] });
    const fromAdjustments = buildInvoice({ ...base, previousMonthAdjustments: computeCredits(northstar, february, []) });
    expect(JSON.stringify(invoiceToJson(fromScorecard))).toBe(JSON.stringify(invoiceToJson(fromAdjustments)));
    expect(linesOf(fromScorecard).find(([id]) => id === 'credit-2')).toEqual(['credit-2', '2%', '-470.00']);
  });

  it("refuses credits of another month than the one before", () => {
    const northstar = example('northstar-tiered');
    const call = () => northstarInvoice('2027-04', { P3: 10 }, { previousMonthAdjustments: northstarFebruaryCredits(), contract: northstar });
    expect(call).toThrow(/carries acme-northstar-2027 2027-03/);
  });

  it('is reproducible: equal inputs give a byte-identical invoice and digest; any change moves the digest', () => {
    const a = northstarMarchInvoice();
    const b = northstarMarchInvoice();
    expect(JSON.stringify(invoiceToJson(a))).toBe(JSON.stringify(invoiceToJson(b)));
    expect(a.inputDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
    const other = northstarInvoice('2027-03', { P1: 24, P2: 176, P3: 650, P4: 351 }, { previousMonthAdjustments: northstarFebruaryCredits() });
    expect(other.inputDigest).not.toBe(a.inputDigest);
    expect(a.contractVersion.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('writes Money in JSON as decimal strings', () => {
    const json = invoiceToJson(northstarInvoice('2027-04', { P3: 1200 })) as { totals: Record<string, string>; lines: { amount: string }[] };
    expect(json.totals['charges']).toBe('23500.00');
    expect(json.lines[0]!.amount).toBe('4000.00');
  });

  it('bills tickets beyond the included ones at the overage price (fixed), and bands on the billable rest (hybrid)', () => {
    const fixed = contractWith(`pricing:
  model: fixed
  base: { monthly: "6500.00", includedTickets: 500, overage: "9.50" }
  invoicing: { every: 1mo, issueOn: first-day, paymentTerms: 15d }
`);
    const invoice = buildInvoice({ contract: fixed, contractVersion: version, serviceMonth: '2027-05', scorecard: scorecardFor(fixed, '2027-05', { resolvedByPriority: { P1: 620 } }) });
    expect(linesOf(invoice)).toEqual([['base', '1', '6500.00'], ['overage', '120', '1140.00']]);
    const hybrid = contractWith(`pricing:
  model: hybrid
  base: { monthly: "2000.00", includedTickets: 100 }
  tiers: { mode: volume, unit: created-ticket, bands: [{ upTo: 200, unitPrice: "10.00" }, { unitPrice: "8.00" }] }
  invoicing: { every: 1mo, issueOn: first-day, paymentTerms: 15d }
`);
    const hybridInvoice = buildInvoice({ contract: hybrid, contractVersion: version, serviceMonth: '2027-05', scorecard: scorecardFor(hybrid, '2027-05', { createdByPriority: { P1: 350 }, resolvedByPriority: { P1: 10 } }) });
    // 350 created less 100 included = 250, all at the second volume band.
    expect(linesOf(hybridInvoice)).toEqual([['base', '1', '2000.00'], ['usage-2', '250', '2000.00']]);
    expect(hybridInvoice.notes[0]).toContain('250 billable');
  });

  it('refuses included tickets with per-incident prices, saying what to write instead', () => {
    const contract = contractWith(`sla:
  priorities: { P1: { name: Urgent } }
pricing:
  model: hybrid
  base: { monthly: "1000.00", includedTickets: 50 }
  perIncident: { byPriority: { P1: "20.00" } }
`);
    const call = () => buildInvoice({ contract, contractVersion: version, serviceMonth: '2027-05', scorecard: scorecardFor(contract, '2027-05', { resolvedByPriority: { P1: 60 } }), issueOn: '2027-06-01' });
    expect(call).toThrow(/includedTickets cannot be combined/);
  });

  it('taxes every service line at the contract rate, credits included, rounded once', () => {
    const contract = contractWith(`pricing:
  model: fixed
  base: { monthly: "1000.05" }
  invoicing: { every: 1mo, issueOn: first-day, paymentTerms: 30d }
  taxes: [{ name: Service tax, rate: "8.25%", appliesTo: services }, { name: Goods tax, rate: "7.25%", appliesTo: goods }]
`);
    const invoice = buildInvoice({ contract, contractVersion: version, serviceMonth: '2027-05', scorecard: scorecardFor(contract, '2027-05') });
    // 1000.05 × 8.25% = 82.504125 -> 82.50; no goods on the invoice.
    expect(linesOf(invoice)).toEqual([['base', '1', '1000.05'], ['tax-0', '8.25%', '82.50'], ['tax-1', '7.25%', '0.00']]);
    expect(plain(invoice.totals.total)).toBe('1082.55');
  });

  it('stops at the end of a term without renewal, and prorates a service that ends early', () => {
    const bayline = example('bayline-per-incident');
    const input = (month: string, more: Partial<BuildInvoiceInput> = {}): BuildInvoiceInput => ({ contract: bayline, contractVersion: version, serviceMonth: month, scorecard: scorecardFor(bayline, month), ...more });
    expect(buildInvoice(input('2028-02')).service.daysOfService).toBe(29);
    expect(() => buildInvoice(input('2028-03'))).toThrow(/2028-03 is outside the service \(2027-03-01 to 2028-02-29\)/);
    expect(() => buildInvoice(input('2027-02'))).toThrow(/outside the service/);
    const northstar = example('northstar-tiered');
    const ended = buildInvoice({ contract: northstar, contractVersion: version, serviceMonth: '2027-06', scorecard: scorecardFor(northstar, '2027-06'), serviceEndOn: '2027-06-10', issueOn: '2027-07-01' });
    expect(linesOf(ended)).toEqual([['base', '10', '1333.33'], ['minimum-true-up', '1', '1666.67'], ['tax-0', '0%', '0.00']]);
  });

  it('rejects a scorecard of another month and a malformed contract version', () => {
    const northstar = example('northstar-tiered');
    expect(() => buildInvoice({ contract: northstar, contractVersion: version, serviceMonth: '2027-04', scorecard: scorecardFor(northstar, '2027-03') })).toThrow(/not acme-northstar-2027 2027-04/);
    try {
      buildInvoice({ contract: northstar, contractVersion: { sha256: 'abc' }, serviceMonth: '2027-04', scorecard: scorecardFor(northstar, '2027-04') });
      expect.unreachable();
    } catch (error) {
      expect(isSupportPactError(error) && error.code).toBe('USAGE');
    }
  });

  describe('laws', () => {
    const contractFor = (rounding: RoundingMode) => contractWith(`sla:
  priorities: { P1: { name: Urgent }, P2: { name: Normal } }
  serviceLevels: [{ id: response, metric: firstResponse, priorities: [P1, P2], atLeast: "90%" }]
  credits: [{ when: { serviceLevel: response, missed: true }, credit: "7.5%" }]
  creditCap: { monthly: "5%" }
term: { start: 2027-01-01, initialTerm: 36mo }
pricing:
  model: hybrid
  base: { monthly: "1234.56" }
  tiers: { mode: graduated, bands: [{ upTo: 100, unitPrice: "3.333" }, { upTo: 500, unitPrice: "2.125", flatFee: "10.00" }, { unitPrice: "1.0005" }] }
  minimumMonthly: "2500.00"
  invoicing: { every: 1mo, issueOn: first-day, paymentTerms: 30d }
  taxes: [{ name: Tax, rate: "7.375%" }]
  rounding: ${rounding}
`);

    it('totals are sums of the rounded lines', () => {
      fc.assert(
        fc.property(fc.constantFrom<RoundingMode>('half-up', 'half-even', 'down', 'up'), fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 20 }), (rounding, previous, current, met) => {
          const contract = contractFor(rounding);
          const february = scorecardFor(contract, '2027-02', { resolvedByPriority: { P1: previous }, levels: { response: [met, 20] } });
          const invoice = buildInvoice({ contract, contractVersion: version, serviceMonth: '2027-03', scorecard: scorecardFor(contract, '2027-03', { resolvedByPriority: { P2: current } }), previousMonthScorecard: february });
          const sum = (kinds: string[]): bigint => invoice.lines.filter((l) => kinds.includes(l.kind)).reduce((a, l) => a + l.amount.minor, 0n);
          expect(invoice.totals.total.minor).toBe(invoice.lines.reduce((a, l) => a + l.amount.minor, 0n));
          expect(invoice.totals.charges.minor).toBe(sum(['base', 'usage', 'minimum-true-up']));
          expect(invoice.totals.credits.minor).toBe(sum(['credit']));
          expect(invoice.totals.bonuses.minor).toBe(sum(['bonus']));
          expect(invoice.totals.tax.minor).toBe(sum(['tax']));
          expect(invoice.totals.subtotal.minor + invoice.totals.tax.minor).toBe(invoice.totals.total.minor);
          // The minimum holds: charges never fall below it.
          expect(invoice.totals.charges.minor).toBeGreaterThanOrEqual(250000n);
        }),
        { numRuns: 150 },
      );
    });

    it('prorates the base fee by days of service for a term starting on any day of any month, leap Februaries included', () => {
      const daysIn = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
      fc.assert(
        fc.property(fc.integer({ min: 1999, max: 2101 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (year, month, day) => {
          const dim = daysIn(year, month);
          const startDay = Math.min(day, dim);
          const mm = String(month).padStart(2, '0');
          const start = `${year}-${mm}-${String(startDay).padStart(2, '0')}`;
          const contract = contractWith(`term: { start: ${start}, initialTerm: 12mo }
pricing:
  model: fixed
  base: { monthly: "4000.00" }
  minimumMonthly: "9000.00"
  invoicing: { every: 1mo, issueOn: first-day, paymentTerms: 30d }
`);
          const invoice = buildInvoice({ contract, contractVersion: version, serviceMonth: `${year}-${mm}`, scorecard: scorecardFor(contract, `${year}-${mm}`) });
          const days = dim - startDay + 1;
          // Oracle: half-up of 400000 × days / dim in cents, and of 900000 × days / dim for the minimum.
          const halfUp = (n: number): bigint => BigInt(Math.floor((2 * n * days + dim) / (2 * dim)));
          const base = invoice.lines.find((l) => l.kind === 'base')!;
          expect(base.amount.minor).toBe(halfUp(400000));
          expect(base.quantity).toBe(days === dim ? '1' : String(days));
          expect(invoice.totals.charges.minor).toBe(halfUp(900000));
          expect(invoice.service.daysInMonth).toBe(dim);
        }),
        { numRuns: 400 },
      );
    });
  });
});

describe('buildInvoice (worked example of its doc comment)', () => {
  it("puts February's capped credits 587.50 and 1,762.50 on March's invoice: total 21,150.00", () => {
    const northstar = example('northstar-tiered');
    const february = scorecardFor(northstar, '2027-02', { resolvedByPriority: { P3: 1200 }, availability: { 'phone-line': { available: [985, 1000] } }, levels: { 'p1-response': [18, 20] } });
    const invoice = buildInvoice({
      contract: northstar,
      contractVersion: version,
      serviceMonth: '2027-03',
      scorecard: scorecardFor(northstar, '2027-03', { resolvedByPriority: { P3: 1200 } }),
      previousMonthAdjustments: computeCredits(northstar, february, []),
      isBusinessDay: isNorthstarBusinessDay,
    });
    expect(linesOf(invoice).filter(([id]) => id.startsWith('credit'))).toEqual([['credit-0', '5%', '-587.50'], ['credit-7', '15%', '-1762.50']]);
    expect([plain(invoice.totals.total), invoice.issueOn, invoice.dueOn]).toEqual(['21150.00', '2027-04-01', '2027-05-01']);
  });

  it('gives the same digest with a native SHA-256 passed in', () => {
    const native = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
    const northstar = example('northstar-tiered');
    const input: BuildInvoiceInput = { contract: northstar, contractVersion: version, serviceMonth: '2027-03', scorecard: scorecardFor(northstar, '2027-03', { resolvedByPriority: { P3: 1200 } }), previousMonthAdjustments: northstarFebruaryCredits() };
    expect(buildInvoice({ ...input, sha256: native }).inputDigest).toBe(buildInvoice(input).inputDigest);
  });
});
