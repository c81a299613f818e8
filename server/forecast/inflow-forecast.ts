/**
 * The contract between the baseline (what inflow usually is for a queue at this weekday and time of day) and
 * what is computed from it: the SLA outlook and the staffing gap. Counts are tickets arriving in the span.
 */
export interface InflowExpectation {
  /** The usual number of arrivals in the span (the median of the same slots in past weeks, or the model's forecast). */
  readonly expected: number;
  /** The range's low and high ends (for example the 10th and 90th percentile). */
  readonly low: number;
  readonly high: number;
}

export interface InflowForecast {
  /** Expected arrivals for the queue between fromMs and toMs (epoch ms); null while the baseline is still learning. */
  expectedArrivals(queueId: string, fromMs: number, toMs: number): InflowExpectation | null;
}
