/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** Shared print-friendly styles for every self-contained page SupportPact renders. */
export const pageStyles = `
:root { --ink:#1d2330; --muted:#5b6475; --line:#dde2ea; --accent:#1f5fbf; --bg:#ffffff; --soft:#f5f7fa; --err:#b42318; --warn:#b54708; --ok:#067647; }
* { box-sizing: border-box; }
body { margin:0; font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: var(--bg); }
main { max-width: 980px; margin: 0 auto; padding: 40px 32px 64px; }
header.doc { border-bottom: 3px solid var(--accent); padding-bottom: 16px; margin-bottom: 24px; }
header.doc .kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 12px; color: var(--accent); font-weight: 600; }
h1 { font-size: 28px; line-height: 1.25; margin: 6px 0 8px; }
h2 { font-size: 20px; margin: 36px 0 10px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
h3 { font-size: 15px; margin: 20px 0 6px; color: var(--muted); }
p { margin: 6px 0; }
.meta { color: var(--muted); font-size: 14px; }
.meta span + span::before { content: " · "; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 14px; }
caption { text-align: left; font-weight: 600; color: var(--muted); padding: 4px 0; font-size: 13px; text-transform: uppercase; letter-spacing: .04em; }
th, td { text-align: left; vertical-align: top; padding: 7px 10px; border-bottom: 1px solid var(--line); }
th { background: var(--soft); font-weight: 600; }
td.short { white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.missing { border-left: 4px solid var(--err); background: #fef3f2; padding: 10px 14px; margin: 8px 0; }
.notice { margin-top: 40px; padding: 14px 16px; background: var(--soft); border: 1px solid var(--line); border-radius: 6px; font-size: 13px; color: var(--muted); }
.badge { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 12px; font-weight: 600; }
.badge.error { background:#fee4e2; color: var(--err); } .badge.warning { background:#fef0c7; color: var(--warn); } .badge.info { background:#e0eaff; color: var(--accent); } .badge.ok { background:#dcfae6; color: var(--ok); }
.changed-old { background:#fef3f2; text-decoration: line-through; color:#7a271a; } .changed-new { background:#ecfdf3; color:#054f31; }
nav.toc { font-size: 14px; margin: 12px 0 0; } nav.toc a { color: var(--accent); text-decoration: none; margin-right: 14px; }
@media print { main { padding: 0; } h2 { break-after: avoid; } table { break-inside: auto; } tr { break-inside: avoid; } nav.toc { display: none; } }
`;

/** A complete, self-contained HTML page (no external resources). */
export function htmlPage(title: string, body: string, extraStyles = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${pageStyles}${extraStyles}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** A table with a caption; cells are escaped text. */
export function htmlTable(caption: string | undefined, columns: readonly string[], rows: readonly (readonly string[])[], numericColumns: readonly number[] = []): string {
  const cls = (i: number, text?: string): string => {
    const classes = [numericColumns.includes(i) ? 'num' : '', text !== undefined && text.length <= 18 ? 'short' : ''].filter(Boolean);
    return classes.length > 0 ? ` class="${classes.join(' ')}"` : '';
  };
  return `<table>
${caption ? `<caption>${escapeHtml(caption)}</caption>` : ''}
<thead><tr>${columns.map((c, i) => `<th scope="col"${cls(i)}>${escapeHtml(c)}</th>`).join('')}</tr></thead>
<tbody>
${rows.map((r) => `<tr>${r.map((c, i) => `<td${cls(i, c)}>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n')}
</tbody>
</table>`;
}
