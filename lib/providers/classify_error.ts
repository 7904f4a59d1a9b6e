import type { ErrorClass, ProviderErrorInfo } from "./types.ts";
import { type ErrorFacts, readErrorFacts } from "./read_error_facts.ts";
import { redactSecrets } from "./redact_secrets.ts";

/** Facts the caller has besides the error itself. */
export interface ClassifyContext {
  /** Exact key values to remove from the message, in addition to anything shaped like a key. */
  secrets?: readonly string[];
  /** The request's signal: an aborted signal makes any error `cancelled`. */
  signal?: AbortSignal;
  /** Response headers seen for the request, used when the error carries none (Gemini errors). */
  headers?: Headers | null;
  /** Reading of `Date.now()` used to turn an HTTP-date `retry-after` into seconds. */
  now?: number;
}

/** Maximum message length kept, so a huge HTML error page cannot bloat every trial record. */
const MAX_MESSAGE_LENGTH = 2000;

/**
 * Map an SDK, fetch or adapter error to a `ProviderErrorInfo`: error class, HTTP status,
 * provider code, message with API keys redacted, request id and `retry-after` seconds.
 */
export function classifyError(error: unknown, context: ClassifyContext = {}): ProviderErrorInfo {
  const facts = readErrorFacts(error);
  const cancelled = facts.kind === "abort" || context.signal?.aborted === true;
  const headers = facts.headers ?? context.headers ?? null;

  let message = facts.message;
  if (cancelled && facts.kind !== "abort") {
    message = `request aborted by its signal: ${abortReason(context.signal) ?? message}`;
  } else if (cancelled) {
    message = abortReason(context.signal) ?? message;
  }
  message = redactSecrets(message, context.secrets ?? []);
  if (message.length > MAX_MESSAGE_LENGTH) message = `${message.slice(0, MAX_MESSAGE_LENGTH)}…`;

  return {
    class: cancelled ? "cancelled" : classOf(facts),
    httpStatus: facts.status,
    providerCode: facts.code ?? facts.type,
    message,
    requestId: redactNullable(headers?.get("x-request-id") ?? headers?.get("request-id") ?? facts.bodyRequestId, context.secrets),
    retryAfterSeconds: retryAfterSeconds(headers, context.now ?? Date.now()) ?? facts.bodyRetryAfterSeconds,
  };
}

/** Server-sent ids are data too: a misbehaving server could echo the key into one. */
function redactNullable(value: string | null | undefined, secrets: readonly string[] | undefined): string | null {
  return value === null || value === undefined ? null : redactSecrets(value, secrets ?? []);
}

function classOf(facts: ErrorFacts): ErrorClass {
  switch (facts.kind) {
    case "abort":
      return "cancelled";
    case "network":
      return "network";
    case "invalid":
      return "invalid_response";
    case "other":
      return "unknown";
    case "api":
      return classOfApiError(facts);
  }
}

const CONTEXT_MESSAGES = [
  /prompt is too long/i,
  /input token count.*exceeds/i,
  /maximum context length/i,
  /context window/i,
];

/**
 * Map an HTTP or in-stream API error. Context-length and content-filter checks come before
 * the status checks, because those errors arrive as plain 400s.
 */
function classOfApiError(facts: ErrorFacts): ErrorClass {
  const { status, message } = facts;
  const code = (facts.code ?? "").toLowerCase();
  const type = (facts.type ?? "").toLowerCase();

  if (code === "context_length_exceeded" || CONTEXT_MESSAGES.some((pattern) => pattern.test(message))) {
    return "context_length_exceeded";
  }
  if (code === "content_filter" || code === "content_policy_violation" || type === "content_filter") {
    return "content_filter";
  }
  if (
    status === 401 || status === 403 || code === "api_key_invalid" || code === "invalid_api_key" ||
    type === "authentication_error" || type === "permission_error" ||
    type === "unauthenticated" || type === "permission_denied"
  ) {
    return "auth";
  }
  if (
    status === 429 || type === "rate_limit_error" || type === "resource_exhausted" ||
    code === "rate_limit_exceeded"
  ) {
    return "rate_limited";
  }
  if (status === 529 || type === "overloaded_error" || ((status === 503 || status === null) && /overloaded/i.test(message))) {
    return "overloaded";
  }
  if (status === 404 || type === "not_found_error" || type === "not_found") return "not_found";
  if (
    (status !== null && status >= 500) || type === "api_error" || type === "server_error" ||
    type === "internal" || type === "unavailable" || type === "deadline_exceeded" || type === "timeout_error"
  ) {
    return "server";
  }
  if (
    status === 400 || status === 413 || status === 422 || type === "invalid_request_error" ||
    type === "invalid_argument" || type === "failed_precondition" || type === "request_too_large"
  ) {
    return "bad_request";
  }
  return "unknown";
}

/**
 * Read `retry-after-ms` (milliseconds) or `retry-after` (seconds or an HTTP date) as seconds.
 * The `-ms` form wins because it is the more precise of the two when a server sends both.
 */
function retryAfterSeconds(headers: Headers | null, now: number): number | null {
  if (!headers) return null;

  const milliseconds = headers.get("retry-after-ms");
  if (milliseconds !== null && milliseconds.trim() !== "" && Number.isFinite(Number(milliseconds))) {
    return Math.max(0, Number(milliseconds) / 1000);
  }

  const value = headers.get("retry-after");
  if (value === null || value.trim() === "") return null;
  if (Number.isFinite(Number(value))) return Math.max(0, Number(value));

  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, (date - now) / 1000);
}

function abortReason(signal: AbortSignal | undefined): string | null {
  if (!signal?.aborted) return null;
  const reason = signal.reason;
  if (reason instanceof Error) return `${reason.name}: ${reason.message}`;
  if (typeof reason === "string") return reason;
  return null;
}
