import { diffSectionHeadings, diffSections, type ContractChange } from '../../domain/contract/diff/index.js';
import { escapeHtml, htmlPage } from './html.js';

/** What an amendment review page shows: the two files, the contract, and every change. */
export interface ContractDiffPage {
  readonly oldFile: string;
  readonly newFile: string;
  readonly contractId: string;
  readonly title: string;
  readonly changes: readonly ContractChange[];
}

const styles = `
td.term { width: 34%; }
td.term .path { display: block; margin-top: 2px; font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: var(--muted); word-break: break-all; }
td.value { width: 25%; }
td.value .changed-old, td.value .changed-new { padding: 1px 4px; border-radius: 3px; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
td .absent { color: var(--muted); font-style: italic; }
td.who { width: 9%; white-space: nowrap; }
.badge.kind { background: var(--soft); color: var(--muted); border: 1px solid var(--line); margin-right: 4px; font-weight: 500; }
.badge.kind.added { border-color: #abefc6; } .badge.kind.removed { border-color: #fecdca; }
td.term .detail { display: block; margin-top: 2px; font-size: 13px; color: var(--ink); }
.badge.client { background: #dcfae6; color: var(--ok); } .badge.vendor { background: #fef0c7; color: var(--warn); }
.summary { display: flex; gap: 8px; flex-wrap: wrap; margin: 12px 0 0; }
.none { padding: 14px 16px; background: var(--soft); border-radius: 6px; }
`;

function valueCell(text: string | undefined, cls: 'changed-old' | 'changed-new', absent: string): string {
  return `<td class="value">${text === undefined ? `<span class="absent">${absent}</span>` : `<span class="${cls}">${escapeHtml(text)}</span>`}</td>`;
}

function changeRow(c: ContractChange): string {
  const favours = c.favours ? `<span class="badge ${c.favours}">${c.favours}</span>` : '<span class="absent" title="unclear or neutral">—</span>';
  return `<tr>
<td class="term"><span class="badge kind ${c.kind}">${c.kind}</span> ${escapeHtml(c.label)}${c.detail ? `<span class="detail">${escapeHtml(c.detail)}</span>` : ''}<span class="path">${escapeHtml(c.path)}</span></td>
${valueCell(c.old, 'changed-old', 'not in the contract')}
${valueCell(c.new, 'changed-new', 'removed')}
<td class="who">${favours}</td>
</tr>`;
}

/**
 * An amendment review as a self-contained HTML page: one table per section, the old value
 * struck through and the new one highlighted, with whom each change favours where it is clear.
 */
export function renderContractDiffHtml(page: ContractDiffPage): string {
  const sections = diffSections.filter((s) => page.changes.some((c) => c.section === s));
  const count = (favours: string | undefined): number => page.changes.filter((c) => c.favours === favours).length;
  const toc = sections.map((s) => `<a href="#${s}">${escapeHtml(diffSectionHeadings[s])} (${page.changes.filter((c) => c.section === s).length})</a>`).join('');
  const body = sections
    .map((s) => {
      const rows = page.changes.filter((c) => c.section === s).map(changeRow).join('\n');
      return `<section id="${s}" aria-labelledby="h-${s}"><h2 id="h-${s}">${escapeHtml(diffSectionHeadings[s])}</h2>
<table>
<thead><tr><th scope="col">Term</th><th scope="col">Before</th><th scope="col">After</th><th scope="col">Favours</th></tr></thead>
<tbody>
${rows}
</tbody>
</table></section>`;
    })
    .join('\n');
  const total = page.changes.length;
  const header = `<header class="doc">
<div class="kicker">Amendment review · ${escapeHtml(page.contractId)}</div>
<h1>${escapeHtml(page.title)}</h1>
<div class="meta"><span>before: ${escapeHtml(page.oldFile)}</span><span>after: ${escapeHtml(page.newFile)}</span><span>${total} change${total === 1 ? '' : 's'}</span></div>
${total > 0 ? `<div class="summary"><span class="badge client">${count('client')} favour the client</span><span class="badge vendor">${count('vendor')} favour the vendor</span><span class="badge kind">${count(undefined)} unclear or neutral</span></div>` : ''}
${sections.length > 0 ? `<nav class="toc" aria-label="Sections">${toc}</nav>` : ''}
</header>`;
  const notice = `<p class="notice" role="note">SupportPact compares the two contract files term by term, by meaning: reordered keys, comments, quoting and equal values written differently ("18.0" and "18.00", 480m and 8h) are not changes. "Favours" is a plain reading of each change on its own, shown as — where it is unclear or neutral; it is not legal advice.</p>`;
  return htmlPage(`Amendment review: ${page.title}`, `${header}\n${total === 0 ? '<p class="none">No changes: both files state the same terms.</p>' : body}\n${notice}`, styles);
}
