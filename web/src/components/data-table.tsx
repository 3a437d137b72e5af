import { useMemo, useState, type ReactNode } from 'react';

export interface Column<Row> {
  readonly key: string;
  readonly header: string;
  readonly render: (row: Row) => ReactNode;
  /** A value to sort by; without one the column cannot be sorted. */
  readonly sortValue?: (row: Row) => string | number;
  readonly align?: 'start' | 'end';
  /** The row's name for screen readers (a `th scope="row"`). */
  readonly rowHeader?: boolean;
  /** Keep the cell on one line (dates, amounts). */
  readonly nowrap?: boolean;
}

interface DataTableProps<Row> {
  readonly caption: string;
  readonly columns: readonly Column<Row>[];
  readonly rows: readonly Row[];
  readonly rowKey: (row: Row) => string;
  readonly empty?: ReactNode;
  /** Rows per page; a few thousand rows stay fast because only one page is in the document. */
  readonly pageSize?: number;
  readonly captionVisible?: boolean;
  readonly testId?: string;
  readonly rowClass?: (row: Row) => string | undefined;
  readonly initialSort?: { readonly key: string; readonly direction: 'ascending' | 'descending' };
}

function cellClass(column: { readonly align?: 'start' | 'end'; readonly nowrap?: boolean }): string | undefined {
  const names = [column.align === 'end' ? 'num' : '', column.nowrap ? 'nowrap' : ''].filter(Boolean);
  return names.length > 0 ? names.join(' ') : undefined;
}

type Sort = { key: string; direction: 'ascending' | 'descending' } | undefined;

/** A readable table: sortable columns (buttons in the headers), pages of rows, a visible count. */
export function DataTable<Row>({ caption, columns, rows, rowKey, empty, pageSize = 50, captionVisible = false, testId, rowClass, initialSort }: DataTableProps<Row>) {
  const [sort, setSort] = useState<Sort>(initialSort);
  const [page, setPage] = useState(0);

  const sorted = useMemo(() => {
    const column = sort && columns.find((c) => c.key === sort.key);
    if (!sort || !column?.sortValue) return rows;
    const value = column.sortValue;
    const factor = sort.direction === 'ascending' ? 1 : -1;
    // A copy: the caller's array is never sorted in place.
    return [...rows].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      return (x < y ? -1 : x > y ? 1 : 0) * factor;
    });
  }, [rows, sort, columns]);

  const pages = Math.max(1, Math.ceil(sorted.length / pageSize));
  const current = Math.min(page, pages - 1);
  const shown = sorted.slice(current * pageSize, (current + 1) * pageSize);

  const toggle = (key: string): void => {
    setSort((s) => (s?.key === key ? { key, direction: s.direction === 'ascending' ? 'descending' : 'ascending' } : { key, direction: 'ascending' }));
    setPage(0);
  };

  if (rows.length === 0) return <p className="empty">{empty ?? 'Nothing to show.'}</p>;
  return (
    <div className="data-table" data-testid={testId}>
      <div className="table-scroll">
        <table>
          <caption className={captionVisible ? 'table-caption' : 'visually-hidden'}>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col" className={c.align === 'end' ? 'num' : undefined} aria-sort={sort?.key === c.key ? sort.direction : c.sortValue ? 'none' : undefined}>
                  {c.sortValue ? (
                    <button type="button" className="sort-button" onClick={() => toggle(c.key)}>
                      {c.header}
                      <span aria-hidden="true" className="sort-mark">
                        {sort?.key === c.key ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                      </span>
                    </button>
                  ) : (
                    c.header
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={rowKey(row)} className={rowClass?.(row)}>
                {columns.map((c) =>
                  c.rowHeader ? (
                    <th key={c.key} scope="row" className={cellClass(c)}>
                      {c.render(row)}
                    </th>
                  ) : (
                    <td key={c.key} className={cellClass(c)}>
                      {c.render(row)}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <nav className="pager" aria-label={`Pages of ${caption}`}>
          <button type="button" onClick={() => setPage(current - 1)} disabled={current === 0}>
            Previous
          </button>
          <span aria-live="polite">
            Rows {(current * pageSize + 1).toLocaleString('en-US')}–{Math.min((current + 1) * pageSize, sorted.length).toLocaleString('en-US')} of {sorted.length.toLocaleString('en-US')}
          </span>
          <button type="button" onClick={() => setPage(current + 1)} disabled={current >= pages - 1}>
            Next
          </button>
        </nav>
      ) : (
        <p className="table-count">{sorted.length.toLocaleString('en-US')} {sorted.length === 1 ? 'row' : 'rows'}</p>
      )}
    </div>
  );
}
