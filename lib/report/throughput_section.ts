import pl from "nodejs-polars";
import type { RunSummary } from "../analysis/summary_types.ts";
import { throughputByConcurrency } from "../analysis/throughput_by_concurrency.ts";
import type { ConcurrencyPoint, TrialPoint } from "../charts/chart_types.ts";
import { outputSpeedDistributionSpec } from "../charts/output_speed_distribution_spec.ts";
import { throughputVsConcurrencySpec } from "../charts/throughput_vs_concurrency_spec.ts";
import type { RunManifest } from "../runner/manifest.ts";
import { chartArtifact } from "./chart_artifact.ts";
import { formatMetric as f } from "./format_metric.ts";
import type { ChartArtifact, ReportSection } from "./report_model.ts";
import { distributionQuantiles } from "./trial_points.ts";

/** One concurrency level of a run and the time window its trials were sent in. */
interface Level {
  concurrency: number;
  peak: number | null;
  start: number | null;
  end: number | null;
}

/**
 * Build the throughput section: output speed per model, and throughput and median
 * latency per concurrency level. Levels come from the run's load phases (a sweep), else
 * from the spec's single concurrency. A trial belongs to the phase whose time window
 * contains its send time.
 */
export async function throughputSection(
  summary: RunSummary,
  trials: pl.DataFrame,
  points: readonly TrialPoint[],
  manifest: RunManifest,
): Promise<ReportSection> {
  const options = { models: summary.models };
  const charts: ChartArtifact[] = [];
  const notes: string[] = [];
  if (points.some((p) => p.output_tps !== null)) {
    charts.push(await chartArtifact(
      "output-speed",
      "Output speed by model",
      "Output tokens per second per model: p5–p95 line, p25–p75 box, median tick, sampled trials as dots.",
      outputSpeedDistributionSpec(points, { ...options, stats: distributionQuantiles(trials, "output_tps") }),
    ));
  } else notes.push("Output speed by model: not drawn, no successful trial has an output speed.");

  const levels = levelsOf(manifest);
  // throughputByConcurrency reads only these columns; selecting them first keeps the per-model filters cheap.
  const columns = ["model", "status", "cached", "send_ms", "end_ms", "output_tokens", "ttft_ms", "e2e_ms"];
  const slim = trials.select(...columns.filter((c) => trials.columns.includes(c)));
  const rows = levels.length === 0 ? [] : summary.models.flatMap((model) => {
    const own = slim.filter(pl.col("model").eq(pl.lit(model)));
    const runs = levels.map((level) => ({
      label: model,
      configured_concurrency: level.concurrency,
      recorded_peak_in_flight: level.peak,
      trials: level.start === null || level.end === null
        ? own
        : own.filter(pl.col("send_ms").gtEq(level.start).and(pl.col("send_ms").ltEq(level.end))),
    })).filter((run) => run.trials.height > 0);
    return throughputByConcurrency(runs);
  });
  const concurrency: ConcurrencyPoint[] = rows.map((r) => ({
    model: r.label,
    concurrency: r.configured_concurrency!,
    throughput_tps: r.output_tokens_per_s,
    latency_p50_ms: r.e2e_p50_ms,
  }));
  if (concurrency.length > 0) {
    charts.push(await chartArtifact(
      "throughput-vs-concurrency",
      "Throughput and latency against concurrency",
      "Output tokens per second and median end-to-end latency per model at each concurrency level of the run.",
      throughputVsConcurrencySpec(concurrency, options),
    ));
  } else notes.push("Throughput against concurrency: not drawn, the run records no concurrency level.");
  return {
    id: "throughput-section",
    title: "Throughput",
    intro: [
      levels.length > 1
        ? `The run swept ${levels.length} concurrency levels: ${levels.map((l) => l.concurrency).join(", ")}.`
        : "The run measured a single concurrency level, so throughput is not shown as a curve.",
      "Throughput per level counts a model's successful trials over the window from its first send to its last end, " +
      "warm-up and tail included, so it is a lower bound of the steady-state rate.",
    ],
    charts,
    tables: [{
      id: "throughput-table",
      caption: "Throughput per model and concurrency level",
      columns: ["Model", "Concurrency", "Peak in flight (model's trials)", "Requests", "Requests/s", "Output tokens/s", "TTFT p50, ms", "E2E p50, ms", "Error rate"],
      numericColumns: [1, 2, 3, 4, 5, 6, 7],
      rows: rows.map((r) => [
        r.label,
        r.configured_label,
        f.count(r.observed_peak_in_flight),
        f.count(r.requests),
        f.tps(r.requests_per_s),
        f.tps(r.output_tokens_per_s),
        f.ms(r.ttft_p50_ms),
        f.ms(r.e2e_p50_ms),
        f.pct(r.error_rate),
      ]),
      note: "Output speed per trial is in the chart above; this table is aggregate throughput of each model's share of the load.",
    }],
    notes,
  };
}

function levelsOf(manifest: RunManifest): Level[] {
  const phases = manifest.phases ?? [];
  if (phases.length > 1) {
    return phases.map((p) => ({ concurrency: p.concurrency, peak: p.peak_in_flight, start: p.started_ms, end: p.ended_ms }));
  }
  const configured = phases[0]?.concurrency ?? (manifest.spec as { concurrency?: unknown }).concurrency;
  if (typeof configured !== "number" || configured < 1) return [];
  return [{ concurrency: configured, peak: manifest.peak_in_flight ?? null, start: null, end: null }];
}
