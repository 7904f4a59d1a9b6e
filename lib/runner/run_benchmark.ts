import { join } from "node:path";
import type { Spec } from "../spec/spec_schema.ts";
import type { Dataset } from "../datasets/schema.ts";
import { loadDataset } from "../datasets/load_dataset.ts";
import { scoreItem } from "../scoring/score_item.ts";
import { parseModelRef } from "../providers/parse_model_ref.ts";
import { resolveEndpoint } from "../providers/resolve_endpoint.ts";
import { createAdapter } from "../providers/create_adapter.ts";
import { type Clock, type Endpoint, monotonicClock, type ProviderAdapter } from "../providers/types.ts";
import { loadPriceTable } from "../pricing/load_price_table.ts";
import { findPrice } from "../pricing/find_price.ts";
import { costOf } from "../pricing/cost_of.ts";
import type { PriceRow, RunManifest } from "./manifest.ts";
import { RUN_SCHEMA_VERSION } from "./manifest.ts";
import { expandTrials, type TrialPlan } from "./expand_trials.ts";
import { runAttempt } from "./run_attempt.ts";
import { buildTrialRecord } from "./build_trial_record.ts";
import { RETRYABLE_CLASSES, retryDelay } from "./retry_delay.ts";
import { TrialStore } from "./trial_store.ts";
import type { TrialRecord } from "./record.ts";
import { startEmulatorProcess, type EmulatorProcess } from "./start_emulator_process.ts";
import { readSdkVersions } from "./sdk_versions.ts";
import { describeDatasets } from "./describe_datasets.ts";
import { estimateTrialCost } from "./estimate_trial_cost.ts";

const REPO_ROOT = new URL("../../", import.meta.url).pathname;

/** Progress of a run, reported after every finished trial. */
export interface RunProgress {
  total: number;
  done: number;
  failed: number;
  skipped: number;
  inFlight: number;
  elapsedMs: number;
}

/** Options of `runBenchmark`. */
export interface RunOptions {
  spec: Spec;
  specPath?: string | null;
  /** Folder holding one folder per run. Default: `reports/runs` in the repository. */
  runsDir?: string;
  /** Reusing the id of an earlier run resumes it, skipping its finished trials. */
  runId?: string;
  /** Environment to read API keys from. Default: `Deno.env.toObject()`. */
  env?: Record<string, string | undefined>;
  datasetsDir?: string;
  pricesPath?: string;
  clock?: Clock;
  /** Aborting stops the run: no new trials start and requests in flight are cancelled. */
  signal?: AbortSignal;
  onProgress?: (progress: RunProgress) => void;
  /** Notices for the user (emulator started, budget reached). Library code never prints. */
  onLog?: (message: string) => void;
}

/** Result of a run: where it was written and its final manifest. */
export interface RunResult {
  runDir: string;
  manifest: RunManifest;
  records: TrialRecord[];
}

/**
 * Runs a benchmark spec: every model × dataset item × repetition through the official SDKs,
 * one JSON line per finished trial in `<runsDir>/<runId>/trials.jsonl`, and `run.json`.
 *
 * Models without an API key in `env` run on the local emulator (started in its own
 * process) unless `spec.endpoint` says otherwise; each trial records which endpoint it used.
 * Provider failures become classified trials; earlier failed attempts go to `attempts.jsonl`.
 *
 * @example
 * const { runDir } = await runBenchmark({ spec: await loadSpec("specs/default.json") });
 */
