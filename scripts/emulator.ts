/**
 * Runs the local provider emulator until Ctrl-C. Prints the URL, the base URL per SDK and a
 * curl example to stdout, and logs one line per request to stderr.
 *
 *   deno task emulator [--port N] [--seed S] [--profiles FILE] [--datasets DIR]
 */
import { parseArgs } from "node:util";
import { emulatorBaseUrls, type RequestLogEntry, startEmulator } from "../lib/emulator/start_emulator.ts";

const HELP = `Usage: deno task emulator [options]

Starts a local HTTP server on 127.0.0.1 that speaks the OpenAI Chat Completions,
Anthropic Messages and Gemini generateContent APIs, for benchmarks without network access.
Any API key is accepted. Stop it with Ctrl-C.

Options:
  --port N          TCP port to listen on (default 0: any free port)
  --seed S          integer seed of all answer and timing draws (default 1)
  --profiles FILE   model profiles JSON (default lib/emulator/profiles.json)
  --datasets DIR    directory of *.jsonl datasets to recognise (default datasets/)
  -h, --help        show this help
`;

function parseOptions() {
  const { values } = parseArgs({
    args: Deno.args,
    options: {
      port: { type: "string" },
      seed: { type: "string" },
      profiles: { type: "string" },
      datasets: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  return {
    help: values.help === true,
    port: values.port === undefined ? 0 : parseInteger(values.port, "--port"),
    seed: values.seed === undefined ? 1 : parseInteger(values.seed, "--seed"),
    profilesPath: values.profiles,
    datasetsDir: values.datasets,
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

  const emulator = await startEmulator({ ...options, onRequest: logRequest });
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
  if (emulator.shadowedItems.length > 0) {
    console.error(`items with a repeated prompt, answered as the earlier item: ${emulator.shadowedItems.join(", ")}`);
  }

  const stopped = Promise.withResolvers<string>();
  const onSignal = (name: string) => () => stopped.resolve(name);
  Deno.addSignalListener("SIGINT", onSignal("SIGINT"));
  Deno.addSignalListener("SIGTERM", onSignal("SIGTERM"));
  const signal = await stopped.promise;
  console.error(`${signal} received, stopping`);
  await emulator.close();
  return 0;
}

Deno.exit(await main());
