import type { TrialPlan } from "./expand_trials.ts";
import { type Grade, TRIAL_SCHEMA_VERSION, type TrialRecord } from "./record.ts";

/** Context of a cached trial that the cached response does not carry. */
export interface CachedTrialContext {
  runId: string;
  /** Time the trial was due, ms on this run's clock. */
  nowMs: number;
  startedAt: Date;
  phase: number;
  concurrency: number;
  loadMode: "closed" | "open";
  originUnixMs: number;
  requestSha256: string;
}

/**
 * Builds the record of a trial whose response comes from an earlier run (rescore).
 *
 * Output, usage and finish reason are the cached response's; the grade comes from the
 * scorers of this run. No request was sent: the send and end times are this run's clock
 * reading, the event list is empty, and the duration fields (`ttft_ms`, `e2e_ms`, …) keep
 * the values measured live, flagged by `cached: true`, which analyses leave out of latency
 * statistics. `cost_usd` is the response's cost at this run's prices; the run's spending does
 * not include it.
 */
export function buildCachedRecord(
  plan: TrialPlan,
  source: TrialRecord,
  context: CachedTrialContext,
  grade: Grade | null,
  costUsd: number | null,
): TrialRecord {
  return {
    schema_version: TRIAL_SCHEMA_VERSION,
    run_id: context.runId,
    trial_id: plan.trial_id,
    model: plan.model,
    provider: source.provider,
    model_version: source.model_version,
    dataset: plan.dataset,
    item_id: plan.item.id,
    task_kind: plan.item.kind,
    repetition: plan.repetition,
    attempt: 1,
    endpoint_kind: source.endpoint_kind,
    started_at: context.startedAt.toISOString(),

    scheduled_ms: context.nowMs,
    send_ms: context.nowMs,
    headers_ms: null,
    end_ms: context.nowMs,

    ttft_ms: source.ttft_ms,
    ttft_answer_ms: source.ttft_answer_ms,
    ttlt_ms: source.ttlt_ms,
    e2e_ms: source.e2e_ms,
    output_tps: source.output_tps,

    usage: source.usage,
    usage_source: source.usage_source,
    usage_raw: source.usage_raw ?? null,
    input_tokens: source.input_tokens,
    output_tokens: source.output_tokens,
    reasoning_tokens: source.reasoning_tokens,
    cached_input_tokens: source.cached_input_tokens,
    cache_write_tokens: source.cache_write_tokens,
    cost_usd: costUsd,

    finish_reason: source.finish_reason,
    output_text: source.output_text,
    reasoning_chars: source.reasoning_chars,
    events: [],

    status: "ok",
    error_class: null,
    error_http_status: null,
    error_provider_code: null,
    error_message: null,
    error_request_id: null,

    grade,

    first_send_ms: context.nowMs,
    retry_wait_ms: 0,
    user_ttft_ms: source.user_ttft_ms ?? null,
    user_e2e_ms: source.user_e2e_ms ?? null,
    phase: context.phase,
    concurrency: context.concurrency,
    load_mode: context.loadMode,
    origin_unix_ms: context.originUnixMs,
    request_sha256: context.requestSha256,
    cached: true,
    // A response cached twice keeps the run of its live measurement.
    cached_from_run: source.cached ? source.cached_from_run ?? source.run_id : source.run_id,
  };
}