export async function runBenchmark(options: RunOptions): Promise<RunResult> {
  const { spec } = options;
  const clock = options.clock ?? monotonicClock;
  const log = options.onLog ?? (() => {});
  const env = options.env ?? Deno.env.toObject();
  const runsDir = options.runsDir ?? join(REPO_ROOT, "reports", "runs");
  const datasetsDir = options.datasetsDir ?? join(REPO_ROOT, "datasets");
  const pricesPath = options.pricesPath ?? join(datasetsDir, "prices.csv");

  const datasets: Dataset[] = [];
  const itemLimits = new Map<string, number | null>();
  for (const entry of spec.datasets) {
    const dataset = await loadDataset(typeof entry === "string" ? entry : entry.name, { datasetsDir });
    datasets.push(dataset);
    if (typeof entry !== "string") itemLimits.set(dataset.name, entry.items);
  }
  const plans = expandTrials(spec.models, datasets, spec.repetitions, spec.items_per_dataset, itemLimits);
  const priceRows = await loadPriceTable(pricesPath);

  const runId = options.runId ?? makeRunId(spec.name);
  const runDir = join(runsDir, runId);
  await Deno.mkdir(runDir, { recursive: true });

  const providers = new Map(spec.models.map((ref) => [ref, parseModelRef(ref)]));
  const placeholder = "http://127.0.0.1:0";
  const needsEmulator = [...providers.values()].some((parsed) =>
    resolveEndpoint(parsed.provider, env, placeholder, spec.endpoint).kind === "emulated"
  );

  let emulator: EmulatorProcess | null = null;
  if (needsEmulator) {
    emulator = await startEmulatorProcess(spec.emulator.seed);
    log(`emulator started at ${emulator.url} (seed ${emulator.seed}): models without an API key run on it`);
  }

  const store = await TrialStore.open(join(runDir, "trials.jsonl"));
  const attemptsStore = await TrialStore.open(join(runDir, "attempts.jsonl"));
  try {
    const endpoints = new Map<string, Endpoint>();
    const adapters = new Map<string, ProviderAdapter>();
    for (const [ref, parsed] of providers) {
      const endpoint = resolveEndpoint(parsed.provider, env, emulator?.url ?? null, spec.endpoint);
      endpoints.set(ref, endpoint);
      adapters.set(ref, createAdapter(parsed.provider, endpoint, { clock }));
    }

    const finished = new Set(store.existing.map((record) => record.trial_id));
    const pending = plans.filter((plan) => !finished.has(plan.trial_id));
    if (finished.size > 0) log(`resuming run ${runId}: ${finished.size} trials already recorded, ${pending.length} to go`);

    const manifest = await writeStartManifest(runDir, runId, options, endpoints, emulator, datasets, pricesPath, priceRows, plans.length);
    const context: PoolContext = {
      spec,
      runId,
      clock,
      origin: clock(),
      adapters,
      endpoints,
      providers: new Map([...providers].map(([ref, parsed]) => [ref, parsed.provider])),
      priceRows,
      store,
      attemptsStore,
      signal: options.signal,
      log,
    };
    const outcome = await runPool(pending, context, plans.length, finished.size, options.onProgress);

    manifest.finished_at = new Date().toISOString();
    manifest.peak_in_flight = outcome.peakInFlight;
    manifest.status = outcome.stopReason === null ? "completed" : "interrupted";
    manifest.stop_reason = outcome.stopReason;
    await writeManifest(runDir, manifest);
    return { runDir, manifest, records: [...store.existing, ...outcome.records] };
  } finally {
    store.close();
    attemptsStore.close();
    await emulator?.stop();
  }
}

interface PoolContext {
  spec: Spec;
  runId: string;
  clock: Clock;
  origin: number;
  adapters: Map<string, ProviderAdapter>;
  endpoints: Map<string, Endpoint>;
  providers: Map<string, string>;
  priceRows: PriceRow[];
  store: TrialStore;
  attemptsStore: TrialStore;
  signal?: AbortSignal;
  log: (message: string) => void;
}

interface PoolOutcome {
  records: TrialRecord[];
  peakInFlight: number;
  stopReason: string | null;
}

/** Runs the pending trials with at most `spec.concurrency` requests in flight. */
async function runPool(
  pending: TrialPlan[],
  context: PoolContext,
  total: number,
  alreadyDone: number,
  onProgress?: (progress: RunProgress) => void,
): Promise<PoolOutcome> {
  const { spec } = context;
  const startedAt = context.clock();
  const records: TrialRecord[] = [];
  let next = 0;
  let inFlight = 0;
  let peakInFlight = 0;
  let failed = 0;
  let spentRealUsd = 0;
  let stopReason: string | null = null;

  const report = () =>
    onProgress?.({
      total,
      done: alreadyDone + records.length,
      failed,
      skipped: alreadyDone,
      inFlight,
      elapsedMs: context.clock() - startedAt,
    });

  const worker = async () => {
    while (next < pending.length && stopReason === null) {
      if (context.signal?.aborted) {
        stopReason = "cancelled by the user (Ctrl-C)";
        break;
      }
      const plan = pending[next];
      if (spec.budget_usd !== null && context.endpoints.get(plan.model)?.kind === "real") {
        const estimate = estimateTrialCost(plan, spec.max_output_tokens, context.priceRows) ?? 0;
        if (spentRealUsd + estimate > spec.budget_usd) {
          stopReason = `cost budget of $${spec.budget_usd} reached: $${spentRealUsd.toFixed(4)} spent, ` +
            `the next trial could cost up to $${estimate.toFixed(4)}`;
          context.log(stopReason);
          break;
        }
      }
      next++;
      inFlight++;
      peakInFlight = Math.max(peakInFlight, inFlight);
      const record = await runTrial(plan, context);
      inFlight--;
      if (record === null) continue; // Cancelled mid-flight: not recorded, a resumed run repeats it.
      await context.store.append(record);
      records.push(record);
      if (record.status === "error") failed++;
      if (record.endpoint_kind === "real") spentRealUsd += record.cost_usd ?? 0;
      report();
    }
  };

  const workers = Array.from({ length: Math.min(spec.concurrency, Math.max(pending.length, 1)) }, worker);
  await Promise.all(workers);
  if (stopReason === null && context.signal?.aborted) stopReason = "cancelled by the user (Ctrl-C)";
  return { records, peakInFlight, stopReason };
}

