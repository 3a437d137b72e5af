/** A half-open range of instants `[fromAt, toAt)` in epoch seconds. */
export interface TimeRange {
  readonly fromAt: number;
  readonly toAt: number;
}
