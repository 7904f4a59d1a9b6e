/**
 * Imports production request logs into the trial schema under reports/imports/<name>/.
 * Usage: deno task import-logs --format otel|jsonl|csv --name NAME [--map f=col,...] FILE...
 */
import { parseArgs } from "node:util";
import { ImportError } from "../lib/importers/import_error.ts";
import { importLog, LOG_FORMATS, type LogFormat } from "../lib/importers/import_log.ts";
import { parseColumnMap } from "../lib/importers/parse_column_map.ts";
import { REQUEST_LOG_FIELDS } from "../lib/importers/request_log_fields.ts";
import { PriceTableError } from "../lib/pricing/price_table_error.ts";

const USAGE = `Usage: deno task import-logs --format FORMAT --name NAME [options] FILE...

  --format FORMAT     otel (OTLP JSON spans with gen_ai.* attributes), jsonl (request log)
                      or csv (export with a header row)
  --name NAME         import name; output goes to reports/imports/NAME/
  --map PAIRS         csv only: field=column pairs, e.g. timestamp=ts,model=model_name,latency_ms=duration
                      (fields: ${REQUEST_LOG_FIELDS.join(", ")})
  --prices FILE       price table CSV for cost_usd (default datasets/prices.csv)
  --out-dir DIR       folder for imports (default reports/imports)
  --output KIND       parquet (default) or jsonl
  --show-bad N        bad rows to list on stderr (default 20; all are counted)

Writes trials.parquet (or trials.jsonl) and import.json, and prints the trials path on stdout.
Exits 0 when the import finished, even with bad rows (they are listed and counted), and
2 on unusable options or files.
`;

const { values, positionals } = parseArgs({
  args: Deno.args,
  allowPositionals: true,
  options: {
    format: { type: "string" },
    name: { type: "string" },
    map: { type: "string" },
    prices: { type: "string" },
    "out-dir": { type: "string" },
    output: { type: "string" },
    "show-bad": { type: "string", default: "20" },
    help: { type: "boolean", short: "h" },
  },
});
if (values.help) {
  console.log(USAGE);
  Deno.exit(0);
}
if (!values.format || !values.name || positionals.length === 0) {
  console.error(`--format, --name and at least one FILE are required.\n\n${USAGE}`);
  Deno.exit(2);
}
if (!(LOG_FORMATS as readonly string[]).includes(values.format)) {
  console.error(`invalid --format "${values.format}": use ${LOG_FORMATS.join(", ")}.`);
  Deno.exit(2);
}
const showBad = Number(values["show-bad"]);
if (!Number.isInteger(showBad) || showBad < 0) {
  console.error(`--show-bad must be a whole number, got "${values["show-bad"]}"`);
  Deno.exit(2);
}

try {
  const result = await importLog({
    name: values.name,
    format: values.format as LogFormat,
    files: positionals,
    columnMap: values.map === undefined ? undefined : parseColumnMap(values.map),
    pricesPath: values.prices,
    importsDir: values["out-dir"],
    output: values.output as "parquet" | "jsonl" | undefined,
    badRowLimit: Math.max(showBad, 50),
  });
  const seconds = (result.timings_ms.total / 1000).toFixed(2);
  const rate = Math.round(result.records / Math.max(result.timings_ms.total / 1000, 0.001));
  console.error(
    `imported ${result.imported} of ${result.records} records from ${result.files.length} file(s) in ${seconds} s ` +
      `(${rate} records/s; read ${result.timings_ms.read} ms, write ${result.timings_ms.write} ms); ` +
      `${result.bad} bad, ${Object.values(result.skipped).reduce((a, b) => a + b, 0)} skipped`,
  );
  for (const [rule, count] of Object.entries(result.badByRule)) console.error(`  bad: ${count} × ${rule}`);
  for (const row of result.badRows.slice(0, showBad)) console.error(`  ${row.file}:${row.line}: ${row.reason}`);
  if (result.bad > Math.min(showBad, result.badRows.length)) {
    console.error(`  … ${result.bad - Math.min(showBad, result.badRows.length)} more bad rows (counted in import.json)`);
  }
  for (const [reason, count] of Object.entries(result.skipped)) console.error(`  skipped: ${count} × ${reason}`);
  if (result.unpricedModels.length > 0) console.error(`  no price row, cost left empty: ${result.unpricedModels.join(", ")}`);
  console.log(result.trialsPath);
} catch (error) {
  if (error instanceof ImportError || error instanceof PriceTableError) {
    console.error(error.message);
    Deno.exit(2);
  }
  throw error;
}
