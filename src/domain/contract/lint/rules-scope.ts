import type { LintRule } from './lint-rule.js';
import { hit } from './lint-rule.js';

/** Rules about the scope of work. */
export const scopeRules: readonly LintRule[] = [
  {
    id: 'scope-no-services',
    severity: 'error',
    part: 'scope',
    summary: 'No services listed',
    why: 'Tickets are in or out of the service levels by their service; with no list, every dispute about coverage is open.',
    check: (c) => (c.scope && (c.scope.services ?? []).length === 0 ? [hit('the scope lists no services; list what the vendor does (troubleshooting, installation, ...)', 'scope', 'services')] : []),
  },
  {
    id: 'scope-no-exclusions',
    severity: 'info',
    part: 'scope',
    summary: 'Nothing is excluded',
    why: 'Naming what is out of scope (on-site repair, hardware) prevents surprise charges and arguments about missed targets.',
    check: (c) => (c.scope && (c.scope.excluded ?? []).length === 0 ? [hit('nothing is listed as excluded; name work that is billed separately or not done', 'scope', 'excluded')] : []),
  },
  {
    id: 'scope-no-technologies',
    severity: 'warning',
    part: 'scope',
    summary: 'Technologies not listed',
    why: 'Without the supported operating systems, applications and devices, a ticket about an unlisted technology cannot be shown to be in or out of scope.',
    check: (c) => (c.scope && !c.scope.technologies ? [hit('no technologies are listed; list supported operating systems, applications and devices', 'scope', 'technologies')] : []),
  },
  {
    id: 'scope-no-channels',
    severity: 'warning',
    part: 'scope',
    summary: 'No support channels',
    why: 'Users need to know how to reach the desk (phone, email, chat, portal) and when each is staffed.',
    check: (c) => (c.scope && Object.keys(c.scope.channels ?? {}).length === 0 ? [hit('no channels are listed; name phone, email, chat or portal with their coverage hours', 'scope', 'channels')] : []),
  },
  {
    id: 'channel-without-coverage',
    severity: 'error',
    part: 'scope',
    summary: 'A channel has no coverage hours',
    why: 'A channel with no stated hours can be left unstaffed; coverage is how the client checks that someone answers.',
    check: (c) =>
      Object.entries(c.scope?.channels ?? {})
        .filter(([, spec]) => spec.coverage === undefined)
        .map(([name]) => hit(`the ${name} channel has no coverage; name the calendar whose hours it is staffed`, 'scope', 'channels', name, 'coverage')),
  },
  {
    id: 'no-data-access-limits',
    severity: 'error',
    part: 'scope',
    summary: 'No limits on the vendor\'s data access',
    why: 'A helpdesk vendor sees personal data. Without allowed and prohibited categories and safeguards, nothing stops access to payroll or health data.',
    check: (c) => {
      if (!c.scope) return [];
      const access = c.scope.dataAccess;
      if (!access) return [hit('no dataAccess section; list allowed and prohibited data categories and required safeguards', 'scope', 'dataAccess')];
      const hits = [];
      if ((access.prohibitedCategories ?? []).length === 0) hits.push(hit('no prohibited data categories; name data the vendor must never touch', 'scope', 'dataAccess', 'prohibitedCategories'));
      if ((access.safeguards ?? []).length === 0) hits.push(hit('no required safeguards; require named accounts, MFA, least privilege and access logging', 'scope', 'dataAccess', 'safeguards'));
      return hits;
    },
  },
  {
    id: 'data-access-no-mfa',
    severity: 'warning',
    part: 'scope',
    summary: 'MFA is not required for data access',
    why: 'Multi-factor authentication is the baseline safeguard for remote support accounts; most breaches start with a stolen password.',
    check: (c) => {
      const safeguards = c.scope?.dataAccess?.safeguards;
      return safeguards && safeguards.length > 0 && !safeguards.some((s) => s.toLowerCase() === 'mfa')
        ? [hit('the safeguards do not include mfa', 'scope', 'dataAccess', 'safeguards')]
        : [];
    },
  },
  {
    id: 'data-access-no-review',
    severity: 'info',
    part: 'scope',
    summary: 'No periodic access review',
    why: 'Vendor accounts pile up; a review every few months removes access that is no longer needed.',
    check: (c) => (c.scope?.dataAccess && !c.scope.dataAccess.reviewEvery ? [hit('no reviewEvery; agree how often vendor access is reviewed, e.g. 3mo', 'scope', 'dataAccess', 'reviewEvery')] : []),
  },
];
