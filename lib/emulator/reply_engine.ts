import { applyFault } from "./apply_fault.ts";
import { chooseAnswer } from "./choose_answer.ts";
import { chooseFault, type ForcedFault } from "./choose_fault.ts";
import { countTextTokens, IMAGE_INPUT_TOKENS } from "./count_tokens.ts";
import { ContextWindowError, EmulatorRequestError } from "./emulator_request_error.ts";
import { fillerText } from "./filler_text.ts";
import type { FaultKind } from "./fault_kinds.ts";
import type { DatasetIndex } from "./load_dataset_index.ts";
import type { NamedProfile, ProfileSet } from "./load_profiles.ts";
import type { ModelProfile } from "./model_profile.ts";
import type { NormalisedPrompt } from "./normalise_prompt.ts";
import { type SeededRandom, seededRandom } from "./seeded_random.ts";
import { cutToTokenLimit, splitIntoChunks, type TextChunk } from "./split_into_chunks.ts";

/** Wire protocol a request arrived on. */
export type RouteFormat = "openai" | "anthropic" | "gemini";

/** Output length of a reply to an unknown prompt when the request sets no limit. */
export const UNLIMITED_FILLER_TOKENS = 1000;

/** One generation request, already parsed from its provider's shape. */
export interface EmulatedCall {
  route: RouteFormat;
  model: string;
  prompt: NormalisedPrompt;
  /** The request's output limit (thinking included), or null when it sets none. */
  maxOutputTokens: number | null;
  /** Request field that carried the limit, named in errors. */
  maxOutputParam: string;
  thinking: {
    /** Whether the model may think for this request (it still needs `profile.thinking` > 0). */
    active: boolean;
    /** Whether the request asked for thinking explicitly, so a model without it is an error. */
    required: boolean;
    budgetTokens: number | null;
  };
  /** Fault named by the request's `x-emulator-fault` header, if any. */
  forcedFault?: ForcedFault;
  /** `retry-after` of a forced rate limit in ms, overriding the profile's. */
  retryAfterMs?: number | null;
}

/** A text chunk with its send time in milliseconds after the request arrived. */
export interface TimedChunk extends TextChunk {
  atMs: number;
}

/** Everything a route needs to send one reply, with every send time fixed in advance. */
export interface ReplyPlan {
  profileName: string;
  profile: ModelProfile;
  modelVersion: string;
  inputTextTokens: number;
  inputImageTokens: number;
  inputTokens: number;
  thinkingText: string;
  thinkingTokens: number;
  thinkingChunks: TimedChunk[];
  answerText: string;
  answerTokens: number;
  answerChunks: TimedChunk[];
  finish: "stop" | "length" | "content_filter";
  endAtMs: number;
  /** The matched dataset item, or null for an unknown prompt. */
  item: { uid: string; correct: boolean } | null;
  /** Injected fault that shapes the response, or null. */
  fault: FaultKind | null;
  /** When a stream fault strikes, after all output frames (a replayed recording); null cuts mid-stream. */
  faultAtMs?: number | null;
  /** Replace `EMIT_MARKER` in each frame with the µs since arrival at which the frame is sent (calibration). */
  stampEmitTimes?: boolean;
}

const ROUTE_PROVIDERS: Record<RouteFormat, readonly string[]> = {
  openai: ["openai", "openai-compatible"],
  anthropic: ["anthropic"],
  gemini: ["google"],
};
const INPUT_CACHE_LIMIT = 512;

/**
 * Plans replies: picks the profile, counts input tokens, draws the answer and the timing.
 * Draws for the k-th request of a (model, prompt) pair come from a hash of
 * (seed, model, item, k), so a batch gives the same outcomes on every run with the same
 * seed, whatever order concurrent requests arrive in.
 */
export class ReplyEngine {
  readonly #requestCounts = new Map<string, number>();
  readonly #inputCounts = new Map<string, { text: number; image: number }>();

  constructor(readonly profiles: ProfileSet, readonly datasets: DatasetIndex, readonly seed: number) {}

  /** Finds the profile for a model requested on a route. A model of another provider is not found. */
  resolveProfile(route: RouteFormat, model: string): NamedProfile {
    const named = this.profiles.find(model);
    if (named.name !== "default" && !ROUTE_PROVIDERS[route].includes(named.profile.provider)) {
      throw new EmulatorRequestError(
        "not_found",
        `The model ${model} is a ${named.profile.provider} model and is not served on the ${route} API path.`,
        { param: "model", code: "model_not_found" },
      );
    }
    return named;
  }

