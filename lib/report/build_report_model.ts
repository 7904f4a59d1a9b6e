import pl from "nodejs-polars";
import { loadTrials } from "../analysis/load_trials.ts";
import { summariseErrors } from "../analysis/summarise_errors.ts";
import { summariseGroups } from "../analysis/summarise_groups.ts";
import { summariseRun } from "../analysis/summarise_run.ts";
import type { GroupSummary, RunSummary } from "../analysis/summary_types.ts";
import type { PriceTableRow } from "../pricing/parse_price_table.ts";
import type { RunManifest } from "../runner/manifest.ts";
import { comparisonTable } from "./comparison_table.ts";
import { contextSection } from "./context_section.ts";
import { costSection } from "./cost_section.ts";
import { criteriaTable } from "./criteria_table.ts";
import { criterionValues } from "./criterion_values.ts";
import { errorsSection } from "./errors_section.ts";
import { latencySection } from "./latency_section.ts";
import { limitations } from "./limitations.ts";
import { METRIC_DEFINITIONS, methodologyTable } from "./methodology_table.ts";
import { qualitySection } from "./quality_section.ts";
import { type ItemFacts, itemKey, readItemFacts } from "./read_item_facts.ts";
import { recommend } from "./recommend.ts";
import type { Recommendation, ReportModel, ReportSection } from "./report_model.ts";
import type { ScenarioDefinition } from "./scenarios.ts";
import { throughputSection } from "./throughput_section.ts";
import { trialPoints } from "./trial_points.ts";
import { useCaseTable } from "./use_case_table.ts";
import { versionsSection } from "./versions_section.ts";

/** Inputs of {@link buildReportModel}: the run's manifest and trials, and the scenarios. */
export interface ReportInputs {
  runDir: string;
  manifest: RunManifest;
  /** The trials frame (see `loadTrials` or `loadTrialsFast`). */
  trials: pl.DataFrame;
  scenarios: readonly ScenarioDefinition[];
}

/**
 * Compute everything the report shows from a run: recommendations, tables, charts per
 * criterion and methodology. Data files are added by the caller that writes them.
 */
export async function buildReportModel(inputs: ReportInputs): Promise<Omit<ReportModel, "dataFiles" | "loadSnippets">> {
  const { runDir, manifest, trials, scenarios } = inputs;
  if (!trials || typeof trials.filter !== "function") throw new TypeError("buildReportModel: trials must be a polars DataFrame");
  const attempts = await exists(`${runDir}/attempts.jsonl`) ? await loadTrials(runDir, "attempts.jsonl") : null;
  const summary = summariseRun(trials, manifest.price_table.rows);

  const facts = await readItemFacts(manifest);
  const imageGroups = facts === null || facts.images.size === 0 ? null : imageSummary(trials, facts);
  const imageCapableModels = summary.byModel
    .filter((m) => (m.price as PriceTableRow | null)?.supports_images === true)
    .map((m) => m.model);
  const values = criterionValues({ summary, trials, imageGroups });
  const recommendations = recommend({ summary, values, imageCapableModels }, scenarios);

  const models = [...new Set([...summary.models, ...Object.keys(manifest.endpoints)])];
  const emulatedModels = models.filter((model) =>
    manifest.endpoints[model] === "emulated" ||
    summary.byModel.find((m) => m.model === model)?.endpoint_kinds.includes("emulated")
  );
  const points = trialPoints(trials);
  const sections = [
    await latencySection(summary, trials, points, values),
    await throughputSection(summary, trials, points, manifest),
    await costSection(summary, values),
    await qualitySection(summary, trials),
    await errorsSection(summary, attempts ? summariseErrors(attempts) : []),
    await contextSection(summary, trials, facts),
  ];
  const versions = await versionsSection(trials, summary.models);
  linkEvidence(recommendations, [...sections, versions]);
  const missingUsage = trials.select("status", "usage_source")
    .filter(pl.col("status").eq(pl.lit("ok")).and(pl.col("usage_source").eq(pl.lit("missing")))).height;

  return {
    title: `LLM benchmark report: ${manifest.run_id}`,
    runId: manifest.run_id,
    emulatedModels,
    notices: notices(summary, models, manifest),
    models,
    recommendations,
    criteria: criteriaTable(),
    comparison: comparisonTable(summary),
    versions,
    useCases: useCaseTable(recommendations, summary),
    sections,
    methodology: methodologyTable(manifest, summary, { retriedAttempts: attempts?.height ?? 0, scenarios }),
    definitions: [...METRIC_DEFINITIONS],
    limitations: limitations({
      manifest,
      summary,
      emulatedModels,
      missingUsage,
      imageItems: facts === null ? null : facts.images.size,
      needleItems: facts === null ? null : facts.needles.size,
    }),
  };
}

// Points evidence at the section when its chart was not drawn (e.g. no error, no price).
function linkEvidence(recommendations: Recommendation[], sections: readonly ReportSection[]): void {
  const charts = new Set(sections.flatMap((s) => s.charts.map((c) => `chart-${c.id}`)));
  for (const evidence of recommendations.flatMap((r) => r.evidence)) {
    if (evidence.anchor.startsWith("chart-") && !charts.has(evidence.anchor) && evidence.fallback) {
      evidence.anchor = evidence.fallback;
    }
  }
}

function imageSummary(trials: pl.DataFrame, facts: ItemFacts): GroupSummary[] | null {
  const datasets = trials.getColumn("dataset").toArray() as string[];
  const items = trials.getColumn("item_id").toArray() as string[];
  const mask = pl.Series("is_image_item", datasets.map((d, i) => facts.images.has(itemKey(d, items[i]))), pl.Bool);
  const imageTrials = trials.withColumns(mask).filter(pl.col("is_image_item")).drop("is_image_item");
  return imageTrials.height === 0 ? null : summariseGroups(imageTrials, ["model"]);
}

function notices(summary: RunSummary, models: readonly string[], manifest: RunManifest): string[] {
  const out: string[] = [];
  if (manifest.status !== "completed") {
    const reason = manifest.stop_reason ? ` (${manifest.stop_reason})` : "";
    out.push(
      `This run is ${manifest.status}${reason}: ${summary.totals.n} of ${manifest.trials_planned} planned trials were recorded, ` +
        "so models may rest on unequal samples. Resume it with the same --run-id to complete it.",
    );
  }
  if (summary.totals.n === 0) {
    out.push("No trials were recorded for this run, so there is nothing to measure yet.");
  } else if (summary.totals.ok === 0) {
    const classes = summary.errors.map((e) => `${e.model} ${e.error_class} × ${e.count}`).join(", ");
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
