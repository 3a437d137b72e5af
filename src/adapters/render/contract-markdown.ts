import type { Finding } from '../../domain/contract/lint/index.js';
import { notLegalAdvice, type ContractSchedule, type ScheduleTable } from '../../domain/contract/describe/index.js';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function markdownTable(table: ScheduleTable): string {
  return [`**${table.caption}**`, '', `| ${table.columns.map(cell).join(' | ')} |`, `| ${table.columns.map(() => '---').join(' | ')} |`, ...table.rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

/** The contract schedule as Markdown. */
export function renderContractMarkdown(schedule: ContractSchedule, findings: readonly Finding[] = []): string {
  const out = [`# ${schedule.title}`, '', `Contract \`${schedule.id}\` · ${schedule.currency} · ${schedule.timezone}${schedule.signedOn ? ` · signed ${schedule.signedOn}` : ' · not signed'}`, ''];
  for (const s of schedule.sections) {
    out.push(`## ${s.heading}`, '');
    if (s.missing) out.push(`> **Missing:** ${s.missing}`, '');
    for (const p of s.paragraphs) out.push(p, '');
    for (const t of s.tables) out.push(markdownTable(t), '');
  }
  const shown = findings.filter((f) => f.severity !== 'info');
  out.push('## What the check found', '');
  out.push(shown.length === 0 ? 'No errors or warnings.' : markdownTable({ caption: 'Findings', columns: ['Severity', 'Rule', 'Where', 'Finding'], rows: shown.map((f) => [f.severity, f.rule, `${f.path}${f.line ? ` (line ${f.line})` : ''}`, f.message]) }), '');
  out.push(`---`, '', `_${notLegalAdvice}_`, '');
  return out.join('\n');
}
