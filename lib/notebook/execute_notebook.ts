import { KernelManager, type ServerConnection } from "./jupyter_services.ts";
import { CellExecutionError } from "./cell_execution_error.ts";
import { cellSource } from "./cell_source.ts";
import { executeCell } from "./execute_cell.ts";
import type { CodeCell, Notebook } from "./notebook_types.ts";
import type { DisplayRegistry } from "./output_collector.ts";

/** Options of `executeNotebook`. */
export interface ExecuteNotebookOptions {
  /** Connection to a running Jupyter Server. */
  serverSettings: ServerConnection.ISettings;
  /** Kernelspec name, e.g. `deno`. */
  kernelName: string;
  /** Folder the kernel starts in, as a path relative to the server root ("" for the root). */
  kernelCwd: string;
  /** Notebook file name, used in error messages. */
  notebookName: string;
  /** Time one cell may run before it is interrupted and the run fails. */
  cellTimeoutMs: number;
  /** Called before each code cell runs, with its 1-based position among all cells. */
  onCellStart?: (cell: number, cellCount: number) => void;
}

/** The outcome of one notebook run. */
export interface NotebookExecution {
  /** The notebook with outputs and execution counts; cells after a failure stay empty. */
  notebook: Notebook;
  /** The failing cell, when a cell failed, timed out or the kernel died. */
  failure?: CellExecutionError;
  /** Wall time from kernel start to kernel shutdown. */
  durationMs: number;
}

/**
 * Executes a notebook on a new kernel, the way `jupyter nbconvert --execute` or papermill
 * would: clears old results, runs every non-empty code cell in order, stores outputs and
 * execution counts, and stops at the first failing cell without running later ones. Always
 * shuts the kernel down. Returns the partial notebook with the failure instead of throwing, so
 * the caller can still write it; connection errors before the first cell still throw.
 */
export async function executeNotebook(notebook: Notebook, options: ExecuteNotebookOptions): Promise<NotebookExecution> {
  if (!Array.isArray(notebook?.cells)) throw new TypeError("executeNotebook: notebook must have a cells array");
  if (!(options.cellTimeoutMs > 0)) {
    throw new RangeError(`executeNotebook: cellTimeoutMs must be > 0, got ${options.cellTimeoutMs}`);
  }
  const started = performance.now();
  const executed = clearResults(notebook);

  const manager = new KernelManager({ serverSettings: options.serverSettings });
  // The server's REST API takes `path` (the kernel's working folder) although the client's
  // type lists only `name`, so the options go in as a variable rather than a literal.
  const createOptions = { name: options.kernelName, path: options.kernelCwd };
  const kernel = await manager.startNew(createOptions);
  try {
    const kernelDead = new Promise<string>((resolve) => {
      kernel.statusChanged.connect((_, status) => {
        if (status === "dead" || status === "autorestarting") resolve(`kernel status ${status}`);
      });
    });
    const info = await kernel.info;
    executed.metadata.kernelspec = { name: options.kernelName, display_name: "Deno", language: "typescript" };
    executed.metadata.language_info = info.language_info;

    const displays: DisplayRegistry = new Map();
    for (const [index, cell] of executed.cells.entries()) {
      if (cell.cell_type !== "code") continue;
      const code = cellSource(cell);
      if (code.trim() === "") continue;

      options.onCellStart?.(index + 1, executed.cells.length);
      const result = await executeCell(kernel, code, options.cellTimeoutMs, displays, kernelDead);
      cell.outputs = result.outputs;
      cell.execution_count = result.executionCount;
      cell.metadata = {
        ...cell.metadata,
        execution: { "shell.execute_request": result.startedAt, "shell.execute_reply": result.finishedAt },
      };
      if (result.error !== undefined) {
        const { ename, evalue, traceback } = result.error;
        const failure = new CellExecutionError(options.notebookName, index + 1, ename, evalue, traceback);
        return { notebook: executed, failure, durationMs: performance.now() - started };
      }
    }
    return { notebook: executed, durationMs: performance.now() - started };
  } finally {
    await kernel.shutdown().catch(() => {});
    kernel.dispose();
    manager.dispose();
  }
}

function clearResults(notebook: Notebook): Notebook {
  const copy = structuredClone(notebook);
  for (const cell of copy.cells) {
    if (cell.cell_type !== "code") continue;
    const code = cell as CodeCell;
    code.outputs = [];
    code.execution_count = null;
    if (code.metadata && "execution" in code.metadata) delete code.metadata.execution;
  }
  copy.metadata ??= {};
  return copy;
}
