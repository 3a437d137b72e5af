/**
 * The one catalogue of SupportPact error codes. Each entry says when it happens and
 * what the user can do about it. Adapters map every code to an exit code and an HTTP
 * status in one table each (`Record<ErrorCode, ...>`), so the compiler flags a new
 * code that is not mapped.
 */
export const errorCatalogue = {
  INPUT_NOT_FOUND: {
    when: 'A file or folder named on the command line or in a request does not exist.',
    fix: 'Check the path; relative paths are resolved from the current directory.',
  },
  INPUT_UNREADABLE: {
    when: 'A file exists but cannot be read as text (a directory, a binary file, no permission, too large).',
    fix: 'Pass a UTF-8 text file of the expected kind.',
  },
  CONTRACT_SYNTAX: {
    when: 'The contract file is not well-formed YAML.',
    fix: 'Fix the YAML at the line and column given; indentation and quoting are the usual causes.',
  },
  CONTRACT_INVALID: {
    when: 'The contract file is YAML but a field is missing, unknown, or has the wrong form.',
    fix: 'Correct each field named in the details; the message says what was expected.',
  },
  CONTRACT_NOT_FOUND: {
    when: 'No stored contract has the given id.',
    fix: 'List stored contracts with `supportpact contract list`, or add one with `supportpact contract add <file>`.',
  },
  CALENDAR_INVALID: {
    when: 'A calendar specification passed to the library is malformed (zone, hours, holidays, closures).',
    fix: 'Use an IANA zone, `HH:MM-HH:MM` hours under day keys, known holiday regions and ISO dates.',
  },
  INSTANT_INVALID: {
    when: 'A date-time is not ISO-8601, or names a local time that cannot be placed in its zone.',
    fix: 'Write instants as `2027-03-01T09:15:00-08:00`, `2027-03-01T17:15:00Z`, or local wall time `2027-03-01T09:15:00`.',
  },
  DATE_INVALID: {
    when: 'A date is not an existing `YYYY-MM-DD` calendar date.',
    fix: 'Write dates as `YYYY-MM-DD`, for example `2027-02-28`.',
  },
  MONEY_INVALID: {
    when: 'An amount, rate, price band or quantity is malformed (not an exact decimal string, bands out of order), or currencies are mixed.',
    fix: 'Write amounts as decimal strings such as "18.00", bands in ascending order, and keep one currency per contract.',
  },
  IMPORT_INVALID: {
    when: 'Rows of an import file could not be read; each row is listed with its line and field.',
    fix: 'Fix or remove the listed rows, or raise `--max-errors` to import the rest and review the skips.',
  },
  EVENTS_INVALID: {
    when: 'Ticket events are inconsistent or malformed (for example, no `created` event for a ticket).',
    fix: 'Check the listed events; every ticket needs a `created` event with its priority.',
  },
  TICKET_NOT_FOUND: {
    when: 'No ticket with the given id exists for the contract.',
    fix: 'List tickets with `supportpact tickets --contract <id>`.',
  },
  USAGE: {
    when: 'A command was called with missing or conflicting options.',
    fix: 'Run the command with `--help` to see its options.',
  },
  STORE_LOCKED: {
    when: 'Another process holds the embedded database folder.',
    fix: 'Stop that process, or talk to it through its HTTP API; the lock names the process.',
  },
  STORE_UNAVAILABLE: {
    when: 'The database cannot be opened or reached.',
    fix: 'Check DATABASE_URL or the data folder, and that the server is running.',
  },
  CONFLICT: {
    when: 'The request conflicts with what is stored (an issued invoice cannot be edited, a duplicate id).',
    fix: 'Use a correction (credit note) or a new id instead.',
  },
  UNAUTHENTICATED: {
    when: 'The request carries no valid API token.',
    fix: 'Send `Authorization: Bearer <token>`; the first start prints an admin token.',
  },
  FORBIDDEN: {
    when: 'The token is valid but its role or contracts do not allow this request.',
    fix: 'Use a token with the right role for this contract.',
  },
  NOT_FOUND: {
    when: 'The requested resource does not exist (or is not visible to this token).',
    fix: 'Check the id in the URL.',
  },
  BROWSER_UNAVAILABLE: {
    when: 'PDF output needs Chromium and it is not installed.',
    fix: 'Install it with `apt-get install -y chromium` (Debian) or set SUPPORTPACT_CHROMIUM to its path.',
  },
  INTERNAL: {
    when: 'A bug in SupportPact.',
    fix: 'Report it with the command you ran; the message names the failing step.',
  },
} as const satisfies Record<string, { when: string; fix: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

export const errorCodes = Object.keys(errorCatalogue) as ErrorCode[];
