/**
 * Writes a seeded synthetic production log with a planted latency regression and a planted
 * silent model-version change, for trying the importer and the trend report.
 * Usage: deno run -A scripts/generate_production_log.ts --out FILE [--format jsonl|csv|otel]
 *        [--rows N] [--days N] [--seed N] [--start YYYY-MM-DD] [--bad-rows N]
 */
import { parseArgs } from "node:util";
import { generateProductionLog } from "../lib/importers/generate_production_log.ts";
import { GENERATED_CSV_MAP } from "../lib/importers/format_log_record.ts";

const USAGE = `Usage: deno run -A scripts/generate_production_log.ts --out FILE [options]

  --out FILE          file to write (overwritten)
  --format F          jsonl (request log, default), csv (needs --map to import) or otel (OTLP JSON lines)
  --rows N            requests to write (default 300000)
  --days N            days of traffic (default 30)
  --seed N            random seed (default 1); the same options give the same file
  --start DATE        first day, YYYY-MM-DD in UTC (default 2026-03-01)
  --bad-rows N        malformed rows to plant at even intervals (default 0)

Prints a JSON summary with the planted changes and bad rows on stdout.
`;

const { values } = parseArgs({
  args: Deno.args,
  options: {
    out: { type: "string" },
    format: { type: "string", default: "jsonl" },
    rows: { type: "string" },
    days: { type: "string" },
    seed: { type: "string" },
    start: { type: "string" },
    "bad-rows": { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});
if (values.help) {
  console.log(USAGE);
  Deno.exit(0);
}
if (!values.out) {
  console.error(`missing --out FILE.\n\n${USAGE}`);
  Deno.exit(2);
}
const format = values.format;
if (format !== "jsonl" && format !== "csv" && format !== "otel") {
  console.error(`invalid --format "${format}": use jsonl, csv or otel.`);
  Deno.exit(2);
}

try {
  const started = performance.now();
  const log = await generateProductionLog({
    path: values.out,
    format,
    rows: integer(values.rows, "--rows"),
    days: integer(values.days, "--days"),
    seed: integer(values.seed, "--seed"),
    startDate: values.start,
    badRows: integer(values["bad-rows"], "--bad-rows"),
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.error(`wrote ${log.rows} requests and ${log.badLines.length} bad rows to ${log.path} in ${seconds} s`);
  if (format === "csv") console.error(`import it with --format csv --map ${GENERATED_CSV_MAP}`);
  console.log(JSON.stringify({ ...log, badLines: log.badLines.slice(0, 20), badLineCount: log.badLines.length }, null, 2));
} catch (error) {
  if (error instanceof RangeError || error instanceof TypeError) {
    console.error(error.message);
    Deno.exit(2);
  }
  throw error;
}

function integer(text: string | undefined, option: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) {
    console.error(`${option} must be a whole number, got "${text}"`);
    Deno.exit(2);
  }
  return Number(text);
}
