import { templateHeader } from './template-header.js';
import { calendarsScopeAndSla } from './template-scope-sla.js';
import { invoicingAndPayment, riskSection, termSection } from './template-term-risk.js';

/** A starting contract with one fixed monthly fee covering a ticket allowance, then a price per extra ticket. */
export const fixedTemplate = `${templateHeader('a fixed monthly fee', 'fixed')}${calendarsScopeAndSla}${termSection}
# Cost. model: fixed | per-incident | tiered | hybrid. Amounts are quoted decimals in
# the contract currency; invoices round each line to the cent.
pricing:
  model: fixed
  base:
    monthly: "9500.00"
    description: All services in scope
    includedTickets: 600             # tickets a month the fee covers
    overage: "16.00"                 # each ticket beyond them
${invoicingAndPayment}${riskSection}`;
