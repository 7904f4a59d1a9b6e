/**
 * Rebuilds the report of a recorded run.
 * Usage: deno task report RUN [--scenarios FILE] [--no-pdf]
 *   RUN: a run id under reports/runs/, or a run folder path.
 *   --scenarios FILE: JSON file of extra scenarios to recommend a model for.
 *   --no-pdf: skip report.pdf (which needs Debian's chromium).
 */
import { join } from "node:path";
import { writeReport } from "../lib/report/write_report.ts";

const USAGE = "Usage: deno task report RUN [--scenarios FILE] [--no-pdf]   (RUN: a run id under reports/runs/, or a run folder path)";
const REPORTS_DIR = new URL("../reports/", import.meta.url).pathname;

const args = [...Deno.args];
if (args.length === 0 || args.includes("--help") || args.includes("-h")) {
  console.error(USAGE);
  Deno.exit(args.length === 0 ? 2 : 0);
}
let scenariosFile: string | undefined;
let pdf = true;
const positional: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--no-pdf") pdf = false;
  else if (args[i] === "--scenarios") {
    scenariosFile = args[++i];
    if (!scenariosFile) {
      console.error(`--scenarios needs a file path. ${USAGE}`);
      Deno.exit(2);
    }
  } else if (args[i].startsWith("--")) {
    console.error(`invalid option ${args[i]}. ${USAGE}`);
    Deno.exit(2);
  } else positional.push(args[i]);
}
if (positional.length !== 1) {
  console.error(`expected one RUN, got ${positional.length}. ${USAGE}`);
  Deno.exit(2);
}
const run = positional[0];

let runDir = run;
try {
  await Deno.stat(join(runDir, "trials.jsonl"));
} catch {
  runDir = join(REPORTS_DIR, "runs", run);
}
try {
  await Deno.stat(join(runDir, "trials.jsonl"));
} catch {
  console.error(`run not found: no trials.jsonl in "${run}" or in ${runDir}. Fix: pass a run id listed in reports/runs/.`);
  Deno.exit(2);
}
const runId = runDir.replace(/\/+$/, "").split("/").pop()!;
const written = await writeReport(runDir, join(REPORTS_DIR, runId), { scenariosFile, pdf });
for (const warning of written.warnings) console.error(`warning: ${warning}`);
console.error(
  `report written: ${written.htmlPath}, ${written.mdPath}${written.pdfPath ? `, ${written.pdfPath}` : ""}; ` +
    `data: ${written.parquetPath}, ${written.csvPath}`,
);
console.log(written.htmlPath);
