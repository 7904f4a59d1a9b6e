import pl from "nodejs-polars";
import { findPrice } from "../pricing/find_price.ts";
import type { PriceRow } from "../runner/manifest.ts";
import { fitTtftByInput } from "./fit_ttft_by_input.ts";
import { summariseErrors } from "./summarise_errors.ts";
import { summariseGroups } from "./summarise_groups.ts";
import type { ModelSummary, RunSummary } from "./summary_types.ts";

/**
 * Summarise a run's trials frame (from `loadTrials`): per model, per model × dataset,
 * per model × task kind, and error counts. `prices` (the run's price table) supplies each
 * model's context window. Only successful trials enter latency, speed, token and cost
 * statistics. Percentiles follow `PERCENTILE_METHOD`.
 */
export function summariseRun(trials: pl.DataFrame, prices: readonly PriceRow[]): RunSummary {
  if (!trials || typeof trials.groupBy !== "function") {
    throw new TypeError("summariseRun: trials must be the polars frame loadTrials returns");
  }
  if (!Array.isArray(prices)) {
    throw new TypeError("summariseRun: prices must be the run's price table rows (an array, possibly empty)");
  }
  const byModel = summariseGroups(trials, ["model"]).map((group): ModelSummary => {
    const rows = trials.filter(pl.col("model").eq(pl.lit(group.model)));
    const price = priceOf(prices, group.model);
    return {
      ...group,
      provider: firstString(rows.getColumn("provider").toArray()),
      endpoint_kinds: distinctStrings(rows.getColumn("endpoint_kind").toArray()),
      model_versions: distinctStrings(rows.getColumn("model_version").toArray()),
      price,
      context_window: price?.context_window ?? null,
      max_output: price?.max_output ?? null,
      ttft_by_input: fitTtftByInput(ttftInputPoints(rows)),
    };
  });

  const models = byModel.map((m) => m.model);
  const datasetRows = trials.height === 0 ? [] : trials
    .groupBy("dataset")
    .agg(pl.col("task_kind").dropNulls().unique().sort().alias("task_kinds"))
    .sort("dataset")
    .toRecords() as unknown as { dataset: string; task_kinds: string[] }[];
  const ok = trials.filter(pl.col("status").eq(pl.lit("ok"))).height;

  return {
    models,
    datasets: datasetRows.map((row) => ({ name: row.dataset, task_kinds: [...row.task_kinds] })),
    totals: { n: trials.height, ok, errors: trials.height - ok },
    byModel,
    byModelDataset: summariseGroups(trials, ["model", "dataset"]),
    byModelKind: summariseGroups(trials.filter(pl.col("task_kind").isNotNull()), ["model", "task_kind"]),
    errors: summariseErrors(trials),
  };
}

// A malformed model ref in a trials file should cost the report a price, not the whole report.
function priceOf(prices: readonly PriceRow[], model: string): PriceRow | null {
  try {
    return findPrice(prices, model);
  } catch {
    return null;
  }
}

function ttftInputPoints(rows: pl.DataFrame): { input_tokens: number; ttft_ms: number }[] {
  return rows
    .filter(
      pl.col("status").eq(pl.lit("ok")).and(pl.col("ttft_ms").isNotNull()).and(pl.col("input_tokens").isNotNull()),
    )
    .select("input_tokens", "ttft_ms")
    .toRecords()
    .map((r) => ({ input_tokens: Number(r.input_tokens), ttft_ms: Number(r.ttft_ms) }));
}

function distinctStrings(values: unknown[]): string[] {
  return [...new Set(values.filter((v): v is string => typeof v === "string"))].sort();
}

function firstString(values: unknown[]): string | null {
  return values.find((v): v is string => typeof v === "string") ?? null;
}
