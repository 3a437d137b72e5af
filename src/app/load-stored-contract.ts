import type { ContractVersion, StoreSession } from './ports/index.js';
import { parseContract, type LoadedContract } from '../domain/contract/parse-contract.js';
import { SupportPactError } from '../domain/errors/index.js';
import type { LocalDate } from '../domain/time/index.js';

export interface StoredContractVersion {
  readonly loaded: LoadedContract;
  readonly version: ContractVersion;
}

/**
 * Loads a stored contract version: the one in force on a date, for a month, a numbered
 * version, or the latest. Throws CONTRACT_NOT_FOUND naming the stored ids when it is missing.
 */
export async function loadStoredContract(
  store: StoreSession,
  contractId: string,
  which: { on?: LocalDate; month?: string; version?: number } = {},
): Promise<StoredContractVersion> {
  const version =
    which.version !== undefined
      ? await store.contracts.getContractVersion(contractId, which.version)
      : which.month !== undefined
        ? ((await store.contracts.getContractVersionForMonth(contractId, which.month)) ?? (await store.contracts.getContractVersion(contractId)))
        : which.on !== undefined
          ? ((await store.contracts.getContractVersionInForce(contractId, which.on)) ?? (await store.contracts.getContractVersion(contractId)))
          : await store.contracts.getContractVersion(contractId);
  if (!version) {
    const known = (await store.contracts.listContracts()).map((c) => c.contractId);
    const detail = which.version !== undefined ? ` version ${which.version}` : '';
    throw new SupportPactError('CONTRACT_NOT_FOUND', `no stored contract ${contractId}${detail}`, {
      problems: [{ message: known.length > 0 ? `stored contracts: ${known.join(', ')}` : 'no contracts are stored yet', hint: 'add one with `supportpact contract add <file>`' }],
      details: { contractId, known },
    });
  }
  return { loaded: parseContract(version.yaml, `${contractId}@v${version.version}`), version };
}
