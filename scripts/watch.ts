/**
 * Runs a spec once or on a schedule and appends each run to reports/history/<spec-name>.jsonl,
 * saying whether the run is comparable with the one before and refreshing the run trend report.
 * Usage: deno task watch --spec FILE (--once | --every 6h) [options]
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { loadSpec } from "../lib/spec/load_spec.ts";
import { SpecError } from "../lib/spec/spec_error.ts";
import { buildRunTrends } from "../lib/trends/build_run_trends.ts";
import { runAndRecord } from "../lib/trends/history/run_and_record.ts";
import { parseDuration } from "../lib/trends/parse_duration.ts";
import { writeTrendsReport } from "../lib/trends/report/write_trends_report.ts";

const REPORTS = new URL("../reports/", import.meta.url).pathname;

const USAGE = `Usage: deno task watch --spec FILE (--once | --every DURATION) [options]

  --spec FILE          benchmark spec (JSON); read again before every run
  --once               run once and exit (for cron or a CI schedule)
  --every DURATION     run every DURATION: a number and s, m, h or d, e.g. 30m, 6h, 1d
  --max-runs N         with --every: stop after N runs (default: until Ctrl-C)
  --history-dir DIR    folder of history files (default reports/history)
  --runs-dir DIR       folder of run folders (default reports/runs)
  --trends-dir DIR     folder of trend reports (default reports/trends)
  --skip-report        do not refresh reports/trends/<spec-name>/ after each run

Each run is appended to <history-dir>/<spec name>.jsonl with its run id, date, spec hash,
dataset hashes and per-model summary. Prints each run's id on stdout. A failed run is logged
and the schedule goes on. Exits 1 when a run failed or was interrupted, 2 on a bad option or
an invalid spec.
`;

const { values } = parseArgs({
  args: Deno.args,
  options: {
    spec: { type: "string" },
    once: { type: "boolean" },
    every: { type: "string" },
    "max-runs": { type: "string" },
    "history-dir": { type: "string" },
    "runs-dir": { type: "string" },
    "trends-dir": { type: "string" },
    "skip-report": { type: "boolean" },
    help: { type: "boolean", short: "h" },
  },
});
if (values.help) {
  console.log(USAGE);
  Deno.exit(0);
}
if (!values.spec || (values.once === true) === (values.every !== undefined)) {
  console.error(`give --spec FILE and exactly one of --once or --every DURATION.\n\n${USAGE}`);
  Deno.exit(2);
}
let intervalMs = 0;
let maxRuns = values.once ? 1 : Infinity;
try {
  if (values.every !== undefined) intervalMs = parseDuration(values.every);
  if (values["max-runs"] !== undefined) {
    if (!/^[1-9]\d*$/.test(values["max-runs"])) {
      throw new RangeError(`--max-runs must be a whole number ≥ 1, got "${values["max-runs"]}"`);
    }
    maxRuns = Math.min(maxRuns, Number(values["max-runs"]));
  }
} catch (error) {
  console.error((error as Error).message);
  Deno.exit(2);
}

const controller = new AbortController();
const onSignal = () => {
  if (controller.signal.aborted) Deno.exit(130);
  console.error("\nstopping: cancelling the run in flight; press Ctrl-C again to quit at once");
  controller.abort();
};
Deno.addSignalListener("SIGINT", onSignal);

let exitCode = 0;
const firstStart = Date.now();
for (let run = 0; run < maxRuns && !controller.signal.aborted; run++) {
  if (run > 0) {
    const due = firstStart + run * intervalMs;
    const wait = due - Date.now();
    if (wait > 0) {
      console.error(`next run at ${new Date(due).toISOString()}`);
      await sleep(wait, controller.signal);
      if (controller.signal.aborted) break;
    } else {
      console.error(`the previous run overran the ${values.every} interval by ${Math.round(-wait / 1000)} s; starting now`);
    }
  }
  try {
    exitCode = Math.max(exitCode, await runOnce(values.spec));
  } catch (error) {
    // One failed run must not end a schedule, so it is logged and reported in the exit code.
    console.error(`run ${run + 1} failed: ${error instanceof Error ? error.message : String(error)}`);
    exitCode = Math.max(exitCode, error instanceof SpecError ? 2 : 1);
  }
}
Deno.removeSignalListener("SIGINT", onSignal);
Deno.exit(controller.signal.aborted ? Math.max(exitCode, 1) : exitCode);

async function runOnce(specPath: string): Promise<number> {
  const spec = await loadSpec(specPath);
  const recorded = await runAndRecord({
    spec,
    specPath,
    runsDir: values["runs-dir"],
    historyDir: values["history-dir"],
    signal: controller.signal,
    onLog: (message) => console.error(message),
  });
  const { entry, previous, differences } = recorded;
  console.error(`run ${entry.run_id} ${entry.status}; appended to ${recorded.historyPath}`);
  if (previous === null) console.error("first completed run in this history");
  else if (differences.length === 0) console.error(`comparable with the previous run ${previous.run_id}`);
  else {
    console.error(`NOT comparable with the previous run ${previous.run_id}; what differs:`);
    for (const difference of differences) console.error(`  ${difference}`);
  }
  if (!values["skip-report"] && entry.status === "completed") {
    const report = await buildRunTrends(recorded.historyPath);
    const written = await writeTrendsReport(report, join(values["trends-dir"] ?? join(REPORTS, "trends"), spec.name));
    for (const flag of report.flags) console.error(`  flag ${flag.kind}: ${flag.model} run ${flag.period}: ${flag.detail}`);
    console.error(`trend report: ${written.htmlPath}`);
  }
  console.log(entry.run_id);
  return entry.status === "completed" ? 0 : 1;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
