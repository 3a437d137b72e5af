import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { baseChartOption } from '../charts/chart-theme.js';

export interface ChartTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly ReactNode[])[];
}

interface ChartProps {
  /** What the chart shows, in one sentence: the figure's caption and the screen reader's label. */
  readonly title: string;
  readonly description?: ReactNode;
  readonly option: EChartsCoreOption;
  readonly heightPx?: number;
  /** The same figures as a table: the text alternative, one click away for everyone. */
  readonly table: ChartTable;
  readonly testId?: string;
}

/** An ECharts chart in a figure, with its data as a table under a disclosure. ECharts loads on first use. */
export function Chart({ title, description, option, heightPx = 300, table, testId }: ChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState<string | undefined>();
  const captionId = useId();

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    let disposed = false;
    let dispose = (): void => {};
    import('../charts/echarts-setup.js').then(
      ({ echarts }) => {
        if (disposed) return;
        const chart = echarts.init(element, undefined, { renderer: 'svg' });
        chart.setOption({ ...baseChartOption, ...option, aria: { enabled: true, label: { description: title } } });
        const observer = new ResizeObserver(() => chart.resize());
        observer.observe(element);
        setReady(true);
        dispose = () => {
          observer.disconnect();
          chart.dispose();
        };
      },
      (error: unknown) => setFailed(`The chart could not load (${(error as Error).message}); the table below has the same figures.`),
    );
    return () => {
      disposed = true;
      dispose();
    };
  }, [option, title]);

  return (
    <figure className="chart" aria-labelledby={captionId} data-testid={testId}>
      <figcaption id={captionId}>
        <span className="chart-title">{title}</span>
        {description ? <span className="chart-description">{description}</span> : null}
      </figcaption>
      {failed ? <p className="notice">{failed}</p> : null}
      <div ref={host} className="chart-canvas" style={{ height: heightPx }} role="img" aria-label={title} data-ready={ready ? 'true' : 'false'} />
      <details className="chart-data">
        <summary>Show the figures as a table</summary>
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                {table.columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, i) => (
                <tr key={i}>
                  {row.map((cell, j) => (j === 0 ? <th key={j} scope="row">{cell}</th> : <td key={j}>{cell}</td>))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
