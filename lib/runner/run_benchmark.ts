import { dirname, join } from "node:path";
import type { Spec } from "../spec/spec_schema.ts";
import type { Dataset } from "../datasets/schema.ts";
import { loadDataset } from "../datasets/load_dataset.ts";
import { parseModelRef } from "../providers/parse_model_ref.ts";
import { resolveEndpoint } from "../providers/resolve_endpoint.ts";
import { createAdapter, defaultTransport } from "../providers/create_adapter.ts";
import type { TransportName } from "../providers/http_transport.ts";
import { type Clock, type Endpoint, monotonicClock, type ProviderAdapter, type ProviderName } from "../providers/types.ts";
import { loadPriceTable } from "../pricing/load_price_table.ts";
import type { PhaseInfo, RunManifest } from "./manifest.ts";
import { expandTrials } from "./expand_trials.ts";
import type { TrialRecord } from "./record.ts";
import { startEmulatorProcess, type EmulatorProcess } from "./start_emulator_process.ts";
import { estimateTrialCost } from "./estimate_trial_cost.ts";
import { estimateRunCost } from "./estimate_run_cost.ts";
import { type LoadPhase, planPhases } from "./plan_phases.ts";
import { arrivalSchedule } from "./arrival_schedule.ts";
import { CANCELLED_REASON, dispatchPool } from "./dispatch_pool.ts";
import {
  describeBusyHarness,
  harnessWasBusy,
  type HarnessLoadMonitor,
  mergeHarnessLoads,
  startHarnessLoadMonitor,
} from "./harness_load_monitor.ts";
import { runTrial, type TrialRunContext } from "./run_trial.ts";
import { readPreviousManifest } from "./read_previous_manifest.ts";
import { loadProfiles } from "../emulator/load_profiles.ts";
import { EndpointError } from "../providers/endpoint_error.ts";
import { TrialRecorder } from "./trial_recorder.ts";
import { CostBudget } from "./cost_budget.ts";
import { ResponseCache } from "./response_cache.ts";
import { startManifest, writeManifest } from "./write_manifest.ts";

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
  /** Notices for the user (emulator started, cost estimate, budget reached). Library code never prints. */
  onLog?: (message: string) => void;
}

/** Result of a run: where it was written and its final manifest. */
export interface RunResult {
  runDir: string;
  manifest: RunManifest;
  records: TrialRecord[];
}

