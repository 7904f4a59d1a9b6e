import assert from "node:assert/strict";
import { quantileSorted } from "../../lib/analysis/quantile_sorted.ts";
import { PERCENTILE_METHOD } from "../../lib/analysis/percentile_method.ts";

const SAMPLE = [1800, 2000, 2200, 2400];

Deno.test("quantileSorted linear median of four values", () => {
  // q × (n − 1) = 0.5 × 3 = 1.5 → 2000 + 0.5 × (2200 − 2000) = 2100.
  assert.equal(quantileSorted(SAMPLE, 0.5, "linear"), 2100);
});

Deno.test("quantileSorted linear p90 of four values", () => {
  // 0.9 × 3 = 2.7 → 2200 + 0.7 × 200 = 2340.
  assert.ok(Math.abs((quantileSorted(SAMPLE, 0.9) as number) - 2340) < 1e-9);
});

Deno.test("quantileSorted nearest-rank median of four values", () => {
  // Rank ⌈0.5 × 4⌉ = 2 → the second value.
  assert.equal(quantileSorted(SAMPLE, 0.5, "nearest-rank"), 2000);
});

Deno.test("quantileSorted nearest-rank p90 of four values", () => {
  // Rank ⌈0.9 × 4⌉ = ⌈3.6⌉ = 4 → the largest value.
  assert.equal(quantileSorted(SAMPLE, 0.9, "nearest-rank"), 2400);
});

Deno.test("quantileSorted nearest-rank q 0 is the minimum", () => {
  assert.equal(quantileSorted(SAMPLE, 0, "nearest-rank"), 1800);
});

Deno.test("quantileSorted empty sample is null", () => {
  assert.equal(quantileSorted([], 0.5), null);
});

Deno.test("quantileSorted rejects unsorted values", () => {
  assert.throws(() => quantileSorted([3, 1, 2], 0.5), /sorted ascending/);
});

Deno.test("quantileSorted rejects q above 1", () => {
  assert.throws(() => quantileSorted(SAMPLE, 1.5), /q must be between 0 and 1/);
});

Deno.test("quantileSorted linear matches the report's stated method", () => {
  assert.equal(PERCENTILE_METHOD.polarsInterpolation, "linear");
});
