/**
 * Whether an account is shared or generic rather than named for one person, for the
 * `named-accounts` safeguard. The account's local part (before `@`, after a `DOMAIN\`
 * prefix), lower-cased, is split at `-`, `_` and `.`; it is generic when every part, less
 * trailing digits, is one of the generic names below or one the caller adds: `admin2`,
 * `helpdesk-ops` and `shared.support` are generic, `it-jdoe` and `j.doe` are not.
 */
export const defaultGenericAccountNames: readonly string[] = [
  'admin', 'administrator', 'root', 'superuser', 'sysadmin', 'system', 'operator', 'svc', 'service',
  'support', 'helpdesk', 'servicedesk', 'itsupport', 'it', 'desk', 'tech', 'technician',
  'shared', 'generic', 'team', 'ops', 'noc', 'vendor', 'contractor', 'guest', 'test', 'temp', 'user', 'default',
];

/**
 * `isGenericAccount('helpdesk@northstar.example')` and `isGenericAccount('NORTHSTAR\\admin2')`
 * are true; `isGenericAccount('j.doe@northstar.example')` is false. `extraNames` adds names
 * (e.g. a vendor's pool account `'nsupport'`).
 */
export function isGenericAccount(account: string, extraNames: readonly string[] = []): boolean {
  const afterDomain = account.includes('\\') ? account.slice(account.lastIndexOf('\\') + 1) : account;
  const local = (afterDomain.split('@')[0] ?? '').trim().toLowerCase();
  if (local === '') return true;
  const names = new Set([...defaultGenericAccountNames, ...extraNames.map((n) => n.trim().toLowerCase())]);
  if (names.has(local)) return true;
  const parts = local.split(/[-_.]/).map((p) => p.replace(/\d+$/, ''));
  // "admin2" leaves "admin"; a part of digits only ("ops-01") leaves "" and is no name either way.
  return parts.every((p) => p === '' || names.has(p)) && parts.some((p) => p !== '');
}
