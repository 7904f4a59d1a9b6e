/** Metrics a scenario can weigh or constrain, each per model. */
export const CRITERION_METRICS = {
  ttft_p50_ms: { label: "TTFT p50", unit: "ms", better: "lower" },
  e2e_p50_ms: { label: "end-to-end p50", unit: "ms", better: "lower" },
  output_tps_median: { label: "output speed median", unit: "tokens/s", better: "higher" },
  cost_per_1k_requests_usd: { label: "cost per 1,000 requests", unit: "USD", better: "lower" },
  pass_rate: { label: "pass rate", unit: "%", better: "higher" },
  error_rate: { label: "error rate", unit: "%", better: "lower" },
  context_window: { label: "context window", unit: "tokens", better: "higher" },
} as const;

/** Name of a metric in {@link CRITERION_METRICS}. */
export type CriterionMetric = keyof typeof CRITERION_METRICS;

/** Scope of a pass rate: all trials, one task kind, or items with image input. */
export interface CriterionScope {
  task_kind?: string;
  images_only?: boolean;
}

/** One weighted criterion of a scenario. */
export interface ScenarioCriterion extends CriterionScope {
  metric: CriterionMetric;
  /** Relative weight, > 0. */
  weight: number;
}

/** A hard constraint: a model that breaks it is not ranked. */
export type ScenarioConstraint =
  | ({ metric: CriterionMetric; min?: number; max?: number } & CriterionScope)
  | { capability: "image_input" };

/** One job a backend engineer picks a model for: weighted criteria plus hard constraints. */
export interface ScenarioDefinition {
  id: string;
  title: string;
  /** The kind of workload, in a few words. */
  workload: string;
  criteria: ScenarioCriterion[];
  constraints: ScenarioConstraint[];
  /** "built-in", or the file the scenario came from. */
  source: string;
}

/** Pass rate a model needs before latency, cost or volume can make it a recommendation. */
export const QUALITY_FLOOR = 0.7;

const FLOOR = { metric: "pass_rate", min: QUALITY_FLOOR } as const;

/** The built-in scenarios, in the order the report lists them. */
export const SEED_SCENARIOS: readonly ScenarioDefinition[] = [
  {
    id: "low-latency",
    title: "Low latency",
    workload: "chat UIs, autocomplete, agents waiting on the first token",
    criteria: [{ metric: "ttft_p50_ms", weight: 3 }, { metric: "e2e_p50_ms", weight: 1 }, { metric: "pass_rate", weight: 1 }],
    constraints: [FLOOR],
    source: "built-in",
  },
  {
    id: "massive-documents",
    title: "Massive documents",
    workload: "long contracts, logs or code bases in one prompt",
    // Measured long-input accuracy weighs most: a large advertised window is worth little if
    // the model loses facts in it.
    criteria: [
      { metric: "pass_rate", task_kind: "long-context", weight: 3 },
      { metric: "context_window", weight: 1 },
      { metric: "ttft_p50_ms", weight: 1 },
    ],
    constraints: [{ metric: "context_window", min: 500_000 }],
    source: "built-in",
  },
  {
    id: "code-first",
    title: "Code-first",
    workload: "writing functions that must compile and pass tests",
    criteria: [{ metric: "pass_rate", task_kind: "code", weight: 4 }, { metric: "e2e_p50_ms", weight: 1 }],
    constraints: [],
    source: "built-in",
  },
  {
    id: "images-and-media",
    title: "Images and media",
    workload: "screenshots, scanned forms or charts as input",
    criteria: [{ metric: "pass_rate", images_only: true, weight: 3 }, { metric: "ttft_p50_ms", weight: 1 }],
    constraints: [{ capability: "image_input" }],
    source: "built-in",
  },
  {
    id: "cost-conscious-scaling",
    title: "Cost-conscious scaling",
    workload: "growing request volume where the bill matters",
    criteria: [{ metric: "cost_per_1k_requests_usd", weight: 3 }, { metric: "pass_rate", weight: 1 }],
    constraints: [FLOOR],
    source: "built-in",
  },
  {
    id: "bulk-high-volume",
    title: "Bulk high-volume",
    workload: "offline batches where throughput, cost and reliability count",
    criteria: [
      { metric: "output_tps_median", weight: 2 },
      { metric: "cost_per_1k_requests_usd", weight: 2 },
      { metric: "error_rate", weight: 1 },
    ],
    constraints: [FLOOR],
    source: "built-in",
  },
];

/** Name a criterion's metric with its scope, e.g. "pass rate on code items". */
export function criterionName(c: { metric: CriterionMetric } & CriterionScope): string {
  const base = CRITERION_METRICS[c.metric].label;
  if (c.images_only) return `${base} on items with image input`;
  if (c.task_kind) return `${base} on ${c.task_kind} items`;
  return base;
}

/** Describe a scenario's rule in one sentence, as the report prints it. */
export function describeScenario(s: ScenarioDefinition): string {
  const total = s.criteria.reduce((sum, c) => sum + c.weight, 0);
  const weights = s.criteria.map((c) => `${criterionName(c)} ${Math.round((c.weight / total) * 100)}%`).join(", ");
  const constraints = s.constraints.map(describeConstraint);
  return `weighted score of ${weights}` + (constraints.length > 0 ? `; only models with ${constraints.join(" and ")}` : "");
}

function describeConstraint(c: ScenarioConstraint): string {
  if ("capability" in c) return "image input (price table)";
  const unit = CRITERION_METRICS[c.metric].unit;
  const show = (v: number) => (unit === "%" ? `${Math.round(v * 100)}%` : `${v.toLocaleString("en-US")} ${unit}`);
  const parts = [];
  if (c.min !== undefined) parts.push(`≥ ${show(c.min)}`);
  if (c.max !== undefined) parts.push(`≤ ${show(c.max)}`);
  return `${criterionName(c)} ${parts.join(" and ")}`;
}
