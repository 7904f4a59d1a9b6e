import type { PeriodKind, PeriodMetric } from "../period_metric.ts";
import type { TrendFlag } from "../trend_flag.ts";
import type { TrendRules } from "../trend_rules.ts";
import type { ThresholdBreach } from "../check_thresholds.ts";
import type { Thresholds } from "../thresholds.ts";

/** A run left out of a run trend, with why. */
export interface ExcludedRun {
  run_id: string;
  started_at: string;
  differences: string[];
}

/** Everything a trend report shows. Built by the trends script, rendered to HTML and Markdown. */
export interface TrendReport {
  title: string;
  /** Description of the data source, e.g. "import prod-march, 300,000 requests". */
  source: string;
  periodKind: "day" | "run";
  rules: TrendRules;
  /** Per model × period metrics. */
  metrics: PeriodMetric[];
  /** Per model × UTC hour of day metrics; null for run trends. */
  hours: PeriodMetric[] | null;
  flags: TrendFlag[];
  /** Thresholds checked and what crossed them; null when no check ran. */
  thresholds: Thresholds | null;
  breaches: ThresholdBreach[] | null;
  excludedRuns: ExcludedRun[];
  /** Facts a reader needs next to the numbers (bad rows, emulated endpoints). */
  notes: string[];
  generatedAt: string;
}

/** One chart of the report: an id for file names and anchors, and its SVG. */
export interface TrendChart {
  id: string;
  title: string;
  svg: string;
}

/** A table as both renderers draw it: header cells and rows of text cells. */
export interface TextTable {
  columns: string[];
  rows: string[][];
  /** Columns to right-align (numbers). */
  numeric: boolean[];
}

/** Kinds of period as report text names them. */
export const PERIOD_WORD: Record<PeriodKind, string> = { day: "day", run: "run", hour: "hour" };
