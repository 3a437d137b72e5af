import { describe, expect, it } from 'vitest';
import { canSeeContract, isScopeWithin } from './can-see-contract.js';

describe('canSeeContract', () => {
  it('sees listed contracts, and every contract with "*"', () => {
    expect(canSeeContract(['acme'], 'acme')).toBe(true);
    expect(canSeeContract(['acme'], 'globex')).toBe(false);
    expect(canSeeContract([], 'acme')).toBe(false);
    expect(canSeeContract('*', 'globex')).toBe(true);
  });
});

describe('isScopeWithin', () => {
  it('holds a scope within a wider one, and "*" within "*" only', () => {
    expect(isScopeWithin(['a'], ['a', 'b'])).toBe(true);
    expect(isScopeWithin(['a', 'c'], ['a', 'b'])).toBe(false);
    expect(isScopeWithin(['a'], '*')).toBe(true);
    expect(isScopeWithin('*', '*')).toBe(true);
    expect(isScopeWithin('*', ['a', 'b'])).toBe(false);
  });
});
