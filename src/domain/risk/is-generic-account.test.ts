import { describe, expect, it } from 'vitest';
import { isGenericAccount } from './is-generic-account.js';

describe('isGenericAccount', () => {
  it('calls pool, admin and team accounts generic, whatever the domain or case', () => {
    for (const account of ['helpdesk@northstar.example', 'NORTHSTAR\\Admin2', 'root', 'shared.support@x.example', 'helpdesk-ops', 'ops-01', 'Service_Desk']) {
      expect(isGenericAccount(account), account).toBe(true);
    }
  });

  it('calls accounts named for a person named, even with a generic prefix', () => {
    for (const account of ['j.doe@northstar.example', 'NORTHSTAR\\mgarcia', 'it-jdoe', 'admin.jane', 'tech7-priya']) {
      expect(isGenericAccount(account), account).toBe(false);
    }
  });

  it('takes extra generic names from the caller, and treats an empty name as generic', () => {
    expect(isGenericAccount('nsupport@northstar.example')).toBe(false);
    expect(isGenericAccount('nsupport@northstar.example', ['NSupport'])).toBe(true);
    expect(isGenericAccount('@northstar.example')).toBe(true);
  });
});
