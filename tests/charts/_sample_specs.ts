/** One spec per chart builder, built from small sample data with a null value in each. */
import type { ChartSpec } from "../../lib/charts/chart_types.ts";
import { contextHeatmapSpec } from "../../lib/charts/context_heatmap_spec.ts";
import { costByTaskKindSpec } from "../../lib/charts/cost_by_task_kind_spec.ts";
import { costVsQualitySpec } from "../../lib/charts/cost_vs_quality_spec.ts";
import { e2eByModelDatasetSpec } from "../../lib/charts/e2e_by_model_dataset_spec.ts";
import { e2eVsOutputSpec } from "../../lib/charts/e2e_vs_output_spec.ts";
import { errorsByClassSpec } from "../../lib/charts/errors_by_class_spec.ts";
import { outputSpeedDistributionSpec } from "../../lib/charts/output_speed_distribution_spec.ts";
import { passRateByModelDatasetSpec } from "../../lib/charts/pass_rate_by_model_dataset_spec.ts";
import { throughputVsConcurrencySpec } from "../../lib/charts/throughput_vs_concurrency_spec.ts";
import { ttftDistributionSpec } from "../../lib/charts/ttft_distribution_spec.ts";
import { ttftVsInputSpec } from "../../lib/charts/ttft_vs_input_spec.ts";
import { versionDeltasSpec } from "../../lib/charts/version_deltas_spec.ts";
import { group, trial } from "./_chart_fixture.ts";

export const TRIALS = [
  trial("openai:a", 100, { input_tokens: 100, output_tokens: 50 }),
  trial("openai:a", null),
  trial("openai:a", 140, { input_tokens: 900, output_tokens: 300, e2e_ms: 2400 }),
  trial("openai:b", 300, { input_tokens: 400 }),
  trial("openai:b", 400, { input_tokens: 800, e2e_ms: 1800, output_tokens: 400 }),
];
export const GROUPS = [group("openai:a", "d1"), group("openai:b", "d1", { pass_rate: null, e2e_p50_ms: null })];

/** Chart title, axis titles the SVG must show, and the spec. */
export const SAMPLE_SPECS: { name: string; title: string; axes: string[]; spec: ChartSpec }[] = [
  { name: "ttftDistributionSpec", title: "Time to first token by model", axes: ["Time to first token (ms)", "Model"], spec: ttftDistributionSpec(TRIALS) },
  { name: "outputSpeedDistributionSpec", title: "Output speed by model", axes: ["Output speed (tokens/s)", "Model"], spec: outputSpeedDistributionSpec(TRIALS) },
  {
    name: "e2eVsOutputSpec",
    title: "End-to-end latency against output length",
    axes: ["Output tokens (server-reported)", "End-to-end latency (ms)"],
    spec: e2eVsOutputSpec(TRIALS),
  },
  {
    name: "ttftVsInputSpec",
    title: "Time to first token against input size",
    axes: ["Input tokens (server-reported)", "Time to first token (ms)"],
    spec: ttftVsInputSpec(TRIALS),
  },
  {
    name: "throughputVsConcurrencySpec",
    title: "Throughput and latency against concurrency",
    axes: ["Concurrency (requests in flight)", "Throughput (output tokens/s)", "End-to-end latency p50 (ms)"],
    spec: throughputVsConcurrencySpec([
      { model: "openai:a", concurrency: 1, throughput_tps: 50, latency_p50_ms: 900 },
      { model: "openai:a", concurrency: 4, throughput_tps: 180, latency_p50_ms: 1100 },
      { model: "openai:a", concurrency: 16, throughput_tps: null, latency_p50_ms: null },
    ]),
  },
  {
    name: "contextHeatmapSpec",
    title: "Needle retrieval accuracy by context length and depth",
    axes: ["Context length (tokens)", "Needle depth"],
    spec: contextHeatmapSpec([
      { model: "openai:a", context_tokens: 8000, depth_pct: 50, passed: 3, n: 4, accuracy: 0.75 },
      { model: "openai:a", context_tokens: 32000, depth_pct: 50, passed: 0, n: 0, accuracy: null },
      { model: "openai:a", context_tokens: 32000, depth_pct: 90, passed: 1, n: 4, accuracy: 0.25 },
    ]),
  },
  {
    name: "costVsQualitySpec",
    title: "Cost per 1,000 requests against pass rate",
    axes: ["Cost per 1,000 requests (USD)", "Pass rate (%)"],
    spec: costVsQualitySpec([group("openai:a", null), group("openai:c", null, { cost_per_1k_requests_usd: null })]),
  },
  {
    name: "costByTaskKindSpec",
    title: "Cost per 1,000 requests by task kind",
    axes: ["Cost per 1,000 requests (USD)", "Task kind"],
    spec: costByTaskKindSpec([
      { model: "openai:a", task_kind: "code", cost_per_1k_requests_usd: 2 },
      { model: "openai:b", task_kind: "code", cost_per_1k_requests_usd: null },
      { model: "openai:a", task_kind: "sql", cost_per_1k_requests_usd: 1 },
    ]),
  },
  {
    name: "errorsByClassSpec",
    title: "Errors by class and model",
    axes: ["Trials that ended in an error (count)", "Model"],
    spec: errorsByClassSpec([
      { model: "openai:a", error_class: "rate_limited", count: 3 },
      { model: "openai:a", error_class: "server", count: 1 },
    ], { models: ["openai:a", "openai:b"] }),
  },
  {
    name: "versionDeltasSpec",
    title: "Version-to-version changes with 95% intervals",
    axes: ["Change (new − old), unit as in the panel title"],
    spec: versionDeltasSpec([
      { model: "a-1 → a-2", metric: "TTFT p50 (ms)", delta: -40, low: -80, high: 5 },
      { model: "b-1 → b-2", metric: "TTFT p50 (ms)", delta: null, low: null, high: null },
    ]),
  },
  { name: "e2eByModelDatasetSpec", title: "End-to-end latency by model and dataset", axes: ["End-to-end latency (ms)", "Model"], spec: e2eByModelDatasetSpec(GROUPS) },
  { name: "passRateByModelDatasetSpec", title: "Pass rate by model and suite", axes: ["Pass rate (%)", "Model"], spec: passRateByModelDatasetSpec(GROUPS) },
];
