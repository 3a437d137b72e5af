/**
 * Inline SVG charts for the comparison report: no scripts, no external files, so the page
 * prints and works offline. Lines for cost curves and monthly costs, ranges for simulated
 * percentiles; every chart has a title, axis labels and a legend in text.
 */
import { escapeHtml } from './html.js';

export const seriesColors = ['#1f5fbf', '#c4320a', '#067647', '#7a5af8', '#b54708', '#0e7090'] as const;

export interface LineSeries {
  readonly name: string;
  readonly points: readonly (readonly [number, number])[];
}

export interface LineChart {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: readonly LineSeries[];
  /** Vertical marks: break-even volumes, the forecast's average month. */
  readonly markers?: readonly { readonly x: number; readonly label: string; readonly dashed?: boolean }[];
  readonly formatX: (x: number) => string;
  readonly formatY: (y: number) => string;
  /** Draw steps (hold each value until the next x) rather than straight segments. */
  readonly steps?: boolean;
}

const width = 900;
const height = 360;
const pad = { left: 84, right: 24, top: 40, bottom: 56 };

/** Round tick values covering [min, max]: `niceTicks(0, 3200, 6)` is 0, 500, 1000, ... 3500. */
export function niceTicks(min: number, max: number, count: number): number[] {
  if (!(max > min)) return [min, min + 1];
  const raw = (max - min) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let t = Math.floor(min / step) * step; t <= max + step * 0.999; t += step) ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

function legend(names: readonly string[], y: number): string {
  let x = pad.left;
  return names
    .map((name, i) => {
      const item = `<g transform="translate(${x},${y})"><rect width="14" height="4" y="-6" fill="${seriesColors[i % seriesColors.length]}"/><text x="20" y="0" class="lg">${escapeHtml(name)}</text></g>`;
      x += 34 + name.length * 7;
      return item;
    })
    .join('');
}

/** A line chart as an `<svg>` element with a `<title>` for screen readers. */
export function renderLineChart(chart: LineChart): string {
  const all = chart.series.flatMap((s) => s.points);
  const xs = all.map((p) => p[0]);
  const ys = all.map((p) => p[1]);
  const xTicks = niceTicks(Math.min(0, ...xs), Math.max(1, ...xs), 8);
  const yTicks = niceTicks(Math.min(0, ...ys), Math.max(1, ...ys), 6);
  const [x0, x1] = [xTicks[0]!, xTicks[xTicks.length - 1]!];
  const [y0, y1] = [yTicks[0]!, yTicks[yTicks.length - 1]!];
  const sx = (x: number): number => pad.left + ((x - x0) / (x1 - x0)) * (width - pad.left - pad.right);
  const sy = (y: number): number => height - pad.bottom - ((y - y0) / (y1 - y0)) * (height - pad.top - pad.bottom);
  const grid = yTicks.map((t) => `<line x1="${pad.left}" x2="${width - pad.right}" y1="${sy(t).toFixed(1)}" y2="${sy(t).toFixed(1)}" class="grid"/><text x="${pad.left - 8}" y="${(sy(t) + 4).toFixed(1)}" class="tick" text-anchor="end">${escapeHtml(chart.formatY(t))}</text>`).join('');
  const xAxis = xTicks.map((t) => `<text x="${sx(t).toFixed(1)}" y="${height - pad.bottom + 18}" class="tick" text-anchor="middle">${escapeHtml(chart.formatX(t))}</text>`).join('');
  const lines = chart.series
    .map((s, i) => {
      let d = '';
      s.points.forEach(([x, y], j) => {
        if (j === 0) d += `M${sx(x).toFixed(1)},${sy(y).toFixed(1)}`;
        else if (chart.steps) d += `H${sx(x).toFixed(1)}V${sy(y).toFixed(1)}`;
        else d += `L${sx(x).toFixed(1)},${sy(y).toFixed(1)}`;
      });
      return `<path d="${d}" fill="none" stroke="${seriesColors[i % seriesColors.length]}" stroke-width="2.2"><title>${escapeHtml(s.name)}</title></path>`;
    })
    .join('');
  const markers = (chart.markers ?? [])
    .map((m, i) => `<line x1="${sx(m.x).toFixed(1)}" x2="${sx(m.x).toFixed(1)}" y1="${pad.top}" y2="${height - pad.bottom}" class="${m.dashed ? 'mark dashed' : 'mark'}"/><text x="${(sx(m.x) + 4).toFixed(1)}" y="${pad.top + 12 + (i % 3) * 13}" class="mk">${escapeHtml(m.label)}</text>`)
    .join('');
  return `<figure class="chart"><svg viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(chart.title)}" xmlns="http://www.w3.org/2000/svg">
<title>${escapeHtml(chart.title)}</title>
<style>.grid{stroke:#e4e7ec;stroke-width:1}.tick{font:12px system-ui,sans-serif;fill:#5b6475}.ax{font:13px system-ui,sans-serif;fill:#1d2330}.lg{font:12px system-ui,sans-serif;fill:#1d2330}.mark{stroke:#98a2b3;stroke-width:1.2}.mark.dashed{stroke-dasharray:5 4}.mk{font:11px system-ui,sans-serif;fill:#475467}</style>
${grid}${xAxis}
<line x1="${pad.left}" x2="${width - pad.right}" y1="${sy(y0)}" y2="${sy(y0)}" stroke="#98a2b3"/>
${markers}${lines}
<text x="${(pad.left + width - pad.right) / 2}" y="${height - 14}" class="ax" text-anchor="middle">${escapeHtml(chart.xLabel)}</text>
<text x="16" y="${(pad.top + height - pad.bottom) / 2}" class="ax" text-anchor="middle" transform="rotate(-90 16 ${(pad.top + height - pad.bottom) / 2})">${escapeHtml(chart.yLabel)}</text>
${legend(chart.series.map((s) => s.name), 20)}
</svg><figcaption>${escapeHtml(chart.title)}</figcaption></figure>`;
}

