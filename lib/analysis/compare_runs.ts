import pl from "nodejs-polars";
import type { RunManifest } from "../runner/manifest.ts";
import { checkBootstrapOptions } from "./bootstrap_support.ts";
import { COMPARISON_METRICS } from "./comparison_metrics.ts";
import type { ComparedRun, ComparisonSettings, MetricChange, RunComparison, Verdict } from "./comparison_types.ts";
import { findComparisonWarnings } from "./find_comparison_warnings.ts";
import { measureMetricChange } from "./measure_metric_change.ts";
import { summariseGroups } from "./summarise_groups.ts";
import type { GroupSummary } from "./summary_types.ts";

export type { ComparisonMetric, MetricChange, RunComparison, Verdict } from "./comparison_types.ts";

/** A run to compare: its manifest and trials frame, as `loadRun` returns them. */
export interface RunToCompare {
  manifest: RunManifest;
  trials: pl.DataFrame;
}

/** Options of {@link compareRuns}; every field has a default. */
export interface CompareRunsOptions {
  /** Confidence level of the intervals; default 0.95. */
  level?: number;
  /** Bootstrap resamples; default 2,000. */
  resamples?: number;
  /** Bootstrap seed; default 1. */
  seed?: number;
  /** Smallest relative change of latency, speed or cost that is flagged; default 0.05 (5%). */
  relativeThreshold?: number;
  /** Smallest absolute change of a pass or error rate that is flagged; default 0.05 (5 points). */
  rateThreshold?: number;
  /** Minimum number of values per run for a latency, speed or cost verdict; default 5. */
  minSamples?: number;
}

/**
 * Compare two runs, e.g. the same spec before and after a provider update. Models are
 * matched by model ref and compared over all datasets and per dataset. Each change of
 * TTFT p50, end-to-end p50, output speed median, pass rate, error rate and cost per 1,000
 * requests comes with a confidence interval. A change is a regression or improvement only
 * when its interval excludes zero and it reaches the practical threshold. Otherwise it is
 * "no significant change". Warnings list differences between the runs' settings that can
 * explain a change.
 *
 * NOTE: with many models, datasets and metrics, about 1 in 20 intervals of unchanged
 * metrics misses zero at 95%; the practical threshold keeps most of those from being flagged.
 *
 * @example
 * const comparison = compareRuns(await loadRun(dirA), await loadRun(dirB));
 */
export function compareRuns(a: RunToCompare, b: RunToCompare, options: CompareRunsOptions = {}): RunComparison {
  for (const [name, run] of [["a", a], ["b", b]] as const) {
    if (!run || !run.manifest || !run.trials || typeof run.trials.filter !== "function") {
      throw new TypeError(`compareRuns: ${name} must be { manifest, trials } as loadRun returns`);
    }
  }
  const settings = checkSettings(options);

  const modelsA = distinct(a.trials, "model");
  const modelsB = distinct(b.trials, "model");
  const compared = modelsA.filter((m) => modelsB.includes(m));
  const groupsA = groupIndex(a.trials);
  const groupsB = groupIndex(b.trials);

  const changes: MetricChange[] = [];
  for (const model of compared) {
    const ownRows = a.trials.lazy().filter(pl.col("model").eq(pl.lit(model))).select("dataset").collectSync();
    const datasets = distinct(ownRows, "dataset")
      .filter((d) => groupsB.has(key(model, d)));
    for (const dataset of [null, ...datasets]) {
      const groupA = groupsA.get(key(model, dataset));
      const groupB = groupsB.get(key(model, dataset));
      if (!groupA || !groupB) continue;
      for (const definition of COMPARISON_METRICS) {
        const valuesA = definition.sample ? sampleValues(a.trials, model, dataset, definition.sample) : [];
        const valuesB = definition.sample ? sampleValues(b.trials, model, dataset, definition.sample) : [];
        const change = measureMetricChange(definition, { group: groupA, values: valuesA }, { group: groupB, values: valuesB }, settings);
        changes.push({ model, dataset, ...change });
      }
    }
  }

  const counts: Record<Verdict, number> = { regression: 0, improvement: 0, "no significant change": 0, "insufficient data": 0 };
  for (const change of changes) counts[change.verdict]++;
  return {
    run_a: describeRun(a),
    run_b: describeRun(b),
    settings,
    warnings: findComparisonWarnings(a.manifest, b.manifest, compared),
    models: { compared, only_a: modelsA.filter((m) => !compared.includes(m)), only_b: modelsB.filter((m) => !compared.includes(m)) },
    changes,
    counts,
  };
}

function checkSettings(options: CompareRunsOptions): ComparisonSettings {
  const { relativeThreshold = 0.05, rateThreshold = 0.05, minSamples = 5 } = options ?? {};
  const { level, resamples, seed } = checkBootstrapOptions("compareRuns", options ?? {});
  if (!(relativeThreshold >= 0 && relativeThreshold < 10)) {
    throw new RangeError(`compareRuns: relativeThreshold must be a fraction ≥ 0 such as 0.05, got ${relativeThreshold}`);
  }
  if (!(rateThreshold >= 0 && rateThreshold <= 1)) {
    throw new RangeError(`compareRuns: rateThreshold must be between 0 and 1 such as 0.05, got ${rateThreshold}`);
  }
  if (!Number.isInteger(minSamples) || minSamples < 1) {
    throw new RangeError(`compareRuns: minSamples must be a whole number ≥ 1, got ${minSamples}`);
  }
  return { level, resamples, seed, relative_threshold: relativeThreshold, rate_threshold: rateThreshold, min_samples: minSamples };
}

function key(model: string, dataset: string | null): string {
  return JSON.stringify([model, dataset]);
}

function groupIndex(trials: pl.DataFrame): Map<string, GroupSummary> {
  const index = new Map<string, GroupSummary>();
  for (const group of summariseGroups(trials, ["model"])) index.set(key(group.model, null), group);
  for (const group of summariseGroups(trials, ["model", "dataset"])) index.set(key(group.model, group.dataset), group);
  return index;
}

function sampleValues(
  trials: pl.DataFrame,
  model: string,
  dataset: string | null,
  sample: { column: string; liveOnly: boolean },
): number[] {
  let condition = pl.col("model").eq(pl.lit(model)).and(pl.col("status").eq(pl.lit("ok")));
  if (dataset !== null) condition = condition.and(pl.col("dataset").eq(pl.lit(dataset)));
  if (sample.liveOnly) condition = condition.and(pl.col("cached").not());
  // Filtering lazily copies one column instead of the whole frame.
  const rows = trials.lazy().filter(condition).select(sample.column).collectSync();
  const values = rows.getColumn(sample.column).toArray() as (number | null)[];
  return values.filter((v): v is number => v !== null);
}

// Polars finds the distinct values, so a run of a million trials sends only a handful to JS.
function distinct(trials: pl.DataFrame, column: string): string[] {
  return (trials.select(pl.col(column).unique()).getColumn(column).toArray() as string[]).sort();
}

function describeRun(run: RunToCompare): ComparedRun {
  const spec = run.manifest.spec ?? {};
  return {
    run_id: run.manifest.run_id,
    started_at: run.manifest.started_at,
    spec_name: typeof spec.name === "string" ? spec.name : null,
    status: run.manifest.status,
    endpoint_kind: run.manifest.endpoint_kind,
    trials: run.trials.height,
  };
}
