/**
 * Types shared by every provider adapter: the request, the normalised usage and
 * the time-stamped stream events an adapter yields.
 */

/** Providers the tool can address. A model is named `provider:model`. */
export const PROVIDER_NAMES = ["openai", "anthropic", "google", "openai-compatible"] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];

/** Monotonic clock in milliseconds. Every event of one run is stamped by the same clock. */
export type Clock = () => number;

/** The default clock: `performance.now()`, sub-millisecond resolution in Deno 2. */
export const monotonicClock: Clock = () => performance.now();

/** One part of a message: text, or an image given as base64 data. */
export type MessagePart =
  | { type: "text"; text: string }
  | { type: "image"; media_type: string; data: string };

/** A chat message in the tool's provider-neutral shape. */
export interface Message {
  role: "system" | "user" | "assistant";
  content: string | MessagePart[];
}

/** One request to one model. */
export interface ProviderRequest {
  /** Model name the provider uses, without the `provider:` prefix. */
  model: string;
  messages: Message[];
  maxOutputTokens: number;
  temperature?: number;
  signal?: AbortSignal;
}

/**
 * Token usage normalised across providers.
 *
 * `inputTokens` counts every input token, cached or not: for Anthropic it is
 * `input_tokens + cache_read_input_tokens + cache_creation_input_tokens`.
 * `cachedInputTokens` (cache reads) and `cacheWriteTokens` are parts of it.
 * `outputTokens` includes `reasoningTokens`. A count the server did not send is null, never 0.
 */
export interface Usage {
  inputTokens: number | null;
  outputTokens: number | null;
  reasoningTokens: number | null;
  cachedInputTokens: number | null;
  cacheWriteTokens: number | null;
}

/** Error classes every provider failure is mapped to. */
export const ERROR_CLASSES = [
  "rate_limited",
  "overloaded",
  "context_length_exceeded",
  "auth",
  "bad_request",
  "not_found",
  "timeout_first_token",
  "timeout_total",
  "network",
  "server",
  "invalid_response",
  "empty_output",
  "content_filter",
  "cancelled",
  "unknown",
] as const;
export type ErrorClass = (typeof ERROR_CLASSES)[number];

/** A classified provider failure. `message` never contains an API key. */
export interface ProviderErrorInfo {
  class: ErrorClass;
  httpStatus: number | null;
  providerCode: string | null;
  message: string;
  requestId: string | null;
  /** Seconds the server asked the client to wait (`retry-after`), when it sent that header. */
  retryAfterSeconds: number | null;
}

/** Events an adapter yields, each stamped with `t`, a reading of the adapter's clock. */
export type StreamEvent =
  | {
    type: "response-headers";
    t: number;
    status: number;
    requestId: string | null;
    /** Clock reading right before the HTTP request went out, after the SDK had built it. */
    sentT?: number;
  }
  | { type: "text-delta"; t: number; text: string }
  | { type: "reasoning-delta"; t: number; text: string }
  | { type: "usage"; t: number; usage: Usage; raw: unknown }
  | { type: "end"; t: number; finishReason: string | null; modelVersion: string | null }
  | { type: "error"; t: number; error: ProviderErrorInfo };

/**
 * One provider on its official SDK. `stream` sends one request and yields its events.
 * It never throws: a failure becomes a final `error` event. SDK-level retries are off.
 */
export interface ProviderAdapter {
  readonly provider: ProviderName;
  stream(request: ProviderRequest): AsyncIterable<StreamEvent>;
  /** Close idle keep-alive connections, so nothing stays open after a run; the adapter stays usable. */
  close(): void;
}

/** Target of an adapter's requests: the real API or the local emulator. */
export interface Endpoint {
  kind: "real" | "emulated";
  /** Base URL as the SDK expects it; undefined means the SDK's default (the real API). */
  baseURL?: string;
  apiKey: string;
}
