import type { CalibrationReport, FloorResult } from "./run_calibration.ts";
import type { LevelResult } from "./measure_level.ts";

const fixed = (value: number | null, digits = 3) => (value === null ? "n/a" : value.toFixed(digits));

/** Formats the per-level timing errors as a Markdown table. */
export function formatCalibrationTable(report: CalibrationReport): string {
  const rows = report.levels.map((r) =>
    `| ${r.concurrency} | ${r.requests} | ${r.failed} | ${fixed(r.ttftErrorP50Ms)} | ${fixed(r.ttftErrorP99Ms)} | ` +
    `${fixed(r.requestPathP50Ms)} | ${fixed(r.requestPathP99Ms)} | ` +
    `${fixed(r.gapErrorP50Ms)} | ${fixed(r.gapErrorP99Ms)} | ${fixed(r.cpuUsPerEvent, 1)} | ${r.eventsPerS.toFixed(0)} | ${(r.cpuLoad * 100).toFixed(0)}% |`
  );
  return [
    "| concurrency | streams | failed | TTFT error p50 (ms) | TTFT error p99 (ms) | of it request path p50 (ms) | request path p99 (ms) | chunk-gap error p50 (ms) | chunk-gap error p99 (ms) | CPU per event (µs) | events/s | harness CPU |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...rows,
  ].join("\n");
}

/** Row labels of the floors, naming the client and the transport each path uses. */
const FLOOR_LABELS: Record<FloorResult["path"], string> = {
  "bare client, emulator": "bare client (socket), emulator",
  "SDK, bare server": "SDK (openai-compatible, socket), bare server",
  "bare client, bare server": "bare client (socket), bare server",
};

/**
 * Formats where the error comes from: per level, the harness's path (SDK against the
 * emulator) next to the lighter paths of the floors, as a Markdown table.
 */
export function formatFloorsTable(report: CalibrationReport): string {
  if (report.floors.length === 0) return "Not measured in this calibration.";
  const row = (path: string, r: LevelResult) =>
    `| ${r.concurrency} | ${path} | ${r.failed} | ${fixed(r.ttftErrorP50Ms)} | ${fixed(r.ttftErrorP99Ms)} | ${fixed(r.requestPathP99Ms)} | ` +
    `${fixed(r.gapErrorP99Ms)} | ${fixed(r.cpuUsPerEvent, 1)} | ${r.eventsPerS.toFixed(0)} | ${(r.cpuLoad * 100).toFixed(0)}% |`;
  const rows = report.levels.flatMap((level) => [
    row(`SDK (${report.provider}, ${report.transport}), emulator`, level),
    ...report.floors.filter((floor) => floor.result.concurrency === level.concurrency).map((floor) => row(FLOOR_LABELS[floor.path], floor.result)),
  ]);
  return [
    "| concurrency | client, server | failed | TTFT error p50 (ms) | TTFT error p99 (ms) | request path p99 (ms) | chunk-gap error p99 (ms) | client CPU per event (µs) | events/s | client CPU |",
    "|---|---|---|---|---|---|---|---|---|---|",
    ...rows,
  ].join("\n");
}

/** Formats the open-loop rate check as a Markdown table, or a note when it was skipped. */
export function formatOpenLoopTable(report: CalibrationReport): string {
  const o = report.openLoop;
  if (o === null) return "Not measured in this calibration.";
  const withinTarget = Math.abs(o.rateError) <= 0.02 ? "yes" : "no";
  return [
    "| target (req/s) | requests | achieved (req/s) | rate error | within 2% | queue delay p50 (ms) | p99 (ms) | max (ms) | peak in flight |",
    "|---|---|---|---|---|---|---|---|---|",
    `| ${o.targetRatePerS} | ${o.requests} | ${o.achievedRatePerS.toFixed(2)} | ${(o.rateError * 100).toFixed(2)}% | ${withinTarget} | ` +
    `${fixed(o.queueDelayP50Ms)} | ${fixed(o.queueDelayP99Ms)} | ${fixed(o.queueDelayMaxMs)} | ${o.peakInFlight} |`,
  ].join("\n");
}
