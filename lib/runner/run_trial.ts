import type { Spec } from "../spec/spec_schema.ts";
import { scoreItem } from "../scoring/score_item.ts";
import { scoreError } from "../scoring/score_error.ts";
import type { JudgeOptions, ScoreOptions } from "../scoring/scorer.ts";
import type { Clock, Endpoint, ProviderAdapter } from "../providers/types.ts";
import { findPrice } from "../pricing/find_price.ts";
import { costOf } from "../pricing/cost_of.ts";
import type { PriceRow } from "./manifest.ts";
import type { TrialPlan } from "./expand_trials.ts";
import type { LoadPhase } from "./plan_phases.ts";
import type { TrialRecord } from "./record.ts";
import { runAttempt } from "./run_attempt.ts";
import { buildTrialRecord, type TrialContext } from "./build_trial_record.ts";
import { buildCachedRecord } from "./build_cached_record.ts";
import { RETRYABLE_CLASSES, retryDelay } from "./retry_delay.ts";
import { requestSha256 } from "./request_sha256.ts";
import type { TrialRecorder } from "./trial_recorder.ts";
import type { CostBudget } from "./cost_budget.ts";
import type { ResponseCache } from "./response_cache.ts";
import { estimateTrialCost } from "./estimate_trial_cost.ts";

/** Everything `runTrial` needs that stays the same for every trial of a run. */
export interface TrialRunContext {
  spec: Spec;
  runId: string;
  clock: Clock;
  /** Clock reading that is time 0 of this session. */
  origin: number;
  originUnixMs: number;
  adapters: Map<string, ProviderAdapter>;
  endpoints: Map<string, Endpoint>;
  providers: Map<string, string>;
  priceRows: PriceRow[];
  recorder: TrialRecorder;
  budget: CostBudget;
  cache: ResponseCache | null;
  signal?: AbortSignal;
  log: (message: string) => void;
  /** Stops the run from dispatching more trials, with the reason. */
  requestStop: (reason: string) => void;
  /** Requests in flight now and the maximum seen at once. A trial waiting to retry has none in flight. */
  inFlight: { current: number; peak: number };
  /** Folder of each dataset by name, where scorers find its `sql/` databases. */
  datasetDirs?: Map<string, string>;
  /** Endpoint settings for items graded by an LLM judge. */
  judge?: JudgeOptions;
}

/**
 * Runs one trial with the runner's retry policy and records every attempt: retried ones to
 * `attempts.jsonl`, the final one to `trials.jsonl`. A trial found in the rescore cache takes
 * its response from there without a request. Returns the final record, or null when the user
 * cancelled the trial (it is not recorded, so a resumed run repeats it).
 *
 * `reservedUsd` is the worst-case cost the dispatcher reserved for the first attempt on a
 * real endpoint (0 otherwise); later attempts reserve their own before they start.
 */
