/**
 * A ticket-volume forecast, the input `supportpact compare` prices each proposal against.
 * `Forecast` is the file as written (docs/forecast-format.md); `ForecastModel` is what the
 * comparison reads: expected tickets per month in cells of (priority, channel).
 */

/** Monthly weights of a day range: `{ "09:00-17:00": 70 }` under `mon-fri`. */
export interface ArrivalRange {
  /** Day keys expanded: 0 = Monday ... 6 = Sunday. */
  readonly days: readonly number[];
  /** Minutes after local midnight, half-open [from, to); `to` may be below `from` across midnight. */
  readonly fromMinute: number;
  readonly toMinute: number;
  /** Tickets' relative weight over this range on each of its days. */
  readonly weight: number;
}

/** How often each proposal's measures are expected to miss: the assumption behind expected credits. */
export interface PerformanceAssumption {
  /** Chance, each month, that a measure misses (every service level, quality measure, availability rule, vendor report), as an exact fraction "0.05". */
  readonly missFraction: string;
  /** Chance, each month, that a bonus condition other than allServiceLevelsMet is reached. */
  readonly bonusFraction: string;
  /** Per proposal id, per measure id (service level, quality or availability id, or `vendorReport`): its own miss chance. */
  readonly byProposal: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Where the figures came from, said in the report: `the forecast file (performance)`. */
  readonly source: string;
}

/** The forecast file, parsed. Rates are exact decimal fractions as strings ("0.08" for 8%). */
export interface Forecast {
  readonly title: string | undefined;
  /** First month, `YYYY-MM`. */
  readonly startMonth: string;
  readonly months: number;
  /** Tickets created in an average month at the start: priority label -> channel -> count. Channel `unspecified` when the file gives a bare number. */
  readonly volumes: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly growth: { readonly fraction: string; readonly per: 'year' | 'month' } | undefined;
  /** Multiplier by calendar month, index 0 = January (1 when not given). */
  readonly seasonality: readonly number[];
  readonly uncertainty: { readonly levelFraction: string; readonly monthlyFraction: string };
  readonly arrivals: readonly ArrivalRange[] | undefined;
  readonly performance: PerformanceAssumption | undefined;
}

/** One cell of the volume table: the client's priority label and the channel tickets arrive on. */
export interface ForecastCell {
  readonly priority: string;
  readonly channel: string;
}

/** The forecast as the comparison reads it: integer expected counts per month and cell. */
export interface ForecastModel {
  readonly title: string;
  /** `forecast file examples/forecast.yaml` or `stored tickets of uci-servicenow-2016` (the months are `months`). */
  readonly basis: string;
  readonly months: readonly string[];
  readonly cells: readonly ForecastCell[];
  /** expected[monthIndex][cellIndex]: whole tickets (each month's total rounded once, spread by largest remainder). */
  readonly expected: readonly (readonly number[])[];
  /** Coefficients of variation for simulation: one draw per simulated future (level) and per month. */
  readonly levelCv: number;
  readonly monthlyCv: number;
  readonly arrivals: readonly ArrivalRange[] | undefined;
  readonly performance: PerformanceAssumption | undefined;
  /** Assumptions the model made, in words, for the report. */
  readonly assumptions: readonly string[];
}
