import { fileURLToPath } from "node:url";
import { CalibrationEngine } from "./calibration_engine.ts";
import { loadDatasetIndex } from "./load_dataset_index.ts";
import { loadProfiles } from "./load_profiles.ts";
import { loadRecordedStreams } from "./load_recorded_streams.ts";
import { ReplayEngine } from "./replay_engine.ts";
import { ReplyEngine } from "./reply_engine.ts";
import { createRequestHandler, type RequestLogEntry } from "./route_request.ts";

export { type EmulatorBaseUrls, emulatorBaseUrls } from "./emulator_base_urls.ts";
export type { RequestLogEntry } from "./route_request.ts";

/** Options of `startEmulator`. */
export interface EmulatorOptions {
  /** TCP port on 127.0.0.1. 0 (the default) picks a free port. */
  port?: number;
  /** Seed of every answer and timing draw (default 1). */
  seed?: number;
  /** Model profiles JSON file (default `lib/emulator/profiles.json`). */
  profilesPath?: string;
  /** Directory of `*.jsonl` datasets whose items get dataset answers (default `<repo>/datasets`). */
  datasetsDir?: string;
  /** Called once per request when its response headers are ready. */
  onRequest?: (entry: RequestLogEntry) => void;
  /** Run folder whose recorded streams (`streams.jsonl`) are replayed instead of generated replies. */
  replayDir?: string | null;
  /** Serve scripted calibration streams (`calibration-ttft<ms>-gap<ms>-n<chunks>`) instead of replies. */
  calibration?: boolean;
}

/** A running emulator. */
export interface RunningEmulator {
  /** `http://127.0.0.1:PORT`, without a trailing slash. */
  url: string;
  port: number;
  seed: number;
  profilesFile: string;
  datasetsDir: string;
  /** Number of dataset items the emulator recognises. */
  itemCount: number;
  /** Items (`<dataset>/<id>`) whose prompt repeats an earlier item's prompt. The earlier item answers. */
  shadowedItems: string[];
  /** "generate" (profiles), "replay" (a recorded run) or "calibration" (scripted streams). */
  mode: "generate" | "replay" | "calibration";
  /** Number of recorded streams a replaying emulator serves, else 0. */
  recordingCount: number;
  /** Number of response streams still sending. A stream stops early when its client disconnects. */
  readonly activeStreams: number;
  /** Ends open streams and stops the server. */
  close(): Promise<void>;
}

/**
 * Starts the local provider emulator: an HTTP server on 127.0.0.1 that speaks the OpenAI
 * Chat Completions, Anthropic Messages and Gemini generateContent protocols, so the
 * unmodified SDKs work against it with any API key. Give the SDKs these base URLs
 * (`emulatorBaseUrls(url)` returns them):
 *
 * - OpenAI (and OpenAI-compatible clients): `new OpenAI({ baseURL: url + "/v1", apiKey })`
 * - Anthropic: `new Anthropic({ baseURL: url, apiKey })`
 * - Gemini: `new GoogleGenAI({ apiKey, httpOptions: { baseUrl: url } })` (`/v1beta/` and `/v1/` both work)
 *
 * Profiles and datasets load before the server listens, so a bad file fails here with
 * the file, model or line at fault.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const port = options.port ?? 0;
  const seed = options.seed ?? 1;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RangeError(`port must be an integer from 0 to 65535 (0 = any free port), got ${port}`);
  }
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);

  const profilesFile = options.profilesPath ?? fileURLToPath(new URL("./profiles.json", import.meta.url));
  const datasetsDir = options.datasetsDir ?? fileURLToPath(new URL("../../datasets", import.meta.url));
  const profiles = await loadProfiles(profilesFile);
  const datasets = await loadDatasetIndex(datasetsDir);
  if (options.replayDir && options.calibration) {
    throw new RangeError("replayDir and calibration exclude each other: the emulator either replays a run or serves calibration streams");
  }
  let engine: ReplyEngine;
  let recordingCount = 0;
  if (options.replayDir) {
    const replay = new ReplayEngine(profiles, datasets, seed, await loadRecordedStreams(options.replayDir), options.replayDir);
    recordingCount = replay.recordingCount;
    engine = replay;
  } else {
    engine = options.calibration ? new CalibrationEngine(profiles, datasets, seed) : new ReplyEngine(profiles, datasets, seed);
  }

  const closing = new AbortController();
  const streams = { active: 0 };
  const handler = createRequestHandler(engine, { closeSignal: closing.signal, streams, onRequest: options.onRequest });
  const server = Deno.serve({ hostname: "127.0.0.1", port, onListen: () => {} }, handler);
  const address = server.addr as Deno.NetAddr;

  let closed: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    seed,
    profilesFile,
    datasetsDir,
    itemCount: datasets.items.size,
    shadowedItems: datasets.shadowed,
    mode: options.replayDir ? "replay" : options.calibration ? "calibration" : "generate",
    recordingCount,
    get activeStreams() {
      return streams.active;
    },
    close() {
      closed ??= (async () => {
        closing.abort(new Error("emulator closed"));
        await server.shutdown();
      })();
      return closed;
    },
  };
}
