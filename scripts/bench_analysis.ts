/**
 * Times the analysis and report pipeline on synthetic trials.
 * Usage: deno run -A scripts/bench_analysis.ts [--trials N] [--models M] [--keep DIR] [--line-loader]
 *   --trials N: synthetic trials to generate (default 1,000,000)
 *   --models M: models they are spread over (default 8)
 *   --keep DIR: write the synthetic run to DIR and keep it (default: a temporary folder, removed).
 *   --line-loader: also time loadTrials, the line-by-line loader that names a broken line (slow).
 *
 * Prints one Markdown table of timings and peak memory on stdout; progress on stderr.
 * Every number in the generated trials comes from a seeded pseudo-random stream.
 */
import { join } from "node:path";
import pl from "nodejs-polars";
import { contextCurve } from "../lib/analysis/context_curve.ts";
import { loadTrials } from "../lib/analysis/load_trials.ts";
import { summariseRun } from "../lib/analysis/summarise_run.ts";
import { throughputByConcurrency } from "../lib/analysis/throughput_by_concurrency.ts";
import { contextHeatmapSpec } from "../lib/charts/context_heatmap_spec.ts";
import { costByTaskKindSpec } from "../lib/charts/cost_by_task_kind_spec.ts";
import { costVsQualitySpec } from "../lib/charts/cost_vs_quality_spec.ts";
import { e2eByModelDatasetSpec } from "../lib/charts/e2e_by_model_dataset_spec.ts";
import { e2eVsOutputSpec } from "../lib/charts/e2e_vs_output_spec.ts";
import { errorsByClassSpec } from "../lib/charts/errors_by_class_spec.ts";
import { outputSpeedDistributionSpec } from "../lib/charts/output_speed_distribution_spec.ts";
import { passRateByModelDatasetSpec } from "../lib/charts/pass_rate_by_model_dataset_spec.ts";
import { renderChart } from "../lib/charts/render_chart.ts";
import { throughputVsConcurrencySpec } from "../lib/charts/throughput_vs_concurrency_spec.ts";
import { ttftDistributionSpec } from "../lib/charts/ttft_distribution_spec.ts";
import { ttftVsInputSpec } from "../lib/charts/ttft_vs_input_spec.ts";
import { versionDeltasSpec } from "../lib/charts/version_deltas_spec.ts";
import { loadPriceTable } from "../lib/pricing/load_price_table.ts";
import { criterionValues } from "../lib/report/criterion_values.ts";
import { loadTrialsFast } from "../lib/report/load_trials_fast.ts";
import { CRITERION_METRICS, type CriterionMetric } from "../lib/report/scenarios.ts";
import { distributionQuantiles, trialPoints } from "../lib/report/trial_points.ts";

const MODEL_POOL = [
  "openai:gpt-4o", "openai:gpt-4o-mini", "anthropic:claude-sonnet-4-5", "anthropic:claude-haiku-4-5",
  "google:gemini-2.5-flash", "google:gemini-2.5-pro", "openai:gpt-4.1", "openai:gpt-4.1-mini",
];
const DATASETS = [["json-extraction", "json-extraction"], ["code-typescript", "code"], ["sql-sqlite", "sql"]];

const args = parseArgs(Deno.args);
if (args.generateOnly) {
  await generate(args.generateOnly, args.trials, MODEL_POOL.slice(0, args.models));
  Deno.exit(0);
}
const runDir = args.keep ?? await Deno.makeTempDir({ prefix: "bench-analysis-" });
await Deno.mkdir(runDir, { recursive: true });
log(`generating ${args.trials.toLocaleString("en-US")} trials over ${args.models} models in ${runDir}`);
// A child process writes the trials, so their garbage does not weigh on the timed steps.
const child = await new Deno.Command(Deno.execPath(), {
  args: ["run", "-A", "--config", new URL("../deno.json", import.meta.url).pathname, new URL(import.meta.url).pathname, "--trials", String(args.trials), "--models", String(args.models), "--generate-only", runDir],
  stdout: "inherit",
  stderr: "inherit",
}).output();
if (!child.success) throw new Error(`generating the synthetic trials failed with exit code ${child.code}`);
const jsonlBytes = (await Deno.stat(join(runDir, "trials.jsonl"))).size;
const peak = startRssSampler();
const prices = await loadPriceTable(new URL("../datasets/prices.csv", import.meta.url).pathname);

const timings: [string, number, string][] = [];
const time = async <T>(label: string, note: string, fn: () => Promise<T> | T): Promise<T> => {
  const start = performance.now();
  let value: T;
  try {
    value = await fn();
  } catch (error) {
    if (args.keep === undefined) await Deno.remove(runDir, { recursive: true });
    throw new Error(`bench step "${label}" failed: ${(error as Error).message}`, { cause: error });
  }
  timings.push([label, performance.now() - start, note]);
  log(`${label}: ${(performance.now() - start).toFixed(0)} ms`);
  return value;
};

