import type { ReactNode } from 'react';

export type SideBySideRow =
  | { readonly label: ReactNode; readonly values: readonly ReactNode[]; readonly className?: string; readonly numeric?: boolean }
  /** A heading row over the rows below it: "Prices", "Targets by priority". */
  | { readonly heading: string };

interface SideBySideTableProps {
  readonly caption: string;
  readonly captionVisible?: boolean;
  /** The first column's header, then one per thing compared. */
  readonly corner: string;
  readonly columns: readonly ReactNode[];
  readonly rows: readonly SideBySideRow[];
  /** Amounts in every column: headers sit right, over the figures. */
  readonly numeric?: boolean;
  readonly testId?: string;
}

/** Things compared as columns and their facts as rows, each row named by a row header. */
export function SideBySideTable({ caption, captionVisible = false, corner, columns, rows, numeric = false, testId }: SideBySideTableProps) {
  return (
    <div className="table-scroll side-by-side" data-testid={testId}>
      <table>
        <caption className={captionVisible ? 'table-caption' : 'visually-hidden'}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{corner}</th>
            {columns.map((c, i) => (
              <th key={i} scope="col" className={numeric ? 'num' : undefined}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) =>
            'heading' in row ? (
              <tr key={i} className="group-row">
                <th scope="colgroup" colSpan={columns.length + 1}>
                  {row.heading}
                </th>
              </tr>
            ) : (
              <tr key={i} className={row.className}>
                <th scope="row">{row.label}</th>
                {row.values.map((v, j) => (
                  <td key={j} className={row.numeric ? 'num nowrap' : undefined}>
                    {v}
                  </td>
                ))}
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
