import { templateHeader } from './template-header.js';
import { calendarsScopeAndSla } from './template-scope-sla.js';
import { invoicingAndPayment, riskSection, termSection } from './template-term-risk.js';

/** A starting contract with a base fee plus graduated per-ticket bands (the most common outsourcing shape). */
export const tieredTemplate = `${templateHeader('a base fee plus per-ticket price bands', 'tiered')}${calendarsScopeAndSla}${termSection}
# Cost. model: fixed | per-incident | tiered | hybrid. Amounts are quoted decimals in
# the contract currency; invoices round each line to the cent.
pricing:
  model: tiered
  base: { monthly: "3000.00", description: Account management and monthly reporting }
  tiers:
    mode: graduated                  # each ticket is priced in the band it falls in
                                     # (volume: the whole month's count at one band's price)
    unit: resolved-ticket            # or created-ticket
    bands:
      - { upTo: 500, unitPrice: "18.00" }     # tickets 1-500 of the month
      - { upTo: 1500, unitPrice: "15.00" }    # tickets 501-1,500
      - { unitPrice: "12.50" }                # no upTo: every ticket above 1,500
  minimumMonthly: "6000.00"          # a true-up line makes up any shortfall (prorated in partial months)
  extras:
    - { id: after-hours-p1, description: P1 ticket opened outside business hours, per: ticket,
        when: { priority: P1, outsideCalendar: business }, price: "45.00" }
${invoicingAndPayment}${riskSection}`;
