import { join } from "node:path";
import { readRunManifest } from "../lib/report/read_run_manifest.ts";
import type { RunManifest } from "../lib/runner/manifest.ts";
import { runBenchmark } from "../lib/runner/run_benchmark.ts";
import { loadSpec } from "../lib/spec/load_spec.ts";
import type { Spec } from "../lib/spec/spec_schema.ts";
import { limitItems } from "./_limit_items.ts";
import { projectPath } from "./_project_path.ts";

/** Options of {@link chooseRun}. */
export interface ChooseRunOptions {
  /** Folder that contains one folder per run, e.g. the absolute path of reports/runs. */
  runsDir: string;
  /** Run id to use as it is, or null for the newest completed run. */
  runId: string | null;
  /** Only runs whose manifest passes this check count as candidates for the newest run. */
  accept?: (manifest: RunManifest) => boolean;
  /**
   * Spec to run when no run qualifies. The default is specs/default.json with 1 item per dataset
   * on the emulator, as notebook 02 runs it.
   */
  fallbackSpec?: () => Promise<Spec>;
  /** Notices of the fallback run (emulator started, cost estimate). */
  onLog?: (message: string) => void;
}

/** The run a notebook works on and how it was found. */
export interface ChosenRun {
  runId: string;
  runDir: string;
  /** Origin of the run: `given` by the caller, the `newest` completed run, or `created` just now. */
  how: "given" | "newest" | "created";
}

/**
 * Chooses the run a notebook works on. That is the run named by `runId`, else the newest
 * completed run under `runsDir` (by its start time in run.json) that `accept` allows. When no
 * run qualifies, it makes a small run on the emulator, so a fresh checkout has data to show.
 * Throws when a named run has no run.json or trials.jsonl.
 */
export async function chooseRun(options: ChooseRunOptions): Promise<ChosenRun> {
  if (typeof options?.runsDir !== "string" || options.runsDir === "") {
    throw new TypeError("chooseRun: runsDir must be the folder that contains the runs, e.g. reports/runs");
  }
  const { runsDir, runId } = options;
  if (runId !== null) {
    const runDir = join(runsDir, runId);
    await readRunManifest(runDir);
    await Deno.stat(join(runDir, "trials.jsonl")).catch((cause) => {
      throw new Error(`run ${runId}: ${runDir}/trials.jsonl is missing. Pass a run id listed in ${runsDir}.`, {
        cause,
      });
    });
    return { runId, runDir, how: "given" };
  }

  const newest = await findNewestRun(runsDir, options.accept ?? (() => true));
  if (newest !== null) return { runId: newest, runDir: join(runsDir, newest), how: "newest" };

  const spec = await (options.fallbackSpec ?? smallDefaultSpec)();
  const result = await runBenchmark({ spec, runsDir, onLog: options.onLog });
  return { runId: result.manifest.run_id, runDir: result.runDir, how: "created" };
}

async function findNewestRun(runsDir: string, accept: (manifest: RunManifest) => boolean): Promise<string | null> {
  let newest: { name: string; startedAt: string } | null = null;
  let entries: Deno.DirEntry[];
  try {
    entries = await Array.fromAsync(Deno.readDir(runsDir));
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return null;
    throw error;
  }
  for (const entry of entries) {
    if (!entry.isDirectory) continue;
    const runDir = join(runsDir, entry.name);
    // Folders that are not finished runs (a run still going, a copy without run.json) are skipped.
    const manifest = await readRunManifest(runDir).catch(() => null);
    if (manifest === null || manifest.status !== "completed") continue;
    if (!(await exists(join(runDir, "trials.jsonl"))) || !accept(manifest)) continue;
    if (newest === null || manifest.started_at > newest.startedAt) {
      newest = { name: entry.name, startedAt: manifest.started_at };
    }
  }
  return newest?.name ?? null;
}

async function smallDefaultSpec(): Promise<Spec> {
  const spec = await loadSpec(projectPath("specs/default.json"));
  return limitItems({ ...spec, endpoint: "emulator" }, 1, "specs/default.json (1 item per dataset)");
}

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(path);
    return true;
  } catch {
    return false;
  }
}
