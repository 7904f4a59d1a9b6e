/** The three axes of a model's trade-off; any may be unknown. */
export interface ParetoInput {
  model: string;
  /** Higher is better. */
  pass_rate: number | null;
  /** Lower is better. */
  cost_per_1k_requests_usd: number | null;
  /** Lower is better. */
  ttft_p50_ms: number | null;
}

/** A model's place relative to the Pareto frontier. */
export interface ParetoPoint {
  model: string;
  pass_rate: number | null;
  cost_per_1k_requests_usd: number | null;
  ttft_p50_ms: number | null;
  /** True on the frontier, false when dominated, null when a metric is missing. */
  on_frontier: boolean | null;
  /** Models at least as good on every axis and better on one, sorted. */
  dominated_by: string[];
  /** Axes without a value; such a model is neither compared nor dominated. */
  missing: string[];
}

const AXES = ["pass_rate", "cost_per_1k_requests_usd", "ttft_p50_ms"] as const;

/**
 * Mark which models are on the Pareto frontier of quality (pass rate, higher is better),
 * cost per 1,000 requests and median TTFT (both lower is better). A model is dominated
 * when another is at least as good on all three and strictly better on at least one.
 * Models lacking a metric are left out of the comparison and get `on_frontier: null`.
 * Accepts the per-model summaries of `summariseRun` directly.
 *
 * @example
 * paretoFrontier(summariseRun(trials, prices).byModel).filter((p) => p.on_frontier);
 */
export function paretoFrontier(models: readonly ParetoInput[]): ParetoPoint[] {
  if (!Array.isArray(models)) throw new TypeError("paretoFrontier: models must be an array such as RunSummary.byModel");
  for (const m of models) {
    for (const axis of AXES) {
      const value = m[axis];
      if (value !== null && value !== undefined && !Number.isFinite(value)) {
        throw new RangeError(`paretoFrontier: ${axis} of ${m.model} must be a finite number or null, got ${value}`);
      }
    }
  }

  const complete = models.filter((m) => AXES.every((axis) => m[axis] !== null && m[axis] !== undefined));
  return models.map((m) => {
    const missing = AXES.filter((axis) => m[axis] === null || m[axis] === undefined);
    const point = {
      model: m.model,
      pass_rate: m.pass_rate ?? null,
      cost_per_1k_requests_usd: m.cost_per_1k_requests_usd ?? null,
      ttft_p50_ms: m.ttft_p50_ms ?? null,
    };
    if (missing.length > 0) return { ...point, on_frontier: null, dominated_by: [], missing: [...missing] };
    const dominatedBy = complete.filter((other) => other !== m && dominates(other, m)).map((other) => other.model).sort();
    return { ...point, on_frontier: dominatedBy.length === 0, dominated_by: dominatedBy, missing: [] };
  });
}

function dominates(x: ParetoInput, y: ParetoInput): boolean {
  const quality = x.pass_rate! - y.pass_rate!;
  const cost = y.cost_per_1k_requests_usd! - x.cost_per_1k_requests_usd!;
  const latency = y.ttft_p50_ms! - x.ttft_p50_ms!;
  return quality >= 0 && cost >= 0 && latency >= 0 && (quality > 0 || cost > 0 || latency > 0);
}
