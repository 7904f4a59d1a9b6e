import { z } from "zod";

/**
 * Faults the emulator can inject, each in the provider's own wire shape:
 *
 * - `rate_limit`: HTTP 429 with `retry-after` (Gemini: `RESOURCE_EXHAUSTED` with `RetryInfo`).
 * - `overloaded`: Anthropic 529 `overloaded_error`; OpenAI and Gemini 503 "overloaded".
 * - `server_500`, `server_503`: plain server errors.
 * - `auth`: HTTP 401. `context_length`: the provider's context-window 400.
 * - `midstream_error`: HTTP 200, some output, then the provider's in-stream error event.
 * - `drop`: HTTP 200, some output, then the connection breaks without a clean end.
 * - `stall`: HTTP 200 and the stream's opening events, then no byte until the client gives up.
 * - `stall_midstream`: like `stall`, after some output.
 * - `malformed_sse`: HTTP 200, some output, then an event whose JSON is cut off.
 * - `empty_output`: a complete, well-formed stream with no output text.
 * - `content_filter`: the first output chunk, then the provider's safety finish reason
 *   (`content_filter`, `refusal`, `SAFETY`).
 */
export const FAULT_KINDS = [
  "rate_limit",
  "overloaded",
  "server_500",
  "server_503",
  "auth",
  "context_length",
  "midstream_error",
  "drop",
  "stall",
  "stall_midstream",
  "malformed_sse",
  "empty_output",
  "content_filter",
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Faults sent before the response headers, as an error response. */
export const ERROR_RESPONSE_FAULTS: ReadonlySet<FaultKind> = new Set([
  "rate_limit",
  "overloaded",
  "server_500",
  "server_503",
  "auth",
  "context_length",
]);

/** Faults that break a streamed body after HTTP 200. */
export const STREAM_FAULTS: ReadonlySet<FaultKind> = new Set([
  "midstream_error",
  "drop",
  "stall",
  "stall_midstream",
  "malformed_sse",
]);

/** Request header that forces one fault (or `none`) on a single request. */
export const FAULT_HEADER = "x-emulator-fault";
/** Request header that sets the `retry-after` of a forced `rate_limit`, in ms. */
export const RETRY_AFTER_HEADER = "x-emulator-retry-after-ms";

const probability = z.number().min(0).max(1);

/**
 * The optional `faults` field of a model profile: per-request probabilities of each fault,
 * drawn from the emulator's seed, and the `retry-after` sent with rate limits.
 */
export const faultsSchema = z.strictObject({
  rates: z.strictObject(Object.fromEntries(FAULT_KINDS.map((kind) => [kind, probability.optional()])))
    .refine((rates) => Object.values(rates).reduce((sum: number, p) => sum + (p ?? 0), 0) <= 1 + 1e-9, {
      message: "the fault rates must add up to at most 1",
    }) as z.ZodType<Partial<Record<FaultKind, number>>>,
  retry_after_ms: z.number().int().min(0).default(1000),
});

/** Fault settings of one model profile. */
export type FaultSettings = z.infer<typeof faultsSchema>;
