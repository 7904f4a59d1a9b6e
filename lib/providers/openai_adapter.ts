import OpenAI from "openai";
import type { Clock, Endpoint, Message, ProviderAdapter, ProviderRequest, StreamEvent, Usage } from "./types.ts";
import { checkRequest } from "./check_request.ts";
import { type ChunkReader, driveStream } from "./drive_stream.ts";
import { InvalidStreamError } from "./invalid_stream_error.ts";
import { createTimedFetch } from "./timed_fetch.ts";
import type { HttpTransport } from "./http_transport.ts";

type ChatChunk = OpenAI.Chat.Completions.ChatCompletionChunk;
type ChatMessage = OpenAI.Chat.Completions.ChatCompletionMessageParam;
type ChatParams = OpenAI.Chat.Completions.ChatCompletionCreateParamsStreaming;

/** Settings of an `OpenAIAdapter`. */
export interface OpenAIAdapterOptions {
  /** `openai-compatible` sends `max_tokens`, which servers such as vLLM, llama.cpp and Ollama accept. */
  provider: "openai" | "openai-compatible";
  endpoint: Endpoint;
  clock: Clock;
  /** Carries the SDK's requests; the adapter closes its idle connections on `close()`. */
  transport: HttpTransport;
}

/**
 * Adapter for the OpenAI Chat Completions API and OpenAI-compatible servers, on the
 * official `openai` SDK with automatic retries off.
 */
export class OpenAIAdapter implements ProviderAdapter {
  readonly provider: "openai" | "openai-compatible";
  readonly #endpoint: Endpoint;
  readonly #clock: Clock;
  readonly #transport: HttpTransport;

  constructor(options: OpenAIAdapterOptions) {
    this.provider = options.provider;
    this.#endpoint = options.endpoint;
    this.#clock = options.clock;
    this.#transport = options.transport;
  }

  /** Close idle keep-alive connections; the adapter stays usable. */
  close(): void {
    this.#transport.close();
  }

  /** Send `request` as a streaming chat completion and yield its events. A failure becomes the final `error` event, never a throw. */
  stream(request: ProviderRequest): AsyncIterable<StreamEvent> {
    const timedFetch = createTimedFetch(this.#clock, this.#transport);
    const endpoint = this.#endpoint;
    const provider = this.provider;

    return driveStream<ChatChunk>({
      clock: this.#clock,
      signal: request?.signal,
      secrets: endpoint.kind === "real" ? [endpoint.apiKey] : [],
      timedFetch,
      reader: new ChatChunkReader(provider),
      open: async () => {
        checkRequest(request);
        // One client per request, so the fetch wrapper records only this request's response.
        // Clients share the adapter's transport, so keep-alive connections are reused.
        const client = new OpenAI({
          apiKey: endpoint.apiKey,
          baseURL: endpoint.baseURL,
          maxRetries: 0,
          // Library code never prints: a malformed stream still fails the request as an error event.
          logLevel: "off",
          fetch: timedFetch.fetch,
          organization: null,
          project: null,
        });
        return await client.chat.completions.create(buildParams(provider, request), { signal: request.signal });
      },
    });
  }
}

function buildParams(provider: OpenAIAdapter["provider"], request: ProviderRequest): ChatParams {
  const params: ChatParams = {
    model: request.model,
    messages: request.messages.map(toChatMessage),
    stream: true,
    stream_options: { include_usage: true },
  };
  if (provider === "openai") params.max_completion_tokens = request.maxOutputTokens;
  else params.max_tokens = request.maxOutputTokens;
  if (request.temperature !== undefined) params.temperature = request.temperature;
  return params;
}

function toChatMessage(message: Message): ChatMessage {
  if (typeof message.content === "string") {
    return { role: message.role, content: message.content } as ChatMessage;
  }
  if (message.role !== "user") {
    // System and assistant messages take text only, and `checkRequest` has rejected images there.
    const text = message.content.map((part) => part.type === "text" ? part.text : "").join("");
    return { role: message.role, content: text };
  }
  return {
    role: "user",
    content: message.content.map((part) =>
      part.type === "text"
        ? { type: "text" as const, text: part.text }
        : { type: "image_url" as const, image_url: { url: `data:${part.media_type};base64,${part.data}` } }
    ),
  };
}

/** Delta fields that OpenAI-compatible reasoning servers add. The `openai` SDK types lack them. */
interface ReasoningDelta {
  reasoning_content?: unknown;
  reasoning?: unknown;
}

class ChatChunkReader implements ChunkReader<ChatChunk> {
  #provider: string;
  #finishReason: string | null = null;
  #modelVersion: string | null = null;
  #usage: { value: OpenAI.CompletionUsage; t: number } | null = null;

  constructor(provider: string) {
    this.#provider = provider;
  }

  read(chunk: ChatChunk, t: number): StreamEvent[] {
    if (typeof chunk?.model === "string" && chunk.model !== "") this.#modelVersion = chunk.model;
    // OpenAI sends usage in a last chunk with `choices: []`. Some servers send it on every chunk, so keep the latest.
    if (chunk?.usage) this.#usage = { value: chunk.usage, t };

    const choice = Array.isArray(chunk?.choices) ? chunk.choices.find((item) => (item.index ?? 0) === 0) : undefined;
    if (!choice) return [];
    if (choice.finish_reason) this.#finishReason = choice.finish_reason;

    const events: StreamEvent[] = [];
    const delta = (choice.delta ?? {}) as ChatChunk["choices"][number]["delta"] & ReasoningDelta;
    // Servers differ on the field name, and some send the same text in both, so take one.
    const reasoning = nonEmptyString(delta.reasoning_content) ?? nonEmptyString(delta.reasoning);
    if (reasoning !== null) events.push({ type: "reasoning-delta", t, text: reasoning });
    const text = nonEmptyString(delta.content);
    if (text !== null) events.push({ type: "text-delta", t, text });
    // A refusal is the model's output text, sent in its own field.
    const refusal = nonEmptyString(delta.refusal);
    if (refusal !== null) events.push({ type: "text-delta", t, text: refusal });
    return events;
  }

  finish(t: number): StreamEvent[] {
    if (this.#finishReason === null) {
      throw new InvalidStreamError(
        this.#provider,
        "The chat completion stream closed before any chunk carried a finish_reason, so the output may be truncated.",
      );
    }

    const events: StreamEvent[] = [];
    if (this.#usage !== null) {
      events.push({ type: "usage", t: this.#usage.t, usage: normaliseUsage(this.#usage.value), raw: this.#usage.value });
    }
    events.push({ type: "end", t, finishReason: this.#finishReason, modelVersion: this.#modelVersion });
    return events;
  }
}

/** `prompt_tokens` already includes cached tokens, and `completion_tokens` includes reasoning tokens. */
function normaliseUsage(usage: OpenAI.CompletionUsage): Usage {
  const promptDetails = usage.prompt_tokens_details as (Record<string, unknown> | null | undefined);
  return {
    inputTokens: countOrNull(usage.prompt_tokens),
    outputTokens: countOrNull(usage.completion_tokens),
    reasoningTokens: countOrNull(usage.completion_tokens_details?.reasoning_tokens),
    cachedInputTokens: countOrNull(promptDetails?.cached_tokens),
    cacheWriteTokens: countOrNull(promptDetails?.cache_write_tokens),
  };
}

function countOrNull(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function nonEmptyString(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}
