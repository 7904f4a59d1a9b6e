/**
 * Converts a dataset in a common public format into this project's JSONL.
 *
 *   deno run -A scripts/import_dataset.ts --format humaneval|qa --in FILE --out datasets/NAME.jsonl
 */
import { parseArgs } from "node:util";
import { DatasetError } from "../lib/datasets/dataset_error.ts";
import { formatItemLine } from "../lib/datasets/format_item_line.ts";
import { importHumanEval } from "../lib/datasets/import_humaneval.ts";
import { importQaJsonl } from "../lib/datasets/import_qa_jsonl.ts";
import { loadDataset } from "../lib/datasets/load_dataset.ts";

const HELP = `Usage: deno run -A scripts/import_dataset.ts --format humaneval|qa --in FILE --out datasets/NAME.jsonl

Converts FILE into dataset items and writes them to the --out JSONL file, then loads the
result to check it. A bad row stops the import with its file, line, field and fix.

Formats:
  humaneval   rows {task_id, prompt, canonical_solution, test, entry_point} in TypeScript;
              test defines check(candidate). Items get the code-tests scorer.
  qa          rows {question, answer} (answer: string or list of accepted strings), optional id.
              Items get the exact scorer with normalize "loose".

Options:
  --format F     input format: humaneval or qa
  --in FILE      input JSONL file
  --out FILE     output JSONL file (created or replaced)
  -h, --help     show this help
`;

const { values } = parseArgs({
  args: Deno.args,
  options: {
    format: { type: "string" },
    in: { type: "string" },
    out: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
  strict: true,
});
if (values.help) {
  console.log(HELP);
  Deno.exit(0);
}
if (values.format !== "humaneval" && values.format !== "qa") {
  console.error(`--format must be humaneval or qa, got ${JSON.stringify(values.format ?? null)}\n\n${HELP}`);
  Deno.exit(2);
}
if (!values.in || !values.out) {
  console.error(`--in and --out are required\n\n${HELP}`);
  Deno.exit(2);
}
if (!values.out.endsWith(".jsonl")) {
  console.error(`--out must name a .jsonl file, got ${values.out}`);
  Deno.exit(2);
}

try {
  const text = await Deno.readTextFile(values.in);
  const items = values.format === "humaneval" ? importHumanEval(text, values.in) : importQaJsonl(text, values.in);
  await Deno.writeTextFile(values.out, items.map(formatItemLine).join("\n") + "\n");
  const dataset = await loadDataset(values.out);
  console.error(`wrote ${dataset.items.length} ${values.format} items to ${values.out}`);
} catch (error) {
  if (error instanceof DatasetError || error instanceof Deno.errors.NotFound) {
    console.error(error instanceof DatasetError ? error.message : `input file not found: ${values.in}`);
    Deno.exit(1);
  }
  throw error;
}
