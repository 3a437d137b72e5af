import { describe, expect, it } from 'vitest';
import { createStatusResolver, statusTransition } from './status-transition.js';

describe('statusTransition', () => {
  it('emits nothing when the canonical status does not change', () => {
    expect(statusTransition('on_hold_third_party', 'on_hold_third_party')).toEqual([]);
  });

  it('uses the solved and closed shorthands', () => {
    expect(statusTransition('open', 'solved')).toEqual([{ kind: 'solved' }]);
    expect(statusTransition('solved', 'closed')).toEqual([{ kind: 'closed' }]);
  });

  it('reopens a solved or closed ticket, then names the new status unless it is open', () => {
    expect(statusTransition('solved', 'open')).toEqual([{ kind: 'reopened' }]);
    expect(statusTransition('closed', 'pending_customer')).toEqual([{ kind: 'reopened' }, { kind: 'status_changed', status: 'pending_customer' }]);
  });

  it('changes status otherwise, including cancelation of a solved ticket', () => {
    expect(statusTransition('open', 'pending_customer')).toEqual([{ kind: 'status_changed', status: 'pending_customer' }]);
    expect(statusTransition('solved', 'canceled')).toEqual([{ kind: 'status_changed', status: 'canceled' }]);
  });
});

describe('createStatusResolver', () => {
  it('looks up trimmed, case-insensitive names and codes, the user map overriding the defaults', () => {
    const resolve = createStatusResolver({ pending: 'pending_customer', '4': 'solved' }, { ' Pending ': 'on_hold_third_party', '6': 'on_hold_third_party' });
    expect(resolve('PENDING')).toBe('on_hold_third_party');
    expect(resolve(4)).toBe('solved');
    expect(resolve('6')).toBe('on_hold_third_party');
    expect(resolve('7')).toBeUndefined();
  });
});
