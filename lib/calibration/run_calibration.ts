import { calibrationModel } from "../emulator/calibration_engine.ts";
import { createAdapter, defaultTransport } from "../providers/create_adapter.ts";
import { resolveEndpoint } from "../providers/resolve_endpoint.ts";
import type { TransportName } from "../providers/http_transport.ts";
import { type Clock, monotonicClock, type ProviderName } from "../providers/types.ts";
import { startEmulatorProcess } from "../runner/start_emulator_process.ts";
import { checkOpenLoopRate, type OpenLoopResult } from "./check_open_loop_rate.ts";
import { type LevelResult, measureLevel, sdkStreamRunner, type StreamRunner } from "./measure_level.ts";
import { bareStreamRunner } from "./bare_stream_runner.ts";
import { SocketTransport } from "../providers/socket_transport.ts";

/** Options of `runCalibration`. */
export interface CalibrationOptions {
  /** Concurrency levels to measure, in order. */
  levels: number[];
  /** Measured requests per level, after the warm-up waves. Default: max(2 × level, 100). */
  requestsPerLevel?: (level: number) => number;
  /** Scripted stream: first chunk after `ttftMs`, then one every `gapMs`, `chunks` in all. */
  ttftMs?: number;
  gapMs?: number;
  chunks?: number;
  /**
   * Unmeasured waves of `level` streams that run first (default 3). One wave opens the
   * connections. The later ones let the JIT compile the hot paths and the heap grow to its
   * working size, because those otherwise add tens of ms to the first measured streams at 256.
   */
  warmupWaves?: number;
  /** SDK path to measure (default openai-compatible, the `openai` SDK). */
  provider?: ProviderName;
  /** Transport under the SDK (default: the one runs use for the emulator's http URL, `socket`). */
  transport?: TransportName;
  /**
   * Also measure each level on three lighter paths, to show where the error comes from: a bare
   * client (no SDK) against the emulator, the SDK against the bare raw-socket server, and the
   * bare client against the bare server (default true).
   */
  floors?: boolean;
  /** Open-loop rate check; null skips it. */
  openLoop?: { ratePerS: number; requests: number; maxInFlight: number } | null;
  clock?: Clock;
  onLog?: (message: string) => void;
}

/** One level measured on a lighter path than the harness's. */
export interface FloorResult {
  path: "bare client, emulator" | "SDK, bare server" | "bare client, bare server";
  result: LevelResult;
}

/** Everything a calibration measured. */
export interface CalibrationReport {
  date: string;
  provider: ProviderName;
  transport: TransportName;
  /** Unmeasured waves of streams before each level's measured ones. */
  warmupWaves: number;
  model: string;
  cpus: number;
  denoVersion: string;
  /** 1-minute load average of the machine when the calibration started (Linux), or null. */
  loadAverage: number | null;
  levels: LevelResult[];
  /** The same levels without the SDK, without the emulator, or without both; empty when not measured. */
  floors: FloorResult[];
  /** Largest measured level whose TTFT and chunk-gap p99 errors are both under 1 ms, or null. */
  maxConcurrencyUnder1Ms: number | null;
  openLoop: OpenLoopResult | null;
}

/**
 * Measures the harness's own timing error. Starts the emulator in calibration mode in a
 * separate process, runs scripted streams through the full SDK path at each concurrency
 * level, and compares every observed time with the send time the emulator stamped into the
 * chunk. Optionally checks that the open-loop dispatcher keeps its arrival rate.
 */
