import {
  APIConnectionError as OpenAIConnectionError,
  APIError as OpenAIAPIError,
  APIUserAbortError as OpenAIUserAbortError,
} from "openai";
import {
  APIConnectionError as AnthropicConnectionError,
  APIError as AnthropicAPIError,
  APIUserAbortError as AnthropicUserAbortError,
} from "@anthropic-ai/sdk";
import { ApiError as GeminiApiError } from "@google/genai";
import { InvalidRequestError } from "./invalid_request_error.ts";
import { InvalidStreamError } from "./invalid_stream_error.ts";

/** Failure category of an error, before it is mapped to an error class. */
export type FailureKind = "api" | "abort" | "network" | "invalid" | "other";

/** Provider-neutral facts read from one SDK, fetch or adapter error. */
export interface ErrorFacts {
  kind: FailureKind;
  /** HTTP status the SDK reported. For Gemini errors inside a stream it is the `code` of the error body. */
  status: number | null;
  /** OpenAI `code`, Anthropic `error.details.error_code`, Gemini `ErrorInfo.reason`. */
  code: string | null;
  /** OpenAI `type`, Anthropic `error.type`, Gemini `status` (e.g. `RESOURCE_EXHAUSTED`). */
  type: string | null;
  /** Human-readable message, not yet redacted. */
  message: string;
  headers: Headers | null;
  /** Request id found in the error body, when the headers carry none. */
  bodyRequestId: string | null;
  /** Seconds from a Gemini `RetryInfo.retryDelay` detail. */
  bodyRetryAfterSeconds: number | null;
}

/** Read the provider-neutral facts from `error`, whichever SDK or layer threw it. */
export function readErrorFacts(error: unknown): ErrorFacts {
  const base: ErrorFacts = {
    kind: "other",
    status: null,
    code: null,
    type: null,
    message: messageOf(error),
    headers: null,
    bodyRequestId: null,
    bodyRetryAfterSeconds: null,
  };

  if (isAbort(error)) return { ...base, kind: "abort" };
  if (error instanceof OpenAIConnectionError || error instanceof AnthropicConnectionError) {
    return { ...base, kind: "network", message: withCause(error) };
  }
  if (error instanceof OpenAIAPIError) return readOpenAI(error, base);
  if (error instanceof AnthropicAPIError) return readAnthropic(error, base);
  if (error instanceof GeminiApiError) return readGemini(error, base);
  if (error instanceof InvalidRequestError) return { ...base, kind: "api", type: "invalid_request_error" };
  if (error instanceof InvalidStreamError || error instanceof SyntaxError) return { ...base, kind: "invalid" };
  if (isGeminiStreamParseError(error)) return { ...base, kind: "invalid" };
  if (isNetworkError(error)) return { ...base, kind: "network", message: withCause(error) };
  return base;
}

function readOpenAI(error: OpenAIAPIError, base: ErrorFacts): ErrorFacts {
  const body = asRecord(error.error);
  return {
    ...base,
    kind: "api",
    status: numberOrNull(error.status),
    code: stringOrNull(error.code),
    type: stringOrNull(error.type),
    message: stringOrNull(body?.message) ?? error.message,
    headers: error.headers ?? null,
  };
}

function readAnthropic(error: AnthropicAPIError, base: ErrorFacts): ErrorFacts {
  const body = asRecord(error.error);
  return {
    ...base,
    kind: "api",
    status: numberOrNull(error.status),
    code: stringOrNull(error.errorCode),
    type: stringOrNull(error.type),
    message: error.apiMessage ?? error.message,
    headers: error.headers ?? null,
    bodyRequestId: stringOrNull(body?.request_id),
  };
}

/**
 * Read a Gemini `ApiError`. Its message is the JSON error body, prefixed with
 * `got status: …. ` when the error arrived inside a stream.
 */
function readGemini(error: GeminiApiError, base: ErrorFacts): ErrorFacts {
  const body = parseEmbeddedJson(error.message);
  const detail = asRecord(body?.error);
  const details = Array.isArray(detail?.details) ? detail.details.map(asRecord) : [];

  let reason: string | null = null;
  let retryAfter: number | null = null;
  for (const item of details) {
    const kind = stringOrNull(item?.["@type"]) ?? "";
    if (kind.endsWith("google.rpc.ErrorInfo")) reason = stringOrNull(item?.reason);
    if (kind.endsWith("google.rpc.RetryInfo")) retryAfter = parseDurationSeconds(item?.retryDelay);
  }

  return {
    ...base,
    kind: "api",
    status: numberOrNull(error.status) ?? numberOrNull(detail?.code),
    code: reason,
    type: stringOrNull(detail?.status),
    message: stringOrNull(detail?.message) ?? error.message,
    bodyRetryAfterSeconds: retryAfter,
  };
}

function isAbort(error: unknown): boolean {
  if (error instanceof OpenAIUserAbortError || error instanceof AnthropicUserAbortError) return true;
  const name = (error as { name?: unknown } | null)?.name;
  return name === "AbortError";
}

const NETWORK_ERROR_NAMES = new Set([
  "HttpProtocolError",
  "StaleConnectionError",
  "ConnectionRefused",
  "ConnectionReset",
  "ConnectionAborted",
  "NotConnected",
  "BrokenPipe",
  "TimedOut",
  "UnexpectedEof",
  "Http",
]);

const NETWORK_MESSAGE = /fetch|network|connect|connection|socket|sending request|reading a body|reset|refused|tcp|dns/i;

function isNetworkError(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const name = (current as { name?: unknown }).name;
    if (typeof name === "string" && NETWORK_ERROR_NAMES.has(name)) return true;
    if (current instanceof TypeError && NETWORK_MESSAGE.test(current.message)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** Errors the Gemini SDK throws when the stream's bytes do not form complete JSON events. */
function isGeminiStreamParseError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : "";
  return message.startsWith("Incomplete JSON segment") || message.startsWith("exception parsing stream chunk");
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === "string") return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

/** Append the messages of the cause chain, because a connection error's own message is often only "Connection error." */
function withCause(error: unknown): string {
  let message = messageOf(error);
  let cause = (error as { cause?: unknown } | null)?.cause;
  for (let depth = 0; cause !== undefined && cause !== null && depth < 4; depth++) {
    const causeMessage = messageOf(cause);
    if (causeMessage && !message.includes(causeMessage)) message = `${message} (${causeMessage})`;
    cause = (cause as { cause?: unknown }).cause;
  }
  return message;
}

function parseEmbeddedJson(text: string): Record<string, unknown> | null {
  const start = text.indexOf("{");
  if (start < 0) return null;
  try {
    return asRecord(JSON.parse(text.slice(start)));
  } catch {
    return null;
  }
}

/** Parse a protobuf JSON duration such as `17s` or `0.5s` into seconds. */
function parseDurationSeconds(value: unknown): number | null {
  if (typeof value !== "string") return null;
  const match = /^(\d+(?:\.\d+)?)s$/.exec(value.trim());
  return match ? Number(match[1]) : null;
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === "object" ? value as Record<string, unknown> : null;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

function numberOrNull(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}
