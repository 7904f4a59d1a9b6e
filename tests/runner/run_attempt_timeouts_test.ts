import assert from "node:assert/strict";
import { runAttempt } from "../../lib/runner/run_attempt.ts";
import type { ProviderAdapter, StreamEvent } from "../../lib/providers/types.ts";

const clock = () => performance.now();
const request = { model: "m", messages: [{ role: "user" as const, content: "hi" }], maxOutputTokens: 8 };

/** Creates an adapter that yields text at the given delays (ms after the previous one), then ends. It stops when aborted. */
function pacedAdapter(delaysMs: number[]): ProviderAdapter {
  return {
    provider: "openai",
    close() {},
    async *stream(req): AsyncGenerator<StreamEvent> {
      yield { type: "response-headers", t: clock(), status: 200, requestId: null };
      for (const delay of delaysMs) {
        const aborted = await new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(false), delay);
          req.signal?.addEventListener("abort", () => {
            clearTimeout(timer);
            resolve(true);
          }, { once: true });
        });
        if (aborted) {
          yield { type: "error", t: clock(), error: { class: "cancelled", httpStatus: null, providerCode: null, message: "aborted", requestId: null, retryAfterSeconds: null } };
          return;
        }
        yield { type: "text-delta", t: clock(), text: "x" };
      }
      yield { type: "end", t: clock(), finishReason: "stop", modelVersion: null };
    },
  };
}

Deno.test("attempt idle timeout after output is mid-stream", async () => {
  const outcome = await runAttempt(pacedAdapter([10, 10, 400]), request, {
    clock,
    origin: clock(),
    firstTokenTimeoutMs: 200,
    totalTimeoutMs: 2000,
    idleTimeoutMs: 80,
  });

  assert.equal(outcome.error?.class, "timeout_total");
  assert.match(outcome.error!.message, /timeouts\.idle_ms/);
  assert.equal(outcome.output_text, "xx");
});

Deno.test("attempt total timeout before output is first-token", async () => {
  const outcome = await runAttempt(pacedAdapter([300]), request, { clock, origin: clock(), firstTokenTimeoutMs: 100, totalTimeoutMs: 100 });

  assert.equal(outcome.error?.class, "timeout_first_token");
});

Deno.test("attempt total timeout after output is mid-stream", async () => {
  const outcome = await runAttempt(pacedAdapter([10, 300]), request, { clock, origin: clock(), firstTokenTimeoutMs: 100, totalTimeoutMs: 150 });

  assert.equal(outcome.error?.class, "timeout_total");
  assert.match(outcome.error!.message, /output had begun/);
});

Deno.test("attempt steady stream passes the idle check", async () => {
  const outcome = await runAttempt(pacedAdapter([10, 30, 30, 30]), request, {
    clock,
    origin: clock(),
    firstTokenTimeoutMs: 200,
    totalTimeoutMs: 2000,
    idleTimeoutMs: 80,
  });

  assert.equal(outcome.error, null);
  assert.equal(outcome.output_text, "xxxx");
});

Deno.test("attempt cancelled by the caller", async () => {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 30);
  const outcome = await runAttempt(pacedAdapter([10, 300]), request, {
    clock,
    origin: clock(),
    firstTokenTimeoutMs: 1000,
    totalTimeoutMs: 2000,
    signal: controller.signal,
  });

  assert.equal(outcome.error?.class, "cancelled");
});
