import assert from "node:assert/strict";
import { describeBusyHarness, harnessWasBusy, mergeHarnessLoads, startHarnessLoadMonitor } from "../../lib/runner/harness_load_monitor.ts";

Deno.test("harness load monitor sees a blocked loop", async () => {
  const monitor = startHarnessLoadMonitor(5);
  await new Promise((resolve) => setTimeout(resolve, 30));
  const blockedUntil = performance.now() + 60;
  while (performance.now() < blockedUntil) { /* keep the event loop busy */ }
  await new Promise((resolve) => setTimeout(resolve, 30));
  const load = monitor.stop();

  assert.ok(load.loop_lag_max_ms! >= 50, `max lag ${load.loop_lag_max_ms} ms after a 60 ms block`);
  assert.ok(load.cpu_load > 0.3, `CPU load ${load.cpu_load} while spinning for half the time`);
  assert.equal(load.interval_ms, 5);
  assert.ok(load.wall_s >= 0.1);
});

Deno.test("harness load monitor on an idle loop", async () => {
  const monitor = startHarnessLoadMonitor(10);
  await new Promise((resolve) => setTimeout(resolve, 120));
  const load = monitor.stop();

  assert.ok(load.cpu_load < 0.5, `CPU load ${load.cpu_load} while idle`);
  assert.ok(load.loop_lag_p50_ms !== null);
});

Deno.test("harnessWasBusy thresholds", () => {
  const base = { loop_lag_p50_ms: 0.1, loop_lag_max_ms: 1, interval_ms: 20, wall_s: 10 };
  assert.equal(harnessWasBusy({ ...base, cpu_load: 0.2, loop_lag_p99_ms: 1 }), false);
  assert.equal(harnessWasBusy({ ...base, cpu_load: 0.85, loop_lag_p99_ms: 1 }), true);
  assert.equal(harnessWasBusy({ ...base, cpu_load: 0.2, loop_lag_p99_ms: 12 }), true);
});

Deno.test("describeBusyHarness names the threshold crossed", () => {
  const load = { cpu_load: 0.08, loop_lag_p50_ms: 0.5, loop_lag_p99_ms: 5.6, loop_lag_max_ms: 108.8, interval_ms: 20, wall_s: 10 };
  assert.equal(describeBusyHarness(load), "event-loop lag p99 5.6 ms (threshold 5 ms); the event loop was held up for as long as 108.8 ms at worst");
});

Deno.test("mergeHarnessLoads keeps the busier session", () => {
  const busy = { cpu_load: 0.9, loop_lag_p50_ms: 1, loop_lag_p99_ms: 12, loop_lag_max_ms: 40, interval_ms: 20, wall_s: 3.5 };
  const calm = { cpu_load: 0.1, loop_lag_p50_ms: 0.5, loop_lag_p99_ms: 1, loop_lag_max_ms: 3, interval_ms: 20, wall_s: 6.5 };
  const merged = mergeHarnessLoads(busy, calm);
  assert.equal(merged.cpu_load, 0.9);
  assert.equal(merged.loop_lag_p99_ms, 12);
  assert.equal(merged.loop_lag_max_ms, 40);
  assert.equal(merged.wall_s, 10);
});
