import assert from "node:assert/strict";
import { fitTtftByInput, fitTtftFromMoments } from "../../lib/analysis/fit_ttft_by_input.ts";

Deno.test("fitTtftByInput takes 300,000 points", () => {
  const points = Array.from({ length: 300_000 }, (_, i) => ({ input_tokens: i, ttft_ms: 200 + i / 1000 }));
  const fit = fitTtftByInput(points);
  assert.deepEqual([fit?.n, fit?.min_input_tokens, fit?.max_input_tokens], [300_000, 0, 299_999]);
});

Deno.test("fitTtftByInput two points give no line", () => {
  assert.equal(fitTtftByInput([{ input_tokens: 1, ttft_ms: 1 }, { input_tokens: 2, ttft_ms: 2 }]), null);
});

Deno.test("fitTtftFromMoments equal inputs give no slope", () => {
  const moments = { n: 5, min_input_tokens: 7, max_input_tokens: 7, mean_input_tokens: 7, mean_ttft_ms: 300, sxx: 1e-30, sxy: 0 };
  assert.equal(fitTtftFromMoments(moments), null);
});

Deno.test("fitTtftFromMoments intercept at zero input", () => {
  // slope = sxy / sxx = 0.5 ms per token; intercept = 400 − 0.5 × 1,000 = −100.
  const moments = { n: 3, min_input_tokens: 0, max_input_tokens: 2000, mean_input_tokens: 1000, mean_ttft_ms: 400, sxx: 2e6, sxy: 1e6 };
  assert.deepEqual([fitTtftFromMoments(moments)?.slope_ms_per_1k_tokens, fitTtftFromMoments(moments)?.intercept_ms], [500, -100]);
});
