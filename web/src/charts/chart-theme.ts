/** Colours and type shared by every chart, matching styles.css. */
export const palette = {
  ink: '#1c2430',
  muted: '#5b6675',
  grid: '#e3e7ed',
  accent: '#2f5bd3',
  accentSoft: '#9db4ef',
  met: '#1f7a4d',
  atRisk: '#b25e09',
  breached: '#b42318',
  target: '#1c2430',
  pause: 'rgba(91, 102, 117, 0.14)',
  series: ['#2f5bd3', '#0f8b8d', '#8a4fbf', '#c2571a', '#5b6675', '#b8336a'],
} as const;

export const chartFontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

export const baseChartOption = {
  color: [...palette.series],
  // The same family as the page: SVG text measured with another font would overlap in legends.
  textStyle: { fontFamily: chartFontFamily, color: palette.ink, fontSize: 12 },
  animation: false,
  aria: { enabled: true },
  grid: { left: 56, right: 24, top: 40, bottom: 40, containLabel: true },
  tooltip: { trigger: 'axis', confine: true },
};
