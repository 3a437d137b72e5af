/** The calendars, scope and service-level parts every starting contract shares, as commented YAML. */

/** Calendars, scope and service levels. */
export const calendarsScopeAndSla = `
# Calendars say when clocks run. s/m/h targets count only the open time of their
# calendar; bd targets count its open days. Hours: day keys mon..sun or ranges such as
# mon-fri; values "HH:MM-HH:MM" (24:00 ends the day; "22:00-06:00" runs past midnight).
# holidays names regions whose public holidays close the whole day (US-CA: United
# States and California, with observed days such as Friday 2027-07-05); closures
# lists extra closed dates.
calendars:
  business:
    timezone: America/Los_Angeles
    hours:
      mon-fri: ["08:00-18:00"]
    holidays: [US-CA]
    closures: []                     # add agreed closures, e.g. [2027-12-24, 2027-12-31]
  always:
    timezone: America/Los_Angeles
    hours:
      mon-sun: ["00:00-24:00"]       # around the clock, no holidays

# Scope: what the vendor does. Tickets in an excluded service, or about a technology
# not listed, fall outside the service levels (and may be billed separately).
scope:
  services:
    - id: troubleshooting
      description: Diagnose and fix end-user hardware, software and access problems remotely
    - id: account-access
      description: Password resets, MFA enrolment, joiner/mover/leaver access changes
    - id: installation
      description: Install and upgrade approved software on client devices
    - id: configuration
      description: Configure accounts, devices and applications to the client's standards
    - id: security-updates
      description: Apply operating-system and application security patches
  excluded:
    - id: onsite-hardware-repair
      description: Physical repair at client premises (quoted and billed separately)
  technologies:
    ticketing: { system: zendesk, owner: client }   # whoever owns it keeps the ticket history
    operatingSystems:
      - { name: Windows, versions: ["11"] }          # quote versions so "14.0" stays exact
      - { name: macOS, versions: ["14", "15"] }
    applications: [Microsoft 365, Google Chrome, Slack, Zoom]
    devices: [laptop, desktop, mobile-phone, printer]
  channels:                          # each channel is staffed during its calendar's hours
    phone: { coverage: always, languages: [en] }
    email: { coverage: business, languages: [en] }
    portal: { coverage: business, languages: [en] }
  dataAccess:                        # the personal data the vendor may and may never see
    allowedCategories: [contact-details, device-inventory, account-metadata]
    prohibitedCategories: [payroll, health, customer-payment-data]
    safeguards: [named-accounts, mfa, least-privilege, access-logging]
    reviewEvery: 3mo                 # vendor accounts are reviewed every quarter

# Service levels. A target applies to one ticket; a service level is the share of a
# month's tickets that must meet their target; a credit is what a miss costs.
sla:
  priorities:                        # mapFrom: the helpdesk tool's values (trimmed, any case)
    P1: { name: Critical, description: Business-wide outage or security incident, mapFrom: [urgent, critical] }
    P2: { name: High, description: A team cannot work, mapFrom: [high] }
    P3: { name: Normal, description: One user impaired, mapFrom: [normal, medium] }
    P4: { name: Low, description: Request or question, mapFrom: [low] }
  clock:                             # how the clocks run (these are also the defaults)
    pausedIn: [pending_customer]     # waiting on the customer pauses resolution, never first response
    priorityChange: restart-from-creation   # the new priority's targets apply as if it had always had it
    reopen: resume                   # a reopened ticket's resolution clock runs on from where it stopped
    dueAtClosingTime: next-opening   # a target used up exactly at closing shows as due at the next opening
    atRiskAt: "75%"                  # a running clock is flagged at risk from 75% of its target
  targets:                           # per priority, measured on the named calendar
    firstResponse:
      P1: { within: 15m, calendar: always }
      P2: { within: 1h, calendar: business }
      P3: { within: 4h, calendar: business }
      P4: { within: 1bd, calendar: business }
    resolution:
      P1: { within: 4h, calendar: always }
      P2: { within: 8h, calendar: business }
      P3: { within: 3bd, calendar: business }
      P4: { within: 5bd, calendar: business }
  serviceLevels:                     # monthly; a level with no settled tickets is "no data", not met
    - { id: p1-response, metric: firstResponse, priorities: [P1], atLeast: "95%" }
    - { id: p1-resolution, metric: resolution, priorities: [P1], atLeast: "90%" }
    - { id: p2-response, metric: firstResponse, priorities: [P2], atLeast: "90%" }
    - { id: p2-resolution, metric: resolution, priorities: [P2], atLeast: "90%" }
    - { id: p3p4-response, metric: firstResponse, priorities: [P3, P4], atLeast: "90%" }
    - { id: p3p4-resolution, metric: resolution, priorities: [P3, P4], atLeast: "85%" }
  quality:
    - id: fcr                        # solved with at most one agent reply, no customer follow-up, never reopened
      metric: firstContactResolution
      atLeast: "70%"
    - id: mttr-p1                    # mean time to resolve P1 tickets, pauses excluded
      metric: meanTimeToResolve
      priorities: [P1]
      atMost: 3h
      calendar: always
    - id: reopen-rate
      metric: reopenRate
      atMost: "5%"
  availability:
    - id: phone-line
      service: helpdesk phone line
      target: "99.9%"                # 1 - outage time / period time, on the calendar below
      calendar: always
      maxSingleOutage: 1h            # a longer single outage earns its own credit
  reporting:
    vendorReport: { every: 1mo, dueWithin: 5bd, calendar: business }        # the vendor's monthly SLA report
    independentAudit: { every: 12mo, noticeWithin: 15bd, calendar: business } # yearly, as CCPA terms expect
  credits:                           # each a percent of the month's fees; summed, then capped
    - { when: { serviceLevel: p1-response, missed: true }, credit: "5%" }
    - { when: { serviceLevel: p1-resolution, missed: true }, credit: "5%" }
    - { when: { serviceLevel: p2-response, missed: true }, credit: "3%" }
    - { when: { serviceLevel: p2-resolution, missed: true }, credit: "3%" }
    - { when: { serviceLevel: p3p4-response, missed: true }, credit: "2%" }
    - { when: { serviceLevel: p3p4-resolution, missed: true }, credit: "2%" }
    - { when: { quality: fcr, missed: true }, credit: "2%" }
    - { when: { availability: phone-line, below: "99.9%" }, credit: "5%" }
    - { when: { availability: phone-line, below: "99.0%" }, credit: "10%" }  # bands: only the worst applies
    - { when: { availability: phone-line, longestOutageOver: 1h }, credit: "3%" }
    - { when: { vendorReport: late }, credit: "1%" }
  creditCap: { monthly: "12%", rolling12Months: "10%" }   # 10-15% of fees at risk is the usual range
  incentives: []                     # bonuses are rare; e.g. { when: { quality: fcr, atLeast: "80%" }, bonus: "2%" }
`;
