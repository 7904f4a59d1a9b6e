/**
 * Rebuilds the report of a recorded run.
 * Usage: deno task report RUN   (a run id under reports/runs/, or a run folder path)
 */
import { join } from "node:path";
import { writeReport } from "../lib/report/write_report.ts";

const REPORTS_DIR = new URL("../reports/", import.meta.url).pathname;
const run = Deno.args[0];
if (!run || run === "--help" || run === "-h") {
  console.error("Usage: deno task report RUN   (a run id under reports/runs/, or a run folder path)");
  Deno.exit(run ? 0 : 2);
}

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
const { htmlPath, mdPath } = await writeReport(runDir, join(REPORTS_DIR, runId));
console.error(`report written: ${htmlPath} and ${mdPath}`);
console.log(htmlPath);