/** Runs one trial with the runner's retry policy. Returns null when the user cancelled it. */
async function runTrial(plan: TrialPlan, context: PoolContext): Promise<TrialRecord | null> {
  const { spec, clock, origin } = context;
  const adapter = context.adapters.get(plan.model)!;
  const endpoint = context.endpoints.get(plan.model)!;
  const provider = context.providers.get(plan.model)!;
  const modelName = plan.model.slice(plan.model.indexOf(":") + 1);
  const price = findPrice(context.priceRows, plan.model);
  const scheduledMs = clock() - origin;

  for (let attempt = 1;; attempt++) {
    const startedAt = new Date();
    const outcome = await runAttempt(
      adapter,
      {
        model: modelName,
        messages: plan.item.messages,
        maxOutputTokens: spec.max_output_tokens,
        temperature: spec.temperature,
      },
      {
        clock,
        origin,
        firstTokenTimeoutMs: spec.timeouts.first_token_ms,
        totalTimeoutMs: spec.timeouts.total_ms,
        signal: context.signal,
      },
    );
    if (outcome.error?.class === "cancelled" && context.signal?.aborted) return null;

    const cost = outcome.usage !== null && price !== null ? costOf(outcome.usage, price) : null;
    const trialContext = { runId: context.runId, provider, endpointKind: endpoint.kind, attempt, scheduledMs, startedAt };
    const errorClass = outcome.error?.class;
    if (errorClass !== undefined && RETRYABLE_CLASSES.has(errorClass) && attempt <= spec.retries.max_retries) {
      await context.attemptsStore.append(buildTrialRecord(plan, outcome, trialContext, null, cost));
      const delay = retryDelay(attempt, outcome.error!.retryAfterSeconds, spec.retries.base_delay_ms, spec.retries.max_delay_ms);
      context.log(`${plan.trial_id}: attempt ${attempt} failed (${errorClass}); retrying in ${Math.round(delay)} ms`);
      await sleep(delay, context.signal);
      if (context.signal?.aborted) return null;
      continue;
    }

    const grade = outcome.error === null ? await scoreItem(plan.item, outcome.output_text) : null;
    const record = buildTrialRecord(plan, outcome, trialContext, grade, cost);
    if (record.error_class === "empty_output") {
      record.grade = { pass: false, score: 0, reason: "no response", no_response: true };
    }
    return record;
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}

function makeRunId(name: string): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  const suffix = crypto.randomUUID().slice(0, 4);
  return `${name}-${stamp}-${suffix}`;
}

async function writeStartManifest(
  runDir: string,
  runId: string,
  options: RunOptions,
  endpoints: Map<string, Endpoint>,
  emulator: EmulatorProcess | null,
  datasets: Dataset[],
  pricesPath: string,
  priceRows: PriceRow[],
  trialsPlanned: number,
): Promise<RunManifest> {
  const kinds = [...endpoints.values()].map((endpoint) => endpoint.kind);
  const endpointKind = kinds.every((kind) => kind === "emulated")
    ? "emulated"
    : kinds.every((kind) => kind === "real")
    ? "real"
    : "mixed";
  const manifest: RunManifest = {
    schema_version: RUN_SCHEMA_VERSION,
    run_id: runId,
    spec_path: options.specPath ?? null,
    spec: options.spec as unknown as Record<string, unknown>,
    started_at: new Date().toISOString(),
    finished_at: null,
    status: "running",
    stop_reason: null,
    deno_version: Deno.version.deno,
    sdk_versions: await readSdkVersions(),
    endpoints: Object.fromEntries([...endpoints].map(([ref, endpoint]) => [ref, endpoint.kind])),
    endpoint_kind: endpointKind,
    emulator: emulator === null ? null : { url: emulator.url, seed: emulator.seed, profiles_file: emulator.profilesFile },
    datasets: await describeDatasets(datasets),
    price_table: { path: pricesPath, rows: priceRows },
    trials_planned: trialsPlanned,
    peak_in_flight: 0,
  };
  await writeManifest(runDir, manifest);
  return manifest;
}

async function writeManifest(runDir: string, manifest: RunManifest): Promise<void> {
  const path = join(runDir, "run.json");
  await Deno.writeTextFile(`${path}.tmp`, JSON.stringify(manifest, null, 2) + "\n");
  await Deno.rename(`${path}.tmp`, path);
}
