import { basename } from "node:path";
import { analyseTrends } from "./analyse_trends.ts";
import type { TrendOptions } from "./build_import_trends.ts";
import { checkThresholds } from "./check_thresholds.ts";
import { readHistory } from "./history/read_history.ts";
import { selectComparableRuns } from "./history/select_comparable_runs.ts";
import type { TrendReport } from "./report/trend_report.ts";
import { resolveTrendRules } from "./trend_rules.ts";

/** Run trends compare a run with as few as two earlier runs, because runs are far fewer than days. */
export const RUN_TREND_MIN_HISTORY = 2;

/**
 * Builds the trend report of a spec's repeated runs from its history file: the runs comparable
 * with the latest run, one period per run, with flags and the threshold check when thresholds
 * are given. Runs that are not comparable are listed with what differs. Throws an Error when
 * the history contains no completed run.
 */
export async function buildRunTrends(historyPath: string, options: TrendOptions = {}): Promise<TrendReport> {
  const rules = resolveTrendRules({ minHistory: RUN_TREND_MIN_HISTORY, ...options.rules });
  const entries = await readHistory(historyPath);
  const { comparable, excluded } = selectComparableRuns(entries);
  if (comparable.length === 0) {
    throw new Error(
      `history ${historyPath} contains no completed run. Fix: run deno task watch --spec FILE --once first, or check the path.`,
    );
  }
  const metrics = comparable.flatMap((entry) => entry.models);
  const name = basename(historyPath).replace(/\.jsonl$/, "");
  const emulated = [
    ...new Set(comparable.flatMap((e) => Object.entries(e.endpoints).filter(([, kind]) => kind === "emulated").map(([m]) => m))),
  ];
  const notes = emulated.length === 0 ? [] : [
    `Emulated endpoint for ${emulated.join(", ")}: those numbers describe the emulator's profiles, not the real APIs.`,
  ];
  return {
    title: `Run trends: ${name}`,
    source: `history ${name}, ${comparable.length} comparable run(s) of ${entries.length}`,
    periodKind: "run",
    rules,
    metrics,
    hours: null,
    flags: analyseTrends(metrics, rules),
    thresholds: options.thresholds ?? null,
    breaches: options.thresholds ? checkThresholds(metrics, options.thresholds, "run", options.lastPeriods) : null,
    excludedRuns: excluded.map(({ entry, differences }) => ({ run_id: entry.run_id, started_at: entry.started_at, differences })),
    notes,
    generatedAt: new Date().toISOString(),
  };
}
