import { join } from "node:path";
import type { Spec } from "../lib/spec/spec_schema.ts";
import { runBenchmark } from "../lib/runner/run_benchmark.ts";
import { writeReport } from "../lib/report/write_report.ts";
import { createProgressBar } from "./_progress_bar.ts";

const REPORTS_DIR = new URL("../reports/", import.meta.url).pathname;

/**
 * Runs a spec with a progress bar on stderr, then writes its report to `reports/<run-id>/`.
 * Ctrl-C stops the run, keeps what was recorded and still writes the report.
 * Prints the report's path on stdout and returns the process exit code.
 */
export async function runAndReport(spec: Spec, specPath: string | null, runId?: string): Promise<number> {
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
      signal: controller.signal,
      onProgress: progress.update,
      onLog: (message) => console.error(message),
    });
    progress.finish();
    const { manifest, runDir } = result;
    const failed = result.records.filter((record) => record.status === "error").length;
    console.error(
      `run ${manifest.run_id}: ${result.records.length}/${manifest.trials_planned} trials recorded, ` +
        `${failed} failed, endpoints ${manifest.endpoint_kind}; trials in ${join(runDir, "trials.jsonl")}`,
    );
    if (manifest.stop_reason) console.error(`run stopped early: ${manifest.stop_reason}`);

    const { htmlPath, mdPath } = await writeReport(runDir, join(REPORTS_DIR, manifest.run_id));
    console.error(`report written: ${htmlPath} and ${mdPath}`);
    console.log(htmlPath);
    return manifest.status === "completed" ? 0 : 1;
  } finally {
    Deno.removeSignalListener("SIGINT", onSignal);
  }
}