export interface RangeRow {
  readonly name: string;
  readonly low: number;
  readonly middle: number;
  readonly high: number;
}

/** Horizontal P10–P90 bars with the P50 marked: one row per proposal. */
export function renderRangeChart(title: string, rows: readonly RangeRow[], format: (v: number) => string): string {
  const rowHeight = 44;
  const h = pad.top + rows.length * rowHeight + 40;
  const ticks = niceTicks(Math.min(0, ...rows.map((r) => r.low)), Math.max(1, ...rows.map((r) => r.high)), 6);
  const [x0, x1] = [ticks[0]!, ticks[ticks.length - 1]!];
  const left = 200;
  const sx = (x: number): number => left + ((x - x0) / (x1 - x0)) * (width - left - pad.right);
  const bars = rows
    .map((r, i) => {
      const y = pad.top + i * rowHeight + 10;
      const color = seriesColors[i % seriesColors.length];
      return `<text x="${left - 10}" y="${y + 15}" class="lg" text-anchor="end">${escapeHtml(r.name)}</text>
<rect x="${sx(r.low).toFixed(1)}" y="${y + 4}" width="${Math.max(2, sx(r.high) - sx(r.low)).toFixed(1)}" height="16" rx="3" fill="${color}" fill-opacity="0.28" stroke="${color}"/>
<line x1="${sx(r.middle).toFixed(1)}" x2="${sx(r.middle).toFixed(1)}" y1="${y}" y2="${y + 24}" stroke="${color}" stroke-width="3"/>
<text x="${(sx(r.high) + 6).toFixed(1)}" y="${y + 16}" class="mk">${escapeHtml(`${format(r.low)} – ${format(r.high)}`)}</text>`;
    })
    .join('\n');
  const axis = ticks.map((t) => `<line x1="${sx(t).toFixed(1)}" x2="${sx(t).toFixed(1)}" y1="${pad.top}" y2="${h - 36}" class="grid"/><text x="${sx(t).toFixed(1)}" y="${h - 20}" class="tick" text-anchor="middle">${escapeHtml(format(t))}</text>`).join('');
  return `<figure class="chart"><svg viewBox="0 0 ${width} ${h}" role="img" aria-label="${escapeHtml(title)}" xmlns="http://www.w3.org/2000/svg">
<title>${escapeHtml(title)}</title>
<style>.grid{stroke:#e4e7ec;stroke-width:1}.tick{font:12px system-ui,sans-serif;fill:#5b6475}.lg{font:13px system-ui,sans-serif;fill:#1d2330}.mk{font:11px system-ui,sans-serif;fill:#475467}</style>
${axis}
${bars}
<text x="${left}" y="24" class="mk">bar: P10 to P90 of the total over the forecast · thick line: P50</text>
</svg><figcaption>${escapeHtml(title)}</figcaption></figure>`;
}
