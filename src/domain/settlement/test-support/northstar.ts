/** Northstar scenarios the invoice, statement and renderer tests share. */
import { parseContract } from '../../contract/parse-contract.js';
import type { Contract } from '../../contract/schema/contract-schema.js';
import { isNorthstarBusinessDay } from '../../lifecycle/test-support/contracts.js';
import { readExampleContract } from '../../../../test/support/examples.js';
import type { MonthAdjustments } from '../adjustment-types.js';
import { buildInvoice } from '../build-invoice.js';
import { computeCredits } from '../compute-credits.js';
import type { Invoice } from '../invoice-types.js';
import { example, exampleVersion, scorecardFor } from './fixtures.js';

export { isNorthstarBusinessDay };

/** Northstar with its term starting on `start` instead of 2027-01-01. */
export function northstarStartingOn(start: string): Contract {
  return parseContract(readExampleContract('northstar-tiered').replace('start: 2027-01-01', `start: ${start}`), 'northstar-tiered.contract.yaml').contract;
}

/** February 2027 at Northstar: 1,200 resolved tickets, phone line at 98.50%, p1-response 18 of 20. */
export function northstarFebruaryCredits(): MonthAdjustments {
  const northstar = example('northstar-tiered');
  const february = scorecardFor(northstar, '2027-02', {
    resolvedByPriority: { P1: 20, P2: 180, P3: 700, P4: 300 },
    availability: { 'phone-line': { available: [2_382_912, 2_419_200], longestOutageSeconds: 21_600, outages: ['OUT-2027-02-03', 'OUT-2027-02-17'] } },
    levels: { 'p1-response': [18, 20] },
  });
  return computeCredits(northstar, february, []);
}

/** The March 2027 invoice of Northstar: 1,200 resolved tickets, three after-hours P1 tickets, February's credits. */
export function northstarMarchInvoice(): Invoice {
  const northstar = example('northstar-tiered');
  return buildInvoice({
    contract: northstar,
    contractVersion: exampleVersion('northstar-tiered'),
    serviceMonth: '2027-03',
    scorecard: scorecardFor(northstar, '2027-03', { resolvedByPriority: { P1: 24, P2: 176, P3: 650, P4: 350 }, extras: { 'after-hours-p1': ['T-2231', 'T-2290', 'T-2417'] } }),
    previousMonthAdjustments: northstarFebruaryCredits(),
    isBusinessDay: isNorthstarBusinessDay,
  });
}
