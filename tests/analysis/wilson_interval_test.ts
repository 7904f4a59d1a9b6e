import assert from "node:assert/strict";
import { wilsonInterval } from "../../lib/analysis/wilson_interval.ts";
import { fitTtftByInput } from "../../lib/analysis/fit_ttft_by_input.ts";

Deno.test("wilsonInterval 8 of 10", () => {
  // Reference values of the Wilson score interval at z = 1.96.
  const interval = wilsonInterval(8, 10)!;
  assert.deepEqual([interval.low.toFixed(4), interval.high.toFixed(4)], ["0.4902", "0.9433"]);
});

Deno.test("wilsonInterval all passed reaches 1", () => {
  assert.equal(wilsonInterval(10, 10)!.high, 1);
});

Deno.test("wilsonInterval none passed starts at 0", () => {
  assert.equal(wilsonInterval(0, 7)!.low, 0);
});

Deno.test("wilsonInterval no trials is null", () => {
  assert.equal(wilsonInterval(0, 0), null);
});

Deno.test("wilsonInterval rejects more successes than trials", () => {
  assert.throws(() => wilsonInterval(3, 2), /successes/);
});

Deno.test("fitTtftByInput slope per 1k tokens", () => {
  const fit = fitTtftByInput([
    { input_tokens: 1000, ttft_ms: 300 },
    { input_tokens: 2000, ttft_ms: 400 },
    { input_tokens: 3000, ttft_ms: 500 },
  ])!;
  assert.ok(Math.abs(fit.slope_ms_per_1k_tokens - 100) < 1e-9);
});

Deno.test("fitTtftByInput one input size gives no slope", () => {
  const same = [1, 2, 3].map((i) => ({ input_tokens: 500, ttft_ms: 100 * i }));
  assert.equal(fitTtftByInput(same), null);
});
