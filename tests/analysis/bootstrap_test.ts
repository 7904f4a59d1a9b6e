import assert from "node:assert/strict";
import { bootstrapDifference } from "../../lib/analysis/bootstrap_difference.ts";
import { bootstrapInterval } from "../../lib/analysis/bootstrap_interval.ts";
import { sampleStatistics } from "../../lib/analysis/sample_statistics.ts";

Deno.test("bootstrapInterval median of two values spans both", () => {
  // Resamples of [0, 10] have median 0, 5 or 10 with chance 1/4, 1/2, 1/4, so about 500 of
  // the 2,000 medians are 0 and 500 are 10: the 2.5% point is 0 and the 97.5% point is 10.
  const interval = bootstrapInterval([0, 10], sampleStatistics.median, { seed: 3 });
  assert.deepEqual([interval?.estimate, interval?.low, interval?.high], [5, 0, 10]);
});

Deno.test("bootstrapInterval constant sample has a zero-width interval", () => {
  const interval = bootstrapInterval([5, 5, 5], sampleStatistics.median);
  assert.deepEqual([interval?.low, interval?.high], [5, 5]);
});

Deno.test("bootstrapInterval repeats with the same seed", () => {
  const values = [410, 380, 455, 520, 398, 610, 433];
  const first = bootstrapInterval(values, sampleStatistics.median, { seed: 11 });
  const second = bootstrapInterval(values, sampleStatistics.median, { seed: 11 });
  assert.deepEqual(first, second);
});

Deno.test("bootstrapInterval states resamples seed and level", () => {
  const interval = bootstrapInterval([1, 2, 3], sampleStatistics.mean, { seed: 4, resamples: 500, level: 0.9 });
  assert.deepEqual([interval?.resamples, interval?.seed, interval?.level], [500, 4, 0.9]);
});

Deno.test("bootstrapInterval interval contains the estimate", () => {
  const values = [410, 380, 455, 520, 398, 610, 433, 470, 401, 388];
  const interval = bootstrapInterval(values, sampleStatistics.quantile(0.9), { seed: 2 })!;
  assert.ok(interval.low <= interval.estimate, JSON.stringify(interval));
  assert.ok(interval.estimate <= interval.high, JSON.stringify(interval));
});

Deno.test("bootstrapInterval empty sample is null", () => {
  assert.equal(bootstrapInterval([], sampleStatistics.median), null);
});

Deno.test("bootstrapInterval rejects too few resamples", () => {
  assert.throws(() => bootstrapInterval([1, 2], sampleStatistics.median, { resamples: 10 }), /resamples must be/);
});

Deno.test("bootstrapInterval rejects NaN values", () => {
  assert.throws(() => bootstrapInterval([1, NaN], sampleStatistics.median), /values\[1\]/);
});

Deno.test("bootstrapDifference constant shift is exact", () => {
  // Every resample of b has median 200 and of a median 100: the difference is always 100.
  const difference = bootstrapDifference([100, 100, 100], [200, 200], sampleStatistics.median);
  assert.deepEqual([difference?.estimate, difference?.low, difference?.high], [100, 100, 100]);
});

Deno.test("bootstrapDifference estimate is b minus a", () => {
  // mean(4, 5, 6) − mean(1, 2, 3) = 5 − 2 = 3.
  assert.equal(bootstrapDifference([1, 2, 3], [4, 5, 6], sampleStatistics.mean)?.estimate, 3);
});

Deno.test("bootstrapDifference separated samples exclude zero", () => {
  const a = [100, 104, 98, 101, 99, 103, 97, 102];
  const b = a.map((v) => v * 2);
  const difference = bootstrapDifference(a, b, sampleStatistics.median, { seed: 5 })!;
  assert.ok(difference.low > 0, JSON.stringify(difference));
});

Deno.test("bootstrapDifference empty side is null", () => {
  assert.equal(bootstrapDifference([], [1], sampleStatistics.median), null);
});
