import type { LocalDate } from '../../domain/time/index.js';

/** A stored contract: the header of its newest version plus bookkeeping. */
export interface StoredContract {
  readonly contractId: string;
  readonly title: string;
  readonly client: string;
  readonly vendor: string;
  /** Epoch seconds: when the first version was added. */
  readonly createdAt: number;
  /** Number of the newest version (versions count from 1). */
  readonly latestVersion: number;
}

/** One version of a contract file, exactly as the user wrote it. */
export interface ContractVersion {
  readonly contractId: string;
  /** 1, 2, 3, ... in the order added. */
  readonly version: number;
  readonly yaml: string;
  /** Lower-case hex SHA-256 of the UTF-8 YAML text. */
  readonly sha256: string;
  /** First date on which this version governs. */
  readonly effectiveOn: LocalDate;
  /** Epoch seconds. */
  readonly addedAt: number;
}

export interface AddContractVersionInput {
  readonly contractId: string;
  readonly title: string;
  readonly client: string;
  readonly vendor: string;
  readonly yaml: string;
  readonly effectiveOn: LocalDate;
  readonly addedAt: number;
}

export interface ContractStore {
  /**
   * Stores the file as the contract's next version (version 1 for a new id) and updates the
   * contract's header. Adding text identical to the newest version with the same `effectiveOn`
   * changes nothing and returns that version with `created: false`.
   */
  addContractVersion(input: AddContractVersionInput): Promise<{ version: ContractVersion; created: boolean }>;
  getContract(contractId: string): Promise<StoredContract | undefined>;
  /** Ordered by id. */
  listContracts(): Promise<StoredContract[]>;
  /** Oldest first. */
  listContractVersions(contractId: string): Promise<ContractVersion[]>;
  /** The given version, or the newest when `version` is omitted. */
  getContractVersion(contractId: string, version?: number): Promise<ContractVersion | undefined>;
  /**
   * The version in force on a date: the one with the latest `effectiveOn <= on`, the higher
   * version number winning a tie; undefined when every version starts later.
   */
  getContractVersionInForce(contractId: string, on: LocalDate): Promise<ContractVersion | undefined>;
  /** The version in force on the first day of a `YYYY-MM` month. */
  getContractVersionForMonth(contractId: string, month: string): Promise<ContractVersion | undefined>;
}
