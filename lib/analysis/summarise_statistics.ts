import type pl from "nodejs-polars";
import type { BootstrapOptions } from "./bootstrap_interval.ts";
import { comparePaired, type PairedComparison } from "./compare_paired.ts";
import { type ContextCurve, contextCurve, type ContextCurveOptions } from "./context_curve.ts";
import { latencyStats, type LatencyStats } from "./latency_stats.ts";
import { pairTrials } from "./pair_trials.ts";
import { paretoFrontier, type ParetoPoint } from "./pareto_frontier.ts";
import type { RunSummary } from "./summary_types.ts";

/** Options of {@link summariseStatistics}. */
export interface StatisticsOptions {
  /** Bootstrap settings of every interval; default 2,000 resamples, seed 1, 95%. */
  bootstrap?: BootstrapOptions;
  /** Binning and threshold of the context curves. */
  context?: ContextCurveOptions;
}

/** Latency percentiles of one model, with bootstrap intervals of p50 and p90. */
export interface ModelLatency {
  model: string;
  ttft: LatencyStats;
  e2e: LatencyStats;
}

/** Two models compared on the items both were graded on. Differences are B − A. */
export interface ModelPair {
  model_a: string;
  model_b: string;
  comparison: PairedComparison;
}

/** The statistics a report shows beyond `summariseRun`. */
export interface RunStatistics {
  latency: ModelLatency[];
  pareto: ParetoPoint[];
  context: ContextCurve[];
  /** Every pair of models, in the order of `summary.models`. */
  pairs: ModelPair[];
}

/**
 * Compute the run-level statistics a report shows next to `summariseRun`'s tables.
 * They are per-model TTFT and end-to-end percentiles with bootstrap intervals (p99 only
 * from 100 values), and the Pareto frontier of pass rate, cost and TTFT. They also
 * include accuracy and TTFT against input length with the effective context, and paired
 * tests for every pair of models.
 *
 * @example
 * const summary = summariseRun(trials, prices);
 * const statistics = summariseStatistics(trials, summary);
 */
export function summariseStatistics(trials: pl.DataFrame, summary: RunSummary, options: StatisticsOptions = {}): RunStatistics {
  if (!trials || typeof trials.filter !== "function") {
    throw new TypeError("summariseStatistics: trials must be the polars frame loadTrials returns");
  }
  if (!summary || !Array.isArray(summary.byModel)) {
    throw new TypeError("summariseStatistics: summary must be the object summariseRun returns for the same trials");
  }
  const bootstrap = options.bootstrap ?? {};
  const latency = summary.models.map((model) => ({
    model,
    ttft: latencyStats(trials, "ttft_ms", { model, bootstrap }),
    e2e: latencyStats(trials, "e2e_ms", { model, bootstrap }),
  }));
  const pairs: ModelPair[] = [];
  for (let i = 0; i < summary.models.length; i++) {
    for (let j = i + 1; j < summary.models.length; j++) {
      const [modelA, modelB] = [summary.models[i], summary.models[j]];
      pairs.push({ model_a: modelA, model_b: modelB, comparison: comparePaired(pairTrials(trials, modelA, modelB), bootstrap) });
    }
  }
  return {
    latency,
    pareto: paretoFrontier(summary.byModel),
    context: contextCurve(trials, options.context),
    pairs,
  };
}
