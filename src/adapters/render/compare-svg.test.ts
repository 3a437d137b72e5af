import { describe, expect, it } from 'vitest';
import { niceTicks, renderLineChart, renderRangeChart } from './compare-svg.js';

describe('niceTicks', () => {
  it('covers the range with round steps', () => {
    expect(niceTicks(0, 3200, 8)).toEqual([0, 500, 1000, 1500, 2000, 2500, 3000, 3500]);
    expect(niceTicks(0, 1, 6)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(5, 5, 6)).toEqual([5, 6]);
  });
});

describe('renderLineChart', () => {
  it('draws one path per series with escaped names, markers and no scripts', () => {
    const svg = renderLineChart({
      title: 'Cost <by> volume',
      xLabel: 'tickets',
      yLabel: 'USD',
      series: [{ name: 'a & b', points: [[0, 0], [100, 1000]] }, { name: 'c', points: [[0, 500], [100, 600]] }],
      markers: [{ x: 50, label: 'break-even 50' }],
      formatX: String,
      formatY: String,
    });
    expect(svg.match(/<path /g)).toHaveLength(2);
    expect(svg).toContain('a &amp; b');
    expect(svg).toContain('Cost &lt;by&gt; volume');
    expect(svg).toContain('break-even 50');
    expect(svg).not.toMatch(/NaN|<script/);
  });
});

describe('renderRangeChart', () => {
  it('draws a P10–P90 bar and a P50 mark per row', () => {
    const svg = renderRangeChart('Totals', [{ name: 'x', low: 10, middle: 15, high: 30 }], (v) => `${v}`);
    expect(svg.match(/<rect /g)).toHaveLength(1);
    expect(svg).toContain('10 – 30');
    expect(svg).not.toContain('NaN');
  });
});
