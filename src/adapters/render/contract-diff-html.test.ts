import { describe, expect, it } from 'vitest';
import type { ContractChange } from '../../domain/contract/diff/index.js';
import { renderContractDiffHtml } from './contract-diff-html.js';

const changes: ContractChange[] = [
  { path: 'sla.targets.resolution.P2.within', section: 'sla', kind: 'changed', label: 'P2 resolution target', old: '8 hours', new: '6 hours', detail: 'extended hours', summary: 'P2 resolution target: 8 hours -> 6 hours (extended hours)', favours: 'client' },
  { path: 'scope.services[account-access]', section: 'scope', kind: 'removed', label: 'Service account-access', old: 'Password resets', summary: 'Removed service account-access (was Password resets)', favours: 'vendor' },
  { path: 'scope.technologies.applications', section: 'scope', kind: 'changed', label: 'Supported applications', old: 'Slack', new: 'Slack, <script>x</script>', detail: 'added <script>x</script>', summary: 'Supported applications: added <script>x</script>' },
];

function page(list: readonly ContractChange[]): string {
  return renderContractDiffHtml({ oldFile: 'v1.yaml', newFile: 'v2.yaml', contractId: 'acme', title: 'Acme & Co helpdesk', changes: list });
}

describe('renderContractDiffHtml', () => {
  it('renders one table per section with changes, in section order', () => {
    const html = page(changes);
    expect(html.match(/<table>/g)).toHaveLength(2);
    expect(html.indexOf('id="scope"')).toBeLessThan(html.indexOf('id="sla"'));
    expect(html).not.toContain('id="pricing"');
  });

  it('strikes the old value, highlights the new one, and marks what is absent', () => {
    const html = page(changes);
    expect(html).toContain('<span class="changed-old">8 hours</span>');
    expect(html).toContain('<span class="changed-new">6 hours</span>');
    expect(html).toMatch(/<span class="changed-old">Password resets<\/span><\/td>\s*<td class="value"><span class="absent">removed<\/span>/);
    expect(html).toContain('<span class="badge client">client</span>');
    expect(html).toContain('1 favour the client');
  });

  it('escapes every value taken from the contracts', () => {
    const html = page(changes);
    expect(html).not.toContain('<script>x');
    expect(html).toContain('Slack, &lt;script&gt;x&lt;/script&gt;');
    expect(html).toContain('Acme &amp; Co helpdesk');
  });

  it('says there are no changes when there are none', () => {
    const html = page([]);
    expect(html).toContain('No changes: both files state the same terms.');
    expect(html).not.toContain('<table>');
  });
});
