import { CONTENT_FILTER_REASONS } from "../runner/content_filter_reasons.ts";
import type { RecordedStream } from "../runner/recorded_stream.ts";
import { countTextTokens } from "./count_tokens.ts";
import { ContextWindowError, EmulatorRequestError } from "./emulator_request_error.ts";
import type { FaultKind } from "./fault_kinds.ts";
import { InjectedFaultError } from "./injected_fault_error.ts";
import type { DatasetIndex } from "./load_dataset_index.ts";
import type { ProfileSet } from "./load_profiles.ts";
import { type EmulatedCall, ReplyEngine, type ReplyPlan, type TimedChunk } from "./reply_engine.ts";

const LENGTH_REASONS = new Set(["length", "max_tokens", "MAX_TOKENS"]);

/**
 * Replays the streams a run recorded (`record_streams: true`) with their original timing.
 *
 * A request is matched by model name and normalised prompt. Recordings of the same pair
 * are handed out in the order the run made them (phase, repetition, attempt) and start
 * over when used up, so a replayed run with the same retry policy meets the same failures.
 * Output chunks go out at their recorded times after arrival; usage and finish reason are
 * the recorded ones. A recorded failure is replayed as the nearest injected fault: an HTTP
 * error at its recorded time, or a stream that breaks where the recording broke. Response
 * headers go out at arrival, so time to first byte is not replayed.
 */
export class ReplayEngine extends ReplyEngine {
  readonly #recordings = new Map<string, RecordedStream[]>();
  readonly #served = new Map<string, number>();

  constructor(profiles: ProfileSet, datasets: DatasetIndex, seed: number, recordings: readonly RecordedStream[], readonly source: string) {
    super(profiles, datasets, seed);
    for (const recording of recordings) {
      const key = keyOf(recording.model.slice(recording.model.indexOf(":") + 1), recording.prompt_key);
      this.#recordings.set(key, [...(this.#recordings.get(key) ?? []), recording]);
    }
    for (const list of this.#recordings.values()) {
      list.sort((a, b) => a.phase - b.phase || a.repetition - b.repetition || a.attempt - b.attempt);
    }
  }

  /** Number of recorded streams. */
  get recordingCount(): number {
    let count = 0;
    for (const list of this.#recordings.values()) count += list.length;
    return count;
  }

  override plan(call: EmulatedCall): ReplyPlan {
    const model = call.model.replace(/^models\//, "");
    const key = keyOf(model, call.prompt.key);
    const list = this.#recordings.get(key);
    if (list === undefined) {
      throw new EmulatorRequestError(
        "not_found",
        `No recorded stream for model ${model} with this prompt in ${this.source}. Replay serves only the requests the recorded run made.`,
        { param: "model", code: "model_not_found" },
      );
    }
    const served = this.#served.get(key) ?? 0;
    this.#served.set(key, served + 1);
    return planFromRecording(list[served % list.length], this.countInput(call.prompt), this.profiles);
  }
}

function keyOf(model: string, promptKey: string): string {
  return `${model}\u0000${promptKey}`;
}

function planFromRecording(recording: RecordedStream, input: { text: number; image: number }, profiles: ProfileSet): ReplyPlan {
  const chunksOf = (kind: "text" | "reasoning"): TimedChunk[] =>
    recording.events
      .filter((event) => event.kind === kind)
      .map((event) => ({ text: event.text, tokens: countTextTokens(event.text), atMs: Math.max(0, event.t_ms) }));
  const thinkingChunks = chunksOf("reasoning");
  const answerChunks = chunksOf("text");
  const sum = (chunks: TimedChunk[]) => chunks.reduce((total, chunk) => total + chunk.tokens, 0);
  const thinkingTokens = recording.usage?.reasoningTokens ?? sum(thinkingChunks);
  const outputTokens = recording.usage?.outputTokens ?? thinkingTokens + sum(answerChunks);
  const inputTokens = recording.usage?.inputTokens ?? input.text + input.image;
  const finishReason = recording.finish_reason ?? "";
  const { name, profile } = profiles.find(recording.model.slice(recording.model.indexOf(":") + 1));
  return {
    profileName: name,
    profile,
    modelVersion: recording.model_version ?? recording.model.slice(recording.model.indexOf(":") + 1),
    inputTextTokens: input.text,
    inputImageTokens: input.image,
    inputTokens,
    thinkingText: thinkingChunks.map((chunk) => chunk.text).join(""),
    thinkingTokens,
    thinkingChunks,
    answerText: answerChunks.map((chunk) => chunk.text).join(""),
    answerTokens: Math.max(0, outputTokens - thinkingTokens),
    answerChunks,
    finish: LENGTH_REASONS.has(finishReason) ? "length" : CONTENT_FILTER_REASONS.has(finishReason) ? "content_filter" : "stop",
    endAtMs: Math.max(0, recording.end_ms),
    item: null,
    fault: replayedFault(recording, inputTokens),
    faultAtMs: Math.max(0, recording.end_ms),
  };
}

/** Maps a recorded failure to the fault that reproduces it, throwing for HTTP errors. */
function replayedFault(recording: RecordedStream, inputTokens: number): FaultKind | null {
  const error = recording.error;
  if (error === null) return null;
  const at = Math.max(0, recording.headers_ms ?? recording.end_ms);
  const httpError = error.http_status !== null && error.http_status >= 400;
  switch (error.class) {
    case "rate_limited":
      throw new InjectedFaultError("rate_limit", (error.retry_after_s ?? 1) * 1000, at);
    case "overloaded":
      if (httpError) throw new InjectedFaultError("overloaded", 0, at);
      return "midstream_error";
    case "server":
      if (httpError) throw new InjectedFaultError(error.http_status === 503 ? "server_503" : "server_500", 0, at);
      return "midstream_error";
    case "auth":
      throw new EmulatorRequestError("authentication", error.message);
    case "context_length_exceeded":
      throw new ContextWindowError(inputTokens, Math.max(0, inputTokens - 1));
    case "bad_request":
    case "not_found":
      throw new EmulatorRequestError(error.class === "not_found" ? "not_found" : "invalid_request", error.message);
    case "network":
      return "drop";
    case "invalid_response":
      return "malformed_sse";
    case "timeout_first_token":
      return "stall";
    case "timeout_total":
    case "cancelled":
      return "stall_midstream";
    default:
      // empty_output and content_filter are complete streams: the recorded events and finish reason replay them.
      return null;
  }
}
