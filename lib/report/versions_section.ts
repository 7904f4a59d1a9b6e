import pl from "nodejs-polars";
import { bootstrapDifference } from "../analysis/bootstrap_difference.ts";
import { newcombeInterval } from "../analysis/newcombe_interval.ts";
import { sampleStatistics } from "../analysis/sample_statistics.ts";
import type { VersionDelta } from "../charts/chart_types.ts";
import { versionDeltasSpec } from "../charts/version_deltas_spec.ts";
import { chartArtifact } from "./chart_artifact.ts";
import { formatMetric as f } from "./format_metric.ts";
import type { ReportSection } from "./report_model.ts";
import { liveTrials } from "./trial_points.ts";

/** Values per side a bootstrap resamples at most; larger samples are thinned evenly. */
const MAX_BOOTSTRAP_VALUES = 5000;
/** A date suffix that marks a model version: -2024-08-06, -20251001 or @20250514. */
const VERSION_SUFFIX = /(?:-\d{4}-\d{2}-\d{2}|[-@]\d{8})$/;

interface Side {
  label: string;
  filter: pl.Expr;
}

/**
 * Build the version-to-version section for every model that ran in two versions: two
 * refs that differ only by a date suffix, or one ref whose server reported two versions.
 * It shows the change of the TTFT and end-to-end medians (percentile bootstrap, 1,000
 * resamples) and of the pass rate (Newcombe interval), drawn around a zero line.
 */
export async function versionsSection(trials: pl.DataFrame, models: readonly string[]): Promise<ReportSection> {
  const pairs = versionPairs(trials, models);
  const deltas = pairs.flatMap(([a, b]) => deltasOf(trials, a, b));
  const charts = deltas.some((d) => d.delta !== null)
    ? [await chartArtifact(
      "version-deltas",
      "Version-to-version changes with 95% intervals",
      "Change of TTFT p50, end-to-end p50 and pass rate from the older to the newer version of a model, with 95% intervals around zero.",
      versionDeltasSpec(deltas),
    )]
    : [];
  return {
    id: "versions-section",
    title: "Version-to-version changes",
    intro: [],
    charts,
    tables: deltas.length === 0 ? [] : [{
      id: "versions-table",
      caption: "Changes between model versions (new − old)",
      columns: ["Versions", "Metric", "Change", "95% interval"],
      numericColumns: [2],
      rows: deltas.map((d) => [d.model, d.metric, fmt(d.delta), d.low === null ? "—" : `${fmt(d.low)} to ${fmt(d.high)}`]),
    }],
    notes: pairs.length === 0 ? ["Version-to-version changes: not measured in this run (no model ran in two versions)."] : [],
  };
}

function versionPairs(trials: pl.DataFrame, models: readonly string[]): [Side, Side][] {
  const pairs: [Side, Side][] = [];
  const families = new Map<string, string[]>();
  for (const model of models) {
    const base = model.replace(VERSION_SUFFIX, "");
    if (base !== model) families.set(base, [...(families.get(base) ?? []), model]);
  }
  for (const refs of families.values()) {
    const sorted = [...refs].sort();
    for (let i = 1; i < sorted.length; i++) {
      pairs.push([side(sorted[i - 1], pl.col("model").eq(pl.lit(sorted[i - 1]))), side(sorted[i], pl.col("model").eq(pl.lit(sorted[i])))]);
    }
  }
  const reported = trials.select("model", "model_version").unique().dropNulls();
  for (const model of models) {
    const versions = (reported.filter(pl.col("model").eq(pl.lit(model))).getColumn("model_version").toArray() as string[]).sort();
    const of = (v: string) => pl.col("model").eq(pl.lit(model)).and(pl.col("model_version").eq(pl.lit(v)));
    for (let i = 1; i < versions.length; i++) pairs.push([side(versions[i - 1], of(versions[i - 1])), side(versions[i], of(versions[i]))]);
  }
  return pairs;
}

function side(label: string, filter: pl.Expr): Side {
  return { label, filter };
}

function deltasOf(trials: pl.DataFrame, a: Side, b: Side): VersionDelta[] {
  const pair = `${a.label} → ${b.label}`;
  const live = liveTrials(trials, ["model", "model_version", "ttft_ms", "e2e_ms"]);
  const median = (field: string, metric: string): VersionDelta => {
    const values = (s: Side) => thin(live.filter(s.filter).getColumn(field).dropNulls().toArray() as number[]);
    const r = bootstrapDifference(values(a), values(b), sampleStatistics.median, { resamples: 1000, seed: 1 });
    return { model: pair, metric, delta: r?.estimate ?? null, low: r?.low ?? null, high: r?.high ?? null };
  };
  const quality = (s: Side) => {
    const graded = trials.select("model", "model_version", "is_final_attempt", "grade_pass", "status")
      .filter(s.filter.and(pl.col("is_final_attempt")))
      .filter(pl.col("grade_pass").isNotNull().or(pl.col("status").eq(pl.lit("error"))));
    return { n: graded.height, passed: graded.filter(pl.col("grade_pass").eq(pl.lit(true))).height };
  };
  const qa = quality(a);
  const qb = quality(b);
  const p = newcombeInterval(qa.passed, qa.n, qb.passed, qb.n);
  return [
    median("ttft_ms", "TTFT p50 (ms)"),
    median("e2e_ms", "End-to-end p50 (ms)"),
    {
      model: pair,
      metric: "Pass rate (percentage points)",
      delta: p === null ? null : p.estimate * 100,
      low: p === null ? null : p.low * 100,
      high: p === null ? null : p.high * 100,
    },
  ];
}

function thin(values: number[]): number[] {
  if (values.length <= MAX_BOOTSTRAP_VALUES) return values;
  const step = values.length / MAX_BOOTSTRAP_VALUES;
  return Array.from({ length: MAX_BOOTSTRAP_VALUES }, (_, i) => values[Math.floor(i * step)]);
}

function fmt(v: number | null): string {
  if (v === null) return "—";
  return `${v > 0 ? "+" : ""}${Math.abs(v) >= 100 ? f.ms(v) : v.toFixed(1)}`;
}
