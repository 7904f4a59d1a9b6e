import assert from "node:assert/strict";
import { runAttempt } from "../../lib/runner/run_attempt.ts";
import { buildTrialRecord } from "../../lib/runner/build_trial_record.ts";
import type { ProviderAdapter, StreamEvent } from "../../lib/providers/types.ts";
import type { TrialPlan } from "../../lib/runner/expand_trials.ts";

/** A scripted adapter for unit tests: yields fixed events after fixed real delays. */
function scriptedAdapter(script: Array<{ delayMs: number; event: (t: number) => StreamEvent }>, clock: () => number) {
  const adapter: ProviderAdapter = {
    provider: "openai",
    close() {},
    async *stream(request) {
      for (const step of script) {
        await new Promise((resolve, reject) => {
          const timer = setTimeout(resolve, step.delayMs);
          request.signal?.addEventListener("abort", () => {
            clearTimeout(timer);
            reject(new DOMException("aborted", "AbortError"));
          });
        }).catch(() => null);
        if (request.signal?.aborted) {
          yield {
            type: "error",
            t: clock(),
            error: { class: "cancelled", httpStatus: null, providerCode: null, message: "aborted", requestId: null, retryAfterSeconds: null },
          };
          return;
        }
        yield step.event(clock());
      }
    },
  };
  return adapter;
}

const plan: TrialPlan = {
  trial_id: "openai:gpt-4o/qa/q1/1",
  model: "openai:gpt-4o",
  dataset: "qa",
  item: { id: "q1", kind: "qa", messages: [{ role: "user", content: "2+2?" }], reference: "4", scorer: { name: "exact" }, tags: [] },
  repetition: 1,
};
const request = { model: "gpt-4o", messages: plan.item.messages, maxOutputTokens: 16 };
const context = { runId: "r", provider: "openai", endpointKind: "emulated" as const, attempt: 1, scheduledMs: 0, startedAt: new Date() };

Deno.test("attempt stamps ttft at first content, not headers", async () => {
  const clock = () => performance.now();
  const adapter = scriptedAdapter([
    { delayMs: 0, event: (t) => ({ type: "response-headers", t, status: 200, requestId: "req_1" }) },
    { delayMs: 60, event: (t) => ({ type: "text-delta", t, text: "4" }) },
    { delayMs: 30, event: (t) => ({ type: "text-delta", t, text: " is it" }) },
    { delayMs: 0, event: (t) => ({ type: "usage", t, usage: { inputTokens: 5, outputTokens: 3, reasoningTokens: null, cachedInputTokens: null, cacheWriteTokens: null }, raw: {} }) },
    { delayMs: 0, event: (t) => ({ type: "end", t, finishReason: "stop", modelVersion: "gpt-4o-2024-08-06" }) },
  ], clock);
  const outcome = await runAttempt(adapter, request, { clock, origin: clock(), firstTokenTimeoutMs: 5000, totalTimeoutMs: 5000 });
  const record = buildTrialRecord(plan, outcome, context, null, null);
  assert.equal(record.status, "ok");
  assert.equal(record.output_text, "4 is it");
  assert.ok(record.ttft_ms! >= 55, `ttft ${record.ttft_ms}`);
  assert.ok(record.ttlt_ms! - record.ttft_ms! >= 25);
  assert.equal(record.output_tokens, 3);
  assert.ok(record.output_tps! > 0);
  assert.equal(record.model_version, "gpt-4o-2024-08-06");
});

Deno.test("attempt times out before first token", async () => {
  const clock = () => performance.now();
  const adapter = scriptedAdapter([
    { delayMs: 500, event: (t) => ({ type: "text-delta", t, text: "late" }) },
  ], clock);
  const outcome = await runAttempt(adapter, request, { clock, origin: clock(), firstTokenTimeoutMs: 50, totalTimeoutMs: 5000 });
  assert.equal(outcome.error?.class, "timeout_first_token");
  assert.equal(outcome.first_output_ms, null);
});

Deno.test("attempt with no text is empty output", async () => {
  const clock = () => performance.now();
  const adapter = scriptedAdapter([
    { delayMs: 0, event: (t) => ({ type: "end", t, finishReason: "length", modelVersion: null }) },
  ], clock);
  const outcome = await runAttempt(adapter, request, { clock, origin: clock(), firstTokenTimeoutMs: 500, totalTimeoutMs: 500 });
  const record = buildTrialRecord(plan, outcome, context, null, null);
  assert.equal(record.status, "error");
  assert.equal(record.error_class, "empty_output");
  assert.equal(record.ttft_ms, null);
  assert.equal(record.usage_source, "missing");
  assert.equal(record.output_tokens, null);
});

Deno.test("ttft of zero is a measurement, not unset", async () => {
  let now = 1000;
  const clock = () => now;
  const adapter: ProviderAdapter = {
    provider: "openai",
    close() {},
    async *stream() {
      yield { type: "text-delta", t: 1000, text: "A" };
      now = 1009;
      yield { type: "text-delta", t: 1009, text: "B" };
      now = 1020;
      yield { type: "end", t: 1020, finishReason: "stop", modelVersion: null };
    },
  };
  const outcome = await runAttempt(adapter, request, { clock, origin: 0, firstTokenTimeoutMs: 500, totalTimeoutMs: 500 });
  const record = buildTrialRecord(plan, outcome, context, null, null);
  assert.equal(record.ttft_ms, 0);
  assert.equal(record.ttlt_ms, 9);
  assert.equal(record.e2e_ms, 20);
});
