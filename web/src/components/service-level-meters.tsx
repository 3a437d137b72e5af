import type { MeasureResult, Share } from '../api/api-types.js';
import { metricWords, percentValue } from '../format/format.js';
import { StatusBadge } from './status-badge.js';

/** What a meter needs of a service level (the scorecard's and the overview's both have it). */
export interface MeterLevel {
  readonly id: string;
  readonly metric: string;
  readonly priorities: readonly string[];
  readonly target: string;
  readonly attainment?: Share | null;
  readonly result: MeasureResult;
}

/** `p1-response`: "First response P1". */
export function serviceLevelName(level: MeterLevel): string {
  return `${metricWords[level.metric] ?? level.metric} ${level.priorities.join(', ')}`;
}

/**
 * Each service level as a bar of its attainment with a tick at its target, plus the figures
 * in words (the bar is decoration: the text says the same).
 */
export function ServiceLevelMeters({ levels, caption }: { readonly levels: readonly MeterLevel[]; readonly caption: string }) {
  if (levels.length === 0) return <p className="empty">The contract sets no service levels.</p>;
  return (
    <ul className="meters" aria-label={caption}>
      {levels.map((level) => {
        const value = percentValue(level.attainment?.percent);
        const target = percentValue(level.target);
        return (
          <li key={level.id} className="meter-row">
            <span className="meter-name">{serviceLevelName(level)}</span>
            <span className="meter-track" aria-hidden="true">
              {value !== undefined ? <span className={`meter-fill meter-${level.result}`} style={{ width: `${value}%` }} /> : null}
              {target !== undefined ? <span className="meter-target" style={{ left: `${target}%` }} /> : null}
            </span>
            <span className="meter-figure">
              {level.attainment ? `${level.attainment.percent}` : 'no data'}
              <span className="muted"> of {level.target}</span>
            </span>
            <StatusBadge status={level.result} />
          </li>
        );
      })}
    </ul>
  );
}
