import { useContracts } from '../api/use-contracts.js';

/** The contract's title above a page's heading (its id until the list has loaded). */
export function ContractKicker({ contractId }: { readonly contractId: string }) {
  const contracts = useContracts();
  const found = contracts.status === 'ok' ? contracts.data.contracts.find((c) => c.contractId === contractId) : undefined;
  return <>{found ? found.title : contractId}</>;
}