  /** Counts input tokens of a prompt (text by o200k, images at a fixed cost), cached by prompt key. */
  countInput(prompt: NormalisedPrompt): { text: number; image: number } {
    const cached = this.#inputCounts.get(prompt.key);
    if (cached) return cached;
    const counts = {
      text: prompt.texts.reduce((sum, text) => sum + countTextTokens(text), 0),
      image: prompt.images.length * IMAGE_INPUT_TOKENS,
    };
    if (this.#inputCounts.size >= INPUT_CACHE_LIMIT) this.#inputCounts.clear();
    this.#inputCounts.set(prompt.key, counts);
    return counts;
  }

  /** Validates a call against its model profile and plans the reply. */
  plan(call: EmulatedCall): ReplyPlan {
    const { name: profileName, profile } = this.resolveProfile(call.route, call.model);
    const model = call.model.replace(/^models\//, "");
    checkCall(call, profile, model);

    const input = this.countInput(call.prompt);
    const inputTokens = input.text + input.image;
    if (inputTokens > profile.context_window) throw new ContextWindowError(inputTokens, profile.context_window);

    const indexed = this.datasets.items.get(call.prompt.key) ?? null;
    const subject = indexed?.uid ?? `prompt:${call.prompt.key}`;
    const countKey = `${model}\u0000${subject}`;
    const k = (this.#requestCounts.get(countKey) ?? 0) + 1;
    this.#requestCounts.set(countKey, k);
    const random = (stream: string) => seededRandom(this.seed, model, subject, k, stream);
    const timing = random("timing");
    const textRandom = random("text");

    const limit = call.maxOutputTokens;
    const thinkingTarget = plannedThinking(call, profile, timing, limit);
    const thinking = cutToTokenLimit(fillerText(textRandom, thinkingTarget), thinkingTarget);
    const answerBudget = Math.max(0, (limit ?? profile.max_output_tokens) - thinking.tokens);

    let answer: { text: string; tokens: number; cut: boolean };
    let item: ReplyPlan["item"] = null;
    if (indexed) {
      const chosen = chooseAnswer(indexed.item, profile, random("answer"));
      answer = cutToTokenLimit(chosen.text, answerBudget);
      item = { uid: indexed.uid, correct: chosen.correct && !answer.cut };
    } else {
      const length = limit === null ? Math.min(UNLIMITED_FILLER_TOKENS, answerBudget) : answerBudget;
      answer = { ...cutToTokenLimit(fillerText(textRandom, length), length), cut: limit !== null };
    }

    const schedule = scheduleChunks(profile, inputTokens, timing, [
      splitIntoChunks(thinking.text, textRandom),
      splitIntoChunks(answer.text, textRandom),
    ]);
    const fault = chooseFault(call.forcedFault ?? null, profile.faults, random("fault"));
    const retryAfterMs = call.retryAfterMs ?? profile.faults?.retry_after_ms ?? 1000;
    return applyFault({
      profileName,
      profile,
      modelVersion: profile.model_version ?? model,
      inputTextTokens: input.text,
      inputImageTokens: input.image,
      inputTokens,
      thinkingText: thinking.text,
      thinkingTokens: thinking.tokens,
      thinkingChunks: schedule.chunks[0],
      answerText: answer.text,
      answerTokens: answer.tokens,
      answerChunks: schedule.chunks[1],
      finish: answer.cut ? "length" : "stop",
      endAtMs: schedule.endAtMs,
      item,
      fault: null,
    }, fault, retryAfterMs);
  }
}

function checkCall(call: EmulatedCall, profile: ModelProfile, model: string): void {
  const limit = call.maxOutputTokens;
  if (limit !== null && limit > profile.max_output_tokens) {
    throw new EmulatorRequestError(
      "invalid_request",
      `${call.maxOutputParam} is too large: ${limit}. The model ${model} allows at most ${profile.max_output_tokens} output tokens.`,
      { param: call.maxOutputParam, code: "invalid_value" },
    );
  }
  if (call.thinking.required && profile.thinking === 0) {
    throw new EmulatorRequestError("invalid_request", `The model ${model} does not support thinking.`, {
      param: "thinking",
    });
  }
  if (call.prompt.images.length > 0 && !profile.supports_images) {
    throw new EmulatorRequestError("invalid_request", `The model ${model} does not accept image input.`, {
      param: "messages",
      code: "image_input_not_supported",
    });
  }
}

function plannedThinking(call: EmulatedCall, profile: ModelProfile, timing: SeededRandom, limit: number | null) {
  const spread = Math.exp(profile.jitter * timing.normal());
  if (!call.thinking.active || profile.thinking === 0) return 0;
  let tokens = Math.max(1, Math.round(profile.thinking * spread));
  if (call.thinking.budgetTokens !== null) tokens = Math.min(tokens, call.thinking.budgetTokens);
  if (limit !== null) tokens = Math.min(tokens, limit);
  return tokens;
}

/**
 * Times the chunks of consecutive blocks (thinking, then answer). The first chunk goes out
 * at the time to first token, which grows with input length. Each later chunk follows
 * after its own tokens at the request's output speed, with per-chunk jitter.
 */
function scheduleChunks(
  profile: ModelProfile,
  inputTokens: number,
  timing: SeededRandom,
  blocks: TextChunk[][],
): { chunks: TimedChunk[][]; endAtMs: number } {
  const prefill = profile.ttft_ms + profile.ttft_ms_per_1k_input_tokens * (inputTokens / 1000);
  const ttft = prefill * Math.exp(profile.jitter * timing.normal());
  const msPerToken = 1000 / (profile.output_tokens_per_s * Math.exp(profile.jitter * timing.normal()));

  let cursor: number | null = null;
  const chunks = blocks.map((block) =>
    block.map((chunk) => {
      const gap = chunk.tokens * msPerToken * Math.exp(0.5 * profile.jitter * timing.normal());
      cursor = cursor === null ? ttft : cursor + gap;
      return { ...chunk, atMs: cursor };
    })
  );
  return { chunks, endAtMs: cursor ?? ttft };
}
