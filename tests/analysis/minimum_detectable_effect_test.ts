import assert from "node:assert/strict";
import { normalQuantile } from "../../lib/analysis/normal_quantile.ts";
import { pairedMeanMde } from "../../lib/analysis/paired_mean_mde.ts";
import { pairedProportionMde } from "../../lib/analysis/paired_proportion_mde.ts";

function close(actual: number | null, expected: number, tolerance: number): void {
  assert.notEqual(actual, null);
  assert.ok(Math.abs((actual as number) - expected) < tolerance, `expected ${expected}, got ${actual}`);
}

Deno.test("normalQuantile 97.5 percent", () => {
  close(normalQuantile(0.975), 1.959964, 1e-6);
});

Deno.test("normalQuantile 80 percent", () => {
  close(normalQuantile(0.8), 0.841621, 1e-6);
});

Deno.test("normalQuantile lower tail is symmetric", () => {
  close(normalQuantile(0.01), -2.326348, 1e-6);
});

Deno.test("pairedProportionMde 100 items with 20 percent disagreement", () => {
  // Solve 10δ = 1.95996 × √0.2 + 0.84162 × √(0.2 − δ²): at δ = 0.12382,
  // left 1.2382, right 0.87652 + 0.84162 × 0.42973 = 0.87652 + 0.36167 = 1.23819.
  close(pairedProportionMde(100, 0.2), 0.12382, 1e-4);
});

Deno.test("pairedProportionMde shrinks with more items", () => {
  const small = pairedProportionMde(100, 0.2) as number;
  const large = pairedProportionMde(400, 0.2) as number;
  assert.ok(large < small, `${large} should be below ${small}`);
});

Deno.test("pairedProportionMde without disagreement is null", () => {
  assert.equal(pairedProportionMde(100, 0), null);
});

Deno.test("pairedProportionMde too few items is null", () => {
  // n = 4, ψ = 0.25: at δ = ψ, 2 × 0.25 − 1.96 × 0.5 − 0.84 × √(0.25 − 0.0625) < 0.
  assert.equal(pairedProportionMde(4, 0.25), null);
});

Deno.test("pairedMeanMde 100 pairs with sd 0.5", () => {
  // (1.95996 + 0.84162) × 0.5 / √100 = 2.80158 × 0.05 = 0.140079.
  close(pairedMeanMde(100, 0.5), 0.140079, 1e-6);
});

Deno.test("pairedMeanMde rejects alpha of 1", () => {
  assert.throws(() => pairedMeanMde(10, 1, { alpha: 1 }), /alpha must be between 0 and 1/);
});
