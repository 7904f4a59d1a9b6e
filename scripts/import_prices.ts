/**
 * Converts LiteLLM's model_prices_and_context_window.json into a price table CSV.
 * Usage: deno run -A scripts/import_prices.ts --from FILE --out FILE
 *          [--as-of YYYY-MM-DD] [--source TEXT] [--models REF,REF,...]
 * Prints the written path on stdout. Counts and skipped entries go to stderr.
 */
import { parseArgs } from "node:util";
import { formatPriceTable } from "../lib/pricing/format_price_table.ts";
import { importLitellmPrices } from "../lib/pricing/import_litellm_prices.ts";
import { parsePriceTable } from "../lib/pricing/parse_price_table.ts";

const USAGE = `Usage: deno run -A scripts/import_prices.ts --from FILE --out FILE [options]
  --from FILE      LiteLLM model_prices_and_context_window.json to read
  --out FILE       price table CSV to write (replaced if it exists)
  --as-of DATE     date the JSON was taken, YYYY-MM-DD (default: the file's modification date)
  --source TEXT    where the JSON came from, written into each row's source column
  --models LIST    comma-separated model refs or ids to keep, e.g. openai:gpt-4o,gemini-2.5-pro
  --verbose        list every skipped entry, not only those of the --models list`;

let args;
try {
  args = parseArgs({
    args: Deno.args,
    options: {
      from: { type: "string" },
      out: { type: "string" },
      "as-of": { type: "string" },
      source: { type: "string" },
      models: { type: "string" },
      verbose: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  }).values;
} catch (error) {
  console.error(`${error instanceof Error ? error.message : error}\n${USAGE}`);
  Deno.exit(2);
}
if (args.help) {
  console.error(USAGE);
  Deno.exit(0);
}
if (!args.from || !args.out) {
  console.error(`--from and --out are required.\n${USAGE}`);
  Deno.exit(2);
}

let text: string;
let modified: Date | null;
try {
  text = await Deno.readTextFile(args.from);
  modified = (await Deno.stat(args.from)).mtime;
} catch (error) {
  console.error(`cannot read ${args.from}: ${error instanceof Error ? error.message : error}. Fix: pass the path of the JSON file.`);
  Deno.exit(2);
}
let data: unknown;
try {
  data = JSON.parse(text);
} catch (error) {
  console.error(`${args.from} is not valid JSON: ${error instanceof Error ? error.message : error}`);
  Deno.exit(2);
}

const asOf = args["as-of"] ?? (modified ?? new Date()).toISOString().slice(0, 10);
const models = args.models?.split(",").map((name) => name.trim()).filter((name) => name !== "");
let result;
try {
  result = importLitellmPrices(data, { asOf, source: args.source, models });
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  Deno.exit(2);
}

const csv = formatPriceTable(result.rows);
// Read the output back with the project's parser, so a file that would not load is never written.
parsePriceTable(csv, args.out);
await Deno.writeTextFile(args.out, csv);

for (const { key, note } of result.notes) console.error(`note: ${key}: ${note}`);
const listed = args.verbose || models !== undefined ? result.skipped : [];
for (const { key, reason } of listed) console.error(`skipped: ${key}: ${reason}`);
console.error(
  `imported ${result.rows.length} rows (as_of ${asOf}), skipped ${result.skipped.length} entries` +
    (listed.length < result.skipped.length ? " (list them with --verbose)" : ""),
);
console.log(args.out);
