import type { ComparisonMetric, MetricChange } from "./comparison_types.ts";
import type { GroupSummary } from "./summary_types.ts";

/** Definition of one compared metric: its source, unit and better direction. */
export interface ComparisonMetricDefinition {
  metric: ComparisonMetric;
  label: string;
  unit: MetricChange["unit"];
  better: "lower" | "higher";
  /** For sample metrics: the trial column, the statistic and a factor applied to it. */
  sample?: {
    column: "ttft_ms" | "e2e_ms" | "output_tps" | "cost_usd";
    statistic: "median" | "mean";
    /** Leave out responses served from a cache (latency and speed). */
    liveOnly: boolean;
    scale: number;
  };
  /** For rate metrics: successes and trials from a group summary. */
  rate?: (group: GroupSummary) => [number, number];
}

/**
 * The metrics a run comparison reports, in display order. Latency and speed are medians of
 * successful live trials, cost is the mean cost of a successful request × 1,000, and the
 * rates follow `summariseGroups` (errors without a grade count as failed for the pass rate).
 */
export const COMPARISON_METRICS: readonly ComparisonMetricDefinition[] = [
  {
    metric: "ttft_p50_ms",
    label: "TTFT p50",
    unit: "ms",
    better: "lower",
    sample: { column: "ttft_ms", statistic: "median", liveOnly: true, scale: 1 },
  },
  {
    metric: "e2e_p50_ms",
    label: "End-to-end p50",
    unit: "ms",
    better: "lower",
    sample: { column: "e2e_ms", statistic: "median", liveOnly: true, scale: 1 },
  },
  {
    metric: "output_tps_median",
    label: "Output speed median",
    unit: "tokens/s",
    better: "higher",
    sample: { column: "output_tps", statistic: "median", liveOnly: true, scale: 1 },
  },
  { metric: "pass_rate", label: "Pass rate", unit: "fraction", better: "higher", rate: (g) => [g.passed, g.quality_n] },
  { metric: "error_rate", label: "Error rate", unit: "fraction", better: "lower", rate: (g) => [g.errors, g.n] },
  {
    metric: "cost_per_1k_requests_usd",
    label: "Cost per 1,000 requests",
    unit: "USD",
    better: "lower",
    sample: { column: "cost_usd", statistic: "mean", liveOnly: false, scale: 1000 },
  },
];
