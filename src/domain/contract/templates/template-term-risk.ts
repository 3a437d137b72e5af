/** The term, invoicing and risk parts every starting contract shares, as commented YAML. */

/** Term, renewal, termination and exit. */
export const termSection = `
# Term. The initial term ends on start + initialTerm - 1 day. An automatic renewal
# adds period unless a party gives notice at least optOutNotice before the end.
# Notice given on day D with notice N takes effect on D + N.
term:
  start: 2027-01-01                  # first day of service (replace)
  initialTerm: 24mo                  # ends 2028-12-31
  renewal:
    automatic: true
    period: 12mo
    optOutNotice: 60d                # last day to stop the first renewal: 2028-11-02
  termination:
    forConvenience:
      - { by: client, notice: 90d }  # a fee may be agreed: fee: { months: 1 }
      - { by: vendor, notice: 180d } # long vendor notice gives the client time to replace it
    forCause:
      - { ground: data-breach, by: client, notice: 0d }
      - { ground: sustained-performance-failure, by: client, notice: 30d,
          trigger: { serviceLevelsMissed: { consecutiveMonths: 3, orMonthsOutOf: [4, 6] } } }
      - { ground: material-breach, by: either, notice: 30d, cure: 30d }
      - { ground: non-payment, by: vendor, notice: 30d, cure: 30d }
      - { ground: insolvency, by: either, notice: 0d }
      - { ground: force-majeure, by: either, notice: 30d, after: 60d }
  exit:                              # deadlines count from the termination's effective date
    transitionAssistance: 90d
    dataReturn: { within: 30d, formats: [csv, json], includes: [tickets, knowledge-base, asset-inventory] }
    dataDeletion: { within: 45d, certificate: true }
    knowledgeTransfer:
      sessions: 4
      within: 60d
      deliverables: [runbooks, knowledge-base-export, open-ticket-handover, escalation-contacts]
`;

/** Invoicing, late payment, taxes and rounding: the end of every pricing section. */
export const invoicingAndPayment = `  invoicing:
    every: 1mo
    issueOn: first-business-day      # of the month after the service month
    calendar: business
    paymentTerms: 30d                # due 30 calendar days after issue
    methods: [ach, wire]
  latePayment:
    graceDays: 5
    interest: { rate: "10%", per: 12mo, simple: true }   # simple, actual/365; California's default rate
  taxes:                             # an empty list means no taxes apply
    - { name: California sales tax, rate: "0%", appliesTo: services, note: Helpdesk labor is not taxable in California }
  rounding: half-up                  # to the cent, per invoice line; totals are sums of rounded lines
`;

/** Security, compliance, breach notice, insurance, IP, indemnities and liability. */
export const riskSection = `
# Risk. Not legal advice: the figures follow California law as of 2026 (Civil Code
# 1798.82, 11 CCR 7051); check them for your jurisdiction.
risk:
  dataSecurity:
    standards: [SOC 2 Type II]
    encryption: { atRest: AES-256, inTransit: TLS 1.2+ }
    backgroundChecks: true
  compliance:
    regulations: [CCPA/CPRA]
    ccpaServiceProviderTerms: true   # the 11 CCR 7051 service-provider terms are attached
    subprocessors: { requireApproval: true }
  breachNotification:
    vendorToClient: 24h              # elapsed hours after the vendor discovers a breach
    content: [nature, data-categories, records-affected, containment, contact]
    regulator: { californiaAttorneyGeneral: { whenResidentsOver: 500 } }
    individuals: { within: 30d }     # Civil Code 1798.82
  confidentiality: { survives: 3y }
  insurance:                         # add certificateExpires: YYYY-MM-DD once certificates arrive;
                                     # \`check\` warns when one expires before the term ends
    - { type: cyber-liability, minimum: "2000000.00" }
    - { type: errors-and-omissions, minimum: "1000000.00" }
    - { type: general-liability, minimum: "1000000.00" }
  intellectualProperty:
    workProduct: client              # scripts, runbooks and articles written for the client
    preExistingTools: vendor
    license: { to: client, scope: perpetual internal use of deliverables }
  indemnification:
    vendor: [data-breach, ip-infringement, gross-negligence, violation-of-law]
    client: [client-provided-materials]
  liability:
    cap: { monthsOfFees: 12 }
    excluded: [data-breach, confidentiality, indemnification, gross-negligence]
`;
