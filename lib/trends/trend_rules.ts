/**
 * Settings of the flag rules. The defaults suit daily production data (hundreds of requests
 * a day); runs of a few items call for `minHistory` 2.
 */
export interface TrendRules {
  /** Periods before the current one that form the trailing baseline. */
  window: number;
  /** Minimum number of earlier periods with data before a period can be flagged. */
  minHistory: number;
  /** Latency: how many robust standard deviations (1.4826 × MAD) above the trailing median. */
  k: number;
  /** Latency: the smallest rise that can be flagged, as a fraction of the trailing median. */
  minRelativeRise: number;
  /** Error rate: the margin, in absolute rate, by which the Wilson lower bound must clear the baseline. */
  errorRateMargin: number;
  /** Latency metrics checked by the latency rule. */
  latencyMetrics: ("e2e_p50_ms" | "e2e_p95_ms" | "ttft_p50_ms" | "ttft_p95_ms")[];
}

/** Default rule settings, documented in docs/trends.md. */
export const DEFAULT_TREND_RULES: TrendRules = {
  window: 7,
  minHistory: 3,
  k: 5,
  minRelativeRise: 0.1,
  errorRateMargin: 0.01,
  latencyMetrics: ["e2e_p50_ms", "ttft_p50_ms"],
};

/** Merges rule overrides into the defaults, checking each value. */
export function resolveTrendRules(overrides: Partial<TrendRules> = {}): TrendRules {
  const rules = { ...DEFAULT_TREND_RULES, ...overrides };
  const positiveInt = (name: keyof TrendRules) => {
    const value = rules[name];
    if (!Number.isInteger(value) || (value as number) < 1) {
      throw new RangeError(`trend rule ${name} must be a whole number ≥ 1, got ${value}`);
    }
  };
  const nonNegative = (name: keyof TrendRules) => {
    const value = rules[name];
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
      throw new RangeError(`trend rule ${name} must be a number ≥ 0, got ${value}`);
    }
  };
  positiveInt("window");
  positiveInt("minHistory");
  nonNegative("k");
  nonNegative("minRelativeRise");
  nonNegative("errorRateMargin");
  if (rules.minHistory > rules.window) {
    throw new RangeError(`trend rule minHistory (${rules.minHistory}) must not exceed window (${rules.window})`);
  }
  if (!Array.isArray(rules.latencyMetrics)) throw new RangeError("trend rule latencyMetrics must be an array of metric names");
  return rules;
}
