import Anthropic from "@anthropic-ai/sdk";
import type { Clock, Endpoint, Message, ProviderAdapter, ProviderRequest, StreamEvent, Usage } from "./types.ts";
import { checkRequest } from "./check_request.ts";
import { type ChunkReader, driveStream } from "./drive_stream.ts";
import { InvalidStreamError } from "./invalid_stream_error.ts";
import { createTimedFetch } from "./timed_fetch.ts";
import type { HttpTransport } from "./http_transport.ts";

type StreamChunk = Anthropic.Messages.RawMessageStreamEvent;
type MessagesParams = Anthropic.Messages.MessageCreateParamsStreaming;
type ContentBlock = Anthropic.Messages.ContentBlockParam;

/** Settings of an `AnthropicAdapter`. */
export interface AnthropicAdapterOptions {
  endpoint: Endpoint;
  clock: Clock;
  /** Carries the SDK's requests; the adapter closes its idle connections on `close()`. */
  transport: HttpTransport;
}

/** Adapter for the Anthropic Messages API on the official `@anthropic-ai/sdk`, automatic retries off. */
export class AnthropicAdapter implements ProviderAdapter {
  readonly provider = "anthropic" as const;
  readonly #endpoint: Endpoint;
  readonly #clock: Clock;
  readonly #transport: HttpTransport;

  constructor(options: AnthropicAdapterOptions) {
    this.#endpoint = options.endpoint;
    this.#clock = options.clock;
    this.#transport = options.transport;
  }

  /** Close idle keep-alive connections; the adapter stays usable. */
  close(): void {
    this.#transport.close();
  }

  /** Send `request` as a streaming Messages request and yield its events. A failure becomes the final `error` event, never a throw. */
  stream(request: ProviderRequest): AsyncIterable<StreamEvent> {
    const timedFetch = createTimedFetch(this.#clock, this.#transport);
    const endpoint = this.#endpoint;

    return driveStream<StreamChunk>({
      clock: this.#clock,
      signal: request?.signal,
      secrets: endpoint.kind === "real" ? [endpoint.apiKey] : [],
      timedFetch,
      reader: new MessageEventReader(),
      open: async () => {
        checkRequest(request);
        // One client per request, so the fetch wrapper records only this request's response.
        const client = new Anthropic({
          apiKey: endpoint.apiKey,
          authToken: null,
          baseURL: endpoint.baseURL,
          maxRetries: 0,
          // Library code never prints: a malformed stream still fails the request as an error event.
          logLevel: "off",
          fetch: timedFetch.fetch,
        });
        return await client.messages.create(buildParams(request), { signal: request.signal });
      },
    });
  }
}

function buildParams(request: ProviderRequest): MessagesParams {
  const system = request.messages
    .filter((message) => message.role === "system")
    .map(textOf)
    .join("\n\n");

  const params: MessagesParams = {
    model: request.model,
    max_tokens: request.maxOutputTokens,
    messages: request.messages
      .filter((message) => message.role !== "system")
      .map((message) => ({ role: message.role as "user" | "assistant", content: toContent(message) })),
    stream: true,
  };
  if (system !== "") params.system = system;
  // NOTE: `request.temperature` is not sent. @anthropic-ai/sdk 1.x sends API version
  // 2026-10-21, which has no sampling parameters and rejects `temperature` with a 400.
  return params;
}

function toContent(message: Message): string | ContentBlock[] {
  if (typeof message.content === "string") return message.content;
  return message.content.map((part): ContentBlock =>
    part.type === "text" ? { type: "text", text: part.text } : {
      type: "image",
      source: {
        type: "base64",
        media_type: part.media_type as "image/png" | "image/jpeg" | "image/gif" | "image/webp",
        data: part.data,
      },
    }
  );
}

function textOf(message: Message): string {
  if (typeof message.content === "string") return message.content;
  return message.content.map((part) => part.type === "text" ? part.text : "").join("");
}

type StartUsage = Anthropic.Messages.Usage;
type DeltaUsage = Anthropic.Messages.MessageDeltaUsage;

class MessageEventReader implements ChunkReader<StreamChunk> {
  #modelVersion: string | null = null;
  #stopReason: string | null = null;
  #stopped = false;
  #startUsage: StartUsage | null = null;
  #deltaUsage: DeltaUsage | null = null;
  #usageT: number | null = null;

  read(chunk: StreamChunk, t: number): StreamEvent[] {
    switch (chunk?.type) {
      case "message_start":
        this.#modelVersion = chunk.message?.model ?? null;
        if (chunk.message?.usage) {
          this.#startUsage = chunk.message.usage;
          this.#usageT = t;
        }
        return [];
      case "message_delta":
        this.#stopReason = chunk.delta?.stop_reason ?? this.#stopReason;
        if (chunk.usage) {
          // `output_tokens` here is cumulative, so the last message_delta replaces earlier counts.
          this.#deltaUsage = chunk.usage;
          this.#usageT = t;
        }
        return [];
      case "message_stop":
        this.#stopped = true;
        return [];
      case "content_block_delta":
        return deltaEvents(chunk.delta, t);
      default:
        // content_block_start, content_block_stop and unknown future events carry no output text.
        return [];
    }
  }

  finish(t: number): StreamEvent[] {
    if (!this.#stopped) {
      throw new InvalidStreamError(
        "anthropic",
        "The Messages stream closed before message_stop, so the output may be truncated.",
      );
    }

    const events: StreamEvent[] = [];
    const usage = this.#normalisedUsage();
    if (usage !== null && this.#usageT !== null) {
      const raw = { message_start: this.#startUsage, message_delta: this.#deltaUsage };
      events.push({ type: "usage", t: this.#usageT, usage, raw });
    }
    events.push({ type: "end", t, finishReason: this.#stopReason, modelVersion: this.#modelVersion });
    return events;
  }

  /**
   * Merge message_start and the last message_delta. Input counts in message_delta, when not
   * null, are final. `input_tokens` excludes cache reads and writes, so they are added back.
   */
  #normalisedUsage(): Usage | null {
    const start = this.#startUsage;
    const delta = this.#deltaUsage;
    if (start === null && delta === null) return null;

    const uncached = count(delta?.input_tokens) ?? count(start?.input_tokens);
    const cacheReads = count(delta?.cache_read_input_tokens) ?? count(start?.cache_read_input_tokens);
    const cacheWrites = count(delta?.cache_creation_input_tokens) ?? count(start?.cache_creation_input_tokens);
    const details = delta?.output_tokens_details ?? (start as { output_tokens_details?: unknown } | null)?.output_tokens_details;

    return {
      inputTokens: uncached === null ? null : uncached + (cacheReads ?? 0) + (cacheWrites ?? 0),
      outputTokens: count(delta?.output_tokens) ?? count(start?.output_tokens),
      reasoningTokens: count((details as { thinking_tokens?: unknown } | null | undefined)?.thinking_tokens),
      cachedInputTokens: cacheReads,
      cacheWriteTokens: cacheWrites,
    };
  }
}

function deltaEvents(delta: Anthropic.Messages.RawContentBlockDelta | undefined, t: number): StreamEvent[] {
  if (delta?.type === "text_delta" && typeof delta.text === "string" && delta.text !== "") {
    return [{ type: "text-delta", t, text: delta.text }];
  }
  if (delta?.type === "thinking_delta" && typeof delta.thinking === "string" && delta.thinking !== "") {
    return [{ type: "reasoning-delta", t, text: delta.thinking }];
  }
  // input_json_delta (tool arguments), signature_delta and citations_delta: no text event,
  // because the event types have no variant for tool arguments and requests send no tools.
  return [];
}

function count(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}
