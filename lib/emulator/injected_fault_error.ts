import type { FaultKind } from "./fault_kinds.ts";

/**
 * A fault the emulator sends as an error response instead of a reply (rate limit,
 * overload, 5xx). Each provider API renders it in its own error shape.
 */
export class InjectedFaultError extends Error {
  constructor(
    readonly kind: Extract<FaultKind, "rate_limit" | "overloaded" | "server_500" | "server_503">,
    /** `retry-after` of a rate limit, in ms. */
    readonly retryAfterMs: number,
    /** Send the error response this many ms after the request arrived (a replayed recording's timing). */
    readonly atMs = 0,
  ) {
    super(`injected fault ${kind}`);
    this.name = "InjectedFaultError";
  }
}
