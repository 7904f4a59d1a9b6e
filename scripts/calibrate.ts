/**
 * Measures the harness's own timing accuracy against the emulator's calibration streams and
 * the open-loop dispatcher's rate accuracy, prints the tables on stdout and writes them into
 * docs/benchmarks.md ("Harness timing accuracy", "Open-loop rate accuracy").
 *
 *   deno task calibrate [--levels 1,64,256,1024] [--provider openai-compatible] [--transport socket]
 *                       [--rate 200] [--open-requests 2000] [--no-open-loop] [--no-floors] [--no-docs]
 */
import { parseArgs } from "node:util";
import { PROVIDER_NAMES, type ProviderName } from "../lib/providers/types.ts";
import { TRANSPORT_NAMES, type TransportName } from "../lib/providers/http_transport.ts";
import { runCalibration } from "../lib/calibration/run_calibration.ts";
import { formatCalibrationTable, formatFloorsTable, formatOpenLoopTable } from "../lib/calibration/format_calibration.ts";
import { replaceMarkdownSection } from "../lib/calibration/replace_markdown_section.ts";
import { calibrationSections, REQUEST_PATH_WARNING, requestPathUnreliable } from "../lib/calibration/calibration_sections.ts";

const HELP = `Usage: deno task calibrate [options]

Runs scripted streams from the emulator (in its own process) through the full SDK path and
reports how far the harness's TTFT and chunk-gap timestamps are from the times the emulator
sent each chunk, per concurrency level, with the harness CPU time per stream event. Then runs
the open-loop dispatcher at a fixed arrival rate and reports the rate it achieved.

Options:
  --levels LIST        concurrency levels, comma-separated (default 1,64,256,1024)
  --requests N         measured streams per level (default max(2 × level, 100))
  --provider NAME      SDK path: openai-compatible, openai, anthropic or google (default openai-compatible)
  --transport NAME     under the SDK: socket (the project's HTTP/1.1 client, what runs use for
                       http endpoints such as the emulator) or fetch (the runtime's, what runs
                       use for https APIs); default socket
  --rate R             open-loop arrival rate in requests/s (default 200)
  --open-requests N    requests of the open-loop check (default 2000, 10 s at 200/s)
  --no-open-loop       skip the open-loop check
  --warmup-waves N     unmeasured waves of streams before each level (default 3)
  --no-floors          skip the lighter paths (bare client and bare server) that show where
                       the error comes from
  --no-docs            do not write docs/benchmarks.md
  -h, --help           show this help
`;

const DOCS = new URL("../docs/benchmarks.md", import.meta.url);

function parseList(text: string, option: string): number[] {
  const values = text.split(",").map((part) => Number(part.trim()));
  if (values.some((value) => !Number.isInteger(value) || value < 1)) {
    throw new Error(`${option} must be whole numbers ≥ 1 separated by commas, got "${text}"`);
  }
  return values;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: Deno.args,
    options: {
      levels: { type: "string" },
      requests: { type: "string" },
      provider: { type: "string" },
      transport: { type: "string" },
      rate: { type: "string" },
      "open-requests": { type: "string" },
      "no-open-loop": { type: "boolean" },
      "no-floors": { type: "boolean" },
      "warmup-waves": { type: "string" },
      "no-docs": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const provider = (values.provider ?? "openai-compatible") as ProviderName;
  if (!(PROVIDER_NAMES as readonly string[]).includes(provider)) throw new Error(`--provider must be one of ${PROVIDER_NAMES.join(", ")}`);
  const transport = (values.transport ?? "socket") as TransportName;
  if (!(TRANSPORT_NAMES as readonly string[]).includes(transport)) throw new Error(`--transport must be one of ${TRANSPORT_NAMES.join(", ")}, got ${values.transport}`);
  const levels = parseList(values.levels ?? "1,64,256,1024", "--levels");
  const requests = values.requests === undefined ? undefined : parseList(values.requests, "--requests")[0];
  const rate = values.rate === undefined ? 200 : Number(values.rate);
  if (!(rate > 0)) throw new Error(`--rate must be a positive number of requests per second, got ${values.rate}`);
  const openRequests = values["open-requests"] === undefined ? 2000 : parseList(values["open-requests"], "--open-requests")[0];

  const report = await runCalibration({
    levels,
    provider,
    transport,
    requestsPerLevel: requests === undefined ? undefined : () => requests,
    floors: !values["no-floors"],
    warmupWaves: values["warmup-waves"] === undefined ? undefined : parseList(values["warmup-waves"], "--warmup-waves")[0],
    openLoop: values["no-open-loop"] ? null : { ratePerS: rate, requests: openRequests, maxInFlight: 1024 },
    onLog: (message) => console.error(message),
  });

  console.log(formatCalibrationTable(report));
  console.log(`\nlargest concurrency with p99 TTFT and chunk-gap error under 1 ms: ${report.maxConcurrencyUnder1Ms ?? "none of the levels measured"}`);
  if (requestPathUnreliable(report)) console.error(`warning: ${REQUEST_PATH_WARNING}`);
  if (report.floors.length > 0) console.log(`\nwhere the error comes from:\n${formatFloorsTable(report)}`);
  if (report.openLoop) console.log(`\n${formatOpenLoopTable(report)}`);

  if (!values["no-docs"]) {
    let markdown = "";
    try {
      markdown = await Deno.readTextFile(DOCS);
    } catch (error) {
      if (!(error instanceof Deno.errors.NotFound)) throw error;
      markdown = "# Benchmarks\n";
    }
    const command = `deno task calibrate ${Deno.args.join(" ")}`.trim();
    const sections = calibrationSections(report, command);
    markdown = replaceMarkdownSection(markdown, "Harness timing accuracy", sections.timing);
    if (report.openLoop) markdown = replaceMarkdownSection(markdown, "Open-loop rate accuracy", sections.openLoop);
    await Deno.writeTextFile(DOCS, markdown);
    console.error(`wrote the numbers to ${DOCS.pathname}`);
  }
  return 0;
}

try {
  Deno.exit(await main());
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  Deno.exit(2);
}
