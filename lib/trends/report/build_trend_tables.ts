import { groupByModel } from "../group_by_model.ts";
import { NO_VERSION, type PeriodMetric } from "../period_metric.ts";
import type { TextTable, TrendReport } from "./trend_report.ts";

/** The report's tables; a table with nothing to show is null. */
export interface TrendTables {
  overview: TextTable;
  flags: TextTable | null;
  breaches: TextTable | null;
  versions: TextTable;
  periods: TextTable;
  hours: TextTable | null;
  excluded: TextTable | null;
  rules: TextTable;
}

/** Builds every table of the trend report as text cells, for the HTML and Markdown renderers. */
export function buildTrendTables(report: TrendReport): TrendTables {
  if (!report || !Array.isArray(report.metrics)) throw new TypeError("buildTrendTables: report must be a TrendReport");
  const periodWord = report.periodKind === "day" ? "Day" : "Run";
  return {
    overview: overviewTable(report),
    flags: report.flags.length === 0 ? null : table(
      [periodWord, "Model", "Flag", "Metric", "Value", "Baseline", "Threshold", "Detail"],
      [false, false, false, false, true, true, true, false],
      report.flags.map((f) => {
        const unit = unitOf(f.metric);
        return [
          f.period,
          f.model,
          f.kind,
          f.metric,
          value(f.value, unit),
          value(f.baseline, unit),
          value(f.threshold, unit),
          f.detail,
        ];
      }),
    ),
    breaches: report.breaches === null || report.breaches.length === 0 ? null : table(
      [periodWord, "Model", "Metric", "Value", "Threshold", "Limit"],
      [false, false, false, true, true, false],
      report.breaches.map((b) => {
        const unit = unitOf(b.metric);
        return [b.period, b.model, b.metric, value(b.value, unit), value(b.threshold, unit), b.threshold_name];
      }),
    ),
    versions: versionsTable(report.metrics),
    periods: metricTable(report.metrics, periodWord),
    hours: report.hours === null ? null : metricTable(report.hours, "Hour (UTC)"),
    excluded: report.excludedRuns.length === 0 ? null : table(
      ["Run", "Started", "Differences from the latest run"],
      [false, false, false],
      report.excludedRuns.map((r) => [r.run_id, r.started_at, r.differences.join("; ")]),
    ),
    rules: rulesTable(report),
  };
}

function overviewTable(report: TrendReport): TextTable {
  const rows: string[][] = [];
  for (const [model, periods] of groupByModel(report.metrics)) {
    const latest = periods.at(-1)!;
    const n = sum(periods, (p) => p.n);
    const errors = sum(periods, (p) => p.errors);
    const costs = periods.filter((p) => p.cost_usd !== null);
    const versions = new Set(periods.flatMap((p) => Object.keys(p.model_versions)).filter((v) => v !== NO_VERSION));
    rows.push([
      model,
      String(periods.length),
      n.toLocaleString("en-US"),
      value(n > 0 ? errors / n : null, "rate"),
      value(latest.e2e_p50_ms, "ms"),
      value(latest.e2e_p95_ms, "ms"),
      value(latest.ttft_p50_ms, "ms"),
      costs.length === 0 ? "–" : `$${sum(costs, (p) => p.cost_usd!).toFixed(2)}`,
      String(report.flags.filter((f) => f.model === model).length),
      [...versions].sort().join(", ") || "–",
    ]);
  }
  const word = report.periodKind === "day" ? "days" : "runs";
  return table(
    [
      "Model",
      word,
      "Requests",
      "Error rate",
      "Latest p50",
      "Latest p95",
      "Latest TTFT p50",
      "Total cost",
      "Flags",
      "Versions seen",
    ],
    [false, true, true, true, true, true, true, true, true, false],
    rows,
  );
}

function versionsTable(metrics: readonly PeriodMetric[]): TextTable {
  const rows: string[][] = [];
  for (const [model, periods] of groupByModel(metrics)) {
    const seen = new Map<string, { first: string; last: string; requests: number }>();
    for (const period of periods) {
      for (const [version, count] of Object.entries(period.model_versions)) {
        const entry = seen.get(version) ?? { first: period.period, last: period.period, requests: 0 };
        entry.last = period.period;
        entry.requests += count;
        seen.set(version, entry);
      }
    }
    for (const [version, entry] of seen) {
      rows.push([model, version, entry.first, entry.last, entry.requests.toLocaleString("en-US")]);
    }
  }
  return table(["Model", "Version returned", "First seen", "Last seen", "Requests"], [false, false, false, false, true], rows);
}

function metricTable(metrics: readonly PeriodMetric[], periodTitle: string): TextTable {
  return table(
    ["Model", periodTitle, "Requests", "Errors", "p50", "p95", "TTFT p50", "TTFT p95", "Cost", "Pass rate (95% CI)"],
    [false, false, true, true, true, true, true, true, true, false],
    [...groupByModel(metrics)].flatMap(([, periods]) =>
      periods.map((p) => [
        p.model,
        p.period,
        p.n.toLocaleString("en-US"),
        `${p.errors} (${value(p.error_rate, "rate")})`,
        value(p.e2e_p50_ms, "ms"),
        value(p.e2e_p95_ms, "ms"),
        value(p.ttft_p50_ms, "ms"),
        value(p.ttft_p95_ms, "ms"),
        p.cost_usd === null ? "–" : `$${p.cost_usd.toFixed(2)}`,
        p.pass_rate === null
          ? "–"
          : `${value(p.pass_rate, "rate")} (${value(p.pass_ci_low, "rate")}–${value(p.pass_ci_high, "rate")}, n=${p.quality_n})`,
      ])
    ),
  );
}

function rulesTable(report: TrendReport): TextTable {
  const r = report.rules;
  const rows = [
    [
      "Latency shift",
      `${r.latencyMetrics.join(", ")} above median + max(${r.k} × 1.4826 × MAD, ${
        r.minRelativeRise * 100
      }% of median) of the up to ${r.window} earlier periods; needs ${r.minHistory} earlier periods`,
    ],
    [
      "Error-rate shift",
      `Wilson 95% lower bound of the period's error rate above the pooled rate of the up to ${r.window} earlier periods + ${
        r.errorRateMargin * 100
      } points; needs ${r.minHistory}`,
    ],
    [
      "Quality drift",
      `pooled pass rate of the up to ${r.window} earlier runs outside the run's Wilson 95% interval; needs ${r.minHistory}`,
    ],
    [
      "New model version",
      "first period in which a model returns a version string not seen in any earlier period (the first period is the baseline)",
    ],
    ["Percentiles", "linear interpolation between the two nearest ranks (NumPy's default), over successful requests"],
  ];
  return table(["Rule", "Definition"], [false, false], rows);
}

// A version flag's value is the new version's share of requests; other metrics are ms or rates.
function unitOf(metric: string): "ms" | "rate" | "share" {
  if (metric.endsWith("_ms")) return "ms";
  if (metric === "model_version") return "share";
  return "rate";
}

function table(columns: string[], numeric: boolean[], rows: string[][]): TextTable {
  return { columns, numeric, rows };
}

function sum(periods: readonly PeriodMetric[], pick: (p: PeriodMetric) => number): number {
  return periods.reduce((total, p) => total + pick(p), 0);
}

function value(v: number | null, unit: "ms" | "rate" | "share"): string {
  if (v === null || v === undefined) return "–";
  if (unit === "ms") return `${Math.round(v).toLocaleString("en-US")} ms`;
  return `${(v * 100).toFixed(unit === "share" ? 1 : 2)}%`;
}
