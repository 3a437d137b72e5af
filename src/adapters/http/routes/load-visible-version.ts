import type { ContractVersion, StoreSession } from '../../../app/ports/index.js';
import { SupportPactError } from '../../../domain/errors/index.js';

/**
 * A version of a contract the access hook has already shown visible: the latest, or the
 * numbered one (NOT_FOUND naming the versions that exist when it does not).
 */
export async function loadVisibleVersion(store: StoreSession, contractId: string, version?: number): Promise<ContractVersion> {
  const found = await store.contracts.getContractVersion(contractId, version);
  if (found) return found;
  const latest = await store.contracts.getContractVersion(contractId);
  const known = latest ? `it has versions 1 to ${latest.version}` : 'it has no versions';
  throw new SupportPactError('NOT_FOUND', `Contract "${contractId}" has no version ${version ?? '(latest)'}: ${known}.`, { problems: [{ message: known, path: ['version'] }] });
}
