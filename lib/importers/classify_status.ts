import { ERROR_CLASSES, type ErrorClass } from "../providers/types.ts";
import { RowError } from "./row_error.ts";

/** A request's outcome as the trial schema records it. */
export interface RequestOutcome {
  status: "ok" | "error";
  error_class: ErrorClass | null;
  error_http_status: number | null;
  /** The logged error type, kept when it is not one of the project's error classes. */
  error_provider_code: string | null;
}

const OK_WORDS = new Set(["ok", "success", "succeeded", "successful", "completed", "complete", "done"]);
const ERROR_WORDS = new Set(["error", "err", "failed", "failure", "fail", "timeout", "timed_out", "cancelled", "canceled"]);

/**
 * Classifies a logged status and optional error type.
 *
 * `status` may be a word (`ok`, `success`, `completed` … or `error`, `failed`, `timeout` …,
 * any case) or an HTTP status code (number or numeric string, 100–599; 2xx and 3xx are ok).
 * The error class comes from `errorType` when it is one of the project's classes. Otherwise
 * it comes from the HTTP status: 429 rate_limited, 529 and 503 overloaded, 408 and 504
 * timeout_total, 401 and 403 auth, 404 not_found, 413 context_length_exceeded, other 4xx
 * bad_request, other 5xx server. Without a status code, a timeout, rate-limit or cancel word
 * decides, else the class is `unknown`.
 * Throws {@link RowError} for a status it cannot read.
 */
export function classifyStatus(status: unknown, errorType: unknown = null): RequestOutcome {
  const httpStatus = readHttpStatus(status);
  const word = typeof status === "string" ? status.trim().toLowerCase() : "";
  let ok: boolean;
  if (httpStatus !== null) {
    ok = httpStatus < 400;
  } else if (OK_WORDS.has(word)) {
    ok = true;
  } else if (ERROR_WORDS.has(word)) {
    ok = false;
  } else {
    throw new RowError(
      "status is not a known word (ok, success, error, failed, timeout …) or an HTTP status code",
      status ?? null,
    );
  }

  const type = typeof errorType === "string" && errorType.trim() !== "" ? errorType.trim() : null;
  if (ok) return { status: "ok", error_class: null, error_http_status: httpStatus, error_provider_code: null };
  const known = type !== null && (ERROR_CLASSES as readonly string[]).includes(type) ? type as ErrorClass : null;
  return {
    status: "error",
    error_class: known ?? classFromHttp(httpStatus ?? readHttpStatus(type)) ?? classFromWord(type ?? word),
    error_http_status: httpStatus,
    error_provider_code: known === null ? type : null,
  };
}

function readHttpStatus(value: unknown): number | null {
  const number = typeof value === "number"
    ? value
    : typeof value === "string" && /^\s*\d{3}\s*$/.test(value)
    ? Number(value)
    : NaN;
  return Number.isInteger(number) && number >= 100 && number <= 599 ? number : null;
}

function classFromHttp(code: number | null): ErrorClass | null {
  if (code === null || code < 400) return null;
  if (code === 429) return "rate_limited";
  if (code === 529 || code === 503) return "overloaded";
  if (code === 408 || code === 504) return "timeout_total";
  if (code === 401 || code === 403) return "auth";
  if (code === 404) return "not_found";
  if (code === 413) return "context_length_exceeded";
  return code < 500 ? "bad_request" : "server";
}

function classFromWord(word: string): ErrorClass {
  const lower = word.toLowerCase();
  if (lower.includes("timeout") || lower.includes("timed_out")) return "timeout_total";
  if (lower.includes("rate") && lower.includes("limit")) return "rate_limited";
  if (lower.startsWith("cancel")) return "cancelled";
  return "unknown";
}
