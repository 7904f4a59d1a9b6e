import assert from "node:assert/strict";
import { wilsonInterval } from "../../lib/analysis/wilson_interval.ts";
import { analyseTrends } from "../../lib/trends/analyse_trends.ts";
import { flagErrorRateShifts } from "../../lib/trends/flag_error_rate_shifts.ts";
import { flagLatencyShifts } from "../../lib/trends/flag_latency_shifts.ts";
import { flagQualityDrift } from "../../lib/trends/flag_quality_drift.ts";
import { flagVersionChanges } from "../../lib/trends/flag_version_changes.ts";
import { DEFAULT_TREND_RULES, resolveTrendRules } from "../../lib/trends/trend_rules.ts";
import { metric } from "./_metric.ts";

const RULES = DEFAULT_TREND_RULES;
const P50 = [1000, 1020, 990, 1010, 1005, 995, 1015];

Deno.test("latency rule flags a day far above the trailing median", () => {
  const days = [...P50, 2200, 1000].map((p50, i) => metric("m", i + 1, { e2e_p50_ms: p50 }));
  const flags = flagLatencyShifts(days, RULES).filter((f) => f.metric === "e2e_p50_ms");
  assert.deepEqual(flags.map((f) => f.period), ["2026-03-08"]);
});

Deno.test("latency rule reports median and threshold", () => {
  const days = [...P50, 2200].map((p50, i) => metric("m", i + 1, { e2e_p50_ms: p50 }));
  const [flag] = flagLatencyShifts(days, RULES).filter((f) => f.metric === "e2e_p50_ms");
  // Trailing 7 values: median 1005, MAD 10, so the threshold is 1005 + max(5 × 14.826, 100.5) = 1105.5.
  assert.equal(flag.baseline, 1005);
  assert.ok(Math.abs(flag.threshold! - 1105.5) < 1e-9, `threshold ${flag.threshold}`);
});

Deno.test("latency rule ignores noise within the relative floor", () => {
  const days = [...P50, 1100].map((p50, i) => metric("m", i + 1, { e2e_p50_ms: p50 }));
  assert.equal(flagLatencyShifts(days, RULES).length, 0);
});

Deno.test("latency rule waits for minHistory periods", () => {
  const days = [1000, 1000, 5000].map((p50, i) => metric("m", i + 1, { e2e_p50_ms: p50 }));
  assert.equal(flagLatencyShifts(days, RULES).length, 0);
  assert.equal(flagLatencyShifts(days, resolveTrendRules({ minHistory: 2 })).filter((f) => f.metric === "e2e_p50_ms").length, 1);
});

Deno.test("latency rule does not flag a drop", () => {
  const days = [...P50, 300].map((p50, i) => metric("m", i + 1, { e2e_p50_ms: p50 }));
  assert.equal(flagLatencyShifts(days, RULES).length, 0);
});

Deno.test("latency rule skips periods without a value", () => {
  const days = [...P50, null, 2500].map((p50, i) => metric("m", i + 1, { e2e_p50_ms: p50 }));
  assert.deepEqual(flagLatencyShifts(days, RULES).map((f) => f.period), ["2026-03-09"]);
});

Deno.test("error rule flags a clear rise", () => {
  const days = [10, 12, 9, 11, 60].map((errors, i) =>
    metric("m", i + 1, { errors, ok: 1000 - errors, error_rate: errors / 1000 })
  );
  assert.deepEqual(flagErrorRateShifts(days, RULES).map((f) => f.period), ["2026-03-05"]);
});

Deno.test("error rule needs the Wilson bound above baseline plus margin", () => {
  // 2 failures in 10 requests: 20%, Wilson lower bound about 5.7%, against a 1% baseline.
  const days = [10, 10, 10].map((errors, i) => metric("m", i + 1, { errors, error_rate: 0.01 }));
  days.push(metric("m", 4, { n: 10, ok: 8, errors: 2, error_rate: 0.2 }));
  assert.ok(Math.abs(wilsonInterval(2, 10)!.low - 0.0567) < 0.001);
  assert.equal(flagErrorRateShifts(days, resolveTrendRules({ errorRateMargin: 0.04 })).length, 1);
  assert.equal(flagErrorRateShifts(days, resolveTrendRules({ errorRateMargin: 0.05 })).length, 0);
});

Deno.test("quality rule flags a run outside its interval", () => {
  const runs = [1, 2, 3].map((day) =>
    metric("m", day, { quality_n: 20, passed: 19, pass_rate: 0.95, pass_ci_low: 0.76, pass_ci_high: 0.99 })
  );
  runs.push(metric("m", 4, { quality_n: 20, passed: 8, pass_rate: 0.4, pass_ci_low: 0.22, pass_ci_high: 0.61 }));
  const flags = flagQualityDrift(runs, resolveTrendRules({ minHistory: 2 }));
  assert.deepEqual(flags.map((f) => [f.period, f.baseline]), [["2026-03-04", 0.95]]);
});

Deno.test("quality rule ignores periods without grades", () => {
  const runs = [1, 2, 3, 4].map((day) => metric("m", day));
  assert.equal(flagQualityDrift(runs, resolveTrendRules({ minHistory: 2 })).length, 0);
});

Deno.test("version rule flags the first day of a new version", () => {
  const days = [
    metric("m", 1, { model_versions: { v1: 1000 } }),
    metric("m", 2, { model_versions: { v1: 600, v2: 400 } }),
    metric("m", 3, { model_versions: { v2: 1000 } }),
  ];
  const flags = flagVersionChanges(days);
  assert.deepEqual(flags.map((f) => [f.period, f.value]), [["2026-03-02", 0.4]]);
});

Deno.test("version rule ignores rows without a version", () => {
  const days = [metric("m", 1, { model_versions: { v1: 1000 } }), metric("m", 2, { model_versions: { v1: 900, "(none)": 100 } })];
  assert.equal(flagVersionChanges(days).length, 0);
});

Deno.test("version rule keeps models apart", () => {
  const days = [metric("a", 1, { model_versions: { v1: 1 } }), metric("b", 2, { model_versions: { v2: 1 } })];
  assert.equal(flagVersionChanges(days).length, 0);
});

Deno.test("analyseTrends orders flags by period", () => {
  const days = [...P50, 2200].map((p50, i) => metric("m", i + 1, { e2e_p50_ms: p50 }));
  days[3] = { ...days[3], model_versions: { v1: 500, v9: 500 } };
  assert.deepEqual(analyseTrends(days).map((f) => `${f.period} ${f.kind}`), [
    "2026-03-04 new_model_version",
    "2026-03-08 latency_shift",
  ]);
});

Deno.test("resolveTrendRules rejects minHistory above window", () => {
  assert.throws(() => resolveTrendRules({ window: 2, minHistory: 3 }), /minHistory \(3\) must not exceed window \(2\)/);
});
