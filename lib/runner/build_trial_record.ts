import type { ProviderErrorInfo, Usage } from "../providers/types.ts";
import type { AttemptOutcome } from "./run_attempt.ts";
import type { TrialPlan } from "./expand_trials.ts";
import { type Grade, TRIAL_SCHEMA_VERSION, type TrialRecord } from "./record.ts";
import { CONTENT_FILTER_REASONS } from "./content_filter_reasons.ts";
import { estimateOutputTokens } from "./estimate_output_tokens.ts";

/** Context of one attempt that the outcome itself does not carry. */
export interface TrialContext {
  runId: string;
  provider: string;
  endpointKind: "real" | "emulated";
  attempt: number;
  scheduledMs: number;
  startedAt: Date;
  /** `send_ms` of the trial's first attempt; defaults to this attempt's send. */
  firstSendMs?: number;
  /** Time spent waiting between attempts so far. */
  retryWaitMs?: number;
  phase?: number;
  concurrency?: number;
  loadMode?: "closed" | "open";
  originUnixMs?: number;
  requestSha256?: string;
  /** Fill a missing output count with an o200k estimate (default true). */
  estimateMissingUsage?: boolean;
}

/**
 * Builds the trial record of one attempt and derives its latency metrics.
 *
 * An attempt with no error but no answer text is recorded as an `empty_output` error, and one
 * whose finish reason is a safety filter's as a `content_filter` error, so neither counts as
 * an answer or enters latency statistics. When the server sent no usage, `output_tokens` may
 * hold an o200k estimate of the joined output, flagged `usage_source: "estimated"`.
 */
export function buildTrialRecord(
  plan: TrialPlan,
  outcome: AttemptOutcome,
  context: TrialContext,
  grade: Grade | null,
  costUsd: number | null,
): TrialRecord {
  const send = outcome.send_ms;
  const firstSend = context.firstSendMs ?? send;
  const since = (t: number | null, from = send) => (t === null ? null : t - from);
  const usage = outcome.usage;
  const ttft = since(outcome.first_output_ms);
  const ttlt = since(outcome.last_output_ms);

  let usageSource: TrialRecord["usage_source"] = usage === null ? "missing" : "server";
  let outputTokens = usage?.outputTokens ?? null;
  if (usage === null && (context.estimateMissingUsage ?? true) && outcome.content.length > 0) {
    outputTokens = estimateOutputTokens([outcome.output_text, outcome.reasoning_text ?? ""]);
    usageSource = "estimated";
  }

  const error = outcome.error ?? outputError(outcome);
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
    output_tps: outputSpeed(streamedOutputTokens(outputTokens, usage, outcome.reasoning_chars), ttft, ttlt),

    usage,
    usage_source: usageSource,
    usage_raw: outcome.usage_raw ?? null,
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

    first_send_ms: firstSend,
    retry_wait_ms: context.retryWaitMs ?? 0,
    user_ttft_ms: since(outcome.first_output_ms, firstSend),
    user_e2e_ms: outcome.end_ms - firstSend,
    phase: context.phase ?? 0,
    concurrency: context.concurrency,
    load_mode: context.loadMode,
    origin_unix_ms: context.originUnixMs,
    request_sha256: context.requestSha256,
    cached: false,
  };
}

/** The error a finished stream still counts as: a safety filter's finish, or no answer text. */
function outputError(outcome: AttemptOutcome): ProviderErrorInfo | null {
  const base = { httpStatus: outcome.http_status, providerCode: outcome.finish_reason, requestId: null, retryAfterSeconds: null };
  if (outcome.finish_reason !== null && CONTENT_FILTER_REASONS.has(outcome.finish_reason)) {
    return { ...base, class: "content_filter", message: `a content filter stopped the output (finish reason ${outcome.finish_reason})` };
  }
  if (outcome.output_text.trim().length === 0) {
    return {
      ...base,
      providerCode: null,
      class: "empty_output",
      message: `the response carried no answer text (finish reason ${outcome.finish_reason ?? "none"})`,
    };
  }
  return null;
}

/**
 * Output tokens that were streamed between TTFT and TTLT. When a model thinks without
 * streaming its thoughts, the reasoning tokens were generated before TTFT, so counting them
 * would inflate the decode speed.
 */
function streamedOutputTokens(output: number | null, usage: Usage | null, reasoningChars: number): number | null {
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
