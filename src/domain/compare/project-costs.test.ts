import { describe, expect, it } from 'vitest';
import { formatMoney } from '../money/index.js';
import { prepareProposal } from './prepare-proposal.js';
import { projectCosts } from './project-costs.js';
import { bandContract, flatForecast, loadExample, missing } from './test-support/compare-fixtures.js';

const months = (n: number) => Array.from({ length: n }, (_, i) => `2027-${String(i + 1).padStart(2, '0')}`);
const show = (m: { minor: bigint; currency: string }) => formatMoney(m, 'plain');

describe('projectCosts', () => {
  it('prices northstar at 1,200 P3 tickets a month: fees 23,500.00, and from the third month the 3% "all met 3 months running" bonus (705.00)', () => {
    const forecast = flatForecast([{ priority: 'P3', channel: 'email', count: 1200 }], months(4), { performance: missing('0') });
    const projection = projectCosts(prepareProposal(loadExample('northstar-tiered'), forecast), forecast);
    expect(projection.months.map((m) => [show(m.base), show(m.usage), show(m.fees), show(m.expectedBonuses), show(m.total)])).toEqual([
      ['4000.00', '19500.00', '23500.00', '0.00', '23500.00'],
      ['4000.00', '19500.00', '23500.00', '0.00', '23500.00'],
      ['4000.00', '19500.00', '23500.00', '705.00', '24205.00'],
      ['4000.00', '19500.00', '23500.00', '705.00', '24205.00'],
    ]);
    expect(show(projection.totals.total)).toBe('95410.00');
    // 95,410.00 / 4,800 tickets = 19.877...
    expect(show(projection.costPerTicket!)).toBe('19.88');
  });

  it('adds the minimum true-up when charges fall short: northstar at 100 tickets is 4,000.00 + 1,800.00, made up to 9,000.00', () => {
    const forecast = flatForecast([{ priority: 'P4', channel: 'portal', count: 100 }], months(1));
    const [month] = projectCosts(prepareProposal(loadExample('northstar-tiered'), forecast), forecast).months;
    expect([show(month!.usage), show(month!.minimumTrueUp), show(month!.fees)]).toEqual(['1800.00', '3200.00', '9000.00']);
  });

  it("prices bayline's tickets by priority with the 8% volume discount of the 801–2,000 band: 33,524.80", () => {
    const cells = [
      { priority: 'P1', channel: 'phone', count: 10 },
      { priority: 'P2', channel: 'phone', count: 100 },
      { priority: 'P3', channel: 'email', count: 600 },
      { priority: 'P4', channel: 'email', count: 490 },
    ];
    const forecast = flatForecast(cells, ['2027-05']);
    expect(show(projectCosts(prepareProposal(loadExample('bayline-per-incident'), forecast), forecast).months[0]!.fees)).toBe('33524.80');
  });

  it('maps forecast priorities through mapFrom, case-insensitively ("NORMAL" is P3)', () => {
    const forecast = flatForecast([{ priority: 'NORMAL', channel: 'email', count: 500 }], months(1));
    expect(show(projectCosts(prepareProposal(loadExample('northstar-tiered'), forecast), forecast).months[0]!.usage)).toBe('9000.00');
  });

  it('cuts expected credits by the rolling 12-month cap on the expected amounts: a certain 10% credit under a 5% rolling cap is 50.00 a month on 1,000.00', () => {
    const proposal = bandContract('capped', 'graduated', [[undefined, '10.00']], {
      slaExtra: '  serviceLevels:\n    - { id: resolution, metric: resolution, priorities: [P3], atLeast: "90%" }\n  credits:\n    - { when: { serviceLevel: resolution, missed: true }, credit: "10%" }\n  creditCap: { rolling12Months: "5%" }',
    });
    const forecast = flatForecast([{ priority: 'P3', channel: 'email', count: 100 }], months(3), { performance: missing('1') });
    const projection = projectCosts(prepareProposal(proposal, forecast), forecast);
    expect(projection.months.map((m) => show(m.expectedCredits))).toEqual(['50.00', '50.00', '50.00']);
    expect(projection.expectedCreditFraction).toBe('0.1');
  });

  it('taxes fees less credits: 1,000.00 at 8.25% is 82.50', () => {
    const proposal = bandContract('taxed', 'graduated', [[undefined, '10.00']], { pricingExtra: '  taxes:\n    - { name: Sales tax, rate: "8.25%", appliesTo: services }' });
    const forecast = flatForecast([{ priority: 'normal', channel: 'email', count: 100 }], months(1));
    const [month] = projectCosts(prepareProposal(proposal, forecast), forecast).months;
    expect([show(month!.fees), show(month!.tax), show(month!.total)]).toEqual(['1000.00', '82.50', '1082.50']);
  });

  it('notes forecast priorities a proposal does not have, and leaves them unpriced', () => {
    const forecast = flatForecast([{ priority: 'P3', channel: 'email', count: 40 }, { priority: 'P1', channel: 'email', count: 2 }], months(1));
    const draft = prepareProposal(loadExample('draft-with-gaps'), forecast);
    expect(draft.notes.join('\n')).toContain('Forecast priority "P3" (40 tickets over the forecast) is not one of its priorities');
    expect(show(projectCosts(draft, forecast).months[0]!.fees)).toBe('6500.00');
  });
});
