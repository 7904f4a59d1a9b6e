/** Test helpers: run a scripted SSE body through the real SDK, adapter, runAttempt and record builder. */
import { createAdapter } from "../../lib/providers/create_adapter.ts";
import { resolveEndpoint } from "../../lib/providers/resolve_endpoint.ts";
import type { ProviderName } from "../../lib/providers/types.ts";
import { runAttempt } from "../../lib/runner/run_attempt.ts";
import { buildTrialRecord } from "../../lib/runner/build_trial_record.ts";
import type { TrialPlan } from "../../lib/runner/expand_trials.ts";
import type { TrialRecord } from "../../lib/runner/record.ts";
import { type ReplayPiece, startReplayServer } from "../providers/replay_server.ts";

const encoder = new TextEncoder();

/** One write of a scripted body at `atMs` after the request arrived. */
export interface TimedWrite {
  atMs: number;
  text: string;
}

/** Model names the fixtures use per provider. */
export const MODELS: Record<"openai" | "openai-compatible" | "anthropic" | "google", string> = {
  "openai": "gpt-4o",
  "openai-compatible": "local-model",
  "anthropic": "claude-sonnet-4-5",
  "google": "gemini-2.5-flash",
};

/** Builds a trial plan for an item whose reference is "Paris". */
export function planFor(provider: ProviderName): TrialPlan {
  return {
    trial_id: `${provider}:${MODELS[provider]}/geo/capital/1`,
    model: `${provider}:${MODELS[provider]}`,
    dataset: "geo",
    item: { id: "capital", kind: "qa", messages: [{ role: "user", content: "Capital of France?" }], reference: "Paris", scorer: { name: "exact", expected: "Paris" }, tags: [] },
    repetition: 1,
  } as TrialPlan;
}

/** Turns absolute write times into the replay server's delays between writes. */
export function piecesAt(writes: TimedWrite[]): ReplayPiece[] {
  let previous = 0;
  return writes.map((write) => {
    const piece = { bytes: encoder.encode(write.text), delayMs: Math.max(0, write.atMs - previous) };
    previous = write.atMs;
    return piece;
  });
}

/** Runs one streamed request against a server that writes `writes` and returns its trial record. */
export async function measureStream(
  provider: ProviderName,
  writes: TimedWrite[],
  options: { estimateMissingUsage?: boolean; status?: number; headers?: Record<string, string> } = {},
): Promise<TrialRecord> {
  const server = startReplayServer({ status: options.status, headers: options.headers, body: piecesAt(writes) });
  try {
    const clock = () => performance.now();
    const adapter = createAdapter(provider, resolveEndpoint(provider, {}, server.url, "emulator"), { clock });
    const origin = clock();
    const outcome = await runAttempt(
      adapter,
      { model: MODELS[provider], messages: planFor(provider).item.messages, maxOutputTokens: 64 },
      { clock, origin, firstTokenTimeoutMs: 5000, totalTimeoutMs: 10_000 },
    );
    const context = {
      runId: "measure",
      provider,
      endpointKind: "emulated" as const,
      attempt: 1,
      scheduledMs: outcome.send_ms,
      startedAt: new Date(),
      estimateMissingUsage: options.estimateMissingUsage,
    };
    return buildTrialRecord(planFor(provider), outcome, context, null, null);
  } finally {
    await server.close();
  }
}

/** SSE text of an OpenAI chat completion chunk with the given choices and optional usage. */
export function openaiChunk(choices: unknown[], usage?: unknown): string {
  const chunk: Record<string, unknown> = { id: "chatcmpl-m1", object: "chat.completion.chunk", created: 1, model: "gpt-4o-2024-08-06", choices };
  if (usage !== undefined) chunk.usage = usage;
  return `data: ${JSON.stringify(chunk)}\n\n`;
}

/** SSE text of an OpenAI delta chunk. */
export function openaiDelta(delta: Record<string, unknown>, finishReason: string | null = null): string {
  return openaiChunk([{ index: 0, delta, finish_reason: finishReason }]);
}

/** SSE text of one Anthropic event. */
export function anthropicEvent(data: Record<string, unknown>): string {
  return `event: ${data.type}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** Builds the opening `message_start` of an Anthropic stream. */
export function anthropicStart(inputTokens: number, outputTokens = 1): string {
  return anthropicEvent({
    type: "message_start",
    message: {
      id: "msg_m1",
      type: "message",
      role: "assistant",
      model: "claude-sonnet-4-5-20250929",
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: inputTokens, output_tokens: outputTokens },
    },
  });
}

/** Builds the closing events of an Anthropic stream with its final output count. */
export function anthropicEnd(outputTokens: number | null, stopReason = "end_turn"): string {
  const delta: Record<string, unknown> = { type: "message_delta", delta: { stop_reason: stopReason, stop_sequence: null } };
  if (outputTokens !== null) delta.usage = { output_tokens: outputTokens };
  return anthropicEvent(delta) + anthropicEvent({ type: "message_stop" });
}

/** Builds an Anthropic text or thinking delta at block `index`. */
export function anthropicDelta(index: number, text: string, kind: "text" | "thinking" = "text"): string {
  const delta = kind === "text" ? { type: "text_delta", text } : { type: "thinking_delta", thinking: text };
  return anthropicEvent({ type: "content_block_delta", index, delta });
}

/** SSE text of one Gemini chunk (CRLF framing, as the API sends it). */
export function geminiChunk(parts: unknown[] | null, options: { finish?: string; usage?: Record<string, number> } = {}): string {
  const candidate: Record<string, unknown> = { index: 0 };
  if (parts !== null) candidate.content = { parts, role: "model" };
  if (options.finish) candidate.finishReason = options.finish;
  const chunk: Record<string, unknown> = { candidates: [candidate], modelVersion: "gemini-2.5-flash", responseId: "r1" };
  if (options.usage) chunk.usageMetadata = options.usage;
  return `data: ${JSON.stringify(chunk)}\r\n\r\n`;
}

/** Asserts that `value` lies in [low, high], naming the quantity. */
export function assertBetween(value: number | null | undefined, low: number, high: number, what: string): void {
  if (value === null || value === undefined || !(value >= low && value <= high)) {
    throw new Error(`${what} is ${value}, expected between ${low} and ${high}`);
  }
}
