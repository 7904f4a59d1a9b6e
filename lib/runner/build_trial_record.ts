import type { Usage } from "../providers/types.ts";
import type { AttemptOutcome } from "./run_attempt.ts";
import type { TrialPlan } from "./expand_trials.ts";
import { type Grade, TRIAL_SCHEMA_VERSION, type TrialRecord } from "./record.ts";

/** Context of one attempt that the outcome itself does not carry. */
export interface TrialContext {
  runId: string;
  provider: string;
  endpointKind: "real" | "emulated";
  attempt: number;
  scheduledMs: number;
  startedAt: Date;
}

/**
 * Builds the trial record of one attempt and derives its latency metrics.
 *
 * An attempt with no error but no answer text is recorded as an `empty_output` error, so
 * it never counts as an answer and never enters latency statistics.
 */
export function buildTrialRecord(
  plan: TrialPlan,
  outcome: AttemptOutcome,
  context: TrialContext,
  grade: Grade | null,
  costUsd: number | null,
): TrialRecord {
  const send = outcome.send_ms;
  const since = (t: number | null) => (t === null ? null : t - send);
  const usage = outcome.usage;
  const outputTokens = usage?.outputTokens ?? null;
  const ttft = since(outcome.first_output_ms);
  const ttlt = since(outcome.last_output_ms);

  let error = outcome.error;
  if (error === null && outcome.output_text.trim().length === 0) {
    error = {
      class: "empty_output",
      httpStatus: null,
      providerCode: null,
      message: `the response carried no answer text (finish reason ${outcome.finish_reason ?? "none"})`,
      requestId: null,
      retryAfterSeconds: null,
    };
  }

  return {
    schema_version: TRIAL_SCHEMA_VERSION,
    run_id: context.runId,
    trial_id: plan.trial_id,
    model: plan.model,
    provider: context.provider,
    model_version: outcome.model_version,
    dataset: plan.dataset,
    item_id: plan.item.id,
    task_kind: plan.item.kind,
    repetition: plan.repetition,
    attempt: context.attempt,
    endpoint_kind: context.endpointKind,
    started_at: context.startedAt.toISOString(),

    scheduled_ms: context.scheduledMs,
    send_ms: send,
    headers_ms: outcome.headers_ms,
    end_ms: outcome.end_ms,

    ttft_ms: ttft,
    ttft_answer_ms: since(outcome.first_answer_ms),
    ttlt_ms: ttlt,
    e2e_ms: outcome.end_ms - send,
    output_tps: outputSpeed(streamedOutputTokens(usage, outcome.reasoning_chars), ttft, ttlt),

    usage,
    usage_source: usage === null ? "missing" : "server",
    input_tokens: usage?.inputTokens ?? null,
    output_tokens: outputTokens,
    reasoning_tokens: usage?.reasoningTokens ?? null,
    cached_input_tokens: usage?.cachedInputTokens ?? null,
    cache_write_tokens: usage?.cacheWriteTokens ?? null,
    cost_usd: costUsd,

    finish_reason: outcome.finish_reason,
    output_text: outcome.output_text,
    reasoning_chars: outcome.reasoning_chars,
    events: outcome.events,

    status: error === null ? "ok" : "error",
    error_class: error?.class ?? null,
    error_http_status: error?.httpStatus ?? null,
    error_provider_code: error?.providerCode ?? null,
    error_message: error?.message ?? null,
    error_request_id: error?.requestId ?? null,

    grade,
  };
}

/**
 * Output tokens that were streamed between TTFT and TTLT. When a model thinks without
 * streaming its thoughts, the reasoning tokens were generated before TTFT, so counting them
 * would inflate the decode speed.
 */
function streamedOutputTokens(usage: Usage | null, reasoningChars: number): number | null {
  const output = usage?.outputTokens ?? null;
  if (output === null) return null;
  const reasoning = usage?.reasoningTokens ?? 0;
  return reasoningChars === 0 && reasoning > 0 ? Math.max(0, output - reasoning) : output;
}

/** Decode speed: (output tokens − 1) / (TTLT − TTFT), in tokens per second. */
function outputSpeed(outputTokens: number | null, ttft: number | null, ttlt: number | null): number | null {
  if (outputTokens === null || ttft === null || ttlt === null) return null;
  if (outputTokens <= 1 || ttlt <= ttft) return null;
  return (outputTokens - 1) / ((ttlt - ttft) / 1000);
}