/**
 * Runs a benchmark spec: every model × dataset item × repetition (once per sweep level)
 * through the official SDKs, one JSON line per finished trial in
 * `<runsDir>/<runId>/trials.jsonl`, and `run.json`.
 *
 * Models without an API key in `env` run on the local emulator (started in its own
 * process) unless `spec.endpoint` selects another endpoint. Each trial records which endpoint it used.
 * Provider failures become classified trials; earlier failed attempts go to `attempts.jsonl`.
 * Requests go out in a closed loop or at an open-loop arrival rate (`spec.load`).
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

  const runId = options.runId ?? makeRunId(spec.name);
  checkRunId(runId);
  const runDir = join(runsDir, runId);
  const previous = await readPreviousManifest(runDir, spec);

  const providers = new Map(spec.models.map((ref) => [ref, parseModelRef(ref)]));
  const placeholder = "http://127.0.0.1:0";
  checkRealEndpoints([...providers.values()].map((parsed) => parsed.provider), env, spec.endpoint);
  const needsEmulator = [...providers.values()].some((parsed) =>
    resolveEndpoint(parsed.provider, env, placeholder, spec.endpoint).kind === "emulated"
  );
  // The emulator indexes the datasets in its own process while this one loads them.
  const emulatorStart = !needsEmulator ? null : startEmulatorProcess(spec.emulator.seed, {
    profilesPath: spec.emulator.profiles,
    replayDir: spec.emulator.replay,
    // The emulator recognises the items of the datasets this run reads.
    datasetsDir,
  });
  // Awaited below; marked handled so a failed start is not reported while the datasets load.
  emulatorStart?.catch(() => {});

  let emulator: EmulatorProcess | null = null;
  let inputs: RunInputs;
  let recorder: TrialRecorder;
  try {
    inputs = await loadRunInputs(spec, datasetsDir, pricesPath);
    await Deno.mkdir(runDir, { recursive: true });
    emulator = await emulatorStart;
    if (emulator !== null) await warnAboutEmulator(emulator, providers, env, spec, log);
    recorder = await TrialRecorder.open(runDir, { recordStreams: spec.record_streams, maxOutputTokens: spec.max_output_tokens });
  } catch (error) {
    const started = emulator ?? await emulatorStart?.catch(() => null);
    await started?.stop();
    throw error;
  }
  const { datasets, phases, priceRows, cache } = inputs;
  const trialsPlanned = phases.reduce((sum, phase) => sum + phase.plans.length, 0);

  const adapters = new Map<string, ProviderAdapter>();
  let loadMonitor: HarnessLoadMonitor | null = null;
  try {
    const endpoints = new Map<string, Endpoint>();
    const transports: Record<string, TransportName> = {};
    for (const [ref, parsed] of providers) {
      const endpoint = resolveEndpoint(parsed.provider, env, emulator?.url ?? null, spec.endpoint);
      endpoints.set(ref, endpoint);
      transports[ref] = defaultTransport(endpoint);
      adapters.set(ref, createAdapter(parsed.provider, endpoint, { clock, transport: transports[ref] }));
    }

    const finished = new Set(recorder.existing.map((record) => record.trial_id));
    const pendingPhases = phases.map((phase) => ({ ...phase, plans: phase.plans.filter((plan) => !finished.has(plan.trial_id)) }));
    const pendingCount = pendingPhases.reduce((sum, phase) => sum + phase.plans.length, 0);
    if (finished.size > 0) log(`resuming run ${runId}: ${finished.size} trials already recorded, ${pendingCount} to go`);
    if (cache !== null) log(`rescoring: ${cache.size} responses of run ${cache.runId} are re-scored instead of requested again`);

    const estimate = estimateRunCost(pendingPhases.flatMap((phase) => phase.plans), spec.max_output_tokens, priceRows, endpoints);
    log(describeEstimate(estimate, spec.budget_usd, cache !== null));

    const manifest = await startManifest({
      runId,
      spec,
      specPath: options.specPath ?? null,
      endpoints,
      emulator,
      datasets,
      pricesPath,
      priceRows,
      trialsPlanned,
      estimatedMaxCostUsd: estimate.maxUsd,
    });
    // A resumed run continues the first session's timeline, so times of both sessions compare.
    const originUnixMs = previous?.origin_unix_ms ?? Date.now();
    const origin = clock() - (Date.now() - originUnixMs);
    manifest.origin_unix_ms = originUnixMs;
    manifest.transports = transports;
    if (previous !== null) {
      manifest.started_at = previous.started_at;
      manifest.resumed_at = [...(previous.resumed_at ?? []), new Date().toISOString()];
      manifest.phases = [...(previous.phases ?? [])];
      manifest.spent_real_usd = previous.spent_real_usd ?? 0;
    }
    await writeManifest(runDir, manifest);

    const budget = new CostBudget(spec.budget_usd);
    let stopReason: string | null = null;
    const context: TrialRunContext = {
      spec,
      runId,
      clock,
      origin,
      originUnixMs,
      adapters,
      endpoints,
      providers: new Map([...providers].map(([ref, parsed]) => [ref, parsed.provider])),
      priceRows,
      recorder,
      budget,
      cache,
      signal: options.signal,
      log,
      requestStop: (reason) => {
        if (stopReason === null) log(reason);
        stopReason ??= reason;
      },
      inFlight: { current: 0, peak: 0 },
      datasetDirs: new Map(datasets.map((dataset) => [dataset.name, dirname(dataset.path)])),
      judge: { env, emulatorUrl: emulator?.url ?? null, mode: spec.endpoint, priceRows, clock },
    };
    const sessionStart = clock();
    loadMonitor = startHarnessLoadMonitor();
    const progress = { total: trialsPlanned, done: finished.size, failed: 0, skipped: finished.size };
    const records: TrialRecord[] = [];

    for (const phase of pendingPhases) {
      if (stopReason !== null) break;
      if (phase.plans.length === 0) continue;
      context.inFlight.peak = 0;
      const info = await runPhase(phase, context, () => stopReason, (record) => {
        records.push(record);
        progress.done++;
        if (record.status === "error") progress.failed++;
        options.onProgress?.({ ...progress, inFlight: context.inFlight.current, elapsedMs: clock() - sessionStart });
      });
      manifest.phases!.push(info.phase);
      stopReason ??= info.stopReason;
    }

    const sessionLoad = loadMonitor.stop();
    manifest.harness_load = previous?.harness_load ? mergeHarnessLoads(previous.harness_load, sessionLoad) : sessionLoad;
    if (harnessWasBusy(manifest.harness_load)) {
      log(`warning: the benchmark process was busy (${describeBusyHarness(manifest.harness_load)}), so some latencies include its own queueing`);
    }
    manifest.finished_at = new Date().toISOString();
    manifest.peak_in_flight = Math.max(0, ...manifest.phases!.map((phase) => phase.peak_in_flight));
    manifest.spent_real_usd = (previous?.spent_real_usd ?? 0) + budget.spentUsd;
    manifest.status = stopReason === null ? "completed" : "interrupted";
    manifest.stop_reason = stopReason;
    await writeManifest(runDir, manifest);
    return { runDir, manifest, records: [...recorder.existing, ...records] };
  } finally {
    loadMonitor?.stop();
    recorder.close();
    for (const adapter of adapters.values()) adapter.close();
    await emulator?.stop();
  }
}

/** Inputs a run reads before its first request: datasets, trial plan, prices and the rescoring cache. */
interface RunInputs {
  datasets: Dataset[];
  phases: LoadPhase[];
  priceRows: Awaited<ReturnType<typeof loadPriceTable>>;
  cache: ResponseCache | null;
}

