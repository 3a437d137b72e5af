import type { TokenContracts } from './ports/index.js';

/** Whether a token scoped to `contracts` may see `contractId`: `canSeeContract(['acme'], 'acme')` is true, `canSeeContract(['acme'], 'globex')` false, `'*'` sees all. */
export function canSeeContract(contracts: TokenContracts, contractId: string): boolean {
  return contracts === '*' || contracts.includes(contractId);
}

/** Whether every contract of `inner` is visible to `outer`: `['a']` within `'*'`, but `'*'` within nothing narrower. */
export function isScopeWithin(inner: TokenContracts, outer: TokenContracts): boolean {
  if (outer === '*') return true;
  return inner !== '*' && inner.every((id) => outer.includes(id));
}
