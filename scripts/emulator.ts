/**
 * Runs the local provider emulator until Ctrl-C. Prints the URL, the base URL per SDK and a
 * curl example to stdout, and logs one line per request to stderr. With `--bare` it runs the
 * bare calibration server instead, which prints its URL and logs only failed connections.
 *
 *   deno task emulator [--port N] [--seed S] [--profiles FILE] [--datasets DIR] [--replay RUN_DIR | --calibration [--bare]]
 */
import { parseArgs } from "node:util";
import { emulatorBaseUrls, type RequestLogEntry, startEmulator } from "../lib/emulator/start_emulator.ts";
import { FAULT_KINDS } from "../lib/emulator/fault_kinds.ts";
import { startBareCalibrationServer } from "../lib/emulator/bare_calibration_server.ts";

const HELP = `Usage: deno task emulator [options]

Starts a local HTTP server on 127.0.0.1 that speaks the OpenAI Chat Completions,
Anthropic Messages and Gemini generateContent APIs, for benchmarks without network access.
Any API key is accepted. Stop it with Ctrl-C.

Options:
  --port N          TCP port to listen on (default 0: any free port)
  --seed S          integer seed of all answer and timing draws (default 1)
  --profiles FILE   model profiles JSON (default lib/emulator/profiles.json)
  --datasets DIR    directory of *.jsonl datasets to recognise (default datasets/)
  --replay RUN_DIR  replay the streams a run recorded (spec "record_streams": true) with
                    their original timing, instead of generating replies
  --calibration     serve scripted streams for harness calibration: model
                    calibration-ttft<ms>-gap<ms>-n<chunks> sends n chunks, the first after
                    ttft ms and then one every gap ms, each carrying its send time in µs
  --bare            with --calibration: serve the calibration streams from a minimal
                    HTTP/1.1 server on raw sockets instead (OpenAI chunk shape, any path),
                    the floor that deno task calibrate compares against
  --quiet           do not log one line per request
  --exit-with-stdin exit when standard input closes (a parent process that dies takes the
                    emulator with it)
  -h, --help        show this help

Faults: a request header x-emulator-fault: <kind> forces one fault, and a profile's
"faults": {"rates": {<kind>: probability}, "retry_after_ms": N} injects them at seeded
rates. Kinds: ${FAULT_KINDS.join(", ")}.
`;

function parseOptions() {
  const { values } = parseArgs({
    args: Deno.args,
    options: {
      port: { type: "string" },
      seed: { type: "string" },
      profiles: { type: "string" },
      datasets: { type: "string" },
      replay: { type: "string" },
      calibration: { type: "boolean" },
      bare: { type: "boolean" },
      "exit-with-stdin": { type: "boolean" },
      quiet: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.replay !== undefined && values.calibration) throw new Error("--replay and --calibration exclude each other");
  if (values.bare && !values.calibration) throw new Error("--bare serves calibration streams only: add --calibration");
  return {
    help: values.help === true,
    port: values.port === undefined ? 0 : parseInteger(values.port, "--port"),
    seed: values.seed === undefined ? 1 : parseInteger(values.seed, "--seed"),
    profilesPath: values.profiles,
    datasetsDir: values.datasets,
    replayDir: values.replay,
    calibration: values.calibration === true,
    bare: values.bare === true,
    exitWithStdin: values["exit-with-stdin"] === true,
    quiet: values.quiet === true,
  };
}

function parseInteger(text: string, option: string): number {
  if (!/^-?\d+$/.test(text)) throw new Error(`${option} must be an integer, got "${text}"`);
  return Number(text);
}

function logRequest(entry: RequestLogEntry): void {
  const model = entry.model ? ` ${entry.model}` : "";
  const request = `${entry.method} ${entry.path}${model} [${entry.requestId}]`;
  const elapsed = `${entry.durationMs.toFixed(0)} ms`;
  if (entry.event === "disconnect") {
    console.error(`${request} client disconnected after ${elapsed}`);
    return;
  }
  const failure = entry.error ? ` error: ${entry.error}` : "";
  console.error(`${request} -> ${entry.status} (${elapsed})${failure}`);
}

/** Calls `onClose` when standard input reaches its end, which happens when the parent process exits. */
function watchStdin(onClose: () => void): void {
  (async () => {
    const buffer = new Uint8Array(256);
    while ((await Deno.stdin.read(buffer)) !== null) { /* discard */ }
  })().catch(() => {}).finally(onClose);
}

async function main(): Promise<number> {
  let options;
  try {
    options = parseOptions();
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\n\n${HELP}`);
    return 2;
  }
  if (options.help) {
    console.log(HELP);
    return 0;
  }

  const { exitWithStdin, quiet, bare, ...emulatorOptions } = options;
  if (bare) return await serveBare(emulatorOptions.port, exitWithStdin);
  const emulator = await startEmulator({ ...emulatorOptions, onRequest: quiet ? undefined : logRequest });
  const urls = emulatorBaseUrls(emulator.url);
  const example = JSON.stringify({
    model: "gpt-4o-mini",
    messages: [{ role: "user", content: "Say hello" }],
    max_tokens: 20,
  });
  console.log(`Emulator listening on ${emulator.url} (seed ${emulator.seed})
  OpenAI     new OpenAI({ baseURL: "${urls.openai}", apiKey: "any" })
  Anthropic  new Anthropic({ baseURL: "${urls.anthropic}", apiKey: "any" })
  Gemini     new GoogleGenAI({ apiKey: "any", httpOptions: { baseUrl: "${urls.google}" } })
Example:
  curl -s ${urls.openai}/chat/completions -H 'Authorization: Bearer any' -H 'Content-Type: application/json' -d '${example}'`);
  console.error(`profiles: ${emulator.profilesFile}`);
  console.error(`datasets: ${emulator.datasetsDir} (${emulator.itemCount} items recognised)`);
  if (emulator.mode === "replay") console.error(`replaying ${emulator.recordingCount} recorded streams from ${options.replayDir}`);
  if (emulator.mode === "calibration") console.error("calibration mode: serving scripted streams only");
  if (emulator.shadowedItems.length > 0) {
    console.error(`items with a repeated prompt, answered as the earlier item: ${emulator.shadowedItems.join(", ")}`);
  }

  const signal = await waitForStop(exitWithStdin);
  console.error(`${signal} received, stopping`);
  await emulator.close();
  return 0;
}

/** Runs the bare calibration server until a signal or the end of standard input. */
async function serveBare(port: number, exitWithStdin: boolean): Promise<number> {
  const server = startBareCalibrationServer(port, (message) => console.error(message));
  console.log(`Bare calibration server listening on ${server.url}`);
  const signal = await waitForStop(exitWithStdin);
  console.error(`${signal} received, stopping`);
  await server.close();
  return 0;
}

function waitForStop(exitWithStdin: boolean): Promise<string> {
  const stopped = Promise.withResolvers<string>();
  Deno.addSignalListener("SIGINT", () => stopped.resolve("SIGINT"));
  Deno.addSignalListener("SIGTERM", () => stopped.resolve("SIGTERM"));
  if (exitWithStdin) watchStdin(() => stopped.resolve("end of standard input"));
  return stopped.promise;
}

Deno.exit(await main());