/** Loads the spec's datasets (with per-dataset item limits), plans its phases and reads the price table. */
async function loadRunInputs(spec: Spec, datasetsDir: string, pricesPath: string): Promise<RunInputs> {
  const datasets: Dataset[] = [];
  const itemLimits = new Map<string, number | null>();
  for (const entry of spec.datasets) {
    const dataset = await loadDataset(typeof entry === "string" ? entry : entry.name, { datasetsDir });
    datasets.push(dataset);
    if (typeof entry !== "string") itemLimits.set(dataset.name, entry.items);
  }
  const plans = expandTrials(spec.models, datasets, spec.repetitions, spec.items_per_dataset, itemLimits);
  return {
    datasets,
    phases: planPhases(plans, spec),
    priceRows: await loadPriceTable(pricesPath),
    cache: spec.rescore_from === null ? null : await ResponseCache.open(spec.rescore_from),
  };
}

/** Logs where the emulator runs and warns about emulated models that have no profile of their own. */
async function warnAboutEmulator(
  emulator: EmulatorProcess,
  providers: Map<string, ReturnType<typeof parseModelRef>>,
  env: Record<string, string | undefined>,
  spec: Spec,
  log: (message: string) => void,
): Promise<void> {
  const replaying = emulator.replay === null ? "" : `, replaying ${emulator.replay}`;
  log(`emulator started at ${emulator.url} (seed ${emulator.seed}${replaying}): models without an API key run on it`);
  const profiles = await loadProfiles(emulator.profilesFile);
  for (const [ref, parsed] of providers) {
    const emulated = resolveEndpoint(parsed.provider, env, emulator.url, spec.endpoint).kind === "emulated";
    // A real API rejects an unknown model with 404, but the emulator serves its default profile.
    if (emulated && parsed.provider !== "openai-compatible" && profiles.find(parsed.model).name === "default") {
      log(`warning: ${ref} has no emulator profile in ${emulator.profilesFile}, so it is emulated with the default profile; check the model name`);
    }
  }
}

