import { join } from "node:path";
import { normalisePrompt } from "../emulator/normalise_prompt.ts";
import type { TrialPlan } from "./expand_trials.ts";
import type { TrialRecord } from "./record.ts";
import { type RecordedStream, STREAM_SCHEMA_VERSION } from "./recorded_stream.ts";
import type { AttemptOutcome } from "./run_attempt.ts";
import { TrialStore } from "./trial_store.ts";

/**
 * Writes a run's records as they finish: final attempts to `trials.jsonl`, retried attempts to
 * `attempts.jsonl`, and, when streams are recorded, every attempt's raw stream to
 * `streams.jsonl`. Each line is flushed before the call resolves.
 */
export class TrialRecorder {
  private constructor(
    private readonly trials: TrialStore,
    private readonly attempts: TrialStore,
    private readonly streams: TrialStore<RecordedStream> | null,
    private readonly maxOutputTokens: number,
  ) {}

  /** Opens the stores in `runDir`, keeping the complete records an earlier session wrote. */
  static async open(runDir: string, options: { recordStreams: boolean; maxOutputTokens: number }): Promise<TrialRecorder> {
    const trials = await TrialStore.open(join(runDir, "trials.jsonl"));
    const attempts = await TrialStore.open(join(runDir, "attempts.jsonl"));
    const streams = options.recordStreams ? await TrialStore.open<RecordedStream>(join(runDir, "streams.jsonl")) : null;
    return new TrialRecorder(trials, attempts, streams, options.maxOutputTokens);
  }

  /** Final records of earlier sessions of this run. */
  get existing(): TrialRecord[] {
    return this.trials.existing;
  }

  /** Appends a final attempt (or a cached trial, which has no outcome). */
  async recordTrial(plan: TrialPlan, record: TrialRecord, outcome: AttemptOutcome | null): Promise<void> {
    if (outcome !== null) await this.#recordStream(plan, record, outcome);
    await this.trials.append(record);
  }

  /** Appends an attempt that failed and will be retried. */
  async recordRetriedAttempt(plan: TrialPlan, record: TrialRecord, outcome: AttemptOutcome): Promise<void> {
    await this.#recordStream(plan, record, outcome);
    await this.attempts.append(record);
  }

  /** Closes every file. */
  close(): void {
    this.trials.close();
    this.attempts.close();
    this.streams?.close();
  }

  async #recordStream(plan: TrialPlan, record: TrialRecord, outcome: AttemptOutcome): Promise<void> {
    if (this.streams === null) return;
    const send = outcome.send_ms;
    const error = record.status === "error" && record.error_class !== null
      ? {
        class: record.error_class,
        http_status: record.error_http_status,
        provider_code: record.error_provider_code,
        message: record.error_message ?? "",
        retry_after_s: outcome.error?.retryAfterSeconds ?? null,
      }
      : null;
    await this.streams.append({
      schema_version: STREAM_SCHEMA_VERSION,
      run_id: record.run_id,
      trial_id: record.trial_id,
      attempt: record.attempt,
      model: record.model,
      provider: record.provider,
      dataset: record.dataset,
      item_id: record.item_id,
      repetition: record.repetition,
      phase: record.phase ?? 0,
      prompt_key: normalisePrompt({ format: "dataset", messages: plan.item.messages }).key,
      max_output_tokens: this.maxOutputTokens,
      headers_ms: outcome.headers_ms === null ? null : outcome.headers_ms - send,
      http_status: outcome.http_status,
      events: outcome.content.map((event) => ({
        t_ms: event.t_ms - send,
        kind: event.kind === "text-delta" ? "text" : "reasoning",
        text: event.text,
      })),
      end_ms: outcome.end_ms - send,
      usage: outcome.usage,
      usage_raw: outcome.usage_raw ?? null,
      finish_reason: outcome.finish_reason,
      model_version: outcome.model_version,
      error,
    });
  }
}
