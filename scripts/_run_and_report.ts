import { dirname, join, resolve } from "node:path";
import type { Spec } from "../lib/spec/spec_schema.ts";
import { runBenchmark } from "../lib/runner/run_benchmark.ts";
import { writeReport } from "../lib/report/write_report.ts";
import { deriveLoadLines } from "../lib/analysis/derive_load_lines.ts";
import { createProgressBar } from "./_progress_bar.ts";

const REPORTS_DIR = new URL("../reports/", import.meta.url).pathname;

/**
 * Runs a spec with a progress bar on stderr, then writes its report to `reports/<run-id>/`
 * (or, with `runsDir`, to `<parent of runsDir>/<run-id>/`).
 * Ctrl-C stops the run, keeps what was recorded and still writes the report.
 * Prints the report's path on stdout and returns the process exit code.
 */
export async function runAndReport(
  spec: Spec,
  specPath: string | null,
  runId?: string,
  folders: { runsDir?: string; datasetsDir?: string } = {},
): Promise<number> {
  const { runsDir, datasetsDir } = folders;
  const controller = new AbortController();
  const onSignal = () => {
    if (controller.signal.aborted) Deno.exit(130);
    console.error("\nstopping: cancelling requests in flight; press Ctrl-C again to quit at once");
    controller.abort();
  };
  Deno.addSignalListener("SIGINT", onSignal);

  const progress = createProgressBar();
  try {
    const result = await runBenchmark({
      spec,
      specPath,
      runId,
      runsDir,
      datasetsDir,
      signal: controller.signal,
      onProgress: progress.update,
      onLog: (message) => console.error(message),
    });
    progress.finish();
    const { manifest, runDir } = result;
    const errors = result.records.filter((record) => record.status === "error");
    const expected = errors.filter((record) => record.grade?.pass === true).length;
    const failed = `${errors.length} failed` + (expected > 0 ? ` (${expected} with the error their item expects)` : "");
    console.error(
      `run ${manifest.run_id}: ${result.records.length}/${manifest.trials_planned} trials recorded, ` +
        `${failed}, endpoints ${manifest.endpoint_kind}; trials in ${join(runDir, "trials.jsonl")}`,
    );
    if (manifest.stop_reason) console.error(`run stopped early: ${manifest.stop_reason}`);
    const load = spec.load;
    const lines = deriveLoadLines(result.records.filter((record) => record.run_id === manifest.run_id), {
      warmupS: load.warmup_s,
      cooldownS: load.cooldown_s,
      targets: load.goodput_targets,
    });
    for (const line of lines) console.error(line);
    if (manifest.spent_real_usd) console.error(`spent on real endpoints: $${manifest.spent_real_usd.toFixed(4)}`);

    const reportsDir = runsDir === undefined ? REPORTS_DIR : dirname(resolve(runsDir));
    const written = await writeReport(runDir, join(reportsDir, manifest.run_id));
    for (const warning of written.warnings) console.error(`warning: ${warning}`);
    const pdf = written.pdfPath ? `, ${written.pdfPath}` : "";
    console.error(`report written: ${written.htmlPath}, ${written.mdPath}${pdf}; data: ${written.parquetPath}, ${written.csvPath}`);
    console.log(written.htmlPath);
    // Exit non-zero when the run stopped early or no trial got through, so scripts notice.
    const allFailed = result.records.length > 0 && errors.length - expected === result.records.length;
    if (allFailed) console.error("every trial failed: see the Errors section of the report");
    return manifest.status === "completed" && !allFailed ? 0 : 1;
  } finally {
    Deno.removeSignalListener("SIGINT", onSignal);
  }
}
