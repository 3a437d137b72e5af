import type { ContractSummary } from './api-types.js';
import { useApi, type Load } from './use-api.js';

/** The contracts this token may see (every role may list them). */
export function useContracts(): Load<{ contracts: readonly ContractSummary[] }> & { reload: () => void } {
  return useApi<{ contracts: readonly ContractSummary[] }>('/contracts');
}