if (args.lineLoader) {
  await time("load trials.jsonl (loadTrials, line by line)", "JS parser, names a broken line", async () => (await loadTrials(runDir)).height);
}
let cold: { trials: pl.DataFrame } | null = await time("load trials.jsonl (polars, first time)", "native NDJSON reader, explicit schema", () => loadTrialsFast(runDir));
const cacheFile = join(runDir, "trials.parquet");
await time("write trials.parquet (once)", "zstd", () => cold!.trials.writeParquet(cacheFile, { compression: "zstd" }));
cold = null;
const { trials, source } = await time("load trials.parquet (fast path)", "what a report rebuild reads", () => loadTrialsFast(runDir, { cacheFile }));
if (source !== "parquet-cache") throw new Error(`expected the parquet cache to be used, got ${source}`);

const summary = await time("summary metrics: summariseRun", "lib/analysis", () => summariseRun(trials, prices));
const prepared = await time("summary metrics: report", "95% intervals, distribution quantiles, chart samples", () => {
  const values = criterionValues({ summary, trials, imageGroups: null });
  for (const model of summary.models) {
    for (const metric of Object.keys(CRITERION_METRICS) as CriterionMetric[]) values(metric, {}, model);
  }
  return {
    summary,
    points: trialPoints(trials),
    ttft: distributionQuantiles(trials, "ttft_ms"),
    tps: distributionQuantiles(trials, "output_tps"),
  };
});

await time("context and throughput sections: analysis", "contextCurve, throughputByConcurrency per model", () => {
  // The report's throughput section passes these columns, one model at a time.
  const slim = trials.select("model", "status", "cached", "send_ms", "end_ms", "output_tokens", "ttft_ms", "e2e_ms");
  return {
    curves: contextCurve(trials),
    throughput: summary.models.flatMap((model) =>
      throughputByConcurrency([{ label: model, configured_concurrency: 16, trials: slim.filter(pl.col("model").eq(pl.lit(model))) }])
    ),
  };
});

const chartCount = await time("chart specs + SVG/PNG rendering", "12 charts", async () => {
  const { summary, points, ttft, tps } = prepared;
  const options = { models: summary.models };
  const specs = [
    ttftDistributionSpec(points, { ...options, stats: ttft }),
    outputSpeedDistributionSpec(points, { ...options, stats: tps }),
    e2eVsOutputSpec(points, options),
    ttftVsInputSpec(points, options),
    e2eByModelDatasetSpec(summary.byModelDataset, options),
    passRateByModelDatasetSpec(summary.byModelDataset, options),
    costVsQualitySpec(summary.byModel, options),
    costByTaskKindSpec(summary.byModelKind.map((g) => ({ model: g.model, task_kind: g.task_kind ?? "?", cost_per_1k_requests_usd: g.cost_per_1k_requests_usd })), options),
    errorsByClassSpec(summary.errors, options),
    throughputVsConcurrencySpec(summary.byModel.map((m) => ({ model: m.model, concurrency: 16, throughput_tps: m.output_tps_median, latency_p50_ms: m.e2e_p50_ms })), options),
    contextHeatmapSpec(summary.models.map((model) => ({ model, context_tokens: 8000, depth_pct: 50, passed: 1, n: 2, accuracy: 0.5 })), options),
    versionDeltasSpec([{ model: "a → b", metric: "TTFT p50 (ms)", delta: 1, low: -1, high: 3 }]),
  ];
  for (const spec of specs) {
    const start = performance.now();
    await renderChart(spec);
    const title = (spec as { title?: { text?: string } }).title?.text ?? "chart";
    log(`  ${title}: ${(performance.now() - start).toFixed(0)} ms`);
  }
  return specs.length;
});

const measured = timings.filter(([label]) => !label.includes("jsonl") && !label.includes("write")).reduce((s, [, ms]) => s + ms, 0);
const hwm = await vmHwmBytes();
console.log(`| Step | Time (ms) | Note |\n| --- | ---: | --- |`);
for (const [label, ms, note] of timings) console.log(`| ${label} | ${ms.toFixed(0)} | ${note} |`);
console.log(`| **load (Parquet) + metrics + charts** | **${measured.toFixed(0)}** | target < 5,000 |`);
console.log("");
console.log(`Trials: ${trials.height.toLocaleString("en-US")} over ${args.models} models; trials.jsonl ${(jsonlBytes / 2 ** 20).toFixed(0)} MiB; ${chartCount} charts.`);
console.log(`Peak memory: sampled RSS ${(peak.max() / 2 ** 20).toFixed(0)} MiB; VmHWM ${hwm === null ? "unknown" : `${(hwm / 2 ** 20).toFixed(0)} MiB`}.`);
peak.stop();
if (args.keep === undefined) await Deno.remove(runDir, { recursive: true });

