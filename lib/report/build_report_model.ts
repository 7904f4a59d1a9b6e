import pl from "nodejs-polars";
import { loadTrials } from "../analysis/load_trials.ts";
import { summariseErrors } from "../analysis/summarise_errors.ts";
import { summariseGroups } from "../analysis/summarise_groups.ts";
import { summariseRun } from "../analysis/summarise_run.ts";
import type { GroupSummary, RunSummary } from "../analysis/summary_types.ts";
import type { PriceTableRow } from "../pricing/parse_price_table.ts";
import { buildCharts } from "./build_charts.ts";
import { comparisonTable } from "./comparison_table.ts";
import { criteriaTable } from "./criteria_table.ts";
import { datasetSections } from "./dataset_sections.ts";
import { errorsTable } from "./errors_table.ts";
import { findImageItems, imageItemKey } from "./find_image_items.ts";
import { limitations } from "./limitations.ts";
import { METRIC_DEFINITIONS, methodologyTable } from "./methodology_table.ts";
import { readRunManifest } from "./read_run_manifest.ts";
import { recommend } from "./recommend.ts";
import type { ReportModel } from "./report_model.ts";
import { useCaseTable } from "./use_case_table.ts";

/**
 * Read a run folder (`run.json`, `trials.jsonl`, and `attempts.jsonl` when present) and
 * compute everything the report shows: recommendations, tables, charts and methodology.
 */
export async function buildReportModel(runDir: string): Promise<ReportModel> {
  const manifest = await readRunManifest(runDir);
  const trials = await loadTrials(runDir);
  const attempts = await exists(`${runDir}/attempts.jsonl`) ? await loadTrials(runDir, "attempts.jsonl") : null;
  const summary = summariseRun(trials, manifest.price_table.rows);

  const imageKeys = await findImageItems(manifest);
  const imageGroups = imageKeys === null || imageKeys.size === 0 ? null : imageSummary(trials, imageKeys);
  const imageCapableModels = summary.byModel
    .filter((m) => (m.price as PriceTableRow | null)?.supports_images === true)
    .map((m) => m.model);
  const recommendations = recommend({ summary, imageGroups, imageCapableModels });

  const models = [...new Set([...summary.models, ...Object.keys(manifest.endpoints)])];
  const emulatedModels = models.filter((model) =>
    manifest.endpoints[model] === "emulated" ||
    summary.byModel.find((m) => m.model === model)?.endpoint_kinds.includes("emulated")
  );
  const { charts, skipped } = await buildCharts(summary, trials);
  const missingUsage = trials.filter(pl.col("status").eq(pl.lit("ok")).and(pl.col("usage_source").eq(pl.lit("missing"))))
    .height;

  return {
    title: `LLM benchmark report: ${manifest.run_id}`,
    runId: manifest.run_id,
    emulatedModels,
    notices: notices(summary, models),
    models,
    recommendations,
    criteria: criteriaTable(),
    comparison: comparisonTable(summary),
    useCases: useCaseTable(recommendations, summary),
    charts,
    skippedCharts: skipped,
    datasets: datasetSections(summary, trials),
    errors: errorsTable(summary.errors, attempts ? summariseErrors(attempts) : []),
    methodology: methodologyTable(manifest, summary, { retriedAttempts: attempts?.height ?? 0 }),
    definitions: [...METRIC_DEFINITIONS],
    limitations: limitations({
      manifest,
      summary,
      emulatedModels,
      missingUsage,
      imageItems: imageKeys === null ? null : imageKeys.size,
    }),
  };
}

function imageSummary(trials: pl.DataFrame, keys: Set<string>): GroupSummary[] | null {
  const datasets = trials.getColumn("dataset").toArray() as string[];
  const items = trials.getColumn("item_id").toArray() as string[];
  const mask = pl.Series("is_image_item", datasets.map((d, i) => keys.has(imageItemKey(d, items[i]))), pl.Bool);
  const imageTrials = trials.withColumns(mask).filter(pl.col("is_image_item")).drop("is_image_item");
  return imageTrials.height === 0 ? null : summariseGroups(imageTrials, ["model"]);
}

function notices(summary: RunSummary, models: readonly string[]): string[] {
  const out: string[] = [];
  if (summary.totals.n === 0) {
    out.push("No trials were recorded for this run, so there is nothing to measure yet.");
  } else if (summary.totals.ok === 0) {
    const classes = summary.errors
      .map((e) => `${e.model} ${e.error_class} × ${e.count}`)
      .join(", ");
    out.push(
      `Every trial failed (${summary.totals.errors} of ${summary.totals.n}): no latency, speed, cost or quality ` +
        `could be measured, and recommendations can only rest on the price table. Errors: ${classes}.`,
    );
  }
  const silent = models.filter((m) => !summary.models.includes(m));
  if (silent.length > 0) out.push(`No trials were recorded for ${silent.join(", ")}.`);
  return out;
}

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(path);
    return true;
  } catch {
    return false;
  }
}
