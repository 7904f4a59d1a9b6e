import { type Content, type GenerateContentConfig, type GenerateContentResponse, GoogleGenAI, type Part } from "@google/genai";
import type { Clock, Endpoint, Message, ProviderAdapter, ProviderRequest, StreamEvent, Usage } from "./types.ts";
import { checkRequest } from "./check_request.ts";
import { type ChunkReader, driveStream } from "./drive_stream.ts";
import { InvalidStreamError } from "./invalid_stream_error.ts";
import { createTimedFetch } from "./timed_fetch.ts";
import type { HttpTransport } from "./http_transport.ts";

/** Settings of a `GeminiAdapter`. */
export interface GeminiAdapterOptions {
  endpoint: Endpoint;
  clock: Clock;
  /** Carries the SDK's requests; the adapter closes its idle connections on `close()`. */
  transport: HttpTransport;
}

/**
 * Adapter for the Gemini API (`streamGenerateContent`) on the official `@google/genai` SDK.
 * The SDK retries only when `httpOptions.retryOptions` is set, and the adapter never sets it.
 */
export class GeminiAdapter implements ProviderAdapter {
  readonly provider = "google" as const;
  readonly #endpoint: Endpoint;
  readonly #clock: Clock;
  readonly #transport: HttpTransport;

  constructor(options: GeminiAdapterOptions) {
    this.#endpoint = options.endpoint;
    this.#clock = options.clock;
    this.#transport = options.transport;
  }

  /** Close idle keep-alive connections; the adapter stays usable. */
  close(): void {
    this.#transport.close();
  }

  /** Send `request` with `models.generateContentStream` and yield its events. A failure becomes the final `error` event, never a throw. */
  stream(request: ProviderRequest): AsyncIterable<StreamEvent> {
    const timedFetch = createTimedFetch(this.#clock, this.#transport);
    const endpoint = this.#endpoint;

    return driveStream<GenerateContentResponse>({
      clock: this.#clock,
      signal: request?.signal,
      secrets: endpoint.kind === "real" ? [endpoint.apiKey] : [],
      timedFetch,
      reader: new GeminiChunkReader(),
      open: async () => {
        checkRequest(request);
        // One client per request, so the fetch wrapper records only this request's response.
        // `vertexai: false` keeps GOOGLE_GENAI_USE_VERTEXAI from switching the backend.
        const client = new GoogleGenAI({
          apiKey: endpoint.apiKey,
          vertexai: false,
          httpOptions: { baseUrl: endpoint.baseURL, fetch: timedFetch.fetch },
        });
        return await client.models.generateContentStream({
          model: request.model,
          contents: request.messages.filter((message) => message.role !== "system").map(toContent),
          config: buildConfig(request),
        });
      },
    });
  }
}

// NOTE: no `thinkingConfig` is sent, so thinking models return thought parts only when the
// server includes them by default; hidden thinking still counts in `thoughtsTokenCount`.
function buildConfig(request: ProviderRequest): GenerateContentConfig {
  const system = request.messages
    .filter((message) => message.role === "system")
    .map(textOf)
    .join("\n\n");

  const config: GenerateContentConfig = {
    maxOutputTokens: request.maxOutputTokens,
    // Without this the SDK may send follow-up requests on finish reason CONTINUATION,
    // and one trial must be exactly one HTTP request.
    automaticContinuation: false,
    automaticFunctionCalling: { disable: true },
  };
  if (system !== "") config.systemInstruction = system;
  if (request.temperature !== undefined) config.temperature = request.temperature;
  if (request.signal) config.abortSignal = request.signal;
  return config;
}

function toContent(message: Message): Content {
  const role = message.role === "assistant" ? "model" : "user";
  if (typeof message.content === "string") return { role, parts: [{ text: message.content }] };
  return {
    role,
    parts: message.content.map((part): Part =>
      part.type === "text" ? { text: part.text } : { inlineData: { mimeType: part.media_type, data: part.data } }
    ),
  };
}

function textOf(message: Message): string {
  if (typeof message.content === "string") return message.content;
  return message.content.map((part) => part.type === "text" ? part.text : "").join("");
}

type UsageMetadata = NonNullable<GenerateContentResponse["usageMetadata"]>;

class GeminiChunkReader implements ChunkReader<GenerateContentResponse> {
  #finishReason: string | null = null;
  #modelVersion: string | null = null;
  #usage: { value: UsageMetadata; t: number } | null = null;

  read(chunk: GenerateContentResponse, t: number): StreamEvent[] {
    if (chunk?.modelVersion) this.#modelVersion = chunk.modelVersion;
    // Every chunk carries the running total so far, so the last one wins.
    if (chunk?.usageMetadata) this.#usage = { value: chunk.usageMetadata, t };

    // A blocked prompt gets no candidate, so its block reason is the only finish reason.
    const blockReason = chunk?.promptFeedback?.blockReason;
    if (blockReason) this.#finishReason = blockReason;

    const candidate = chunk?.candidates?.[0];
    if (candidate?.finishReason) this.#finishReason = candidate.finishReason;

    const events: StreamEvent[] = [];
    for (const part of candidate?.content?.parts ?? []) {
      if (typeof part.text !== "string" || part.text === "") continue;
      events.push({ type: part.thought === true ? "reasoning-delta" : "text-delta", t, text: part.text });
    }
    return events;
  }

  finish(t: number): StreamEvent[] {
    if (this.#finishReason === null) {
      throw new InvalidStreamError(
        "google",
        "The Gemini stream closed before any chunk carried a finishReason, so the output may be truncated.",
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

/**
 * `promptTokenCount` includes cached tokens, and `candidatesTokenCount` excludes thinking,
 * so output is candidates + thoughts.
 */
function normaliseUsage(usage: UsageMetadata): Usage {
  const candidates = count(usage.candidatesTokenCount);
  const thoughts = count(usage.thoughtsTokenCount);
  return {
    inputTokens: count(usage.promptTokenCount),
    outputTokens: candidates === null && thoughts === null ? null : (candidates ?? 0) + (thoughts ?? 0),
    reasoningTokens: thoughts,
    cachedInputTokens: count(usage.cachedContentTokenCount),
    cacheWriteTokens: null,
  };
}

function count(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}
