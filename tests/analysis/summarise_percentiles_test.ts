import assert from "node:assert/strict";
import { summarisePercentiles } from "../../lib/analysis/summarise_percentiles.ts";

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

Deno.test("summarisePercentiles mean min and median of successes", () => {
  // (1800 + 2000 + 2200 + 2400) / 4 = 2100; median 2000 + 0.5 × 200 = 2100.
  const stats = summarisePercentiles([1800, 2000, 2200, 2400]);
  assert.deepEqual([stats.mean, stats.min, stats.p50], [2100, 1800, 2100]);
});

Deno.test("summarisePercentiles states method and n", () => {
  const stats = summarisePercentiles([1800, 2000, 2200, 2400], "nearest-rank");
  assert.deepEqual([stats.method, stats.n], ["nearest-rank", 4]);
});

Deno.test("summarisePercentiles skips nulls in n", () => {
  assert.equal(summarisePercentiles([1, null, 3, undefined]).n, 2);
});

Deno.test("summarisePercentiles p99 is null below 100 values", () => {
  assert.equal(summarisePercentiles(range(99)).p99, null);
});

Deno.test("summarisePercentiles labels the max below 100 values", () => {
  const stats = summarisePercentiles(range(99));
  assert.deepEqual([stats.p99_label, stats.max], ["max, n = 99 < 100", 99]);
});

Deno.test("summarisePercentiles p99 at 100 values", () => {
  // 0.99 × 99 = 98.01 → x[98] + 0.01 × (x[99] − x[98]) = 99 + 0.01 = 99.01.
  const stats = summarisePercentiles(range(100));
  assert.ok(Math.abs((stats.p99 as number) - 99.01) < 1e-9, `got ${stats.p99}`);
  assert.equal(stats.p99_label, "p99");
});

Deno.test("summarisePercentiles empty sample has null statistics", () => {
  const stats = summarisePercentiles([]);
  assert.deepEqual([stats.n, stats.mean, stats.p50, stats.max], [0, null, null, null]);
});

Deno.test("summarisePercentiles rejects NaN", () => {
  assert.throws(() => summarisePercentiles([1, NaN]), /value 1 must be a finite number/);
});