export async function runCalibration(options: CalibrationOptions): Promise<CalibrationReport> {
  const levels = options.levels;
  if (!Array.isArray(levels) || levels.length === 0 || levels.some((level) => !Number.isInteger(level) || level < 1)) {
    throw new RangeError(`levels must be a non-empty list of whole numbers ≥ 1, got ${JSON.stringify(levels)}`);
  }
  const clock = options.clock ?? monotonicClock;
  const log = options.onLog ?? (() => {});
  const provider = options.provider ?? "openai-compatible";
  const [ttftMs, gapMs, chunks] = [options.ttftMs ?? 50, options.gapMs ?? 10, options.chunks ?? 20];
  const model = calibrationModel(ttftMs, gapMs, chunks);
  const requestsFor = options.requestsPerLevel ?? ((level: number) => Math.max(2 * level, 100));
  const warmupWaves = options.warmupWaves ?? 3;
  if (!Number.isInteger(warmupWaves) || warmupWaves < 1) throw new RangeError(`warmupWaves must be a whole number ≥ 1, got ${warmupWaves}`);

  // Calibration streams match no dataset item, so the emulator indexes none (an empty folder).
  const emptyDatasets = await Deno.makeTempDir({ prefix: "calibration-datasets-" });
  const loadAverage = readLoadAverage();
  const emulator = await startEmulatorProcess(1, { calibration: true, datasetsDir: emptyDatasets });
  const bareServer = options.floors === false ? null : await startEmulatorProcess(1, { calibration: true, bare: true, datasetsDir: emptyDatasets });
  const endpoint = resolveEndpoint(provider, {}, emulator.url, "emulator");
  const transport = options.transport ?? defaultTransport(endpoint);
  const adapter = createAdapter(provider, endpoint, { clock, transport });
  // The bare server speaks the OpenAI chunk shape only, so the SDK runs over it on that path.
  const bareAdapter = bareServer === null ? null : createAdapter("openai-compatible", resolveEndpoint("openai-compatible", {}, bareServer.url, "emulator"), { clock, transport: "socket" });
  const bareTransport = new SocketTransport(clock);
  try {
    const measure = (runStream: StreamRunner, level: number) =>
      measureLevel({
        runStream,
        concurrency: level,
        warmupRequests: warmupWaves * level,
        requests: requestsFor(level),
        streamDurationMs: ttftMs + (chunks - 1) * gapMs,
        clock,
        // Only the default clock is performance.now(), whose readings map to Unix time.
        originUnixMs: options.clock === undefined ? (reading) => performance.timeOrigin + reading : undefined,
      });
    const results: LevelResult[] = [];
    const floors: FloorResult[] = [];
    for (const level of levels) {
      log(`measuring concurrency ${level} (${requestsFor(level)} streams of ${model})`);
      results.push(await measure(sdkStreamRunner(adapter, model, clock), level));
      if (bareServer === null || bareAdapter === null) continue;
      const paths: [FloorResult["path"], StreamRunner][] = [
        ["bare client, emulator", bareStreamRunner(bareTransport, `${emulator.url}/v1/chat/completions`, model, clock)],
        ["SDK, bare server", sdkStreamRunner(bareAdapter, model, clock)],
        ["bare client, bare server", bareStreamRunner(bareTransport, `${bareServer.url}/v1/chat/completions`, model, clock)],
      ];
      for (const [path, runStream] of paths) {
        log(`  floor at concurrency ${level}: ${path}`);
        floors.push({ path, result: await measure(runStream, level) });
      }
    }
    let openLoop: OpenLoopResult | null = null;
    if (options.openLoop) {
      const { ratePerS, requests, maxInFlight } = options.openLoop;
      log(`checking the open loop at ${ratePerS} requests/s (${requests} requests)`);
      // One short chunk per stream: the check measures the dispatcher, not the cost of long streams.
      const shortModel = calibrationModel(20, 0, 1);
      openLoop = await checkOpenLoopRate({ adapter, model: shortModel, ratePerS, requests, maxInFlight, clock });
    }
    const underOneMs = results.filter((r) => r.failed === 0 && (r.ttftErrorP99Ms ?? Infinity) < 1 && (r.gapErrorP99Ms ?? Infinity) < 1);
    return {
      date: new Date().toISOString().slice(0, 10),
      provider,
      transport,
      warmupWaves,
      model,
      cpus: navigator.hardwareConcurrency,
      denoVersion: Deno.version.deno,
      loadAverage,
      levels: results,
      floors,
      maxConcurrencyUnder1Ms: underOneMs.length === 0 ? null : Math.max(...underOneMs.map((r) => r.concurrency)),
      openLoop,
    };
  } finally {
    adapter.close();
    bareAdapter?.close();
    bareTransport.close();
    await emulator.stop();
    await bareServer?.stop();
    await Deno.remove(emptyDatasets, { recursive: true });
  }
}

// Other processes on the machine compete for the cores and raise every error, so the report states the load.
function readLoadAverage(): number | null {
  try {
    return Number(Deno.readTextFileSync("/proc/loadavg").split(" ")[0]);
  } catch {
    return null;
  }
}
