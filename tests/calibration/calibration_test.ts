import assert from "node:assert/strict";
import { runCalibration } from "../../lib/calibration/run_calibration.ts";
import { timingErrors } from "../../lib/calibration/timing_errors.ts";
import { replaceMarkdownSection } from "../../lib/calibration/replace_markdown_section.ts";
import { formatCalibrationTable } from "../../lib/calibration/format_calibration.ts";
import { calibrationSections, requestPathUnreliable } from "../../lib/calibration/calibration_sections.ts";
import type { AttemptOutcome } from "../../lib/runner/run_attempt.ts";

Deno.test("calibration measures small errors at concurrency 1 and 8", async () => {
  const report = await runCalibration({
    levels: [1, 8],
    requestsPerLevel: () => 16,
    ttftMs: 20,
    gapMs: 5,
    chunks: 5,
    openLoop: { ratePerS: 50, requests: 40, maxInFlight: 16 },
  });

  assert.deepEqual(report.levels.map((level) => level.concurrency), [1, 8]);
  for (const level of report.levels) {
    assert.equal(level.failed, 0);
    assert.equal(level.gaps, 16 * 4);
    // Loose bounds: this checks that the measurement works, not how fast this machine is.
    assert.ok(level.ttftErrorP50Ms! >= 0, `TTFT error p50 ${level.ttftErrorP50Ms} ms`);
    assert.ok(level.ttftErrorP50Ms! < 25, `TTFT error p50 ${level.ttftErrorP50Ms} ms`);
    assert.ok(level.gapErrorP50Ms! < 10, `gap error p50 ${level.gapErrorP50Ms} ms`);
    assert.ok(level.cpuUsPerEvent! > 0);
    assert.ok(level.requestPathP50Ms! > -1, `request path ${level.requestPathP50Ms} ms`);
  }
  assert.ok(Math.abs(report.openLoop!.rateError) < 0.1, `open-loop rate error ${report.openLoop!.rateError}`);
  assert.match(formatCalibrationTable(report), /\| 8 \| 16 \| 0 \|/);
  assert.deepEqual(report.floors.map((floor) => `${floor.result.concurrency} ${floor.path}`), [
    "1 bare client, emulator",
    "1 SDK, bare server",
    "1 bare client, bare server",
    "8 bare client, emulator",
    "8 SDK, bare server",
    "8 bare client, bare server",
  ]);
  for (const floor of report.floors) {
    assert.equal(floor.result.failed, 0, `${floor.path} at ${floor.result.concurrency}`);
    assert.equal(floor.result.gaps, 16 * 4, `${floor.path} at ${floor.result.concurrency}`);
  }
});

Deno.test("timing errors compare with the server's stamps", () => {
  const chunk = (t_ms: number, sentUs: number) => ({ kind: "text-delta" as const, t_ms, text: `[${sentUs}|1000000000]` });
  const outcome = {
    send_ms: 100,
    error: null,
    content: [chunk(152, 50_000), chunk(163, 60_000), chunk(172.5, 70_000)],
    events: [],
  } as unknown as AttemptOutcome;
  const errors = timingErrors(outcome, 0);

  assert.ok(Math.abs(errors.ttftErrorMs - 2) < 1e-9, `ttft error ${errors.ttftErrorMs}`);
  assert.deepEqual(errors.gapErrorsMs.map((gap) => Math.round(gap * 1000) / 1000), [1, -0.5]);
  assert.equal(errors.requestPathMs, 1_000_000 - 100);
});

Deno.test("timing errors reject a chunk without stamp", () => {
  const outcome = { send_ms: 0, error: null, content: [{ kind: "text-delta", t_ms: 5, text: "plain" }], events: [] } as unknown as AttemptOutcome;
  assert.throws(() => timingErrors(outcome), /no \[µs\|arrival\] stamp/);
});

Deno.test("markdown section replacement keeps other sections", () => {
  const doc = "# Benchmarks\n\n## Main job\n\nold numbers\n\n## Harness timing accuracy\n\nstale\n\n## Test suite\n\nkept\n";
  const updated = replaceMarkdownSection(doc, "Harness timing accuracy", "fresh table");

  assert.equal(updated, "# Benchmarks\n\n## Main job\n\nold numbers\n\n## Harness timing accuracy\n\nfresh table\n\n## Test suite\n\nkept\n");
  assert.equal(replaceMarkdownSection("# B\n", "Open-loop rate accuracy", "x"), "# B\n\n## Open-loop rate accuracy\n\nx\n");
});

Deno.test("calibration sections state whether targets were met", () => {
  const level = (concurrency: number, p99: number) => ({
    concurrency,
    requests: 10,
    failed: 0,
    ttftErrorP50Ms: p99 / 2,
    ttftErrorP99Ms: p99,
    ttftErrorMaxMs: p99,
    requestPathP50Ms: 0.1,
    requestPathP99Ms: 0.2,
    gapErrorP50Ms: 0.1,
    gapErrorP99Ms: 0.2,
    gapErrorMaxMs: 0.3,
    gaps: 40,
    cpuUsPerEvent: 10,
    eventsPerS: 100,
    cpuLoad: 0.1,
    wallS: 1,
  });
  const report = {
    date: "2026-01-01",
    provider: "openai-compatible" as const,
    transport: "socket" as const,
    warmupWaves: 3,
    model: "calibration-ttft50-gap10-n20",
    cpus: 2,
    denoVersion: "2.9.6",
    loadAverage: 0.5,
    levels: [level(64, 0.4), level(256, 3)],
    floors: [{ path: "bare client, bare server" as const, result: level(64, 0.2) }],
    maxConcurrencyUnder1Ms: 64,
    openLoop: null,
  };
  const { timing } = calibrationSections(report, "deno task calibrate");

  assert.match(timing, /≤ 0.5 ms at concurrency 64: met \(0.400 ms\)\. The floor without SDK, harness or emulator code measured 0.200 ms\.\n/);
  assert.match(timing, /≤ 1 ms at concurrency 256: not met \(3.000 ms\)/);
  assert.match(timing, /\| 64 \| SDK \(openai-compatible, socket\), emulator \| 0 \|/);
  assert.match(timing, /\| 64 \| bare client \(socket\), bare server \| 0 \|/);
});

Deno.test("calibration flags an impossible request-path split", () => {
  const level = { concurrency: 1, requests: 10, failed: 0, ttftErrorP50Ms: 0.9, ttftErrorP99Ms: 2, ttftErrorMaxMs: 3, requestPathP50Ms: 4.4, requestPathP99Ms: 5, gapErrorP50Ms: 0.1, gapErrorP99Ms: 0.2, gapErrorMaxMs: 0.3, gaps: 40, cpuUsPerEvent: 10, eventsPerS: 100, cpuLoad: 0.1, wallS: 1 };
  const report = {
    date: "2026-01-01",
    provider: "openai-compatible" as const,
    transport: "socket" as const,
    warmupWaves: 3,
    model: "calibration-ttft50-gap10-n20",
    cpus: 2,
    denoVersion: "2.9.6",
    loadAverage: 0.5,
    levels: [level],
    floors: [],
    maxConcurrencyUnder1Ms: null,
    openLoop: null,
  };
  assert.equal(requestPathUnreliable(report), true);
  assert.match(calibrationSections(report, "deno task calibrate").timing, /request-path columns of this calibration are not reliable/);
  assert.equal(requestPathUnreliable({ ...report, levels: [{ ...level, requestPathP50Ms: 0.4 }] }), false);
});
