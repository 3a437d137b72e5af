/** A data-breach incident as recorded in the register (instants are epoch seconds). */
export interface BreachIncident {
  readonly id: string;
  readonly discoveredAt: number;
  readonly clientDataInvolved: boolean;
  readonly recordsAffected: number;
  readonly californiaResidentsAffected: number;
  readonly dataCategories: readonly string[];
  readonly vendorNotifiedClientAt?: number;
  readonly individualsNotifiedAt?: number;
  readonly attorneyGeneralNotifiedAt?: number;
  /** Law enforcement asked for notice to be delayed (Civil Code 1798.82(c)). */
  readonly lawEnforcementDelay?: boolean;
}

/** The legal and contractual basis of each deadline, in words (not legal advice; verify the current text). */
export const breachLawBasis = {
  vendorToClient:
    'Contract: the vendor notifies the client of a breach involving client data within the stated time of discovery. Civil Code 1798.82(b): a business that maintains data it does not own must notify the owner immediately following discovery.',
  individuals:
    'Civil Code 1798.82(a) as amended by SB 446 (from 2026-01-01): notify affected California residents within 30 calendar days of discovering or being notified of the breach; delay is allowed for law enforcement (1798.82(c)) or to determine scope and restore integrity.',
  attorneyGeneral:
    'Civil Code 1798.82 (as amended by SB 446): when more than 500 California residents are notified of one breach, submit a sample copy of the notice to the Attorney General electronically within 15 calendar days of notifying them.',
} as const;
