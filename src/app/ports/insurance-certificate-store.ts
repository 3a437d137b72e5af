import type { LocalDate } from '../../domain/time/index.js';

/** An insurance certificate on file. */
export interface StoredInsuranceCertificate {
  /** `CERT-1`, `CERT-2`, ... per contract. */
  readonly id: string;
  /** In the contract's words: `cyber-liability`. */
  readonly type: string;
  /** Coverage as a plain decimal in `currency`: `"5000000.00"`. */
  readonly amount: string;
  readonly currency: string;
  /** Last day of cover (inclusive). */
  readonly expiresOn: LocalDate;
  readonly insurer?: string;
  /** Epoch seconds. */
  readonly recordedAt: number;
}

export interface InsuranceCertificateStore {
  /** Inserts the certificate; false (and nothing changes) when the id is already stored. */
  addInsuranceCertificate(contractId: string, certificate: StoredInsuranceCertificate): Promise<boolean>;
  /** Ordered by expiry, then id. */
  listInsuranceCertificates(contractId: string): Promise<StoredInsuranceCertificate[]>;
}
