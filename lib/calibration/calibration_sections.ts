import { formatCalibrationTable, formatFloorsTable, formatOpenLoopTable } from "./format_calibration.ts";
import type { CalibrationReport } from "./run_calibration.ts";

/** Note printed when the request-path split cannot be right. */
export const REQUEST_PATH_WARNING = "The request-path columns of this calibration are not reliable: at some level the request path " +
  "exceeds the whole TTFT error at the median. The harness and the emulator map their clocks to Unix time differently, " +
  "which happens when the system clock is adjusted between their starts. Run the calibration again.";

/** TTFT p99 error targets: at most 0.5 ms at concurrency 64 and 1 ms at 256. */
const TARGETS: { concurrency: number; p99Ms: number }[] = [{ concurrency: 64, p99Ms: 0.5 }, { concurrency: 256, p99Ms: 1 }];

/**
 * Writes the bodies of the "Harness timing accuracy" and "Open-loop rate accuracy" sections
 * of docs/benchmarks.md from a calibration report: command, setup, tables, and whether the
 * TTFT targets and the 2% rate target were met.
 */
export function calibrationSections(report: CalibrationReport, command: string): { timing: string; openLoop: string } {
  const targetLines = TARGETS.map(({ concurrency, p99Ms }) => {
    const level = report.levels.find((r) => r.concurrency === concurrency);
    if (level === undefined) return `- TTFT error p99 ≤ ${p99Ms} ms at concurrency ${concurrency}: not measured.`;
    const met = level.ttftErrorP99Ms !== null && level.ttftErrorP99Ms <= p99Ms && level.failed === 0;
    const floor = report.floors.find((f) => f.path === "bare client, bare server" && f.result.concurrency === concurrency)?.result;
    let floorNote = "";
    if (floor?.ttftErrorP99Ms != null) {
      floorNote = ` The floor without SDK, harness or emulator code measured ${floor.ttftErrorP99Ms.toFixed(3)} ms`;
      floorNote += floor.ttftErrorP99Ms > p99Ms ? ", already above the target." : ".";
    }
    return `- TTFT error p99 ≤ ${p99Ms} ms at concurrency ${concurrency}: ${met ? "met" : "not met"} ` +
      `(${level.ttftErrorP99Ms === null ? "n/a" : level.ttftErrorP99Ms.toFixed(3)} ms).${floorNote}`;
  });
  const timing = [
    `Command: \`${command}\`, ${report.date}, ${report.cpus} CPUs, Deno ${report.denoVersion}, SDK path ` +
    `\`${report.provider}\` over the \`${report.transport}\` transport, emulator in its own process, stream \`${report.model}\`, ` +
    `load average ${report.loadAverage ?? "unknown"} when the calibration started.`,
    "",
    "The emulator stamps each chunk with the microseconds since the request arrived at which it sent the chunk.",
    "TTFT error is the TTFT the harness recorded (send to first chunk, harness clock) minus the server's",
    "(arrival to first chunk, emulator clock); chunk-gap error is a recorded gap minus the emulator's gap.",
    `Both are absolute values. Each level first runs ${report.warmupWaves} unmeasured waves of streams: they open the connections`,
    "and let the JIT and the heap settle, which otherwise add tens of ms to the first measured streams at 256.",
    "The TTFT error therefore contains two stretches. The first runs from the harness's send stamp to the",
    "emulator's arrival stamp: the transport's write, loopback transfer, the emulator's accept and routing.",
    "The second runs from the emulator's send stamp to the harness's receive stamp: socket delivery and",
    "event-loop queueing on both sides, plus the SDK's parsing with the `fetch` transport only (the socket",
    "transport stamps before the SDK parses).",
    "",
    formatCalibrationTable(report),
    "",
    ...(requestPathUnreliable(report) ? [REQUEST_PATH_WARNING, ""] : []),
    `Largest concurrency with p99 TTFT and chunk-gap error under 1 ms: ${report.maxConcurrencyUnder1Ms ?? "none of the levels measured"}.`,
    "",
    ...targetLines,
    "",
    "What limits it, read from the table: the request-path column is the share of the TTFT error spent",
    "before the emulator saw the request (the transport's write and the emulator's accept and routing,",
    "which the send stamp precedes); the rest is delivery of the response. \"Harness CPU\" is the harness",
    "process's CPU time (all its threads, the garbage collector's included) over wall time, so near or",
    "above 100% the event loop queues work and every timestamp is late by the queue. The emulator runs on",
    "the same machine and competes for the same cores: when events/s stops growing with concurrency, the",
    "two processes together have saturated the machine. The load average above counts other work on the",
    "machine, which raises every error.",
    "",
    "Where the error comes from: each level again on lighter paths. The bare client posts the same",
    "request over the same socket transport and reads the stamps from the raw SSE bytes, without the",
    "SDK, the adapter or `runAttempt`. The bare server (`deno task emulator --calibration --bare`) is a",
    "minimal HTTP/1.1 server on raw sockets that writes each stamped chunk with one socket write. The",
    "last row of each level, bare client against bare server, is what the runtime's sockets and timers",
    "on this machine leave when no SDK, harness or emulator code runs. It is a floor in expectation, not in",
    "every run: one run's p99 is noisy and can land above a heavier path's, so compare several runs.",
    "The SDK row over the bare server always uses the `openai` SDK over the socket transport, whatever",
    "`--provider` and `--transport` chose for the first row, because the bare server speaks that protocol only.",
    "",
    formatFloorsTable(report),
  ].join("\n");
  const o = report.openLoop;
  const openLoop = o === null ? "" : [
    `Command: \`${command}\`, ${report.date}. The runner's open-loop dispatcher sends ${o.requests} one-chunk calibration`,
    `streams (first chunk after 20 ms) at a constant ${o.targetRatePerS} requests/s, at most ${o.maxInFlight} in flight.`,
    "Achieved rate = (requests − 1) / (last send − first send); queue delay = send − scheduled arrival.",
    "Timers fire in whole milliseconds and the dispatcher never sends before the scheduled time, so",
    "about 1 ms of queue delay is the dispatcher's floor.",
    "",
    formatOpenLoopTable(report),
  ].join("\n");
  return { timing, openLoop };
}

/**
 * Returns true when a request-path share exceeds the whole TTFT error at the median. A
 * correct split never does that, so the two processes map their clocks to Unix time
 * differently (the system clock was adjusted between their starts) and the split is wrong.
 */
export function requestPathUnreliable(report: CalibrationReport): boolean {
  const results = [...report.levels, ...report.floors.map((floor) => floor.result)];
  return results.some((r) => r.requestPathP50Ms !== null && r.ttftErrorP50Ms !== null && r.requestPathP50Ms > r.ttftErrorP50Ms);
}
