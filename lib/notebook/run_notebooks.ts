import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";
import { ServerConnection } from "./jupyter_services.ts";
import type { CellExecutionError } from "./cell_execution_error.ts";
import { executeNotebook } from "./execute_notebook.ts";
import { INJECTED_PARAMETERS_TAG, injectParameters } from "./inject_parameters.ts";
import type { Notebook } from "./notebook_types.ts";
import type { OpenJupyterServer } from "./open_jupyter_server.ts";
import { readNotebook } from "./read_notebook.ts";

/** Options of `runNotebooks`. */
export interface RunNotebooksOptions {
  server: Pick<OpenJupyterServer, "url" | "token" | "kernelName">;
  /** Root folder the server serves. */
  projectRoot: string;
  /** Notebook files to run, in order. */
  notebooks: string[];
  /** Folder the executed notebooks are written to, under the same file names. */
  outDir: string;
  /** Parameters injected into every notebook; none leaves notebooks unchanged. */
  params: Record<string, unknown>;
  cellTimeoutMs: number;
  /** Called as the run progresses, so a CLI can log it. */
  onProgress?: (event: RunProgress) => void;
}

/** A progress event of `runNotebooks`. */
export type RunProgress =
  | { kind: "notebook-start"; notebook: string; kernelCwd: string }
  | { kind: "cell-start"; notebook: string; cell: number; cellCount: number }
  | { kind: "notebook-done"; notebook: string; outPath: string; durationMs: number; failure?: CellExecutionError };

/** Outcome of one notebook run. */
export interface NotebookRunResult {
  source: string;
  outPath: string;
  durationMs: number;
  /** True when a parameters cell was injected, which shifts later cell numbers by one. */
  injected: boolean;
  failure?: CellExecutionError;
}

/**
 * Runs notebooks one after another on a Jupyter Server, each on a fresh Deno kernel, and writes
 * each executed copy to `outDir` (the partial copy too when a cell fails). Stops after the first
 * failing notebook, so later notebooks do not run on top of a failure. A notebook's kernel
 * starts in the notebook's folder when that lies under `projectRoot`, otherwise in
 * `projectRoot`, so the project's deno.json import map always applies.
 */
export async function runNotebooks(options: RunNotebooksOptions): Promise<NotebookRunResult[]> {
  if (!Array.isArray(options?.notebooks)) throw new TypeError("runNotebooks: notebooks must be a list of paths");
  const serverSettings = ServerConnection.makeSettings({
    baseUrl: options.server.url,
    wsUrl: options.server.url.replace(/^http/, "ws"),
    token: options.server.token,
    appendToken: true,
  });
  await Deno.mkdir(options.outDir, { recursive: true });

  const results: NotebookRunResult[] = [];
  for (const path of options.notebooks) {
    const name = basename(path);
    const source = await readNotebook(path);
    checkLanguage(source, path);
    const prepared = injectParameters(source, options.params);
    const injected = prepared.cells.some((cell) => cell.metadata?.tags?.includes(INJECTED_PARAMETERS_TAG));
    const kernelCwd = kernelFolder(options.projectRoot, path);
    options.onProgress?.({ kind: "notebook-start", notebook: name, kernelCwd });

    const startedAt = new Date().toISOString();
    const execution = await executeNotebook(prepared, {
      serverSettings,
      kernelName: options.server.kernelName,
      kernelCwd,
      notebookName: name,
      cellTimeoutMs: options.cellTimeoutMs,
      onCellStart: (cell, cellCount) => options.onProgress?.({ kind: "cell-start", notebook: name, cell, cellCount }),
    });
    recordRun(execution.notebook, options.params, startedAt, execution.durationMs, execution.failure);

    const outPath = join(options.outDir, name);
    await Deno.writeTextFile(outPath, JSON.stringify(execution.notebook, null, 1) + "\n");
    const result = { source: path, outPath, durationMs: execution.durationMs, injected, failure: execution.failure };
    results.push(result);
    options.onProgress?.({
      kind: "notebook-done",
      notebook: name,
      outPath,
      durationMs: execution.durationMs,
      failure: execution.failure,
    });
    if (execution.failure !== undefined) break;
  }
  return results;
}

function checkLanguage(notebook: Notebook, path: string): void {
  const kernelspec = notebook.metadata.kernelspec as { name?: string; language?: string } | undefined;
  const language = kernelspec?.language;
  if (language === undefined || ["typescript", "javascript"].includes(language.toLowerCase())) return;
  throw new Error(
    `${path} is a ${language} notebook (kernel ${kernelspec?.name}); this runner runs Deno notebooks, so switch its kernel to Deno`,
  );
}

function kernelFolder(projectRoot: string, notebookPath: string): string {
  const folder = relative(resolve(projectRoot), resolve(dirname(notebookPath)));
  if (folder.startsWith("..") || isAbsolute(folder)) return "";
  return folder.split("\\").join("/");
}

function recordRun(
  notebook: Notebook,
  params: Record<string, unknown>,
  startedAt: string,
  durationMs: number,
  failure: CellExecutionError | undefined,
): void {
  notebook.metadata.notebook_run = {
    runner: "scripts/notebooks.ts",
    parameters: params,
    started_at: startedAt,
    duration_seconds: Math.round(durationMs) / 1000,
    status: failure === undefined ? "completed" : "failed",
    ...(failure === undefined ? {} : { failed_cell: failure.cell, error: `${failure.ename}: ${failure.evalue}` }),
  };
}
