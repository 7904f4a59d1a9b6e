import assert from "node:assert/strict";
import { mcnemarTest } from "../../lib/analysis/mcnemar_test.ts";

const close = (actual: number, expected: number) =>
  assert.ok(Math.abs(actual - expected) < 1e-12, `expected ${expected}, got ${actual}`);

Deno.test("mcnemarTest exact p of one against six", () => {
  // 7 discordant pairs, k = 1: P(X ≤ 1) = (1 + 7) / 2⁷ = 8/128; p = 2 × 8/128 = 0.125.
  close(mcnemarTest(1, 6).exact_p, 0.125);
});

Deno.test("mcnemarTest mid-p of one against six", () => {
  // 2 × (8/128 − ½ × 7/128) = 9/128 = 0.0703125.
  close(mcnemarTest(1, 6).mid_p, 0.0703125);
});

Deno.test("mcnemarTest zero against ten", () => {
  // P(X ≤ 0) = 1/1024: exact 2/1024, mid-p 2 × (1/1024 − ½ × 1/1024) = 1/1024.
  const result = mcnemarTest(0, 10);
  close(result.exact_p, 2 / 1024);
  close(result.mid_p, 1 / 1024);
});

Deno.test("mcnemarTest balanced disagreement gives p of one", () => {
  const result = mcnemarTest(5, 5);
  assert.deepEqual([result.exact_p, result.mid_p], [1, 1]);
});

Deno.test("mcnemarTest no disagreement gives p of one", () => {
  assert.deepEqual(mcnemarTest(0, 0), { a_only: 0, b_only: 0, discordant: 0, exact_p: 1, mid_p: 1 });
});

Deno.test("mcnemarTest large counts do not overflow", () => {
  // Normal approximation: z = 100 / √4100 = 1.56, two-sided p ≈ 0.118; the exact test is close.
  const p = mcnemarTest(2000, 2100).exact_p;
  assert.ok(p > 0.1, `got ${p}`);
  assert.ok(p < 0.14, `got ${p}`);
});

Deno.test("mcnemarTest rejects a fractional count", () => {
  assert.throws(() => mcnemarTest(1.5, 2), /aOnly must be a whole number/);
});
