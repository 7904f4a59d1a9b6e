import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { periodMetrics } from "../../lib/trends/period_metrics.ts";
import { withDayPeriods, withHourPeriods, withRunPeriod } from "../../lib/trends/with_periods.ts";

function frame(rows: Record<string, unknown>[]): pl.DataFrame {
  const columns = ["model", "started_at", "status", "e2e_ms", "ttft_ms", "cost_usd", "model_version"];
  return pl.DataFrame(
    Object.fromEntries(columns.map((name) => [name, rows.map((row) => row[name] ?? null)])),
    {
      schema: {
        model: pl.String,
        started_at: pl.String,
        status: pl.String,
        e2e_ms: pl.Float64,
        ttft_ms: pl.Float64,
        cost_usd: pl.Float64,
        model_version: pl.String,
      },
    } as unknown as Record<string, unknown>,
  );
}

const ROWS: Record<string, unknown>[] = [100, 200, 300, 400].map((e2e, i) => ({
  model: "openai:gpt-4o",
  started_at: `2026-03-01T0${i}:15:00.000Z`,
  status: "ok",
  e2e_ms: e2e,
  ttft_ms: e2e / 4,
  cost_usd: 0.01,
  model_version: i < 3 ? "v1" : null,
}));
ROWS.push({
  model: "openai:gpt-4o",
  started_at: "2026-03-02T01:00:00.000Z",
  status: "error",
  e2e_ms: 9999,
  ttft_ms: null,
  cost_usd: null,
  model_version: "v2",
});

Deno.test("periodMetrics per day percentiles use successful requests", () => {
  const [day1] = periodMetrics(withDayPeriods(frame(ROWS)));
  assert.equal(day1.period, "2026-03-01");
  assert.equal(day1.e2e_p50_ms, 250);
  assert.ok(Math.abs(day1.e2e_p95_ms! - 385) < 1e-9, `p95 ${day1.e2e_p95_ms}`);
  assert.equal(day1.ttft_p50_ms, 62.5);
});

Deno.test("periodMetrics counts errors and cost", () => {
  const [day1, day2] = periodMetrics(withDayPeriods(frame(ROWS)));
  assert.ok(Math.abs(day1.cost_usd! - 0.04) < 1e-12);
  assert.equal(day1.error_rate, 0);
  assert.deepEqual([day2.n, day2.errors, day2.error_rate, day2.e2e_p50_ms, day2.cost_usd], [1, 1, 1, null, null]);
});

Deno.test("periodMetrics counts versions", () => {
  const [day1, day2] = periodMetrics(withDayPeriods(frame(ROWS)));
  assert.deepEqual(day1.model_versions, { "(none)": 1, v1: 3 });
  assert.deepEqual(day2.model_versions, { v2: 1 });
});

Deno.test("periodMetrics leaves quality empty without grades", () => {
  const [day1] = periodMetrics(withDayPeriods(frame(ROWS)));
  assert.deepEqual([day1.quality_n, day1.pass_rate], [0, null]);
});

Deno.test("periodMetrics groups by hour of day", () => {
  const hours = periodMetrics(withHourPeriods(frame(ROWS)));
  assert.deepEqual(hours.map((h) => [h.period, h.n]), [["00", 1], ["01", 2], ["02", 1], ["03", 1]]);
});

Deno.test("periodMetrics counts pass rate with interval", () => {
  const graded = frame(ROWS.slice(0, 4)).withColumns(pl.Series("grade_pass", [true, true, false, true]));
  const [run] = periodMetrics(withRunPeriod(graded, "run-1", "2026-03-01T00:00:00.000Z"));
  assert.deepEqual([run.period, run.quality_n, run.passed, run.pass_rate], ["run-1", 4, 3, 0.75]);
  assert.ok(run.pass_ci_low! < 0.75, `low ${run.pass_ci_low}`);
  assert.ok(run.pass_ci_high! > 0.75, `high ${run.pass_ci_high}`);
});

Deno.test("periodMetrics rejects a frame without periods", () => {
  assert.throws(() => periodMetrics(frame(ROWS)), /lacks column\(s\) period, period_start/);
});