async function generate(dir: string, count: number, models: string[]): Promise<void> {
  await Deno.mkdir(dir, { recursive: true });
  let state = 12345;
  const random = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
  const file = await Deno.open(join(dir, "trials.jsonl"), { create: true, write: true, truncate: true });
  const encoder = new TextEncoder();
  let batch: string[] = [];
  for (let i = 0; i < count; i++) {
    const model = models[i % models.length];
    const [dataset, kind] = DATASETS[Math.floor(i / models.length) % DATASETS.length];
    const ok = random() > 0.03;
    const send = i * 2;
    const ttft = 150 + random() * 900;
    const outputTokens = Math.round(40 + random() * 500);
    const e2e = ttft + outputTokens * (8 + random() * 8);
    const inputTokens = Math.round(300 + random() * 8000);
    const events = Array.from({ length: 12 }, (_, k) => ({ kind: "text-delta", t_ms: send + (e2e * k) / 11, chars: 20 }));
    Object.assign(events[0], { kind: "response-headers", chars: 0 });
    Object.assign(events[11], { kind: "end", chars: 0 });
    const record = {
      schema_version: 1, run_id: "bench", trial_id: `t${i}`, model, provider: model.split(":")[0], model_version: null,
      dataset, item_id: `${dataset}-${i % 300}`, task_kind: kind, repetition: Math.floor(i / 2400), attempt: 1,
      endpoint_kind: "emulated", started_at: "2026-11-01T10:00:00.000Z", scheduled_ms: send, send_ms: send,
      headers_ms: send + ttft * 0.5, end_ms: send + e2e, ttft_ms: ok ? ttft : null, ttft_answer_ms: ok ? ttft : null,
      ttlt_ms: ok ? e2e - 5 : null, e2e_ms: e2e, output_tps: ok ? (outputTokens - 1) / ((e2e - 5 - ttft) / 1000) : null,
      usage: ok ? { inputTokens, outputTokens, reasoningTokens: null, cachedInputTokens: 0, cacheWriteTokens: null } : null,
      usage_source: ok ? "server" : "missing", input_tokens: ok ? inputTokens : null, output_tokens: ok ? outputTokens : null,
      reasoning_tokens: null, cached_input_tokens: ok ? 0 : null, cache_write_tokens: null,
      cost_usd: ok ? (inputTokens * 2.5 + outputTokens * 10) / 1e6 : null, finish_reason: ok ? "stop" : null,
      output_text: ok ? `{"answer": ${i % 97}, "note": "${"x".repeat(Math.floor(random() * 120))}"}` : "", reasoning_chars: 0,
      events, status: ok ? "ok" : "error", error_class: ok ? null : "server", error_http_status: ok ? null : 500,
      error_provider_code: null, error_message: ok ? null : "internal error", error_request_id: null,
      grade: ok ? { pass: random() < 0.8, score: 1, reason: "compared with the reference" } : null,
    };
    batch.push(JSON.stringify(record));
    if (batch.length === 20_000 || i === count - 1) {
      await file.write(encoder.encode(batch.join("\n") + "\n"));
      batch = [];
    }
  }
  file.close();
}

function startRssSampler() {
  let max = Deno.memoryUsage().rss;
  const id = setInterval(() => (max = Math.max(max, Deno.memoryUsage().rss)), 25);
  return { max: () => Math.max(max, Deno.memoryUsage().rss), stop: () => clearInterval(id) };
}

async function vmHwmBytes(): Promise<number | null> {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(await Deno.readTextFile("/proc/self/status"));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

interface BenchArgs {
  trials: number;
  models: number;
  keep?: string;
  lineLoader?: boolean;
  /** Internal: only write the synthetic run into this folder. */
  generateOnly?: string;
}

function parseArgs(argv: string[]): BenchArgs {
  const out: BenchArgs = { trials: 1_000_000, models: 8 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--line-loader") {
      out.lineLoader = true;
      continue;
    }
    const value = argv[i + 1];
    if (argv[i] === "--trials") out.trials = Number(value);
    else if (argv[i] === "--models") out.models = Number(value);
    else if (argv[i] === "--keep") out.keep = value;
    else if (argv[i] === "--generate-only") out.generateOnly = value;
    else {
      console.error(`invalid argument ${argv[i]}. Usage: deno run -A scripts/bench_analysis.ts [--trials N] [--models M] [--keep DIR] [--line-loader]`);
      Deno.exit(2);
    }
    i++;
  }
  if (!Number.isInteger(out.trials) || out.trials < 1) throw new RangeError(`--trials must be a whole number ≥ 1, got ${out.trials}`);
  if (!Number.isInteger(out.models) || out.models < 1 || out.models > MODEL_POOL.length) {
    throw new RangeError(`--models must be 1–${MODEL_POOL.length}, got ${out.models}`);
  }
  return out;
}

function log(message: string): void {
  console.error(`[bench-analysis] ${message}`);
}
