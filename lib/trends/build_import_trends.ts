import { basename, join } from "node:path";
import { analyseTrends } from "./analyse_trends.ts";
import { checkThresholds } from "./check_thresholds.ts";
import { loadImportedTrials } from "./load_imported_trials.ts";
import { periodMetrics } from "./period_metrics.ts";
import type { TrendReport } from "./report/trend_report.ts";
import type { Thresholds } from "./thresholds.ts";
import { resolveTrendRules, type TrendRules } from "./trend_rules.ts";
import { withDayPeriods, withHourPeriods } from "./with_periods.ts";

/** Options of the trend builders. */
export interface TrendOptions {
  rules?: Partial<TrendRules>;
  /** Thresholds to check; omit for no check. */
  thresholds?: Thresholds;
  /** Check only each model's last N periods. Default: every period. */
  lastPeriods?: number;
}

/**
 * Builds the trend report of an imported production log (a folder written by `importLog`):
 * metrics per model and UTC day and per UTC hour of day, the flags, and the threshold check
 * when thresholds are given. Notes the import's bad and skipped rows when its `import.json`
 * is there.
 */
export async function buildImportTrends(importDir: string, options: TrendOptions = {}): Promise<TrendReport> {
  const rules = resolveTrendRules(options.rules);
  const trials = await loadImportedTrials(importDir);
  const metrics = periodMetrics(withDayPeriods(trials));
  const hours = periodMetrics(withHourPeriods(trials));
  const name = basename(importDir.replace(/\/+$/, "").replace(/\/trials\.(parquet|jsonl)$/, ""));
  return {
    title: `Production trends: ${name}`,
    source: `import ${name}, ${trials.height.toLocaleString("en-US")} requests`,
    periodKind: "day",
    rules,
    metrics,
    hours,
    flags: analyseTrends(metrics, rules),
    thresholds: options.thresholds ?? null,
    breaches: options.thresholds ? checkThresholds(metrics, options.thresholds, "day", options.lastPeriods) : null,
    excludedRuns: [],
    notes: await importNotes(importDir),
    generatedAt: new Date().toISOString(),
  };
}

async function importNotes(importDir: string): Promise<string[]> {
  let summary: { bad?: number; records?: number; skipped?: Record<string, number>; unpricedModels?: string[] };
  try {
    summary = JSON.parse(await Deno.readTextFile(join(importDir, "import.json")));
  } catch {
    return [];
  }
  const notes: string[] = [];
  if (summary.bad) {
    notes.push(
      `${summary.bad} of ${summary.records} log records were not imported because they broke a rule; import.json lists them with file and line.`,
    );
  }
  const skipped = Object.values(summary.skipped ?? {}).reduce((a, b) => a + b, 0);
  if (skipped > 0) notes.push(`${skipped} records were skipped because they are not model calls (see import.json).`);
  if (summary.unpricedModels?.length) {
    notes.push(`No price row for ${summary.unpricedModels.join(", ")}: their cost is left empty.`);
  }
  return notes;
}