export async function runTrial(
  plan: TrialPlan,
  phase: LoadPhase,
  scheduledAt: number,
  reservedUsd: number,
  context: TrialRunContext,
): Promise<TrialRecord | null> {
  const { spec, clock, origin } = context;
  const endpoint = context.endpoints.get(plan.model)!;
  const price = findPrice(context.priceRows, plan.model);
  const scheduledMs = scheduledAt - origin;
  const sha = requestSha256(plan.model, plan.item.messages, spec.max_output_tokens, spec.temperature);
  const shared = {
    phase: phase.index,
    concurrency: phase.concurrency,
    loadMode: phase.mode,
    originUnixMs: context.originUnixMs,
    requestSha256: sha,
  };

  const cached = context.cache?.take(sha, plan.repetition) ?? null;
  if (cached !== null) {
    const grade = await scoreItem(plan.item, cached.output_text, scoreOptions(plan, context));
    const cost = cached.usage !== null && price !== null ? costOf(cached.usage, price) : null;
    const record = buildCachedRecord(plan, cached, { ...shared, runId: context.runId, nowMs: scheduledMs, startedAt: new Date() }, grade, cost);
    await context.recorder.recordTrial(plan, record, null);
    context.budget.settle(reservedUsd, 0);
    return record;
  }

  let firstSendMs: number | null = null;
  let retryWaitMs = 0;
  let reserved = reservedUsd;
  for (let attempt = 1;; attempt++) {
    const startedAt = new Date();
    context.inFlight.current++;
    context.inFlight.peak = Math.max(context.inFlight.peak, context.inFlight.current);
    const outcome = await runAttempt(
      context.adapters.get(plan.model)!,
      {
        model: plan.model.slice(plan.model.indexOf(":") + 1),
        messages: plan.item.messages,
        maxOutputTokens: spec.max_output_tokens,
        temperature: spec.temperature,
      },
      {
        clock,
        origin,
        firstTokenTimeoutMs: spec.timeouts.first_token_ms,
        totalTimeoutMs: spec.timeouts.total_ms,
        idleTimeoutMs: spec.timeouts.idle_ms,
        signal: context.signal,
      },
    );
    context.inFlight.current--;
    const cost = outcome.usage !== null && price !== null ? costOf(outcome.usage, price) : null;
    context.budget.settle(reserved, endpoint.kind === "real" ? cost : 0);
    reserved = 0;
    if (outcome.error?.class === "cancelled" && context.signal?.aborted) return null;

    firstSendMs ??= outcome.send_ms;
    const trialContext: TrialContext = {
      ...shared,
      runId: context.runId,
      provider: context.providers.get(plan.model)!,
      endpointKind: endpoint.kind,
      attempt,
      scheduledMs,
      startedAt,
      firstSendMs,
      retryWaitMs,
      estimateMissingUsage: spec.estimate_missing_usage,
    };
    const errorClass = outcome.error?.class;
    if (errorClass !== undefined && RETRYABLE_CLASSES.has(errorClass) && attempt <= spec.retries.max_retries) {
      const refusal = endpoint.kind === "real" ? reserveRetry(plan, context) : { reason: null, usd: 0 };
      if (refusal.reason === null) {
        reserved = refusal.usd;
        await context.recorder.recordRetriedAttempt(plan, buildTrialRecord(plan, outcome, trialContext, null, cost), outcome);
        const delay = retryDelay(attempt, outcome.error!.retryAfterSeconds, spec.retries.base_delay_ms, spec.retries.max_delay_ms);
        context.log(`${plan.trial_id}: attempt ${attempt} failed (${errorClass}); retrying in ${Math.round(delay)} ms`);
        const before = clock();
        await sleep(delay, context.signal);
        retryWaitMs += clock() - before;
        if (context.signal?.aborted) {
          context.budget.settle(reserved, 0);
          return null;
        }
        continue;
      }
      context.log(`${plan.trial_id}: attempt ${attempt} failed (${errorClass}) and is not retried: ${refusal.reason}`);
      context.requestStop(refusal.reason);
    }

    const record = buildTrialRecord(plan, outcome, trialContext, null, cost);
    if (record.status === "ok") {
      record.grade = await scoreItem(plan.item, outcome.output_text, scoreOptions(plan, context));
    } else if (record.error_class === "empty_output") {
      record.grade = { pass: false, score: 0, reason: "no response", no_response: true };
    } else {
      // An item that expects this error (a prompt over the context window, say) passes on it.
      record.grade = scoreError(plan.item, { class: record.error_class!, message: record.error_message ?? "" });
    }
    await context.recorder.recordTrial(plan, record, outcome);
    return record;
  }
}

function scoreOptions(plan: TrialPlan, context: TrialRunContext): ScoreOptions {
  return { datasetsDir: context.datasetDirs?.get(plan.dataset), signal: context.signal, judge: context.judge };
}

function reserveRetry(plan: TrialPlan, context: TrialRunContext): { reason: string | null; usd: number } {
  const usd = estimateTrialCost(plan, context.spec.max_output_tokens, context.priceRows) ?? 0;
  return { reason: context.budget.reserve(usd), usd };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}
