/**
 * Starting contracts are commented YAML text assembled from shared parts (this header, the
 * scope and SLA, the term and risk) plus each template's pricing. Placeholders are obviously
 * placeholders (Your Company, Inc.; Vendor Name LLC; .example addresses); values follow common
 * norms (P1 15m/4h, P2 1h/8h, P3 4h/3bd, P4 1bd/5bd; 10-15% of monthly fees at risk).
 */

/**
 * The file's opening comment (what it is, the conventions of the format) and the parties:
 * `templateHeader('a fixed monthly fee', 'fixed')` starts
 * `# SupportPact contract file: a starting template with a fixed monthly fee.`
 */
export function templateHeader(pricingWords: string, templateName: string): string {
  return `# SupportPact contract file: a starting template with ${pricingWords}.
# Written by \`supportpact init --template ${templateName}\`. Replace every placeholder
# (Your Company, Inc., Vendor Name LLC, the .example addresses, the start date)
# and every value you did not agree, then run \`supportpact check <this file>\`.
# It is not legal advice: the signed agreement governs, and counsel should review it.
#
# Conventions of the format:
# - Amounts and percentages are quoted decimal strings: "4000.00", "99.9%".
#   Bare numbers are rejected, so money is never rounded by accident.
# - Durations are <number><unit>:
#     s, m, h    seconds, minutes, hours, counted only while the named calendar is open
#     bd         business days: due when the Nth open day closes (the day the clock
#                starts is day 0; a ticket created while closed starts at the next opening)
#     d, mo, y   calendar days, months, years (notice periods, term lengths)
# - Dates are YYYY-MM-DD. An end date is the last day that counts: a 24-month
#   term from 2027-01-01 ends on 2028-12-31.
# - Lists are [a, b] or one "- item" per line; ids use letters, digits and dashes.
# - Unknown keys are errors, so a misspelt term is never silently ignored.
# - Inside { ... }, quote text that contains a comma: { description: "a, b" }.
# Only supportpact, id, title, parties, currency and timezone are needed to load;
# \`check\` reports every other part that is missing or risky.
supportpact: 1
id: your-company-helpdesk-2027      # a short id: letters, digits, dashes
title: IT helpdesk outsourcing - Your Company, Inc. and Vendor Name LLC

# The parties as named in the signed agreement.
parties:
  client:
    name: Your Company, Inc.
    address: 100 Example Street, Your City, CA 00000
    contact: it-ops@yourcompany.example
  vendor:
    name: Vendor Name LLC
    address: 200 Example Avenue, Vendor City, CA 00000
    contact: accounts@vendor.example
currency: USD                        # ISO 4217 code; every amount below is in this currency
timezone: America/Los_Angeles        # IANA zone of dates that no calendar names
# signed: 2027-01-15                 # Deliberately left out: add the date both parties sign.
#                                    # Until then \`check\` shows one info finding (not-signed).
`;
}
