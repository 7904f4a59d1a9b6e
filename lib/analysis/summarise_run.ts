import pl from "nodejs-polars";
import { findPrice } from "../pricing/find_price.ts";
import type { PriceRow } from "../runner/manifest.ts";
import { fitTtftByModel } from "./fit_ttft_by_model.ts";
import { summariseErrors } from "./summarise_errors.ts";
import { summariseGroups } from "./summarise_groups.ts";
import type { ModelSummary, RunSummary } from "./summary_types.ts";

// Columns summariseGroups reads.
const GROUP_COLUMNS = [
  "model", "dataset", "task_kind", "status", "cached", "ttft_ms", "e2e_ms", "output_tps", "input_tokens",
  "output_tokens", "cost_usd", "is_final_attempt", "grade_pass", "grade_no_response",
];

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
  const labels = modelLabels(trials);
  const fits = fitTtftByModel(trials);
  const byModel = summariseGroups(trials, ["model"]).map((group): ModelSummary => {
    const label = labels.get(group.model);
    const price = priceOf(prices, group.model);
    return {
      ...group,
      provider: label?.provider ?? null,
      endpoint_kinds: label?.endpoint_kinds ?? [],
      model_versions: label?.model_versions ?? [],
      price,
      context_window: price?.context_window ?? null,
      max_output: price?.max_output ?? null,
      ttft_by_input: fits.get(group.model) ?? null,
    };
  });

  const models = byModel.map((m) => m.model);
  const datasetRows = trials.height === 0 ? [] : trials
    .groupBy("dataset")
    .agg(pl.col("task_kind").dropNulls().unique().sort().alias("task_kinds"))
    .sort("dataset")
    .toRecords() as unknown as { dataset: string; task_kinds: string[] }[];
  // Count and filter by expression, because filtering the whole frame copies every column.
  const counts = trials.select(
    pl.col("status").eq(pl.lit("ok")).sum().alias("ok"),
    pl.col("status").eq(pl.lit("error")).and(pl.col("grade_pass").fillNull(false)).sum().alias("expected"),
  );
  const ok = trials.height === 0 ? 0 : Number(counts.getColumn("ok").get(0) ?? 0);
  // Errors an item expects (a prompt over the context window) are correct behaviour, not failures.
  const expected = trials.height === 0 ? 0 : Number(counts.getColumn("expected").get(0) ?? 0);
  const withKind = trials.lazy().filter(pl.col("task_kind").isNotNull()).select(...GROUP_COLUMNS).collectSync();

  return {
    models,
    datasets: datasetRows.map((row) => ({ name: row.dataset, task_kinds: [...row.task_kinds] })),
    totals: { n: trials.height, ok, errors: trials.height - ok - expected },
    byModel,
    byModelDataset: summariseGroups(trials, ["model", "dataset"]),
    byModelKind: summariseGroups(withKind, ["model", "task_kind"]),
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

/** Provider, endpoint kinds and model versions of one model. */
interface ModelLabels {
  provider: string | null;
  endpoint_kinds: string[];
  model_versions: string[];
}

// One grouped pass instead of a filter and a copy to JS per model, which took seconds at a million trials.
function modelLabels(trials: pl.DataFrame): Map<string, ModelLabels> {
  const labels = new Map<string, ModelLabels>();
  if (trials.height === 0) return labels;
  const rows = trials.lazy().groupBy("model").agg(
    pl.col("provider").dropNulls().first().alias("provider"),
    pl.col("endpoint_kind").unique().alias("endpoint_kinds"),
    pl.col("model_version").unique().alias("model_versions"),
  ).collectSync().toRecords() as Record<string, unknown>[];
  for (const row of rows) {
    labels.set(String(row.model), {
      provider: typeof row.provider === "string" ? row.provider : null,
      endpoint_kinds: distinctStrings(row.endpoint_kinds),
      model_versions: distinctStrings(row.model_versions),
    });
  }
  return labels;
}

function distinctStrings(values: unknown): string[] {
  if (!Array.isArray(values)) return [];
  return [...new Set(values.filter((v): v is string => typeof v === "string"))].sort();
}
