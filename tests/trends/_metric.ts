import type { PeriodMetric } from "../../lib/trends/period_metric.ts";

/** Builds a period metric for day `day` (1-based, March 2026) with the given fields; the rest are neutral. */
export function metric(model: string, day: number, fields: Partial<PeriodMetric> = {}): PeriodMetric {
  const period = `2026-03-${String(day).padStart(2, "0")}`;
  return {
    model,
    period,
    period_start: `${period}T00:00:00.000Z`,
    n: 1000,
    ok: 990,
    errors: 10,
    error_rate: 0.01,
    e2e_p50_ms: 1000,
    e2e_p95_ms: 2000,
    ttft_p50_ms: 300,
    ttft_p95_ms: 600,
    cost_usd: 5,
    cost_n: 990,
    cost_per_request_usd: 5 / 990,
    quality_n: 0,
    passed: 0,
    pass_rate: null,
    pass_ci_low: null,
    pass_ci_high: null,
    model_versions: { "v1": 1000 },
    ...fields,
  };
}
