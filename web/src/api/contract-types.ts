/** Contracts as the API answers them: summaries, versions, check findings, diffs, uploads. */

export interface ContractSummary {
  readonly contractId: string;
  readonly title: string;
  readonly client: string;
  readonly vendor: string;
  readonly createdAt: string;
  readonly latestVersion: number;
}

export interface FindingCounts {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
}

export interface ContractVersionInfo {
  readonly version: number;
  readonly sha256: string;
  readonly effectiveOn: string;
  readonly addedAt: string;
}

export interface ContractDetail extends ContractSummary {
  readonly version: ContractVersionInfo & { readonly yaml: string };
  readonly counts: FindingCounts;
}

export interface CheckFinding {
  readonly rule: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly part: string;
  readonly message: string;
  readonly path: string;
  readonly line: number | null;
  readonly column: number | null;
  readonly why: string;
}

export interface CheckResult {
  readonly contractId: string;
  readonly version: number;
  readonly counts: FindingCounts;
  readonly findings: readonly CheckFinding[];
}

export interface ContractChange {
  readonly path: string;
  readonly section: string;
  readonly kind: 'added' | 'removed' | 'changed';
  readonly label: string;
  readonly old: string | null;
  readonly new: string | null;
  readonly detail: string | null;
  readonly summary: string;
  readonly favours: 'client' | 'vendor' | null;
}

export interface ContractDiff {
  readonly contractId: string;
  readonly from: number;
  readonly to: number;
  readonly changes: readonly ContractChange[];
}

export interface UploadResult {
  readonly contractId: string;
  readonly created: boolean;
  readonly version: ContractVersionInfo;
  readonly counts: FindingCounts;
  readonly message: string;
}
