import type { Finding } from '../../domain/contract/lint/index.js';
import { notLegalAdvice, type ContractSchedule } from '../../domain/contract/describe/index.js';
import { escapeHtml, htmlPage, htmlTable } from './html.js';

/** The contract schedule as a self-contained HTML page, with the check findings at the end. */
export function renderContractHtml(schedule: ContractSchedule, findings: readonly Finding[] = []): string {
  const toc = schedule.sections.map((s) => `<a href="#${s.id}">${escapeHtml(s.heading)}</a>`).join('');
  const sections = schedule.sections
    .map((s) => {
      const body = [
        s.missing ? `<p class="missing">${escapeHtml(s.missing)}</p>` : '',
        ...s.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
        ...s.tables.map((t) => htmlTable(t.caption.toLowerCase() === s.heading.toLowerCase() ? undefined : t.caption, t.columns, t.rows)),
      ].join('\n');
      return `<section id="${s.id}" aria-labelledby="h-${s.id}"><h2 id="h-${s.id}">${escapeHtml(s.heading)}</h2>\n${body}</section>`;
    })
    .join('\n');
  const shown = findings.filter((f) => f.severity !== 'info');
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  const findingsHtml = `<section id="findings" aria-labelledby="h-findings"><h2 id="h-findings">What the check found</h2>
<p><span class="badge ${counts.error ? 'error' : 'ok'}">${counts.error} errors</span> <span class="badge warning">${counts.warning} warnings</span> <span class="badge info">${counts.info} info</span></p>
${shown.length > 0 ? htmlTable('Findings (errors and warnings)', ['Severity', 'Rule', 'Where', 'Finding'], shown.map((f) => [f.severity, f.rule, `${f.path}${f.line ? ` (line ${f.line})` : ''}`, f.message])) : '<p>No errors or warnings.</p>'}
</section>`;
  const body = `<header class="doc">
<div class="kicker">Contract schedule · ${escapeHtml(schedule.id)}</div>
<h1>${escapeHtml(schedule.title)}</h1>
<div class="meta"><span>${escapeHtml(schedule.currency)}</span><span>${escapeHtml(schedule.timezone)}</span>${schedule.signedOn ? `<span>signed ${escapeHtml(schedule.signedOn)}</span>` : '<span>not signed</span>'}</div>
<nav class="toc" aria-label="Sections">${toc}<a href="#findings">Findings</a></nav>
</header>
${sections}
${findingsHtml}
<p class="notice" role="note">${escapeHtml(notLegalAdvice)}</p>`;
  return htmlPage(schedule.title, body);
}