/** Dispatches one phase's pending trials and describes what happened. */
async function runPhase(
  phase: LoadPhase,
  context: TrialRunContext,
  stopped: () => string | null,
  onRecord: (record: TrialRecord) => void,
): Promise<{ phase: PhaseInfo; stopReason: string | null }> {
  const { spec } = context;
  const arrivalsMs = phase.mode === "open"
    ? arrivalSchedule(phase.plans.length, { ratePerS: phase.ratePerS!, arrival: phase.arrival!, seed: spec.load.seed + phase.index })
    : null;
  const reservations = new Map<number, number>();
  const result = await dispatchPool(
    phase.plans.length,
    async (index, scheduledAt) => {
      const record = await runTrial(phase.plans[index], phase, scheduledAt, reservations.get(index) ?? 0, context);
      reservations.delete(index);
      if (record !== null) onRecord(record);
    },
    {
      maxInFlight: phase.concurrency,
      arrivalsMs,
      clock: context.clock,
      signal: context.signal,
      admit: (index) => {
        const reason = stopped();
        if (reason !== null) return reason;
        const plan = phase.plans[index];
        if (context.endpoints.get(plan.model)?.kind !== "real") return null;
        const usd = estimateTrialCost(plan, spec.max_output_tokens, context.priceRows) ?? 0;
        const refusal = context.budget.reserve(usd);
        if (refusal === null) reservations.set(index, usd);
        return refusal;
      },
    },
  );
  const stopReason = result.stopReason ?? (context.signal?.aborted ? CANCELLED_REASON : null);
  if (result.stopReason !== null && result.stopReason !== CANCELLED_REASON && stopped() === null) context.log(result.stopReason);
  return {
    stopReason,
    phase: {
      index: phase.index,
      mode: phase.mode,
      concurrency: phase.concurrency,
      rate_per_s: phase.ratePerS,
      arrival: phase.arrival,
      trials_planned: phase.plans.length,
      trials_run: result.started,
      started_ms: result.startedAt - context.origin,
      ended_ms: result.endedAt - context.origin,
      peak_in_flight: context.inFlight.peak,
    },
  };
}

function describeEstimate(
  estimate: ReturnType<typeof estimateRunCost>,
  budgetUsd: number | null,
  rescoring: boolean,
): string {
  if (estimate.realTrials === 0) return "cost estimate: every trial runs on the emulator, so the run costs nothing";
  const budget = budgetUsd === null ? "no budget set" : `budget $${budgetUsd}`;
  const cached = rescoring ? " (cached responses cost nothing, so the real cost is lower)" : "";
  const unpriced = estimate.unpricedModels.length === 0
    ? ""
    : `; no price for ${estimate.unpricedModels.join(", ")}, so their cost is neither estimated nor budgeted`;
  return `cost estimate: up to $${estimate.maxUsd.toFixed(4)} for ${estimate.realTrials} trials on real endpoints ` +
    `(every output at max_output_tokens, one attempt each)${cached}; ${budget}${unpriced}`;
}

/** In "real" mode, fails before any request with every missing API key named at once. */
function checkRealEndpoints(providerNames: ProviderName[], env: Record<string, string | undefined>, mode: Spec["endpoint"]): void {
  if (mode !== "real") return;
  const problems: string[] = [];
  for (const provider of new Set(providerNames)) {
    try {
      resolveEndpoint(provider, env, null, mode);
    } catch (error) {
      if (!(error instanceof EndpointError)) throw error;
      problems.push(error.message);
    }
  }
  if (problems.length > 0) throw new EndpointError(problems.join("\n"), providerNames.join(","));
}

/** Rejects run ids that would leave the runs folder or make odd folder names. */
function checkRunId(runId: string): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(runId) || runId.includes("..")) {
    throw new RangeError(
      `invalid run id ${JSON.stringify(runId)}: use letters, digits, ".", "_" and "-" only, starting with a letter or digit, without "..". Fix: pass an id such as my-run-1.`,
    );
  }
}

function makeRunId(name: string): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  const suffix = crypto.randomUUID().slice(0, 4);
  return `${name}-${stamp}-${suffix}`;
}
