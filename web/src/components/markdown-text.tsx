import { Fragment, type ReactNode } from 'react';

/**
 * The small part of Markdown the repository's docs use (headings, paragraphs, lists, tables,
 * fenced code, `code`, **bold**, *emphasis*), as React elements: the text is never parsed as
 * HTML, so a document cannot inject markup into the page.
 */

/** `**a** and `b`` as elements: code first (its stars are literal), then bold, then emphasis. */
export function renderInline(text: string): ReactNode[] {
  const nodes: ReactNode[] = [];
  const pattern = /`([^`]+)`|\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const at = match.index ?? 0;
    if (at > last) nodes.push(text.slice(last, at));
    const key = nodes.length;
    if (match[1] !== undefined) nodes.push(<code key={key}>{match[1]}</code>);
    else if (match[2] !== undefined) nodes.push(<strong key={key}>{match[2]}</strong>);
    else nodes.push(<em key={key}>{match[3]}</em>);
    last = at + match[0].length;
  }
  if (last < text.length) nodes.push(text.slice(last));
  return nodes;
}

type Block =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; header: string[]; rows: string[][] }
  | { kind: 'code'; text: string };

/** `| a | b |` as its cells; a `\|` inside a cell stays a bar. */
function cellsOf(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim().replaceAll('\\|', '|'));
}

function blocksOf(markdown: string): Block[] {
  const lines = markdown.replace(/\r\n/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === '') {
      i++;
    } else if (line.startsWith('```')) {
      const code: string[] = [];
      for (i++; i < lines.length && !lines[i]!.startsWith('```'); i++) code.push(lines[i]!);
      i++;
      blocks.push({ kind: 'code', text: code.join('\n') });
    } else if (/^#{1,6} /.test(line)) {
      const level = line.indexOf(' ');
      blocks.push({ kind: 'heading', level, text: line.slice(level + 1).trim() });
      i++;
    } else if (line.startsWith('|')) {
      const rows: string[][] = [];
      for (; i < lines.length && lines[i]!.startsWith('|'); i++) rows.push(cellsOf(lines[i]!));
      // The second row is the `|---|---|` separator.
      blocks.push({ kind: 'table', header: rows[0] ?? [], rows: rows.slice(2) });
    } else if (/^[-*] /.test(line)) {
      const items: string[] = [];
      for (; i < lines.length && (/^[-*] /.test(lines[i]!) || /^\s{2,}\S/.test(lines[i]!)); i++) {
        const current = lines[i]!;
        // An indented line continues the item above it.
        if (/^[-*] /.test(current)) items.push(current.slice(2).trim());
        else items[items.length - 1] += ` ${current.trim()}`;
      }
      blocks.push({ kind: 'list', items });
    } else {
      const text: string[] = [];
      for (; i < lines.length && lines[i]!.trim() !== '' && !/^(#{1,6} |```|\||[-*] )/.test(lines[i]!); i++) text.push(lines[i]!.trim());
      blocks.push({ kind: 'paragraph', text: text.join(' ') });
    }
  }
  return blocks;
}

/** A Markdown document as the page's own headings, paragraphs, lists, tables and code. `headingOffset` 1 makes `#` an h2. */
export function MarkdownText({ markdown, headingOffset = 1 }: { readonly markdown: string; readonly headingOffset?: number }) {
  return (
    <div className="markdown">
      {blocksOf(markdown).map((block, index) => {
        switch (block.kind) {
          case 'heading': {
            const Tag = `h${Math.min(6, block.level + headingOffset)}` as 'h2';
            return <Tag key={index}>{renderInline(block.text)}</Tag>;
          }
          case 'paragraph':
            return <p key={index}>{renderInline(block.text)}</p>;
          case 'list':
            return (
              <ul key={index}>
                {block.items.map((item, j) => (
                  <li key={j}>{renderInline(item)}</li>
                ))}
              </ul>
            );
          case 'code':
            return (
              <pre key={index} className="markdown-code">
                <code>{block.text}</code>
              </pre>
            );
          case 'table':
            return (
              <div key={index} className="table-scroll">
                <table>
                  <thead>
                    <tr>
                      {block.header.map((cell, j) => (
                        <th key={j} scope="col">
                          {renderInline(cell)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {block.rows.map((row, j) => (
                      <tr key={j}>
                        {row.map((cell, k) => (k === 0 ? <th key={k} scope="row">{renderInline(cell)}</th> : <td key={k}>{renderInline(cell)}</td>))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            );
          default:
            return <Fragment key={index} />;
        }
      })}
    </div>
  );
}
