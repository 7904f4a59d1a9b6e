/** Pass rate a model needs before latency, cost or speed can make it a recommendation. */
export const QUALITY_FLOOR = 0.7;

/** Two medians, costs or windows within this fraction of the best count as a tie. */
export const RELATIVE_NOISE = 0.1;

/** Metric a scenario ranks models by. */
export type ScenarioMetric =
  | "ttft_p50_ms"
  | "context_window"
  | "kind_pass_rate"
  | "cost_per_1k_requests_usd"
  | "throughput_per_usd"
  | "image_pass_rate";

/** Rule for when two values are too close to name a winner ("no clear winner"). */
export type NoiseRule =
  | { kind: "relative"; within: number }
  | { kind: "wilson-overlap" };

/** One job a backend engineer picks a model for, and the rule that picks it. */
export interface ScenarioDefinition {
  id: string;
  title: string;
  /** The kind of workload, in a few words. */
  workload: string;
  /** The selection rule, as the report prints it. */
  rule: string;
  metric: ScenarioMetric;
  better: "lower" | "higher";
  /** Minimum overall pass rate (errors count as not passed); null applies none. */
  qualityFloor: number | null;
  noise: NoiseRule;
  /** Task kind whose items the metric uses, for kind-specific scenarios. */
  taskKind?: string;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const RELATIVE = { kind: "relative", within: RELATIVE_NOISE } as const;
const WILSON = { kind: "wilson-overlap" } as const;

/** The scenarios the report recommends a model for, in the order it lists them. */
export const SCENARIOS: readonly ScenarioDefinition[] = [
  {
    id: "low-latency",
    title: "Low latency",
    workload: "chat UIs, autocomplete, agents waiting on the first token",
    rule: `lowest TTFT p50 among models with pass rate ≥ ${pct(QUALITY_FLOOR)}; medians within ${pct(RELATIVE_NOISE)} tie`,
    metric: "ttft_p50_ms",
    better: "lower",
    qualityFloor: QUALITY_FLOOR,
    noise: RELATIVE,
  },
  {
    id: "massive-documents",
    title: "Massive documents",
    workload: "long contracts, logs or code bases in one prompt",
    rule: `largest context window in the price table; windows within ${pct(RELATIVE_NOISE)} tie`,
    metric: "context_window",
    better: "higher",
    qualityFloor: null,
    noise: RELATIVE,
  },
  {
    id: "code",
    title: "Code generation",
    workload: "writing functions that must compile and pass tests",
    rule: "highest pass rate on code items; overlapping Wilson 95% intervals tie",
    metric: "kind_pass_rate",
    better: "higher",
    qualityFloor: null,
    noise: WILSON,
    taskKind: "code",
  },
  {
    id: "structured-output",
    title: "Structured output",
    workload: "extracting fields into JSON that a parser accepts",
    rule: "highest pass rate on JSON extraction items; overlapping Wilson 95% intervals tie",
    metric: "kind_pass_rate",
    better: "higher",
    qualityFloor: null,
    noise: WILSON,
    taskKind: "json-extraction",
  },
  {
    id: "cost-conscious",
    title: "Cost-conscious scaling",
    workload: "high request volume where the bill matters",
    rule: `lowest cost per 1,000 requests among models with pass rate ≥ ${pct(QUALITY_FLOOR)}; costs within ${
      pct(RELATIVE_NOISE)
    } tie`,
    metric: "cost_per_1k_requests_usd",
    better: "lower",
    qualityFloor: QUALITY_FLOOR,
    noise: RELATIVE,
  },
  {
    id: "bulk-jobs",
    title: "Bulk jobs",
    workload: "offline batches where throughput per dollar counts",
    rule: `highest median output tokens/s per USD of cost per 1,000 requests, among models with pass rate ≥ ${
      pct(QUALITY_FLOOR)
    }; within ${pct(RELATIVE_NOISE)} tie`,
    metric: "throughput_per_usd",
    better: "higher",
    qualityFloor: QUALITY_FLOOR,
    noise: RELATIVE,
  },
  {
    id: "images",
    title: "Images",
    workload: "screenshots, scanned forms or charts as input",
    rule: "highest pass rate on items with image input, among models whose price row lists image input",
    metric: "image_pass_rate",
    better: "higher",
    qualityFloor: null,
    noise: WILSON,
  },
];
