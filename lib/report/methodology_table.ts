import { PERCENTILE_METHOD } from "../analysis/percentile_method.ts";
import type { RunSummary } from "../analysis/summary_types.ts";
import type { RunManifest } from "../runner/manifest.ts";
import { MISSING } from "./format_metric.ts";
import type { Table } from "./report_model.ts";
import { describeScenario, type ScenarioDefinition } from "./scenarios.ts";

/** Counts and settings the methodology table reports next to the manifest's facts. */
export interface RunCounts {
  retriedAttempts: number;
  scenarios: readonly ScenarioDefinition[];
}

/** Build the methodology table: run facts, versions, endpoints, price table and methods. */
export function methodologyTable(manifest: RunManifest, summary: RunSummary, counts: RunCounts): Table {
  const priceRows = manifest.price_table.rows;
  const dates = [...new Set(priceRows.map((r) => r.as_of))].sort();
  const sources = [...new Set(priceRows.map((r) => r.source))];
  const endpoints = summary.models.map((model) => {
    const kinds = summary.byModel.find((m) => m.model === model)?.endpoint_kinds ?? [];
    return `${model}: ${manifest.endpoints[model] ?? (kinds.join("/") || MISSING)}`;
  });
  const versions = summary.byModel.map((m) => `${m.model}: ${m.model_versions.join(", ") || "not reported"}`);
  const perModel = summary.byModel.map((m) => `${m.model}: ${m.n} (${m.ok} successful)`);
  const emulator = manifest.emulator
    ? `${manifest.emulator.url}, seed ${manifest.emulator.seed}, profiles ${manifest.emulator.profiles_file}`
    : "not used";
  const status = manifest.stop_reason ? `${manifest.status} (${manifest.stop_reason})` : manifest.status;
  return {
    id: "methodology",
    caption: "Methodology",
    columns: ["Item", "Value"],
    rows: [
      ["Run", `${manifest.run_id}, spec ${manifest.spec_path ?? "given inline"}, status ${status}`],
      ["Started / finished", `${manifest.started_at} / ${manifest.finished_at ?? "not finished"}`],
      [
        "Trials",
        `${summary.totals.n} recorded of ${manifest.trials_planned} planned; ${summary.totals.ok} successful, ` +
          `${summary.totals.errors} failed; retried attempts: ${counts.retriedAttempts}`,
      ],
      ["Trials per model", perModel.join("; ") || MISSING],
      ["Datasets", manifest.datasets.map((d) => `${d.name} (${d.items} items in the file, sha256 ${d.sha256.slice(0, 12)})`).join("; ") || MISSING],
      ["Endpoint per model", endpoints.join("; ") || MISSING],
      ["Emulator", emulator],
      ["Deno", manifest.deno_version],
      ["SDK versions", Object.entries(manifest.sdk_versions).map(([k, v]) => `${k} ${v}`).join(", ") || MISSING],
      ["Model versions reported by servers", versions.join("; ") || MISSING],
      ["Load pattern", loadPattern(manifest)],
      ["Transport per model", transportsOf(manifest)],
      ["Benchmark process load", harnessLoad(manifest)],
      [
        "Price table",
        `${manifest.price_table.path}, prices as of ${dates.join(", ") || MISSING}; sources: ${sources.join(" | ") || MISSING}`,
      ],
      ["Percentile method", PERCENTILE_METHOD.description],
      [
        "Intervals (95%)",
        "Pass and error rates: Wilson score interval. Medians: distribution-free order-statistic interval " +
          "(ranks n/2 ± 1.96√n/2). Mean cost: mean ± 1.96 s/√n. Version changes: percentile bootstrap of the " +
          "median difference (1,000 resamples, seed 1, at most 5,000 trials per side) and Newcombe's interval for pass rates.",
      ],
      [
        "Recommendation rules",
        "Models that break a scenario's hard constraint or lack one of its criteria are not ranked. Each criterion " +
          "becomes a utility relative to the best ranked model (1 − rate for the error rate); the score is their weighted " +
          "mean, and its 95% band uses each criterion's interval. When the leader's band overlaps another model's, the " +
          "report names no winner.",
      ],
      ...counts.scenarios.map((sc) => [`Scenario: ${sc.title} (${sc.source})`, describeScenario(sc)]),
    ],
  };
}

function loadPattern(manifest: RunManifest): string {
  const spec = manifest.spec as { concurrency?: unknown; load?: { mode?: unknown; rate_per_s?: unknown } };
  const mode = spec.load?.mode === "open" ? `open loop at ${spec.load.rate_per_s} requests/s` : "closed loop";
  const phases = manifest.phases ?? [];
  const levels = phases.length > 1
    ? `concurrency sweep ${phases.map((p) => `${p.concurrency} (observed peak ${p.peak_in_flight})`).join(", ")}`
    : `concurrency configured ${typeof spec.concurrency === "number" ? spec.concurrency : MISSING}`;
  return `${mode}; ${levels}; observed peak requests in flight over the run ${manifest.peak_in_flight ?? MISSING} (run.json)`;
}

/** Metric definitions printed under the methodology table. */
export const METRIC_DEFINITIONS: readonly { term: string; definition: string }[] = [
  {
    term: "TTFT",
    definition: "Time from sending the request to the first stream event with non-empty output text, " +
      "answer or reasoning. Role-only, empty and usage-only events do not count; a stream without output has no TTFT.",
  },
  { term: "TTFT (answer)", definition: "As TTFT, but only answer text counts; equal to TTFT for models that do not reason." },
  { term: "End-to-end latency", definition: "Time from sending the request to the terminal stream event or stream close." },
  {
    term: "Output speed",
    definition: "(output tokens − 1) / (time of the last content event − TTFT), per trial, in tokens per second. " +
      "Output tokens come from the server's usage and include reasoning tokens.",
  },
  {
    term: "Cost",
    definition: "Uncached input × input price + cache reads × cache-read price + cache writes × cache-write price + " +
      "output × output price, per million tokens, from the server's usage. Cost per 1,000 requests is the mean over " +
      "successful trials × 1,000.",
  },
  {
    term: "Pass rate",
    definition: "Trials whose output the dataset's scorer passed, over trials that were graded or ended in an error; " +
      "errors count as not passed and are also listed apart.",
  },
  { term: "Error rate", definition: "Trials that ended in an error after retries, over all trials." },
  { term: "No response", definition: "Graded trials where the model returned no usable output, as the scorer marks them." },
  {
    term: "Successful trial",
    definition: "A trial whose stream completed without an error. Only successful trials enter latency, speed, token " +
      "and cost statistics.",
  },
];

function harnessLoad(manifest: RunManifest): string {
  const load = manifest.harness_load;
  if (load === undefined) return `${MISSING} (not recorded by the version that ran this)`;
  return `CPU ${(load.cpu_load * 100).toFixed(0)}% of one core over ${load.wall_s.toFixed(1)} s; event-loop lag p50 ` +
    `${load.loop_lag_p50_ms ?? MISSING} ms, p99 ${load.loop_lag_p99_ms ?? MISSING} ms, max ${load.loop_lag_max_ms ?? MISSING} ms ` +
    `(a timer due every ${load.interval_ms} ms)`;
}

function transportsOf(manifest: RunManifest): string {
  const entries = Object.entries(manifest.transports ?? {});
  if (entries.length === 0) return `${MISSING} (not recorded by the version that ran this; it used fetch)`;
  return entries.map(([ref, transport]) => `${ref}: ${transport}`).join("; ") +
    " (socket: send and arrival times stamped at the socket; fetch: stamped around the runtime's fetch, see docs/metrics.md)";
}
