/**
 * Compares two recorded runs and writes reports/compare-<A>-vs-<B>/compare.{md,html,json}.
 * Usage: deno task compare RUN_A RUN_B [options]   (run ids under reports/runs/, or run folders)
 * Prints the HTML report's path, or the comparison JSON with --json, on stdout. Logs go to stderr.
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { compareRuns } from "../lib/analysis/compare_runs.ts";
import { loadRun } from "../lib/analysis/load_run.ts";
import { writeComparisonReport } from "../lib/analysis/write_comparison_report.ts";

const REPORTS_DIR = new URL("../reports/", import.meta.url).pathname;
const USAGE = `Usage: deno task compare RUN_A RUN_B [options]
  RUN_A, RUN_B           run ids under reports/runs/, or run folder paths; changes are B minus A
  --out DIR              folder for compare.md, compare.html and compare.json
                         (default reports/compare-<A>-vs-<B>)
  --seed N               bootstrap seed (default 1)
  --resamples N          bootstrap resamples (default 2000)
  --threshold F          smallest relative change of latency, speed or cost to flag (default 0.05)
  --rate-threshold F     smallest change of a pass or error rate to flag, absolute (default 0.05)
  --json                 print the comparison as JSON on stdout instead of the report path
  --fail-on-regression   exit with status 1 when any regression is flagged`;

let parsed;
try {
  parsed = parseArgs({
    args: Deno.args,
    allowPositionals: true,
    options: {
      out: { type: "string" },
      seed: { type: "string" },
      resamples: { type: "string" },
      threshold: { type: "string" },
      "rate-threshold": { type: "string" },
      json: { type: "boolean", default: false },
      "fail-on-regression": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
} catch (error) {
  console.error(`${error instanceof Error ? error.message : error}\n${USAGE}`);
  Deno.exit(2);
}
const { values: args, positionals } = parsed;
if (args.help) {
  console.error(USAGE);
  Deno.exit(0);
}
if (positionals.length !== 2) {
  console.error(`expected two runs, got ${positionals.length}.\n${USAGE}`);
  Deno.exit(2);
}

const numberOption = (name: string, value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  const parsedValue = Number(value);
  if (!Number.isFinite(parsedValue)) {
    console.error(`--${name} must be a number, got ${JSON.stringify(value)}`);
    Deno.exit(2);
  }
  return parsedValue;
};

const [dirA, dirB] = await Promise.all(positionals.map(resolveRunDir));
const idOf = (dir: string) => dir.replace(/\/+$/, "").split("/").pop()!;
try {
  const [runA, runB] = await Promise.all([loadRun(dirA), loadRun(dirB)]);
  console.error(`comparing ${runA.manifest.run_id} (${runA.trials.height} trials) with ${runB.manifest.run_id} (${runB.trials.height} trials)`);
  const comparison = compareRuns(runA, runB, {
    seed: numberOption("seed", args.seed),
    resamples: numberOption("resamples", args.resamples),
    relativeThreshold: numberOption("threshold", args.threshold),
    rateThreshold: numberOption("rate-threshold", args["rate-threshold"]),
  });
  const outDir = args.out ?? join(REPORTS_DIR, `compare-${idOf(dirA)}-vs-${idOf(dirB)}`);
  const paths = await writeComparisonReport(comparison, outDir);

  for (const warning of comparison.warnings) console.error(`warning: ${warning}`);
  const { counts } = comparison;
  console.error(
    `${counts.regression} regressions, ${counts.improvement} improvements, ` +
      `${counts["no significant change"]} without significant change, ${counts["insufficient data"]} with insufficient data`,
  );
  console.error(`comparison written: ${paths.htmlPath}, ${paths.mdPath} and ${paths.jsonPath}`);
  console.log(args.json ? JSON.stringify(comparison, null, 2) : paths.htmlPath);
  Deno.exit(args["fail-on-regression"] && counts.regression > 0 ? 1 : 0);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  Deno.exit(2);
}

async function resolveRunDir(run: string): Promise<string> {
  for (const dir of [run, join(REPORTS_DIR, "runs", run)]) {
    try {
      await Deno.stat(join(dir, "run.json"));
      return dir;
    } catch {
      // Try the next place a run can be.
    }
  }
  console.error(`run not found: no run.json in "${run}" or in reports/runs/${run}. Fix: pass a run id listed in reports/runs/.`);
  Deno.exit(2);
}
