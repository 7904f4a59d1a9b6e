import type { ErrorClass } from "../providers/types.ts";

/** Error classes worth another attempt: the same request may succeed later. */
export const RETRYABLE_CLASSES: ReadonlySet<ErrorClass> = new Set([
  "rate_limited",
  "overloaded",
  "server",
  "network",
  "timeout_first_token",
]);

/**
 * Returns the wait in ms before retry number `retry` (1 for the first retry).
 *
 * A `retry-after` the server sent wins when it is between 0 and `maxDelayMs`; otherwise
 * the delay is exponential, `baseDelayMs × 2^(retry−1)` capped at `maxDelayMs`, minus up to
 * 25% random jitter so that clients throttled together do not retry together.
 */
export function retryDelay(
  retry: number,
  retryAfterSeconds: number | null,
  baseDelayMs: number,
  maxDelayMs: number,
  random: () => number = Math.random,
): number {
  if (retryAfterSeconds !== null && retryAfterSeconds >= 0 && retryAfterSeconds * 1000 <= maxDelayMs) {
    return retryAfterSeconds * 1000;
  }
  const exponential = Math.min(maxDelayMs, baseDelayMs * 2 ** (retry - 1));
  return exponential * (1 - random() * 0.25);
}
