import { templateHeader } from './template-header.js';
import { calendarsScopeAndSla } from './template-scope-sla.js';
import { invoicingAndPayment, riskSection, termSection } from './template-term-risk.js';

/** A starting contract priced per ticket by priority, with a volume discount on the month's count. */
export const perIncidentTemplate = `${templateHeader('per-ticket prices by priority and a volume discount', 'per-incident')}${calendarsScopeAndSla}${termSection}
# Cost. model: fixed | per-incident | tiered | hybrid. Amounts are quoted decimals in
# the contract currency; invoices round each line to the cent.
pricing:
  model: per-incident
  perIncident:
    unit: resolved-ticket            # or created-ticket
    byPriority: { P1: "95.00", P2: "60.00", P3: "32.00", P4: "21.00" }   # one price per priority above
    volumeDiscount:
      mode: volume                   # the month's whole count gets the discount of the band it falls in
      bands:
        - { upTo: 800, discount: "0%" }       # 1-800 tickets: list prices
        - { upTo: 2000, discount: "8%" }      # 801-2,000 tickets: 8% off every ticket
        - { discount: "12%" }                 # above 2,000: 12% off
${invoicingAndPayment}${riskSection}`;
